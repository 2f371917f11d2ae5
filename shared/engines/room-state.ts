/** The live room's configuration and its exported state (journal snapshots). */
import type { AlertSettings } from '../protocol/commands/alerts';
import type { QnaSettings } from '../protocol/commands/qna';
import type { RevenueModel } from '../revenue/revenue-model';
import type { ActionEngineState, ActionSetup } from './actions/action-engine';
import type { AlertQueueState } from './alerts/alert-state';
import type { BattleEngineState } from './battles/battle-engine';
import type { ChatFeedState } from './chat-feed';
import type { GoalEngineState } from './goals/goal-engine';
import { clone } from './json-state';
import type { MetricsEngineState } from './metrics';
import type { ModerationEngineState } from './moderation/moderation-engine';
import type { PollEngineState } from './polls/poll-engine';
import type { QnaEngineState } from './qna/qna-engine';
import type { SponsorEngineState } from './sponsor/sponsor-engine';
import type { ViewerRolesState } from './viewer-roles';

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

export interface LiveRoomOptions {
  streamId: string;
  /** Stream time the stream started, epoch ms. */
  startedAt: number;
  /** Defaults to the shipped `brief-20` model (20% platform share). */
  revenueModel?: RevenueModel;
  /** Whether moderators may see earnings (default false); carried from stream to stream. */
  moderatorsSeeEarnings?: boolean;
  config?: LiveRoomConfig;
  /** The owner's action rules and settings, stored by the server across streams. */
  actions?: ActionSetup;
  /** A state from `exportState()` (journal snapshot) to continue from; wins over the rest. */
  state?: unknown;
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

/** What `exportState()` returns: everything needed to rebuild the room. */
export interface LiveRoomState extends RoomFacts {
  version: 1;
  ledger: unknown;
  metrics: MetricsEngineState;
  polls: PollEngineState;
  qna: QnaEngineState;
  sponsor: SponsorEngineState;
  goals: GoalEngineState;
  alerts: AlertQueueState;
  moderation: ModerationEngineState;
  chat: ChatFeedState;
  /** Absent in snapshots written before battles were followed: none then. */
  battles?: BattleEngineState;
  /** Absent in snapshots written before actions existed: the owner's stored rules then. */
  actions?: ActionEngineState;
  /** Gifters' badges; absent in older snapshots. */
  roles?: ViewerRolesState;
}

const ENGINE_KEYS = ['metrics', 'polls', 'qna', 'sponsor', 'goals', 'alerts', 'moderation', 'chat'];

/** A saved state, checked for shape; throws with a reason when it is not one. */
export function readSavedState(state: unknown): LiveRoomState | null {
  if (state === undefined || state === null) return null;
  const saved = state as Partial<LiveRoomState>;
  if (typeof state !== 'object' || saved.version !== 1) {
    throw new Error('createLiveRoom: state is not a LiveRoomState of version 1');
  }
  const missing = ENGINE_KEYS.filter(
    (key) => typeof (saved as Record<string, unknown>)[key] !== 'object',
  );
  if (missing.length > 0) throw new Error(`createLiveRoom: state lacks ${missing.join(', ')}`);
  return clone(saved as LiveRoomState);
}
