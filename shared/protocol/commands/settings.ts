import { z } from 'zod';
import { revenueModelSchema } from '../../revenue/revenue-model-schema';

export const settingsCommandSchemas = [
  /** Changes the money model (owner only): a named preset or a full custom model. */
  z
    .object({
      type: z.literal('settings.revenueModel'),
      presetId: z.string().min(1).max(64).optional(),
      model: revenueModelSchema.optional(),
    })
    .refine((c) => (c.presetId === undefined) !== (c.model === undefined), {
      message: 'give exactly one of presetId or model',
      path: ['presetId'],
    }),
  /**
   * Whether moderators' panels receive the earnings (owner only). The server withholds the
   * `earnings` channel and report money from moderator tokens until the owner allows it.
   */
  z.object({
    type: z.literal('settings.moderatorsSeeEarnings'),
    allowed: z.boolean(),
  }),
] as const;
