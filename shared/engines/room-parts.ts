/** The engines a live room is made of, and the batch of updates one call produces. */
import type { User } from '../events/user';
import type { ViewerBadge } from '../protocol/channel-data';
import type { ChannelUpdate } from '../protocol/channels';
import type { ActionEngine } from './actions/action-engine';
import type { AlertQueue } from './alerts/alert-queue';
import type { BattleEngine } from './battles/battle-engine';
import type { ChatFeed } from './chat-feed';
import type { GoalEngine } from './goals/goal-engine';
import type { GiftLedgerPort } from './ledger-port';
import type { MetricsEngine } from './metrics';
import type { ModerationEngine } from './moderation/moderation-engine';
import type { PollEngine } from './polls/poll-engine';
import type { QnaEngine } from './qna/qna-engine';
import type { RoomFacts } from './room-state';
import type { SponsorEngine } from './sponsor/sponsor-engine';
import type { ViewerRoles } from './viewer-roles';

export interface RoomParts {
  facts: RoomFacts;
  ledger: GiftLedgerPort;
  metrics: MetricsEngine;
  polls: PollEngine;
  qna: QnaEngine;
  sponsor: SponsorEngine;
  goals: GoalEngine;
  alerts: AlertQueue;
  moderation: ModerationEngine;
  chat: ChatFeed;
  battles: BattleEngine;
  actions: ActionEngine;
  roles: ViewerRoles;
}

/** Channels resent whole (`<channel>.state`) when they change. */
export type StateChannel =
  | 'poll'
  | 'qna'
  | 'sponsor'
  | 'goals'
  | 'leaderboard'
  | 'metrics'
  | 'earnings'
  | 'moderation'
  | 'battle'
  | 'actions'
  | 'actionRules';

/** What one call changed: incremental updates (chat, alerts) and channels to resend whole. */
export interface UpdateBatch {
  out: ChannelUpdate[];
  dirty: Set<StateChannel>;
}

export const newBatch = (): UpdateBatch => ({ out: [], dirty: new Set() });

export const badge = (user: User | ViewerBadge): ViewerBadge => ({
  id: user.id,
  handle: user.handle,
  nickname: user.nickname,
  avatarUrl: user.avatarUrl,
});
