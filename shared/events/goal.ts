import { z } from 'zod';
import { eventBase, viewerText } from './base';
import { userSchema } from './user';

/**
 * One target of the streamer's LIVE goal (TikTok's "sub goal"): e.g. 100 Roses. Progress and
 * target are in the goal's own unit (gift units for a gift target).
 */
export const goalTargetSchema = z.object({
  id: z.string().min(1).max(64),
  /** The gift the target counts, when it counts a gift. */
  gift: z
    .object({
      name: viewerText(64),
      /** Price of one unit in coins, as TikTok states it. */
      coins: z.number().int().nonnegative().max(1_000_000),
      imageUrl: z
        .url({ protocol: /^https?$/ })
        .max(2048)
        .nullable()
        .default(null),
    })
    .nullable()
    .default(null),
  progress: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  target: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type GoalTarget = z.output<typeof goalTargetSchema>;

/** Why TikTok sent the update (`updateSource`). */
export const GOAL_UPDATE_REASONS = [
  'created',
  'progress',
  'pinned',
  'unpinned',
  'reviewed',
  'suspended',
  'other',
] as const;

/**
 * The streamer's own LIVE goal as TikTok runs it (`goalUpdate`), distinct from Limelight's goals.
 * Contributions restate gifts (the gifts arrive as `gift` events): never revenue.
 */
export const goalUpdateEventSchema = z.object({
  ...eventBase,
  kind: z.literal('goalUpdate'),
  goalId: z.string().min(1).max(64),
  /** The host's description of the goal. Host-written text: render as text. */
  description: viewerText(500).default(''),
  targets: z.array(goalTargetSchema).max(20).default([]),
  reason: z.enum(GOAL_UPDATE_REASONS).default('progress'),
  /** The contribution this update reports, when it reports one. */
  contribution: z
    .object({
      user: userSchema,
      /** Gift units given (`contributeCount`). */
      count: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      /** Points towards the goal (`contributeScore`). */
      score: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    })
    .nullable()
    .default(null),
  /** The goal's top contributors as TikTok lists them, best first. */
  contributors: z
    .array(
      z.object({
        user: userSchema,
        score: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      }),
    )
    .max(20)
    .default([]),
});
export type GoalUpdateEvent = z.output<typeof goalUpdateEventSchema>;
