import { z } from 'zod';
import { eventBase, viewerText } from './base';
import { userSchema } from './user';

/** TikTok gift type 1 is the only one that streaks (combo); every other type arrives once. */
export const STREAKABLE_GIFT_TYPE = 1;

export const giftInfoSchema = z.object({
  /** TikTok's gift id; null for gifts only known by picture (page capture). */
  id: z.number().int().nonnegative().nullable(),
  name: viewerText(64),
  /** Price of one unit in coins. TikTok calls this `diamondCount`. */
  coins: z.number().int().nonnegative().max(1_000_000),
  /** TikTok's gift type; 1 streaks. */
  type: z.number().int().nonnegative(),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .default(null),
});
export type GiftInfo = z.output<typeof giftInfoSchema>;

/**
 * One gift frame. For streakable gifts (type 1) frames with `repeatEnd` false are provisional
 * and the `repeatEnd` true frame carries the final `repeatCount`; see shared/ledger.
 */
export const giftEventSchema = z.object({
  ...eventBase,
  kind: z.literal('gift'),
  user: userSchema,
  gift: giftInfoSchema,
  repeatCount: z.number().int().min(1).max(100_000),
  repeatEnd: z.boolean(),
  /** TikTok's combo group id; with user and gift it keys a streak. */
  groupId: z.string().max(64).default(''),
  /** Set when the gift goes to a guest in a multi-guest room, not to the host. */
  toUser: z
    .object({ id: z.string().min(1).max(64), handle: viewerText(64), nickname: viewerText(128) })
    .nullable()
    .default(null),
});
export type GiftEvent = z.output<typeof giftEventSchema>;
export type GiftEventInput = z.input<typeof giftEventSchema>;
