import { describe, expect, it } from 'vitest';
import { PacketRing } from './packet-ring';

/** A deterministic stream of JSON texts of varied length, some with multi-byte characters. */
function* texts(seed: number, count: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < count; i++) {
    const body = (next() < 0.2 ? 'é☃' : 'x').repeat(1 + Math.floor(next() * 120));
    yield JSON.stringify(['updates', { n: i, body }]);
  }
}

describe('packet ring', () => {
  it('hands back every packet after a kept one, byte for byte, across many wraps', () => {
    const ring = new PacketRing<null>(4_096, 1_000);
    const sent: string[] = [];
    let n = 0;
    for (const json of texts(7, 3_000)) {
      ring.push({ number: n, emittedAt: n, meta: null }, json);
      sent.push(json);
      n += 1;
      if (n % 97 === 0) {
        const oldest = n - ring.size;
        const after = ring.after(oldest);
        expect(after?.map((p) => p.json)).toEqual(sent.slice(oldest + 1));
        expect(after?.map((p) => p.packet.number)).toEqual(
          Array.from({ length: n - oldest - 1 }, (_, i) => oldest + 1 + i),
        );
      }
    }
    // Bytes, not the count, bound it here: a 4 KB ring holds a few dozen of these.
    expect(ring.size).toBeGreaterThan(10);
    expect(ring.size).toBeLessThan(200);
  });

  it('answers null for a packet it no longer keeps or never had', () => {
    const ring = new PacketRing<null>(1_000, 3);
    for (let n = 0; n < 5; n++) ring.push({ number: n, emittedAt: n, meta: null }, `[${n}]`);
    expect(ring.size).toBe(3);
    expect(ring.after(1)).toBeNull();
    expect(ring.after(99)).toBeNull();
    expect(ring.after(2)?.map((p) => p.json)).toEqual(['[3]', '[4]']);
    expect(ring.after(4)).toEqual([]);
  });

  it('drops packets emitted before a time, oldest first', () => {
    const ring = new PacketRing<string>(1_000, 100);
    for (let n = 0; n < 6; n++)
      ring.push({ number: n, emittedAt: n * 10, meta: `m${n}` }, `[${n}]`);
    ring.dropEmittedBefore(30);
    expect(ring.size).toBe(3);
    expect(ring.after(3)?.map((p) => p.packet.meta)).toEqual(['m4', 'm5']);
  });

  it('keeps no history with a hole: a packet too big for the ring drops everything before it', () => {
    const ring = new PacketRing<null>(400, 100);
    ring.push({ number: 0, emittedAt: 0, meta: null }, '[0]');
    ring.push({ number: 1, emittedAt: 1, meta: null }, '[1]');
    ring.push({ number: 2, emittedAt: 2, meta: null }, JSON.stringify(['x'.repeat(200)]));
    expect(ring.size).toBe(0);
    expect(ring.after(1)).toBeNull();
    ring.push({ number: 3, emittedAt: 3, meta: null }, '[3]');
    ring.push({ number: 4, emittedAt: 4, meta: null }, '[4]');
    expect(ring.after(3)?.map((p) => p.json)).toEqual(['[4]']);
  });
});
