/**
 * One payload of every channel state and every increment, with every optional field set, for
 * the wire schemas' round-trip tests (shared/protocol/wire/wire.test.ts). Typed by the protocol:
 * a new channel or update type without a sample here does not compile. Names are made up.
 */
import type { ChannelStates, TypedUpdate, ViewerBadge } from '../../shared/protocol/channel-data';

const ana: ViewerBadge = {
  id: '7001',
  handle: 'ana_b',
  nickname: 'Ana <b>',
  avatarUrl: 'https://p16.tiktokcdn.com/ana.webp',
};
const ben: ViewerBadge = { id: '7002', handle: 'ben', nickname: '', avatarUrl: null };
const badges = {
  moderator: true,
  subscriber: false,
  topGifterRank: 2,
  gifterLevel: null,
  badgePictures: [{ kind: 'moderator' as const, imageUrl: 'https://p16.tiktokcdn.com/m.png' }],
};

const alert: ChannelStates['alerts']['queue'][number] = {
  id: 'a1',
  kind: 'subscribe',
  tier: 3,
  user: ana,
  gift: { name: 'Rose', imageUrl: null, coinsPerUnit: 1 },
  count: 5,
  coins: 5,
  settled: false,
  merged: { alerts: 3, viewers: 2 },
  at: 1_700_000_000_000,
  plan: 'superFan',
  months: 3,
};
const chatLine: ChannelStates['chat']['lines'][number] = {
  id: 'c1',
  user: { ...ana, ...badges },
  text: 'hi 🌹 <script>',
  emotes: [{ id: 'e1', imageUrl: 'https://p16.tiktokcdn.com/e.png', at: 3 }],
  at: 1_700_000_000_500,
};
const question = {
  id: 'q1',
  text: 'Which song next?',
  user: ben,
  status: 'onScreen' as const,
  upvotes: 4,
  merged: 1,
  askedAt: 1_700_000_001_000,
  number: 3,
  origin: 'chat' as const,
  history: [{ status: 'approved' as const, by: 'mod:alex', at: 1_700_000_002_000 }],
};
const creative = {
  brand: 'Acme',
  product: 'Mug',
  promoCode: 'LIVE10',
  callToAction: null,
  logoUrl: 'https://example.com/logo.png',
  plannedSeconds: 60,
};
const battle = {
  id: 'b1',
  status: 'ended' as const,
  sides: [
    { hostId: 'h1', host: ana, score: 120, streamer: true, result: 'win' as const },
    { hostId: 'h2', host: null, score: 80, streamer: false, result: 'lose' as const },
  ],
  leaderHostId: 'h1',
  winnerHostId: 'h1',
  draw: false,
  startedAt: 1,
  endedAt: 2,
  endsAt: null,
};
const model = {
  id: 'brief-20',
  name: 'Product brief',
  viewerUsdPerCoin: 0.0143,
  diamondsPerCoin: 1,
  usdPerDiamond: 0.0143,
  platformShare: 0.2,
  brandDealShare: 0.2,
  payoutThresholdUsd: 100,
  source: 'sample',
};
const run: ChannelStates['actions']['running'][number] = {
  runId: 'r1',
  ruleId: 'welcome',
  ruleName: 'Welcome',
  output: 'timer',
  action: { kind: 'timer', label: 'Hype {nickname}', seconds: 30, direction: 'up' },
  viewer: ana,
  values: { nickname: 'Ana', count: '5' },
  simulated: true,
  firedAt: 10,
  startedAt: 11,
  endsAt: 41,
};

