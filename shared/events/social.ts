import { z } from 'zod';
import { eventBase } from './base';
import { userSchema } from './user';

/**
 * Likes. TikTok sends a per-message `count` and the room's running `roomTotal`; totals are
 * sampled, so counters use `roomTotal` and never sum `count`.
 */
export const likeEventSchema = z.object({
  ...eventBase,
  kind: z.literal('like'),
  user: userSchema.nullable().default(null),
  count: z.number().int().nonnegative().max(1_000_000),
  roomTotal: z.number().int().nonnegative().nullable().default(null),
});
export type LikeEvent = z.output<typeof likeEventSchema>;

const userAction = <K extends string>(kind: K) =>
  z.object({ ...eventBase, kind: z.literal(kind), user: userSchema });

export const joinEventSchema = userAction('join');
export const followEventSchema = userAction('follow');
export const shareEventSchema = userAction('share');
export const subscribeEventSchema = userAction('subscribe');
export type JoinEvent = z.output<typeof joinEventSchema>;
export type FollowEvent = z.output<typeof followEventSchema>;
export type ShareEvent = z.output<typeof shareEventSchema>;
export type SubscribeEvent = z.output<typeof subscribeEventSchema>;

/**
 * A treasure chest (`envelope`): coins handed *to* viewers. Never gift revenue.
 */
export const chestEventSchema = z.object({
  ...eventBase,
  kind: z.literal('chest'),
  user: userSchema,
  coins: z.number().int().nonnegative().max(10_000_000),
  /** How many viewers can open it. */
  slots: z.number().int().nonnegative().max(1_000_000).default(0),
});
export type ChestEvent = z.output<typeof chestEventSchema>;
