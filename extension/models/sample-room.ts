/** A small, plausible room: channel states for model tests and the dev preview (`?preview`). */
import type {
  EarningsState,
  MetricsState,
  PollView,
  SponsorCardView,
} from '../../shared/protocol/channel-data';
import { BRIEF_PRESET, revenueFor } from '../../shared/revenue/revenue-model';

export function earningsState(committedCoins: number, provisionalCoins = 0): EarningsState {
  return {
    committedCoins,
    provisionalCoins,
    guestCoins: 0,
    figures: revenueFor(committedCoins, BRIEF_PRESET),
    coinsPerHour: committedCoins * 2,
  };
}

export function metricsState(overrides: Partial<MetricsState> = {}): MetricsState {
  return {
    viewers: 40,
    peakViewers: 55,
    averageViewers: 38,
    likes: 900,
    follows: 6,
    shares: 2,
    chatMessages: 120,
    uniqueChatters: 30,
    engagementRate: 0.42,
    coinsPerHour: 300,
    durationSeconds: 1800,
    audience: {
      joins: 210,
      joinsByVia: { member: 180, entrance: 12, superFan: 3, anonymous: 15 },
      emotes: 14,
      subscriptions: 2,
      superFans: 1,
      followerCount: 12_400,
      totalViewers: 640,
      statedShares: 3,
      topViewers: [
        { id: 'tv1', handle: 'ana_b', nickname: 'Ana', avatarUrl: null, coins: 1200, rank: 1 },
        { id: 'tv2', handle: 'ben', nickname: 'Ben', avatarUrl: null, coins: 300, rank: 2 },
      ],
    },
    perMinute: [
      { minute: 0, viewers: 20, coins: 0, chats: 3, likes: 10 },
      { minute: 1, viewers: 30, coins: 50, chats: 9, likes: 40 },
    ],
    ...overrides,
  };
}

export function pollView(status: PollView['status'], overrides: Partial<PollView> = {}): PollView {
  return {
    id: 'poll-1',
    question: 'Pizza or pasta?',
    options: [
      { key: '1', label: 'Pizza', votes: status === 'closed' ? 7 : 2, score: 7 },
      { key: '2', label: 'Pasta', votes: 3, score: 3 },
    ],
    status,
    startedAt: 1_000,
    endsAt: 61_000,
    visible: true,
    totalVoters: status === 'closed' ? 10 : 5,
    winners: status === 'closed' ? ['1'] : null,
    closedAt: status === 'closed' ? 50_000 : null,
    ...overrides,
  };
}

export function sponsorCard(overrides: Partial<SponsorCardView> = {}): SponsorCardView {
  return {
    segmentId: 'seg-1',
    kind: 'sponsoredSegment',
    brand: 'Acme Tea',
    product: 'Green tea',
    promoCode: 'LIVE10',
    callToAction: null,
    logoUrl: null,
    plannedSeconds: 120,
    elapsedSeconds: 30,
    state: 'running',
    measuredAt: 10_000,
    ...overrides,
  };
}
