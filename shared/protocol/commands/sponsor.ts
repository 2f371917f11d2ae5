import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const sponsorKindSchema = z.enum(['productPlacement', 'sponsoredSegment', 'coHostedEvent']);

/** One brand deal as planned before the stream. `dealValueUsd` is owner-only (money). */
export const sponsorPlanSchema = z.object({
  type: z.literal('sponsor.plan'),
  /** Given: updates that plan; omitted: creates one. */
  planId: z.string().min(1).max(64).optional(),
  kind: sponsorKindSchema,
  brand: text(80),
  product: text(120),
  promoCode: text(40).nullable().default(null),
  callToAction: text(200).nullable().default(null),
  logoUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .default(null),
  plannedSeconds: z.number().int().min(10).max(86_400),
  talkingPoints: z.array(text(300)).max(20).default([]),
  /** The deal's gross value, USD; only the owner may set it. */
  dealValueUsd: z.number().min(0).max(10_000_000).optional(),
});
export type SponsorPlanCommand = z.output<typeof sponsorPlanSchema>;

export const sponsorCommandSchemas = [
  sponsorPlanSchema,
  z.object({
    type: z.literal('sponsor.setDealValue'),
    planId: z.string().min(1).max(64),
    dealValueUsd: z.number().min(0).max(10_000_000),
  }),
  z.object({ type: z.literal('sponsor.start'), planId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('sponsor.pause') }),
  z.object({ type: z.literal('sponsor.resume') }),
  z.object({ type: z.literal('sponsor.end') }),
] as const;
