/** Wire schemas of the `goals` and `leaderboard` channels (types: channel-data.ts). */
import { z } from 'zod/mini';
import { chatBadgesShape, viewerBadgeSchema } from './viewers';

export const goalsStateSchema = z.object({
  goals: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['coins', 'likes', 'follows', 'shares', 'tiktok']),
      label: z.string(),
      unit: z.optional(z.string()),
      target: z.number(),
      current: z.number(),
      etaSeconds: z.nullable(z.number()),
      reachedAt: z.nullable(z.number()),
    }),
  ),
});

export const leaderboardStateSchema = z.object({
  top: z.array(
    z.extend(viewerBadgeSchema, {
      ...z.partial(z.object(chatBadgesShape)).shape,
      coins: z.number(),
    }),
  ),
});
