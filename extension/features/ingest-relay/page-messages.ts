/**
 * The one message channel from the TikTok content script to the background worker. Inbound
 * messages are `unknown` until `readPageMessage` narrows them: any page script can try to talk to
 * an extension, and events are validated again by the server.
 */
import { z } from 'zod';

export const PAGE_EVENTS = 'limelight:page-events';
export const PAGE_STATUS = 'limelight:page-status';

/** New events read from the page, in page order (validated LiveEvents, source `page`). */
export interface PageEventsMessage {
  type: typeof PAGE_EVENTS;
  events: unknown[];
}

/** The reader attached, lost its chat, or stopped (TikTok moved to another live). */
export interface PageStatusMessage {
  type: typeof PAGE_STATUS;
  state: 'live' | 'waiting' | 'ended';
  /** The @handle being read, null on LIVE Center. */
  host: string | null;
  detail: string | null;
}

export type PageMessage = PageEventsMessage | PageStatusMessage;

const pageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(PAGE_EVENTS), events: z.array(z.unknown()).max(1_000) }),
  z.object({
    type: z.literal(PAGE_STATUS),
    state: z.enum(['live', 'waiting', 'ended']),
    host: z.string().max(64).nullable(),
    detail: z.string().max(200).nullable(),
  }),
]);

/** The message, or null when it is not one of ours. */
export function readPageMessage(message: unknown): PageMessage | null {
  const parsed = pageMessageSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
