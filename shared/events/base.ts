import { z } from 'zod';

/** Where an event came from. Two sources may report the same happening: see the gift ledger. */
export const sourceSchema = z.enum(['simulator', 'replay', 'connector', 'page', 'test']);
export type EventSource = z.infer<typeof sourceSchema>;

/** Fields every normalized event carries. */
export const eventBase = {
  /** Stable id: TikTok's message id (`common.msgId`) where there is one. Used to drop duplicates. */
  id: z.string().min(1).max(128),
  source: sourceSchema,
  /** Stream time in epoch milliseconds (TikTok's `createTime`, else the time of receipt). */
  at: z.number().int().nonnegative(),
};

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
// (String.prototype.isWellFormed is newer than OBS's Chromium 103, so this stays a regex.)
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Viewer-written text: bounded, and lone surrogates rejected so it always encodes as UTF-8. */
export const viewerText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !LONE_SURROGATE.test(text), { message: 'contains a lone surrogate' });
