/**
 * What the server broadcasts, split so each overlay receives only what it draws.
 * A client subscribes to channels; it gets each channel's snapshot at once, then its updates.
 */
export const CHANNELS = [
  'alerts',
  'chat',
  'poll',
  'qna',
  'sponsor',
  'goals',
  'leaderboard',
  'metrics',
  'earnings',
  'moderation',
  'battle',
  'actions',
  'actionRules',
  'sources',
  'obs',
  'clips',
  'sounds',
] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Channels the relay holds itself, outside any stream's room: source health, the link to OBS,
 * the owner's video clips and sounds (kept in the config folder across streams).
 */
export const RELAY_CHANNELS = [
  'sources',
  'obs',
  'clips',
  'sounds',
] as const satisfies readonly Channel[];
export type RelayChannel = (typeof RELAY_CHANNELS)[number];
/** Channels a stream's live room draws. */
export type RoomChannel = Exclude<Channel, RelayChannel>;

export const isRoomChannel = (channel: Channel): channel is RoomChannel =>
  !(RELAY_CHANNELS as readonly string[]).includes(channel);

/**
 * Channels only panels may watch: the moderation audit and filters, the action rules and the
 * link to OBS are not for OBS pages.
 */
export const PANEL_ONLY_CHANNELS = [
  'moderation',
  'actionRules',
  'obs',
  'clips',
] as const satisfies readonly Channel[];

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);

/**
 * One change on a channel. `type` names the change within the channel (e.g. `alert.upsert`,
 * `poll.state`); `data` is typed per channel by the engine that owns it.
 */
export interface ChannelUpdate<C extends Channel = Channel, D = unknown> {
  channel: C;
  type: string;
  data: D;
}

/** The current state of each subscribed channel, sent on every (re)connect and subscribe. */
export interface StateSnapshot {
  streamId: string | null;
  /** Journal sequence number the snapshot reflects. */
  seq: number;
  channels: Partial<Record<Channel, unknown>>;
  /**
   * Channels the client asked for that the server holds back from its role right now (a
   * moderator's `earnings` until the owner allows it). Absent when nothing is withheld.
   */
  withheld?: Channel[];
}

/** Updates are sent at once when the relay is idle and batched within one frame under load. */
export interface UpdateBatch {
  /** Journal sequence number after the last update in the batch. */
  seq: number;
  updates: ChannelUpdate[];
}
