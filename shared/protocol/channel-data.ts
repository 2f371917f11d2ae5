/**
 * What each channel carries to overlays and panels. Small channels send their whole state on
 * each change (`<channel>.state`), so a burst coalesces to its last state; chat and alerts send
 * increments. Every string a viewer wrote is rendered as text.
 */
import type { EventSource } from '../events/base';
import type { ChatEmote } from '../events/chat';
import type { BadgePicture } from '../events/user';
import type { RevenueFigures } from '../revenue/revenue-model';
import type {
  ActionRulesState,
  ActionsState,
  ActionsUpdate,
  ClipsState,
  ObsState,
} from './actions/actions-data';
import type { Channel } from './channels';
import type { InputSummary } from './input-summary';

/** A viewer as overlays draw them. */
export interface ViewerBadge {
  id: string;
  handle: string;
  nickname: string;
  avatarUrl: string | null;
}

// ── alerts ──────────────────────────────────────────────────────────────────────────────────
export type AlertKind = 'gift' | 'follow' | 'share' | 'subscribe' | 'test';

/** One alert. A gift streak is one alert that upgrades live (`count` grows) and then settles. */
export interface AlertView {
  id: string;
  kind: AlertKind;
  /** 1 (smallest) to 5 (largest), by coin value. */
  tier: 1 | 2 | 3 | 4 | 5;
  user: ViewerBadge;
  gift: { name: string; imageUrl: string | null; coinsPerUnit: number } | null;
  /** Current streak count (×N). */
  count: number;
  /** Coins the alert stands for (provisional until `settled`). */
  coins: number;
  /** True once the streak committed (or at once for non-streak alerts). */
  settled: boolean;
  /** Storm mode merged several small gifts into this alert. */
  merged: { alerts: number; viewers: number } | null;
  at: number;
  /** Subscribe alerts: a LIVE subscription or a new Super Fan (absent: a subscription). */
  plan?: 'subscription' | 'superFan';
  /** Subscribe alerts: months subscribed, when TikTok says. */
  months?: number | null;
}
export interface AlertsState {
  paused: boolean;
  storm: boolean;
  /** Alerts waiting or playing, highest tier first. */
  queue: AlertView[];
  /** The alert at the head that is playing now (it stays first until it finishes). */
  playingId?: string | null;
}
export type AlertsUpdate =
  | { channel: 'alerts'; type: 'alert.upsert'; data: AlertView }
  | { channel: 'alerts'; type: 'alert.skip'; data: { id: string } }
  | { channel: 'alerts'; type: 'alerts.state'; data: AlertsState };

// ── chat ────────────────────────────────────────────────────────────────────────────────────
/** What a chat line shows before the name: the viewer's badges, and TikTok's pictures of them. */
export interface ChatBadges {
  moderator: boolean;
  subscriber: boolean;
  /** 1-based rank among the room's top gifters, null when not ranked. */
  topGifterRank?: number | null;
  /** TikTok's gifter level, null when unknown. */
  gifterLevel?: number | null;
  /** TikTok's pictures for some of these badges; the others are drawn by Limelight. */
  badgePictures?: BadgePicture[];
}
export interface ChatLine {
  id: string;
  user: ViewerBadge & ChatBadges;
  text: string;
  /** Emote pictures, each at its place in `text` (see `ChatEmote.at`). */
  emotes: ChatEmote[];
  at: number;
}
export interface ChatState {
  /** The most recent lines, oldest first, already filtered by moderation. */
  lines: ChatLine[];
}
export type ChatUpdate =
  | { channel: 'chat'; type: 'chat.line'; data: ChatLine }
  | {
      channel: 'chat';
      type: 'chat.remove';
      /**
       * `by: 'tiktok'`: TikTok removed these messages (`imDelete`): every id it named (on the
       * overlays or not) and, in `userIds`, the users whose every line it removed; panels drop
       * them rather than list them as moderated. Absent for moderation (hidden, muted, filtered).
       */
      data: { ids: string[]; by?: 'tiktok'; userIds?: string[] };
    };

// ── poll ────────────────────────────────────────────────────────────────────────────────────
export interface PollOptionView {
  /** What viewers type: "1", "A" or a keyword. */
  key: string;
  label: string;
  votes: number;
  /** Weighted score when gift votes count; equals votes otherwise. */
  score: number;
}
export interface PollView {
  id: string;
  question: string;
  options: PollOptionView[];
  status: 'running' | 'closed';
  startedAt: number;
  endsAt: number | null;
  visible: boolean;
  totalVoters: number;
  /** Set when closed: the winning keys; more than one is a tie. */
  winners: string[] | null;
  /** How votes are counted, in words shown to viewers (e.g. gift weighting and its cap). */
  weighting?: string;
  closedAt?: number | null;
}
export interface PollState {
  current: PollView | null;
}

