import { z } from 'zod';
import { battleEventSchema } from './battle';
import {
  chatEventSchema,
  chatRemovalEventSchema,
  emoteEventSchema,
  questionEventSchema,
} from './chat';
import { giftEventSchema } from './gift';
import { goalUpdateEventSchema } from './goal';
import {
  liveIntroEventSchema,
  streamEndEventSchema,
  streamStartEventSchema,
  viewersEventSchema,
} from './room';
import {
  chestEventSchema,
  followEventSchema,
  joinEventSchema,
  likeEventSchema,
  shareEventSchema,
  subscribeEventSchema,
} from './social';

/** One normalized TikTok LIVE happening. Everything downstream of ingest speaks this. */
export const liveEventSchema = z.discriminatedUnion('kind', [
  chatEventSchema,
  giftEventSchema,
  likeEventSchema,
  joinEventSchema,
  followEventSchema,
  shareEventSchema,
  subscribeEventSchema,
  viewersEventSchema,
  questionEventSchema,
  chestEventSchema,
  streamStartEventSchema,
  streamEndEventSchema,
  emoteEventSchema,
  chatRemovalEventSchema,
  battleEventSchema,
  goalUpdateEventSchema,
  liveIntroEventSchema,
]);

export type LiveEvent = z.output<typeof liveEventSchema>;
export type LiveEventInput = z.input<typeof liveEventSchema>;
export type LiveEventKind = LiveEvent['kind'];
export type EventOfKind<K extends LiveEventKind> = Extract<LiveEvent, { kind: K }>;

export const LIVE_EVENT_KINDS = liveEventSchema.options.map(
  (option) => option.shape.kind.value,
) as readonly LiveEventKind[];
