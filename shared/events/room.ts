import { z } from 'zod';
import { eventBase, viewerText } from './base';
import { userSchema } from './user';

/** One of the room's top viewers as TikTok ranks them (`roomUser`), with the coins they gave. */
export const topViewerSchema = z.object({
  user: userSchema,
  /** Coins this viewer gave in the room, as TikTok states it (`coinCount` / `score`). Not revenue. */
  coins: z.number().int().nonnegative().max(1_000_000_000),
  /** 1-based rank, when TikTok gives one. */
  rank: z.number().int().positive().max(1000).nullable().default(null),
});
export type TopViewer = z.output<typeof topViewerSchema>;

/**
 * The room's viewer count (`roomUser`): a sampled total, not a delta; with TikTok's top viewers
 * and its count of everyone who watched this LIVE when the message carries them.
 */
export const viewersEventSchema = z.object({
  ...eventBase,
  kind: z.literal('viewers'),
  count: z.number().int().nonnegative().max(100_000_000),
  /** Viewers who have watched this LIVE so far, as TikTok counts them (`totalUser`). Sampled. */
  totalViewers: z.number().int().nonnegative().max(10_000_000_000).nullable().default(null),
  /** TikTok's top viewers, best first; empty when the message lists none. */
  topViewers: z.array(topViewerSchema).max(50).default([]),
});
export type ViewersEvent = z.output<typeof viewersEventSchema>;

/** The host's LIVE intro (`liveIntro`): the text shown under the stream. Host-written text. */
export const liveIntroEventSchema = z.object({
  ...eventBase,
  kind: z.literal('liveIntro'),
  host: userSchema.nullable().default(null),
  text: viewerText(1000),
});
export type LiveIntroEvent = z.output<typeof liveIntroEventSchema>;

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
