import { describe, expect, it } from 'vitest';
import { createMessageDeduper } from './message-dedupe';

describe('message deduper', () => {
  it('reports an id as seen the second time only', () => {
    const dedupe = createMessageDeduper(10);
    expect(['a', 'b', 'a', 'c', 'b'].map((id) => dedupe.seen(id))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  it('keeps memory bounded: only the last `capacity` ids are remembered', () => {
    const dedupe = createMessageDeduper(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) dedupe.seen(id);
    expect(dedupe.size).toBe(3);
    expect(dedupe.ids()).toEqual(['c', 'd', 'e']);
    expect(dedupe.seen('e')).toBe(true);
    expect(dedupe.seen('a')).toBe(false); // forgotten, so it counts as new
  });

  it('stays at capacity over a long stream', () => {
    const dedupe = createMessageDeduper(1_000);
    for (let i = 0; i < 50_000; i += 1) dedupe.seen(`msg-${i}`);
    expect(dedupe.size).toBe(1_000);
    expect(dedupe.seen('msg-49999')).toBe(true);
    expect(dedupe.seen('msg-48999')).toBe(false);
  });

  it('restores from exported ids', () => {
    const first = createMessageDeduper(3);
    for (const id of ['a', 'b', 'c', 'd']) first.seen(id);
    const restored = createMessageDeduper(3, first.ids());
    expect(restored.ids()).toEqual(['b', 'c', 'd']);
    expect(restored.seen('b')).toBe(true);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createMessageDeduper(0)).toThrow(/capacity/);
  });
});
