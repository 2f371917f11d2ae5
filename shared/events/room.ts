import { z } from 'zod';
import { eventBase, viewerText } from './base';

/** The room's viewer count: a sampled total, not a delta. */
export const viewersEventSchema = z.object({
  ...eventBase,
  kind: z.literal('viewers'),
  count: z.number().int().nonnegative().max(100_000_000),
});
export type ViewersEvent = z.output<typeof viewersEventSchema>;

export const streamStartEventSchema = z.object({
  ...eventBase,
  kind: z.literal('streamStart'),
  /** The host's handle when known. */
  host: viewerText(64).nullable().default(null),
  title: viewerText(200).nullable().default(null),
});
export type StreamStartEvent = z.output<typeof streamStartEventSchema>;

export const streamEndEventSchema = z.object({
  ...eventBase,
  kind: z.literal('streamEnd'),
  reason: z.enum(['ended', 'banned', 'source', 'operator']).default('ended'),
});
export type StreamEndEvent = z.output<typeof streamEndEventSchema>;
