/**
 * The same chat line, follow, join, share or question reported by two sources (the connector and
 * page capture) counts once. Gifts are matched by the gift ledger's cross-source rule; room
 * counters (viewers, likes) are sampled totals and need nothing. Here the page has no TikTok
 * message id, so a happening is known by what it is: kind, the sender's @handle (case and `@`
 * ignored) and, for chat and questions, the text. The first source to report it wins; the same
 * key from ANOTHER source within `windowMs` (stream time) is a duplicate. The same source saying
 * the same words twice is two messages: message ids handle that source's own replays.
 */
import type { EventSource } from './base';
import type { LiveEvent } from './live-event';

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
    case 'join':
      // An anonymous join names no account: nothing to match it by.
      return event.user ? { handle: event.user.handle, text: '' } : null;
    case 'follow':
    case 'share':
    case 'subscribe':
      return { handle: event.user.handle, text: '' };
    default:
      return null;
  }
}

/**
 * The happening's key (kind, handle without case or `@`, trimmed text) as a 53-bit hash: a
 * number is all the log keeps, so a busy source's lines are not held for the window (at 5,000
 * chat lines/s their strings were a sixth of what every young collection had to copy). Two
 * different lines share a key with odds of ~10⁻⁶ per 75,000 lines in a window, and even then
 * only a line from the other source is affected. Typical handles and texts need no new string:
 * trim, replace and toLowerCase return their input when nothing changes.
 */
function keyOf(kind: string, handle: string, text: string): number {
  hash1 = 0x811c9dc5;
  hash2 = 0x9e3779b9;
  mix(kind);
  mix(handle.trim().replace(/^@/, '').toLowerCase());
  mix(text.trim());
  return (hash1 >>> 0) * 0x200000 + (hash2 >>> 11);
}

// The two running hashes of `keyOf` (module state: a closure per call cost more than the hashing).
let hash1 = 0;
let hash2 = 0;

function mix(value: string): void {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    hash1 = Math.imul(hash1 ^ c, 0x01000193);
    hash2 = Math.imul(hash2 ^ c, 0x5bd1e995);
    hash2 ^= hash2 >>> 15;
  }
  // A separator no text can contain, so ("ab", "c") and ("a", "bc") differ.
  hash1 = Math.imul(hash1 ^ 0x10000, 0x01000193);
  hash2 = Math.imul(hash2 ^ 0x10000, 0x5bd1e995);
}

interface Report {
  source: EventSource;
  at: number;
  /** Position in the log since the filter began (the log's arrays are cut from the front). */
  position: number;
}

/**
 * Every report is logged in arrival order (key hash, source, time in parallel arrays: no object
 * or string kept per report). The log is indexed by key only while two sources report within the
 * window, and the index is dropped once one source is alone again. A single busy source (5,000
 * chat lines/s) thus pays a hash and a few number writes per line, nothing the garbage collector
 * must age out 15 s later.
 */
export function createCrossSourceMessageFilter(
  windowMs: number = CROSS_SOURCE_MESSAGE_WINDOW_MS,
): CrossSourceMessageFilter {
  let keys: number[] = [];
  let sources: EventSource[] = [];
  let ats: number[] = [];
  /** Reports already matched by another source's report: never a twin again. */
  let consumed: boolean[] = [];
  let head = 0;
  /** Log position of array slot 0. */
  let base = 0;
  let index: Map<number, Report[]> | null = null;
  const lastReportAt = new Map<EventSource, number>();
  const within = (a: number, b: number) => Math.abs(a - b) <= windowMs;

  const indexAt = (i: number) => {
    if (consumed[i]) return;
    const key = keys[i] ?? 0;
    const reports = index?.get(key) ?? [];
    reports.push({ source: sources[i] as EventSource, at: ats[i] ?? 0, position: base + i });
    index?.set(key, reports);
  };

  /** Drops reports the window has passed (arrival order: a few at a time as time moves on). */
  function forget(now: number) {
    while (head < ats.length && !within(now, ats[head] ?? now)) {
      if (index) {
        const key = keys[head] ?? 0;
        const fresh = (index.get(key) ?? []).filter((r) => within(now, r.at));
        if (fresh.length === 0) index.delete(key);
        else index.set(key, fresh);
      }
      head += 1;
    }
    if (head > 1024 && head * 2 > ats.length) {
      keys = keys.slice(head);
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
      const key = keyOf(event.kind, parts.handle, parts.text);
      forget(now);
      lastReportAt.set(event.source, now);
      if (!othersReporting(event.source, now)) index = null;
      else if (index === null) {
        index = new Map();
        for (let i = head; i < ats.length; i++) indexAt(i);
      }
      if (index) {
        const reports = index.get(key);
        const twin = reports?.find((r) => r.source !== event.source && within(now, r.at));
        if (reports && twin) {
          // Consumed: a third report of the same words is a new message again.
          reports.splice(reports.indexOf(twin), 1);
          consumed[twin.position - base] = true;
          return false;
        }
      }
      keys.push(key);
      sources.push(event.source);
      ats.push(now);
      consumed.push(false);
      if (index) indexAt(ats.length - 1);
      return true;
    },
  };
}
