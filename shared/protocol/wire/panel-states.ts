/**
 * Wire schemas of the channels panels watch beside the overlays' ones: `moderation` and
 * `sources` (types: channel-data.ts, input-summary.ts).
 */
import { z } from 'zod/mini';

export const moderationStateSchema = z.object({
  words: z.array(z.object({ word: z.string(), action: z.enum(['block', 'mask']) })),
  mutedViewers: z.array(z.object({ id: z.string(), handle: z.string() })),
  hiddenMessageIds: z.array(z.string()),
  audit: z.array(
    z.object({
      seq: z.number(),
      at: z.number(),
      by: z.string(),
      role: z.string(),
      action: z.string(),
      detail: z.string(),
    }),
  ),
});

const counts = z.record(z.string(), z.number());
const lines = z.array(z.number());

const inputSummarySchema = z.object({
  read: z.number(),
  events: z.number(),
  eventsByKind: counts,
  duplicates: z.object({ count: z.number(), lines }),
  skipped: z.object({
    count: z.number(),
    byReason: z.array(z.object({ reason: z.string(), count: z.number(), lines })),
  }),
  unknownEvents: counts,
  shapes: counts,
  journalRecords: z.number(),
  streaksSettledAtEnd: z.number(),
});

export const sourcesStateSchema = z.object({
  sources: z.array(
    z.object({
      source: z.enum(['simulator', 'replay', 'connector', 'page', 'test']),
      state: z.enum(['connecting', 'live', 'waiting', 'offline', 'rateLimited', 'error', 'ended']),
      detail: z.nullable(z.string()),
      primary: z.boolean(),
      lastEventAt: z.nullable(z.number()),
      eventsPerMinute: z.number(),
      input: z.optional(inputSummarySchema),
    }),
  ),
});
