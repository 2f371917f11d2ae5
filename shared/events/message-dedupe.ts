/**
 * Drops replayed messages. TikTok's webcast socket replays recent messages after a reconnect, and
 * a source may resend its backlog, so every event kind is checked by id before it reaches the
 * engines. Memory is bounded: only the last `capacity` ids are remembered (a ring buffer beside a
 * Set), which covers any realistic replay window while an 8-hour stream stays flat in memory.
 */
export interface MessageDeduper {
  /** True when `id` was already seen (a duplicate); otherwise remembers it and returns false. */
  seen(id: string): boolean;
  /** How many ids are remembered now (at most `capacity`). */
  readonly size: number;
  readonly capacity: number;
  /** The remembered ids, oldest first: feed them back to restore the deduper after a restart. */
  ids(): string[];
}

/** Default: enough for minutes of a huge stream's traffic (~200 events/s for over 8 minutes). */
export const DEFAULT_DEDUPE_CAPACITY = 100_000;

/** Creates a bounded, O(1) duplicate filter. `initial` ids (oldest first) are remembered at once. */
export function createMessageDeduper(
  capacity: number = DEFAULT_DEDUPE_CAPACITY,
  initial: Iterable<string> = [],
): MessageDeduper {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`message deduper capacity must be a positive integer, got ${capacity}`);
  }
  const known = new Set<string>();
  // Ring of remembered ids in arrival order; `next` is the slot the next id overwrites.
  const ring: string[] = [];
  let next = 0;

  function remember(id: string): void {
    if (ring.length < capacity) {
      ring.push(id);
      return;
    }
    known.delete(ring[next]!);
    ring[next] = id;
    next = (next + 1) % capacity;
  }

  function seen(id: string): boolean {
    if (known.has(id)) return true;
    known.add(id);
    remember(id);
    return false;
  }

  for (const id of initial) seen(id);

  return {
    seen,
    get size() {
      return known.size;
    },
    capacity,
    ids: () => ring.slice(next).concat(ring.slice(0, next)),
  };
}