export const STATE_SAMPLES: ChannelStates = {
  alerts: { paused: false, storm: true, queue: [alert], playingId: 'a1' },
  chat: { lines: [chatLine] },
  poll: {
    current: {
      id: 'p1',
      question: 'Cats or dogs?',
      options: [
        { key: '1', label: 'Cats', votes: 3, score: 13 },
        { key: '2', label: 'Dogs', votes: 2, score: 2 },
      ],
      status: 'closed',
      startedAt: 1,
      endsAt: 61,
      visible: true,
      totalVoters: 5,
      winners: ['1'],
      weighting: 'one coin is one vote, at most 10',
      closedAt: 61,
    },
  },
  qna: { onScreen: question, questions: [question] },
  sponsor: {
    card: {
      ...creative,
      segmentId: 's1',
      kind: 'productPlacement',
      elapsedSeconds: 12,
      state: 'paused',
      measuredAt: 5,
    },
    plans: [
      {
        ...creative,
        id: 'plan1',
        kind: 'sponsoredSegment',
        talkingPoints: ['It keeps tea hot'],
        hasDealValue: true,
      },
    ],
    segments: [
      { id: 's1', planId: 'plan1', state: 'ended', startedAt: 1, endedAt: 9, onScreenSeconds: 8 },
    ],
  },
  goals: {
    goals: [
      {
        id: 'g1',
        kind: 'tiktok',
        label: 'Roses',
        unit: 'Rose',
        target: 100,
        current: 40,
        etaSeconds: null,
        reachedAt: null,
      },
    ],
  },
  leaderboard: {
    top: [
      { ...ana, coins: 500, ...badges },
      { ...ben, coins: 20 },
    ],
  },
  metrics: {
    viewers: 10,
    peakViewers: 12,
    averageViewers: 9.5,
    likes: 100,
    follows: 2,
    shares: 1,
    chatMessages: 30,
    uniqueChatters: 8,
    engagementRate: 0.4,
    coinsPerHour: 1200,
    durationSeconds: 600,
    audience: {
      joins: 20,
      joinsByVia: { member: 15, entrance: 2, superFan: 1, anonymous: 2 },
      emotes: 3,
      subscriptions: 1,
      superFans: 1,
      followerCount: 1234,
      totalViewers: 90,
      statedShares: null,
      topViewers: [{ ...ana, coins: 500, rank: 1 }],
    },
    perMinute: [{ minute: 0, viewers: 10, coins: 5, chats: 3, likes: 20 }],
  },
  earnings: {
    committedCoins: 100,
    provisionalCoins: 5,
    guestCoins: 10,
    figures: {
      coins: 100,
      diamonds: 100,
      viewerSpendUsd: 1.43,
      estimatedPayoutUsd: 1.14,
      platformShareUsd: 0.29,
      model,
    },
    coinsPerHour: 600,
    moderatorsSeeEarnings: true,
  },
  moderation: {
    words: [{ word: 'spoiler', action: 'mask' }],
    mutedViewers: [{ id: '7002', handle: 'ben' }],
    hiddenMessageIds: ['c0'],
    audit: [
      {
        seq: 1,
        at: 2,
        by: 'owner',
        role: 'owner',
        action: 'moderation.muteViewer',
        detail: 'muted @ben',
      },
    ],
  },
  battle: { current: battle, recent: [{ ...battle, status: 'unfinished' }] },
  actions: {
    queue: [{ ...run, runId: 'r2', startedAt: null, endsAt: null, viewer: null }],
    running: [run],
    history: [
      {
        runId: null,
        ruleId: 'welcome',
        ruleName: 'Welcome',
        actionKind: null,
        viewer: 'Ana',
        at: 3,
        outcome: 'skipped',
        reason: 'cooldown',
        simulated: false,
      },
    ],
  },
  actionRules: {
    rules: [
      {
        id: 'welcome',
        name: 'Welcome',
        enabled: true,
        trigger: { kind: 'gift', gift: null, minCoins: 10, count: 'perUpgrade' },
        cooldown: { perUserSeconds: 5, globalSeconds: 0 },
        actions: [
          { kind: 'sound', soundId: 'abc.mp3', volume: 0.5, seconds: 3 },
          { kind: 'clip', clipId: 'abc.mp4', volume: 1, seconds: 10 },
          { kind: 'alert', variant: 'follow', tier: 4 },
          { kind: 'text', text: 'Thanks {nickname}', seconds: 5 },
          { kind: 'obsScene', scene: 'Main' },
          { kind: 'obsSource', scene: 'Main', source: 'Confetti', seconds: 5 },
          { kind: 'obsText', source: 'Last gift', text: '{gift}' },
        ],
      },
      {
        id: 'dance',
        name: 'Dance',
        enabled: false,
        trigger: { kind: 'command', command: '!dance', allowed: 'followers' },
        cooldown: { perUserSeconds: 0, globalSeconds: 30 },
        actions: [{ kind: 'text', text: 'Dance!', seconds: 5 }],
      },
    ],
    settings: {
      moderatorsEditRules: true,
      concurrency: { overlay: 1, timer: 2, obs: 1, alerts: 1 },
      maxQueue: 50,
    },
  },
  sources: {
    sources: [
      {
        source: 'replay',
        state: 'live',
        detail: null,
        primary: true,
        lastEventAt: 5,
        eventsPerMinute: 60,
        input: {
          read: 10,
          events: 8,
          eventsByKind: { chat: 5, gift: 3 },
          duplicates: { count: 1, lines: [4] },
          skipped: { count: 1, byReason: [{ reason: 'bad json', count: 1, lines: [7] }] },
          unknownEvents: { envelope: 1 },
          shapes: { 'nested 2.3+': 9 },
          journalRecords: 0,
          streaksSettledAtEnd: 1,
        },
      },
    ],
  },
  obs: {
    status: 'unreachable',
    enabled: true,
    address: 'ws://127.0.0.1:4455',
    passwordSet: true,
    detail: 'ECONNREFUSED',
    retryAt: 99,
    scenes: ['Main'],
    inputs: ['Confetti'],
  },
  clips: { clips: [{ id: 'abc.mp4', name: 'hype.mp4', type: 'video/mp4', bytes: 2048 }] },
  sounds: {
    sounds: [{ id: `${'a'.repeat(32)}.wav`, name: 'ding.wav', type: 'audio/wav', bytes: 512 }],
    settings: { volume: 0.5, muted: false, tiers: { '2': 'tier-4' }, gifts: { Rose: 'tier-1' } },
  },
};

type Increment = Exclude<TypedUpdate, { type: `${string}.state` }>;

/** One of every increment, keyed by its type: a new increment without a sample does not compile. */
export const INCREMENT_SAMPLES: { [T in Increment['type']]: Extract<Increment, { type: T }> } = {
  'alert.upsert': { channel: 'alerts', type: 'alert.upsert', data: alert },
  'alert.skip': { channel: 'alerts', type: 'alert.skip', data: { id: 'a1' } },
  'chat.line': { channel: 'chat', type: 'chat.line', data: chatLine },
  'chat.remove': {
    channel: 'chat',
    type: 'chat.remove',
    data: { ids: ['c1'], by: 'tiktok', userIds: ['7002'] },
  },
  'action.start': { channel: 'actions', type: 'action.start', data: run },
  'action.end': {
    channel: 'actions',
    type: 'action.end',
    data: { runId: 'r1', outcome: 'failed', reason: 'OBS refused' },
  },
};
