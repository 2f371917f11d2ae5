import { describe, expect, it } from 'vitest';
import { createBackoff, DEFAULT_BACKOFF } from './backoff';

describe('connector backoff', () => {
  it('doubles transient waits up to the ceiling, jittered within the upper half of each step', () => {
    const low = createBackoff({ random: () => 0 });
    const high = createBackoff({ random: () => 0.999 });
    const lows = Array.from({ length: 9 }, () => low.next('transient'));
    const highs = Array.from({ length: 9 }, () => high.next('transient'));
    expect(lows).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    for (const [i, wait] of highs.entries()) {
      expect(wait).toBeGreaterThanOrEqual(lows[i] as number);
      expect(wait).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
    }
  });

  it('never retries a rate limit before the sign server allows, nor under a minute', () => {
    const backoff = createBackoff({ random: () => 0 });
    expect(backoff.next('rateLimited', 5_000)).toBe(60_000);
    expect(backoff.next('rateLimited', 300_000)).toBe(300_000);
    // Third step: 60 s × 4, jittered to its lower half.
    expect(backoff.next('rateLimited')).toBe(120_000);
  });

  it('polls for a live stream from 30 s up to 5 minutes, and starts over after a reset', () => {
    const backoff = createBackoff({ random: () => 0 });
    const waits = Array.from({ length: 6 }, () => backoff.next('waitingForLive'));
    expect(waits).toEqual([15_000, 30_000, 60_000, 120_000, 150_000, 150_000]);
    backoff.reset();
    expect(backoff.next('waitingForLive')).toBe(15_000);
  });

  it('is deterministic for a given random source', () => {
    let seed = 42;
    const seeded = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const a = createBackoff({ random: seeded });
    const first = [a.next('transient'), a.next('rateLimited'), a.next('waitingForLive')];
    seed = 42;
    const b = createBackoff({ random: seeded });
    expect([b.next('transient'), b.next('rateLimited'), b.next('waitingForLive')]).toEqual(first);
  });
});
