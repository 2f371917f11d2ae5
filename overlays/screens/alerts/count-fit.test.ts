import { describe, expect, it } from 'vitest';
import { COUNT_BOX, COUNT_CENTER, COUNT_PULSE, countScale } from './count-fit';
import { CARD_WIDTH } from './tiers';

describe('streak counter fit', () => {
  it('keeps its box inside the card, right of the gift picture', () => {
    expect(COUNT_BOX.x).toBeGreaterThan(640);
    expect(COUNT_BOX.x + COUNT_BOX.width).toBeLessThan(CARD_WIDTH - 8);
    expect(COUNT_CENTER.x).toBe(COUNT_BOX.x + COUNT_BOX.width / 2);
  });

  it('pulses fully when the grown text still fits', () => {
    expect(countScale(60, 70, 1)).toBeCloseTo(1 + COUNT_PULSE);
    expect(countScale(60, 70, 0)).toBe(1);
    expect(countScale(60, 70, 0.5)).toBeCloseTo(1 + COUNT_PULSE / 2);
  });

  it('never grows a wide count past its box, at any point of the pulse', () => {
    for (const width of [100, 120, 140, 200, 400]) {
      for (let pulse = 0; pulse <= 1; pulse += 0.05) {
        expect(width * countScale(width, 70, pulse)).toBeLessThanOrEqual(COUNT_BOX.width + 1e-9);
      }
    }
  });

  it('shrinks a resting count that is wider than its box', () => {
    expect(countScale(COUNT_BOX.width * 2, 70, 0)).toBeCloseTo(0.5);
  });
});
