/**
 * The contract between the server and the live engines. The server validates and dedupes
 * events, hands them to the room, journals what was accepted and broadcasts the updates the
 * room returns. The room is pure and deterministic: stream time comes in, nothing reads a clock.
 */
import type { LiveEvent } from '../events/live-event';
import type { Ack } from '../protocol/ack';
import type {
  AudienceView,
  BattleResult,
  BattleView,
  ChannelStates,
} from '../protocol/channel-data';
import type { Channel, ChannelUpdate } from '../protocol/channels';
import type { Role } from '../protocol/roles';
import type { RevenueModel } from '../revenue/revenue-model';

/** Who ran a command: recorded in the audit log. */
export interface Actor {
  role: Role;
  /** Display name of the panel or person, e.g. `owner` or `mod:alex`. */
  name: string;
}

export interface CommandContext {
  actor: Actor;
  /** Stream time the server received the command, epoch ms. */
  at: number;
}

/** The stream report: the public contract of `npm run report` and the HTTP endpoint (README). */
export interface StreamReport {
  streamId: string;
  startedAt: number;
  endedAt: number | null;
  durationSeconds: number;
  /** Committed coins (host and guests). */
  coins: number;
  /** Coins gifted to guests in multi-guest rooms, included in `coins` but reported apart. */
  guestCoins: number;
  diamonds: number;
  estimatedPayoutUsd: number;
  revenueModel: RevenueModel;
  /** Completed sends: a Rose ×12 streak is one. */
  gifts: number;
  giftsByName: Record<string, { units: number; coins: number }>;
  topGifters: Array<{ handle: string; nickname: string; coins: number }>;
  /** Follow events this stream (TikTok's follower count is the host's total: `followerCount`). */
  followers: number;
  /** Share events, or TikTok's stated share count for the LIVE when larger (never both added). */
  shares: number;
  /** The room's like total (a sampled counter, never summed deltas). */
  likes: number;
  /** The most viewers at once, from TikTok's viewer counts and the member counts of joins. */
  peakViewers: number;
  averageViewers: number;
  chatMessages: number;
  uniqueChatters: number;
  /** TikTok question events. */
  questions: number;
  engagementRate: number;
  polls: unknown[];
  sponsorSegments: unknown[];
  /** Treasure chests: coins handed to viewers, never revenue. */
  treasureChests: number;
  /** Joins of every kind (anonymous viewers included), and by how the viewer came in. */
  joins: number;
  joinsByVia: AudienceView['joinsByVia'];
  /** Emotes sent on their own (not in `chatMessages`). */
  emotes: number;
  subscriptions: number;
  /** Viewers who became Super Fans. */
  superFans: number;
  /** The host's followers as TikTok last stated them; null when no follow stated it. */
  followerCount: number | null;
  /** Everyone who watched the LIVE, as TikTok counts them; null when never stated. */
  totalViewers: number | null;
  /** TikTok's top viewers at the last statement, with the coins TikTok credits them (not revenue). */
  topViewers: Array<{ handle: string; nickname: string; coins: number; rank: number | null }>;
  /** Link-mic battles, oldest first. Their points restate gifts: never part of `coins`. */
  battles: BattleReport[];
}

/** One battle in the report: its sides (the streamer's first) with their final points. */
export interface BattleReport {
  battleId: string;
  status: BattleView['status'];
  startedAt: number;
  endedAt: number | null;
  sides: Array<{
    hostId: string;
    handle: string | null;
    nickname: string | null;
    /** Battle points, not coins. */
    score: number;
    streamer: boolean;
    result: BattleResult | null;
  }>;
  winnerHostId: string | null;
  draw: boolean;
}

export interface LiveRoom {
  /** Applies one validated, deduplicated event. */
  applyEvent(event: LiveEvent): ChannelUpdate[];
  /** Validates, authorizes (by `ctx.actor.role`) and applies one control command. */
  applyCommand(
    command: unknown,
    ctx: CommandContext,
  ): { ack: Ack<unknown>; updates: ChannelUpdate[] };
  /**
   * Time-driven changes as of stream time `now` (streak quiet period, poll deadline, ETAs, the
   * alert queue playing on). Call it about once a second: it also sends the metrics, earnings
   * and leaderboard states that events throttle to one per 250 ms of stream time.
   */
  advance(now: number): ChannelUpdate[];
  /**
   * The input ended (a file read to its last line) with streaks whose end never came: stream
   * time runs on to where the quiet period has passed for each (`advance`), which commits them at
   * their highest count, the same rule as live. `at` is that time (unchanged when none was
   * open); `committed` how many streaks it committed.
   */
  settleOpenStreaks(): { updates: ChannelUpdate[]; committed: number; at: number };
  /** The current state of the given channels. */
  snapshot(channels: readonly Channel[]): Partial<ChannelStates>;
  report(): StreamReport;
  /** JSON-serializable state for journal snapshots; `createLiveRoom({state})` restores it. */
  exportState(): unknown;
}
