/**
 * Remembers which rows were already read. TikTok's virtualised list recycles row elements (the
 * same `div[data-index]` shows another message after a scroll), so rows are keyed by content:
 * the list index plus what the row says. Rows without an index (older layouts) are never
 * recycled, so there the element itself tells two identical messages apart. Bounded: only the
 * last `capacity` keys are kept, far more than a chat list renders at once.
 */
import { VIRTUAL_ROW } from './selectors';

export interface RowMemory {
  /** The row's identity for reading: list index (or element) plus content. */
  keyOf(row: Element, content: string): string;
  /** True when `key` was seen before; remembers it otherwise. */
  seen(key: string): boolean;
  remember(key: string): void;
}

export function createRowMemory(capacity = 2_000): RowMemory {
  const keys = new Set<string>();
  const serials = new WeakMap<Element, number>();
  let nextSerial = 0;

  function remember(key: string) {
    keys.delete(key);
    keys.add(key);
    if (keys.size > capacity) {
      const oldest = keys.values().next().value;
      if (oldest !== undefined) keys.delete(oldest);
    }
  }

  return {
    keyOf(row, content) {
      const index = row.closest(VIRTUAL_ROW)?.getAttribute('data-index');
      if (index !== null && index !== undefined) return `i${index}|${content}`;
      let serial = serials.get(row);
      if (serial === undefined) {
        serial = nextSerial++;
        serials.set(row, serial);
      }
      return `e${serial}|${content}`;
    },
    seen(key) {
      if (keys.has(key)) return true;
      remember(key);
      return false;
    },
    remember,
  };
}