// ── Q&A ─────────────────────────────────────────────────────────────────────────────────────
export type QuestionStatus = 'pending' | 'approved' | 'onScreen' | 'answered' | 'dismissed';
export interface QuestionView {
  id: string;
  text: string;
  user: ViewerBadge;
  status: QuestionStatus;
  upvotes: number;
  /** How many near-duplicates were merged into this one. */
  merged: number;
  askedAt: number;
  /** Short number viewers can upvote by (`+1 #3`). */
  number?: number;
  /** Where it came from: TikTok's question feature or a chat line. */
  origin?: 'tiktok' | 'chat';
  /** Every moderator action on it, oldest first. */
  history?: Array<{ status: QuestionStatus; by: string; at: number }>;
}
export interface QnaState {
  onScreen: QuestionView | null;
  questions: QuestionView[];
}

// ── sponsor ─────────────────────────────────────────────────────────────────────────────────
/** What a deal shows on screen, the same in the plan (panels) and on the card (overlays). */
export interface SponsorCreative {
  brand: string;
  product: string;
  promoCode: string | null;
  callToAction: string | null;
  logoUrl: string | null;
  plannedSeconds: number;
}

export interface SponsorCardView extends SponsorCreative {
  segmentId: string;
  kind: 'productPlacement' | 'sponsoredSegment' | 'coHostedEvent';
  /** Seconds on screen so far (pauses excluded). */
  elapsedSeconds: number;
  state: 'running' | 'paused';
  /** Stream time the elapsed seconds were measured at, for client-side countdowns. */
  measuredAt: number;
}
/** A planned deal as panels list it (the deal value stays out of broadcast channels). */
export interface SponsorPlanView extends SponsorCreative {
  id: string;
  kind: SponsorCardView['kind'];
  talkingPoints: string[];
  /** Whether the owner set a deal value (the value itself is in the owner's report). */
  hasDealValue: boolean;
}
export interface SponsorSegmentSummary {
  id: string;
  planId: string;
  state: 'running' | 'paused' | 'ended';
  startedAt: number;
  endedAt: number | null;
  onScreenSeconds: number;
}
export interface SponsorState {
  card: SponsorCardView | null;
  plans?: SponsorPlanView[];
  segments?: SponsorSegmentSummary[];
}

// ── goals, leaderboard, metrics, earnings ───────────────────────────────────────────────────
export interface GoalView {
  id: string;
  /**
   * What it counts. `tiktok`: the streamer's own TikTok LIVE goal (one view per target), kept
   * by TikTok and followed here without being set up in Limelight; `unit` names what it counts.
   */
  kind: 'coins' | 'likes' | 'follows' | 'shares' | 'tiktok';
  label: string;
  /** What `current` and `target` count when `kind` does not say (a TikTok goal's gift). */
  unit?: string;
  target: number;
  current: number;
  /** Seconds to reach the target at the recent rate; null when no recent progress. */
  etaSeconds: number | null;
  reachedAt: number | null;
}
export interface GoalsState {
  goals: GoalView[];
}
export interface LeaderboardState {
  /** Most coins first, with each gifter's badges as their latest message showed them. */
  top: Array<ViewerBadge & Partial<ChatBadges> & { coins: number }>;
}
export interface MetricsState {
  viewers: number;
  peakViewers: number;
  averageViewers: number;
  likes: number;
  follows: number;
  shares: number;
  chatMessages: number;
  uniqueChatters: number;
  engagementRate: number;
  coinsPerHour: number;
  durationSeconds: number;
  /**
   * The room's audience beyond chat and gifts: joins of every kind, emotes sent on their own,
   * subscriptions and new Super Fans, and what TikTok states about the room (its follower count,
   * everyone who watched, its top viewers with the coins TikTok credits them). Stated figures
   * are sampled: the latest (or largest, for running totals) is kept, never summed.
   */
  audience: AudienceView;
  /** One point per minute of stream time. */
  perMinute: Array<{
    minute: number;
    viewers: number;
    coins: number;
    chats: number;
    likes: number;
  }>;
}
/** See `MetricsState.audience`. */
export interface AudienceView {
  joins: number;
  /** Joins by how the viewer came in (`anonymous`: a viewer not logged in). */
  joinsByVia: Record<'member' | 'entrance' | 'superFan' | 'anonymous', number>;
  emotes: number;
  subscriptions: number;
  superFans: number;
  /** The host's followers as TikTok last stated them (with a follow); null until stated. */
  followerCount: number | null;
  /** Everyone who has watched this LIVE, as TikTok counts them; null until stated. */
  totalViewers: number | null;
  /** The room's share count as TikTok states it; null until stated. */
  statedShares: number | null;
  /** TikTok's top viewers, best first, with the coins TikTok credits them (never revenue). */
  topViewers: Array<ViewerBadge & { coins: number; rank: number | null }>;
}
export interface EarningsState {
  committedCoins: number;
  provisionalCoins: number;
  /** Gifts to guests in multi-guest rooms, kept apart from the host's. */
  guestCoins: number;
  figures: RevenueFigures;
  coinsPerHour: number;
  /**
   * The owner's setting `settings.moderatorsSeeEarnings` (absent means false). The server sends
   * this channel to moderators only while it is true.
   */
  moderatorsSeeEarnings?: boolean;
}

