/** Wire schemas of the `chat` channel (types: channel-data.ts). */
import { z } from 'zod/mini';
import { chatBadgesShape, chatEmoteSchema, viewerBadgeSchema } from './viewers';

export const chatLineSchema = z.object({
  id: z.string(),
  user: z.extend(viewerBadgeSchema, chatBadgesShape),
  text: z.string(),
  emotes: z.array(chatEmoteSchema),
  at: z.number(),
});

export const chatStateSchema = z.object({ lines: z.array(chatLineSchema) });

/** The chat channel's increments besides `chat.state`. */
export const chatUpdateSchemas = {
  'chat.line': chatLineSchema,
  'chat.remove': z.object({
    ids: z.array(z.string()),
    by: z.optional(z.literal('tiktok')),
    userIds: z.optional(z.array(z.string())),
  }),
};
