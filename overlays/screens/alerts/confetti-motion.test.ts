import { describe, expect, it } from 'vitest';
import { hashString, mulberry32 } from '../../../shared/random/prng';
import { confettiMotion, edgeFade, reachAround } from './confetti-motion';
import { CARD_HEIGHT, CARD_WIDTH, TIER_STYLES } from './tiers';

/** Flies a tier's burst at 60 fps for `lifeMs`; records where each particle was seen. */
function fly(tier: 3 | 4 | 5, lifeMs = 1800) {
  const { particles, scale } = TIER_STYLES[tier];
  const reach = reachAround(CARD_WIDTH * scale, CARD_HEIGHT * scale);
  const random = mulberry32(hashString(`alert-${tier}`));
  const burst = Array.from({ length: particles }, () => confettiMotion(random, scale));
  const seen = burst.map(() => ({ outsideCard: false, visibleOutsideReach: false }));
  for (let t = 0; t < lifeMs; t += 16) {
    burst.forEach((particle, i) => {
      particle.advance(16);
      const visible = edgeFade(particle.x, particle.y, reach) > 0;
      const outsideCard =
        Math.abs(particle.x) > (CARD_WIDTH * scale) / 2 ||
        Math.abs(particle.y) > (CARD_HEIGHT * scale) / 2;
      const outsideReach = Math.abs(particle.x) >= reach.x || Math.abs(particle.y) >= reach.y;
      const record = seen[i]!;
      if (visible && outsideCard) record.outsideCard = true;
      if (visible && outsideReach) record.visibleOutsideReach = true;
    });
  }
  return { seen, reach, scale };
}

describe('confetti bursts', () => {
  it('stay near their card: the canvas clip (and every frame on software WebGL) pays for their area', () => {
    for (const tier of [3, 4, 5] as const) {
      const { seen, reach, scale } = fly(tier);
      expect(seen.some((s) => s.visibleOutsideReach)).toBe(false);
      // The area confetti may cover stays under 5× the card's own (the whole 1920×1080 stream,
      // where it used to rain, is ~12× a tier-3 card).
      const cardArea = CARD_WIDTH * scale * CARD_HEIGHT * scale;
      expect((reach.x * 2 * reach.y * 2) / cardArea).toBeLessThan(5);
    }
  });

  it('still burst out past the card edges (the effect is kept, only bounded)', () => {
    for (const tier of [3, 4, 5] as const) {
      const { seen } = fly(tier);
      const escaped = seen.filter((s) => s.outsideCard).length;
      expect(escaped / seen.length).toBeGreaterThan(0.5);
    }
  });

  it('fades particles out towards the edge of the reach', () => {
    const reach = { x: 100, y: 50 };
    expect(edgeFade(0, 0, reach)).toBe(1);
    expect(edgeFade(90, 0, reach)).toBeCloseTo(0.4);
    expect(edgeFade(0, 50, reach)).toBe(0);
    expect(edgeFade(-140, 0, reach)).toBe(0);
  });
});
