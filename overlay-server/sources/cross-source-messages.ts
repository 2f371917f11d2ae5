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

/** What identifies a happening across sources; null for kinds that are not matched here. */
function partsOf(event: LiveEvent): { handle: string; text: string } | null {
  switch (event.kind) {
    case 'chat':
    case 'question':
      return { handle: event.user.handle, text: event.text };
    case 'follow':
    case 'join':
    case 'share':
    case 'subscribe':
      return { handle: event.user.handle, text: '' };
    default:
      return null;
  }
}

const keyOf = (kind: string, handle: string, text: string): string =>
  `${kind}|${handle.trim().replace(/^@/, '').toLowerCase()}|${text.trim()}`;

interface Report {
  source: EventSource;
  at: number;
  /** Position in the log since the filter began (the log's arrays are cut from the front). */
  position: number;
}

/**
 * Every report is logged in arrival order (kind, handle, text, source, time in parallel arrays:
 * no object or key per report). Keys are built only while two sources report within the window:
 * then the log is indexed by key, and the index is dropped once one source is alone again. A
 * single busy source (5,000 chat lines/s) thus pays a few array writes per line, not a 100-byte
 * key, a map entry and an object that the garbage collector must age out 15 s later.
 */
export function createCrossSourceMessageFilter(
  windowMs: number = CROSS_SOURCE_MESSAGE_WINDOW_MS,
): CrossSourceMessageFilter {
  let kinds: string[] = [];
  let handles: string[] = [];
  let texts: string[] = [];
  let sources: EventSource[] = [];
  let ats: number[] = [];
  /** Reports already matched by another source's report: never a twin again. */
  let consumed: boolean[] = [];
  let head = 0;
  /** Log position of array slot 0. */
  let base = 0;
  let index: Map<string, Report[]> | null = null;
  const lastReportAt = new Map<EventSource, number>();
  const within = (a: number, b: number) => Math.abs(a - b) <= windowMs;

  const keyAt = (i: number) => keyOf(kinds[i] ?? '', handles[i] ?? '', texts[i] ?? '');
  const indexAt = (i: number) => {
    if (consumed[i]) return;
    const key = keyAt(i);
    const reports = index?.get(key) ?? [];
    reports.push({ source: sources[i] as EventSource, at: ats[i] ?? 0, position: base + i });
    index?.set(key, reports);
  };

  /** Drops reports the window has passed (arrival order: a few at a time as time moves on). */
  function forget(now: number) {
    while (head < ats.length && !within(now, ats[head] ?? now)) {
      if (index) {
        const key = keyAt(head);
        const fresh = (index.get(key) ?? []).filter((r) => within(now, r.at));
        if (fresh.length === 0) index.delete(key);
        else index.set(key, fresh);
      }
      head += 1;
    }
    if (head > 1024 && head * 2 > ats.length) {
      kinds = kinds.slice(head);
      handles = handles.slice(head);
      texts = texts.slice(head);
      sources = sources.slice(head);
      ats = ats.slice(head);
      consumed = consumed.slice(head);
      base += head;
      head = 0;
    }
  }

  /** Whether a source other than `source` reported within the window of `now`. */
  function othersReporting(source: EventSource, now: number): boolean {
    for (const [other, at] of lastReportAt) if (other !== source && within(now, at)) return true;
    return false;
  }

  return {
    admit(event) {
      const parts = partsOf(event);
      if (parts === null) return true;
      const now = event.at;
      forget(now);
      lastReportAt.set(event.source, now);
      if (!othersReporting(event.source, now)) index = null;
      else if (index === null) {
        index = new Map();
        for (let i = head; i < ats.length; i++) indexAt(i);
      }
      if (index) {
        const reports = index.get(keyOf(event.kind, parts.handle, parts.text));
        const twin = reports?.find((r) => r.source !== event.source && within(now, r.at));
        if (reports && twin) {
          // Consumed: a third report of the same words is a new message again.
          reports.splice(reports.indexOf(twin), 1);
          consumed[twin.position - base] = true;
          return false;
        }
      }
      kinds.push(event.kind);
      handles.push(parts.handle);
      texts.push(parts.text);
      sources.push(event.source);
      ats.push(now);
      consumed.push(false);
      if (index) indexAt(ats.length - 1);
      return true;
    },
  };
}
