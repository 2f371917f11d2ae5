/**
 * What each channel carries to overlays and panels. Small channels send their whole state on
 * each change (`<channel>.state`), so a burst coalesces to its last state; chat and alerts send
 * increments. Every string a viewer wrote is rendered as text. The shapes live one channel group
 * a file in data/; this module is their one public entry.
 */
import type {
  ActionRulesState,
  ActionsState,
  ActionsUpdate,
  ClipsState,
  ObsState,
} from './actions/actions-data';
import type { Channel } from './channels';
import type { AlertsState, AlertsUpdate } from './data/alerts';
import type { BattleState } from './data/battle';
import type { ChatState, ChatUpdate } from './data/chat';
import type { ModerationState } from './data/moderation';
import type { PollState } from './data/poll';
import type { QnaState } from './data/qna';
import type {
  EarningsState,
  GoalsState,
  LeaderboardState,
  MetricsState,
} from './data/room-figures';
import type { SourcesState } from './data/sources';
import type { SponsorState } from './data/sponsor';
import type { SoundsState } from './sounds';

export type * from './data/alerts';
export type * from './data/battle';
export type * from './data/chat';
export type * from './data/moderation';
export type * from './data/poll';
export type * from './data/qna';
export type * from './data/room-figures';
export type * from './data/sources';
export type * from './data/sponsor';
export type * from './data/viewer';
export type { SoundsState } from './sounds';

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
  sounds: SoundsState;
}

/** `<channel>.state` replaces the channel's whole state. */
export type StateUpdate = {
  [C in Channel]: { channel: C; type: `${C}.state`; data: ChannelStates[C] };
}[Channel];

export type TypedUpdate = StateUpdate | AlertsUpdate | ChatUpdate | ActionsUpdate;
