/** A room's configuration and its facts besides the engines (stream, clock, revenue model). */
import type { AlertSettings } from '../protocol/commands/alerts';
import type { QnaSettings } from '../protocol/commands/qna';
import type { RevenueModel } from '../revenue/revenue-model';

/** Tunables of a room; every field has a default. */
export interface LiveRoomConfig {
  /** Gift ledger timing, stream-time ms. */
  ledger?: { quietPeriodMs?: number; crossSourceWindowMs?: number };
  /** Rows on the top-gifters leaderboard (default 10). */
  leaderboardSize?: number;
  /** Alert queue settings (tiers, storm mode, kinds); panels change them with `alerts.configure`. */
  alerts?: Partial<AlertSettings>;
  /** How chat lines become questions; panels change it with `qna.configure`. */
  qna?: Partial<QnaSettings>;
}

/** Room-level facts besides the engines. */
export interface RoomFacts {
  streamId: string;
  startedAt: number;
  /** Latest stream time seen, epoch ms. */
  now: number;
  endedAt: number | null;
  revenueModel: RevenueModel;
  /** The owner's `settings.moderatorsSeeEarnings`: the server withholds money from moderators. */
  moderatorsSeeEarnings: boolean;
  config: LiveRoomConfig;
  /** TikTok question events seen. */
  questions: number;
  /** Coins in treasure chests handed to viewers (never revenue). */
  treasureChestCoins: number;
}
