/** Wire schemas of the `alerts` channel (types: channel-data.ts). */
import { z } from 'zod/mini';
import { viewerBadgeSchema } from './viewers';

export const alertViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['gift', 'follow', 'share', 'subscribe', 'test']),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  user: viewerBadgeSchema,
  gift: z.nullable(
    z.object({ name: z.string(), imageUrl: z.nullable(z.string()), coinsPerUnit: z.number() }),
  ),
  count: z.number(),
  coins: z.number(),
  settled: z.boolean(),
  merged: z.nullable(z.object({ alerts: z.number(), viewers: z.number() })),
  at: z.number(),
  plan: z.optional(z.enum(['subscription', 'superFan'])),
  months: z.optional(z.nullable(z.number())),
});

export const alertsStateSchema = z.object({
  paused: z.boolean(),
  storm: z.boolean(),
  queue: z.array(alertViewSchema),
  playingId: z.optional(z.nullable(z.string())),
});

/** The alerts channel's increments besides `alerts.state`. */
export const alertsUpdateSchemas = {
  'alert.upsert': alertViewSchema,
  'alert.skip': z.object({ id: z.string() }),
};
