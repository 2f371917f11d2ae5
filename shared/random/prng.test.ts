/**
 * The simulator's demo streams and the overlays' particles both replay from a seed, so the
 * sequence itself is a contract: these values pin mulberry32 and FNV-1a as they have always run.
 */
import { describe, expect, it } from 'vitest';
import { createRandom, hashString, mixSeed, mulberry32 } from './prng';

describe('seeded randomness', () => {
  it('mulberry32 gives the same sequence for the same seed', () => {
    const random = mulberry32(42);
    expect([random(), random(), random()]).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
  });

  it('hashString and mixSeed are stable', () => {
    expect(hashString('alert-1')).toBe(1914449143);
    expect(mixSeed(1, 2)).toBe(3504413231);
  });

  it('picks from empty lists fail clearly', () => {
    const random = createRandom(7);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted([])).toThrow(RangeError);
  });
});
