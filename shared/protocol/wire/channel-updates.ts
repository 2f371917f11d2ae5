/**
 * Every change a channel carries, as one schema: a `<channel>.state` for each channel (the
 * whole state, also how a snapshot's channel is read) and the increments of alerts, chat and
 * actions. Overlays and panels parse every payload through it (`parseChannelUpdate`,
 * `parseChannelState`); the server's tests validate what it emits with it. Its output type is
 * `TypedUpdate` (channel-data.ts), checked by wire.test.ts.
 */
import { z } from 'zod/mini';
import type { Channel } from '../channels';
import {
  actionRulesStateSchema,
  actionsStateSchema,
  actionsUpdateSchemas,
  clipsStateSchema,
  obsStateSchema,
} from './actions';
import { alertsStateSchema, alertsUpdateSchemas } from './alerts';
import { battleStateSchema } from './battle';
import { chatStateSchema, chatUpdateSchemas } from './chat';
import { goalsStateSchema, leaderboardStateSchema } from './goals-board';
import { moderationStateSchema, sourcesStateSchema } from './panel-states';
import { pollStateSchema, qnaStateSchema } from './poll-qna';
import { earningsStateSchema, metricsStateSchema } from './room-figures';
import { soundsStateSchema } from './sounds';
import { sponsorStateSchema } from './sponsor';

/** The state schema of every channel: a channel without one does not compile. */
export const CHANNEL_STATE_SCHEMAS = {
  alerts: alertsStateSchema,
  chat: chatStateSchema,
  poll: pollStateSchema,
  qna: qnaStateSchema,
  sponsor: sponsorStateSchema,
  goals: goalsStateSchema,
  leaderboard: leaderboardStateSchema,
  metrics: metricsStateSchema,
  earnings: earningsStateSchema,
  moderation: moderationStateSchema,
  battle: battleStateSchema,
  actions: actionsStateSchema,
  actionRules: actionRulesStateSchema,
  sources: sourcesStateSchema,
  obs: obsStateSchema,
  clips: clipsStateSchema,
  sounds: soundsStateSchema,
} satisfies Record<Channel, z.ZodMiniType>;

const update = <C extends Channel, T extends string, S extends z.core.SomeType>(
  channel: C,
  type: T,
  data: S,
) => z.object({ channel: z.literal(channel), type: z.literal(type), data });

const state = <C extends Channel>(channel: C) =>
  update(channel, `${channel}.state` as const, CHANNEL_STATE_SCHEMAS[channel]);

const STATES = [
  state('alerts'),
  state('chat'),
  state('poll'),
  state('qna'),
  state('sponsor'),
  state('goals'),
  state('leaderboard'),
  state('metrics'),
  state('earnings'),
  state('moderation'),
  state('battle'),
  state('actions'),
  state('actionRules'),
  state('sources'),
  state('obs'),
  state('clips'),
  state('sounds'),
] as const;

/** A channel's whole state, as its `<channel>.state` update (a snapshot's channel reads so). */
export const channelStateSchema = z.discriminatedUnion('type', STATES);

export const channelUpdateSchema = z.discriminatedUnion('type', [
  ...STATES,
  update('alerts', 'alert.upsert', alertsUpdateSchemas['alert.upsert']),
  update('alerts', 'alert.skip', alertsUpdateSchemas['alert.skip']),
  update('chat', 'chat.line', chatUpdateSchemas['chat.line']),
  update('chat', 'chat.remove', chatUpdateSchemas['chat.remove']),
  update('actions', 'action.start', actionsUpdateSchemas['action.start']),
  update('actions', 'action.end', actionsUpdateSchemas['action.end']),
]);
