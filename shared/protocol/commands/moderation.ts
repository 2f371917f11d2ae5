import { z } from 'zod';

const userId = z.string().min(1).max(64);

export const moderationCommandSchemas = [
  z.object({
    type: z.literal('moderation.addWord'),
    word: z.string().trim().min(1).max(64),
    action: z.enum(['block', 'mask']).default('mask'),
  }),
  z.object({ type: z.literal('moderation.removeWord'), word: z.string().trim().min(1).max(64) }),
  z.object({ type: z.literal('moderation.hideMessage'), messageId: z.string().min(1).max(128) }),
  z.object({
    type: z.literal('moderation.muteViewer'),
    userId,
    handle: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal('moderation.unmuteViewer'), userId }),
] as const;
