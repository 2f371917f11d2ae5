import { describe, expect, it } from 'vitest';
import {
  ALERTS_BOX,
  alertStyle,
  CARD_HEIGHT,
  CARD_WIDTH,
  easeOutBack,
  entranceRoom,
  TIER_STYLES,
  TIERS,
  tierForCoins,
} from './tiers';

describe('alert tiers', () => {
  it('maps coin values to five tiers', () => {
    expect([0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 44_999].map(tierForCoins)).toEqual([
      1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('gives every tier a distinct entrance, and grows with the tier', () => {
    const entrances = new Set(TIERS.map((tier) => TIER_STYLES[tier].entrance));
    expect(entrances.size).toBe(5);
    for (const tier of TIERS.slice(1)) {
      const style = TIER_STYLES[tier];
      const below = TIER_STYLES[(tier - 1) as 1 | 2 | 3 | 4];
      expect(style.scale).toBeGreaterThan(below.scale);
      expect(style.particles).toBeGreaterThanOrEqual(below.particles);
      expect(style.holdMs).toBeGreaterThan(below.holdMs);
    }
    expect(TIER_STYLES[5].rays).toBe(true);
  });

  it('draws storm-merged alerts at their tier size but without the costly entrance', () => {
    const merged = { alerts: 140, viewers: 90 };
    for (const tier of TIERS) {
      const calm = alertStyle({ tier, merged });
      expect(calm).toMatchObject({ entrance: 'slide', shake: 0, particles: 0, rays: false });
      expect(calm.scale).toBe(TIER_STYLES[tier].scale);
      expect(calm.glow).toBe(TIER_STYLES[tier].glow);
      expect([calm.introMs, calm.holdMs, calm.outroMs]).toEqual([
        TIER_STYLES[tier].introMs,
        TIER_STYLES[tier].holdMs,
        TIER_STYLES[tier].outroMs,
      ]);
      expect(alertStyle({ tier, merged: null })).toBe(TIER_STYLES[tier]);
    }
  });

  it('eases with an overshoot that settles at 1', () => {
    expect(easeOutBack(0)).toBeCloseTo(0);
    expect(easeOutBack(1)).toBeCloseTo(1);
    expect(Math.max(...[0.6, 0.7, 0.8].map(easeOutBack))).toBeGreaterThan(1);
  });
});

describe('entrances', () => {
  it('keep every tier’s card inside the alerts box while it slides or surges in', () => {
    for (const tier of TIERS) {
      const { scale } = TIER_STYLES[tier];
      const width = CARD_WIDTH * scale;
      const room = entranceRoom(scale);
      expect(width + 2 * room.slide).toBeLessThanOrEqual(ALERTS_BOX.width);
      expect(width * room.surge).toBeLessThanOrEqual(ALERTS_BOX.width);
      expect(CARD_HEIGHT * scale * room.surge).toBeLessThanOrEqual(ALERTS_BOX.height);
      expect(room.surge).toBeGreaterThan(1);
    }
  });

  it('holds a legendary card with its glow at rest', () => {
    expect(ALERTS_BOX.width).toBeGreaterThanOrEqual((CARD_WIDTH + 2 * 55) * 1.4);
  });
});
