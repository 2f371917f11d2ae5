/** Wire schemas of the `sponsor` channel (types: channel-data.ts). */
import { z } from 'zod/mini';

const kind = z.enum(['productPlacement', 'sponsoredSegment', 'coHostedEvent']);

const creativeShape = {
  brand: z.string(),
  product: z.string(),
  promoCode: z.nullable(z.string()),
  callToAction: z.nullable(z.string()),
  logoUrl: z.nullable(z.string()),
  plannedSeconds: z.number(),
};

export const sponsorCardSchema = z.object({
  ...creativeShape,
  segmentId: z.string(),
  kind,
  elapsedSeconds: z.number(),
  state: z.enum(['running', 'paused']),
  measuredAt: z.number(),
});

export const sponsorStateSchema = z.object({
  card: z.nullable(sponsorCardSchema),
  plans: z.optional(
    z.array(
      z.object({
        ...creativeShape,
        id: z.string(),
        kind,
        talkingPoints: z.array(z.string()),
        hasDealValue: z.boolean(),
      }),
    ),
  ),
  segments: z.optional(
    z.array(
      z.object({
        id: z.string(),
        planId: z.string(),
        state: z.enum(['running', 'paused', 'ended']),
        startedAt: z.number(),
        endedAt: z.nullable(z.number()),
        onScreenSeconds: z.number(),
      }),
    ),
  ),
});