// ── battle ──────────────────────────────────────────────────────────────────────────────────
/** How a battle side ended: TikTok's word, or (when it gave none) the final scores'. */
export type BattleResult = 'win' | 'lose' | 'draw';

/** One side of a battle: a host and their room's points (battle points, never coins). */
export interface BattleSideView {
  hostId: string;
  /** Null until a message names the host (score updates carry only the id). */
  host: ViewerBadge | null;
  score: number;
  /** True for the streamer's own side (it is listed first). */
  streamer: boolean;
  /** Set once the battle ended. */
  result: BattleResult | null;
}
/** A link-mic battle: two sides, or more in a multi-guest battle. */
export interface BattleView {
  id: string;
  /** `unfinished`: cut off (a new battle or the stream's end came first) without a result. */
  status: 'running' | 'ended' | 'unfinished';
  /** The streamer's side first, then the others in the order TikTok listed them. */
  sides: BattleSideView[];
  /** The side strictly ahead on points right now; null while tied. */
  leaderHostId: string | null;
  /** The winner once ended; null for a draw or while running. */
  winnerHostId: string | null;
  draw: boolean;
  startedAt: number;
  endedAt: number | null;
  /** When TikTok says the battle ends, epoch ms (stream time), when it says. */
  endsAt: number | null;
}
export interface BattleState {
  /** The running battle, or the one that just ended (shown with its result for a while). */
  current: BattleView | null;
  /** Finished battles of this stream, newest first (a few). */
  recent: BattleView[];
}

// ── moderation ──────────────────────────────────────────────────────────────────────────────
/** A filtered word: `block` keeps the whole line off the overlays, `mask` stars the word out. */
export interface FilteredWord {
  word: string;
  action: 'block' | 'mask';
}
/** One moderator or owner action, for the audit log. */
export interface AuditEntry {
  /** Sequence number within the stream. */
  seq: number;
  at: number;
  /** Actor name, e.g. `owner` or `mod:alex`. */
  by: string;
  role: string;
  /** The command type, e.g. `moderation.muteViewer`. */
  action: string;
  /** A short human summary of what changed. */
  detail: string;
}
export interface ModerationState {
  words: FilteredWord[];
  /** Viewers whose chat and alerts are kept off the overlays (their gifts still count). */
  mutedViewers: Array<{ id: string; handle: string }>;
  /** Chat message ids hidden from the overlays. */
  hiddenMessageIds: string[];
  /** The most recent audit entries, oldest first. */
  audit: AuditEntry[];
}

// ── sources ─────────────────────────────────────────────────────────────────────────────────
export interface SourceHealth {
  source: EventSource;
  state: 'connecting' | 'live' | 'waiting' | 'offline' | 'rateLimited' | 'error' | 'ended';
  detail: string | null;
  primary: boolean;
  lastEventAt: number | null;
  eventsPerMinute: number;
  /** Sources that read TikTok payloads (connector, replay): what became of their input. */
  input?: InputSummary;
}
export interface SourcesState {
  sources: SourceHealth[];
}

/** The snapshot shape of each channel. */
export interface ChannelStates {
  alerts: AlertsState;
  chat: ChatState;
  poll: PollState;
  qna: QnaState;
  sponsor: SponsorState;
  goals: GoalsState;
  leaderboard: LeaderboardState;
  metrics: MetricsState;
  earnings: EarningsState;
  moderation: ModerationState;
  battle: BattleState;
  actions: ActionsState;
  actionRules: ActionRulesState;
  sources: SourcesState;
  obs: ObsState;
  clips: ClipsState;
}

/** `<channel>.state` replaces the channel's whole state. */
export type StateUpdate = {
  [C in Channel]: { channel: C; type: `${C}.state`; data: ChannelStates[C] };
}[Channel];

export type TypedUpdate = StateUpdate | AlertsUpdate | ChatUpdate | ActionsUpdate;
