/** The engines a live room is made of, and the batch of updates one call produces. */
import type { User } from '../events/user';
import type { ViewerBadge } from '../protocol/channel-data';
import type { ChannelUpdate } from '../protocol/channels';
import type { Engines } from './engine-registry';
import type { GiftLedgerPort } from './ledger-port';
import type { RoomFacts } from './room-facts';

/** A room's parts: its facts, its gift ledger and every registered engine (engine-registry.ts). */
export interface RoomParts extends Engines {
  facts: RoomFacts;
  ledger: GiftLedgerPort;
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
