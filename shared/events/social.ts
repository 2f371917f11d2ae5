import { z } from 'zod';
import { eventBase, viewerText } from './base';
import { userSchema } from './user';

/** A count TikTok states with a message (room or host counters); null when the message has none. */
const statedCount = () =>
  z.number().int().nonnegative().max(10_000_000_000).nullable().default(null);

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

/**
 * How a viewer came in. `member`: TikTok's member message (most joins). `entrance`: an entrance
 * banner TikTok shows instead for high-level gifters and fan-club members. `superFan`: an
 * existing Super Fan came in. `anonymous`: a viewer who is not logged in (no account is named).
 */
export const JOIN_VIAS = ['member', 'entrance', 'superFan', 'anonymous'] as const;

/** A viewer joined. `user` is null only for `anonymous` joins, which name no account. */
export const joinEventSchema = z.object({
  ...eventBase,
  kind: z.literal('join'),
  user: userSchema.nullable(),
  via: z.enum(JOIN_VIAS).default('member'),
  /** The name TikTok shows for an anonymous viewer (e.g. "Viewer"); null otherwise. */
  displayName: viewerText(128).nullable().default(null),
  /** The room's member count TikTok sends with the join (`memberCount`). Sampled, never summed. */
  memberCount: statedCount(),
});
export type JoinEvent = z.output<typeof joinEventSchema>;

export const followEventSchema = z.object({
  ...eventBase,
  kind: z.literal('follow'),
  user: userSchema,
  /** The host's follower count TikTok sends with the follow (`followCount`). Sampled. */
  followerCount: statedCount(),
});
export type FollowEvent = z.output<typeof followEventSchema>;

/**
 * A viewer spread the LIVE. `repost`: TikTok's repost (social action 4) puts the LIVE on the
 * viewer's followers' feed; Limelight counts it as a share, told apart by `via`.
 */
export const shareEventSchema = z.object({
  ...eventBase,
  kind: z.literal('share'),
  user: userSchema,
  via: z.enum(['share', 'repost']).default('share'),
  /** The room's share count TikTok sends with the share (`shareCount`). Sampled, never summed. */
  shareCount: statedCount(),
});
export type ShareEvent = z.output<typeof shareEventSchema>;

/**
 * A paid membership. `subscription`: a LIVE subscription (`subNotify`; 1.x `subscribe`).
 * `superFan`: the viewer became a Super Fan (the `superFan` notice). Subscriptions are not gift
 * coins and are never counted as gift revenue.
 */
export const subscribeEventSchema = z.object({
  ...eventBase,
  kind: z.literal('subscribe'),
  user: userSchema,
  plan: z.enum(['subscription', 'superFan']).default('subscription'),
  /** Months subscribed, when TikTok says (`subMonth`). */
  months: z.number().int().positive().max(1200).nullable().default(null),
});
export type SubscribeEvent = z.output<typeof subscribeEventSchema>;

/**
 * A treasure chest (`envelope`) or a Super Fan box (`superFanBox`): coins handed *to* viewers.
 * Never gift revenue.
 */
export const chestEventSchema = z.object({
  ...eventBase,
  kind: z.literal('chest'),
  user: userSchema,
  coins: z.number().int().nonnegative().max(10_000_000),
  /** How many viewers can open it. */
  slots: z.number().int().nonnegative().max(1_000_000).default(0),
  box: z.enum(['treasure', 'superFan']).default('treasure'),
});
export type ChestEvent = z.output<typeof chestEventSchema>;
