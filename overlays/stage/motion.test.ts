import { describe, expect, it } from 'vitest';
import { approach, FrameClock } from './motion';

describe('motion', () => {
  it('reaches the same place in the same time at any frame rate', () => {
    let fast = 0;
    for (let t = 0; t < 300; t += 10) fast = approach(fast, 1, 10, 100);
    let slow = 0;
    for (let t = 0; t < 300; t += 60) slow = approach(slow, 1, 60, 100);
    expect(fast).toBeCloseTo(slow, 5);
    expect(fast).toBeCloseTo(1 - Math.exp(-3), 5);
  });

  it('snaps onto the target when within a thousandth', () => {
    expect(approach(0.9995, 1, 16, 100)).toBe(1);
  });

  it('counts frame time, capping stalls', () => {
    const clock = new FrameClock();
    expect(clock.delta(1000)).toBe(16);
    expect(clock.delta(1020)).toBe(20);
    expect(clock.delta(5000)).toBe(250);
  });
});
