/** The room's figures: goals, the gifter leaderboard, audience metrics and earnings. */
import type { RevenueFigures } from '../../revenue/revenue-model';
import type { ChatBadges } from './chat';
import type { ViewerBadge } from './viewer';

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
