import { z } from 'zod';

/** Alert queue tunables. */
export const alertSettingsSchema = z.object({
  /** Four ascending coin values splitting alerts into tiers 1–5 (tier 5 is ≥ the last). */
  tierThresholds: z
    .array(z.number().int().min(1))
    .length(4)
    .refine((t) => t.every((v, i) => i === 0 || v > (t[i - 1] ?? 0)), 'must ascend'),
  /** Waiting alerts above which storm mode merges small gifts. */
  stormThreshold: z.number().int().min(2).max(1000),
  /** Tiers merged in storm mode (tier ≤ this). */
  stormMaxTier: z.number().int().min(1).max(4),
  /** The queue never holds more than this; the smallest waiting alerts are dropped past it. */
  maxQueue: z.number().int().min(5).max(1000),
  /** Seconds each tier plays (tiers 1–5). */
  tierSeconds: z.array(z.number().min(0.5).max(60)).length(5),
  /** Optional alert kinds besides gifts. */
  kinds: z.object({ follow: z.boolean(), share: z.boolean(), subscribe: z.boolean() }),
});
export type AlertSettings = z.output<typeof alertSettingsSchema>;

export const alertCommandSchemas = [
  z.object({ type: z.literal('alerts.pause') }),
  z.object({ type: z.literal('alerts.resume') }),
  /** Skips the given alert, or the one playing. */
  z.object({ type: z.literal('alerts.skip'), alertId: z.string().min(1).max(128).optional() }),
  z.object({ type: z.literal('alerts.replay'), alertId: z.string().min(1).max(128) }),
  z.object({
    type: z.literal('alerts.test'),
    tier: z.number().int().min(1).max(5).default(3),
    kind: z.enum(['gift', 'follow', 'share', 'subscribe']).default('gift'),
  }),
  z.object({ type: z.literal('alerts.configure'), settings: alertSettingsSchema.partial() }),
] as const;
