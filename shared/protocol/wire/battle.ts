/** Wire schemas of the `battle` channel (types: channel-data.ts). */
import { z } from 'zod/mini';
import { viewerBadgeSchema } from './viewers';

const battleViewSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'ended', 'unfinished']),
  sides: z.array(
    z.object({
      hostId: z.string(),
      host: z.nullable(viewerBadgeSchema),
      score: z.number(),
      streamer: z.boolean(),
      result: z.nullable(z.enum(['win', 'lose', 'draw'])),
    }),
  ),
  leaderHostId: z.nullable(z.string()),
  winnerHostId: z.nullable(z.string()),
  draw: z.boolean(),
  startedAt: z.number(),
  endedAt: z.nullable(z.number()),
  endsAt: z.nullable(z.number()),
});

export const battleStateSchema = z.object({
  current: z.nullable(battleViewSchema),
  recent: z.array(battleViewSchema),
});
