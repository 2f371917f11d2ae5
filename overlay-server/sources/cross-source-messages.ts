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
  // Every report in arrival order: forgotten a few at a time as stream time passes them. (Sweeping
  // the whole map every window stalled the relay ~50 ms at 5,000 chat lines/s: 75,000 keys.)
  let arrivals: Array<{ key: string; at: number }> = [];
  let head = 0;

  function forget(now: number) {
    while (head < arrivals.length) {
      const oldest = arrivals[head];
      if (!oldest || Math.abs(now - oldest.at) <= windowMs) break;
      head += 1;
      const reports = seen.get(oldest.key);
      if (!reports) continue;
      const fresh = reports.filter((r) => Math.abs(now - r.at) <= windowMs);
      if (fresh.length === 0) seen.delete(oldest.key);
      else seen.set(oldest.key, fresh);
    }
    if (head > 1024 && head * 2 > arrivals.length) {
      arrivals = arrivals.slice(head);
      head = 0;
    }
  }

  return {
    admit(event) {
      const key = keyOf(event);
      if (key === null) return true;
      forget(event.at);
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
      arrivals.push({ key, at: event.at });
      return true;
    },
  };
}
