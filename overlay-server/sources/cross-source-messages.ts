/**
 * The same chat line, follow, join, share or question reported by two sources (the connector and
 * page capture) counts once. Gifts are matched by the gift ledger's cross-source rule; room
 * counters (viewers, likes) are sampled totals and need nothing. Here the page has no TikTok
 * message id, so a happening is known by what it is: kind, the sender's @handle (case and `@`
 * ignored) and, for chat and questions, the text. The first source to report it wins; the same
 * key from ANOTHER source within `windowMs` (stream time) is a duplicate. The same source saying
 * the same words twice is two messages: message ids handle that source's own replays.
 */
import type { EventSource } from '../../shared/events/base';
import type { LiveEvent } from '../../shared/events/live-event';

export const CROSS_SOURCE_MESSAGE_WINDOW_MS = 15_000;

export interface CrossSourceMessageFilter {
  /** False when another source already reported this happening within the window. */
  admit(event: LiveEvent): boolean;
}

function keyOf(event: LiveEvent): string | null {
  const who = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();
  switch (event.kind) {
    case 'chat':
    case 'question':
      return `${event.kind}|${who(event.user.handle)}|${event.text.trim()}`;
    case 'follow':
    case 'join':
    case 'share':
    case 'subscribe':
      return `${event.kind}|${who(event.user.handle)}`;
    default:
      return null;
  }
}

export function createCrossSourceMessageFilter(
  windowMs: number = CROSS_SOURCE_MESSAGE_WINDOW_MS,
): CrossSourceMessageFilter {
  // key → the reports seen within the window, oldest first.
  const seen = new Map<string, Array<{ source: EventSource; at: number }>>();
  let lastSweep = 0;

  function sweep(now: number) {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, reports] of seen) {
      const fresh = reports.filter((r) => Math.abs(now - r.at) <= windowMs);
      if (fresh.length === 0) seen.delete(key);
      else seen.set(key, fresh);
    }
  }

  return {
    admit(event) {
      const key = keyOf(event);
      if (key === null) return true;
      sweep(event.at);
      const reports = seen.get(key) ?? [];
      const twin = reports.find(
        (r) => r.source !== event.source && Math.abs(event.at - r.at) <= windowMs,
      );
      if (twin) {
        // Consumed: a third report of the same words is a new message again.
        reports.splice(reports.indexOf(twin), 1);
        return false;
      }
      reports.push({ source: event.source, at: event.at });
      seen.set(key, reports);
      return true;
    },
  };
}
