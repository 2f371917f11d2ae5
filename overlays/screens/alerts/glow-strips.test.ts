import { describe, expect, it } from 'vitest';
import { glowReach, glowStrips } from './glow-strips';
import { CARD_HEIGHT, CARD_WIDTH } from './tiers';

type Strip = ReturnType<typeof glowStrips>[number];
const inside = (strips: Strip[], x: number, y: number) =>
  strips.some((s) => x >= s.x && x <= s.x + s.width && y >= s.y && y <= s.y + s.height);

/** Points on the inner edge of the innermost halo (grow 12, radius 40, stroke 10), texture px. */
function innerHaloEdge(reach: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  const left = reach - 12 + 5;
  const top = reach - 12 + 5;
  const right = reach + CARD_WIDTH + 12 - 5;
  const bottom = reach + CARD_HEIGHT + 12 - 5;
  const r = 35;
  const corners: Array<[number, number, number]> = [
    [left + r, top + r, Math.PI],
    [right - r, top + r, 1.5 * Math.PI],
    [right - r, bottom - r, 0],
    [left + r, bottom - r, 0.5 * Math.PI],
  ];
  for (const [cx, cy, start] of corners) {
    for (let a = 0; a <= 16; a += 1) {
      const angle = start + (a / 16) * (Math.PI / 2);
      points.push([cx + Math.cos(angle) * r, cy + Math.sin(angle) * r]);
    }
  }
  for (let x = left + r; x <= right - r; x += 20) points.push([x, top], [x, bottom]);
  for (let y = top + r; y <= bottom - r; y += 10) points.push([left, y], [right, y]);
  return points;
}

describe('glow strips', () => {
  it('hold every pixel of the halos', () => {
    for (const layers of [1, 2, 3, 4]) {
      const reach = glowReach(layers);
      const strips = glowStrips(CARD_WIDTH, CARD_HEIGHT, reach);
      for (const [x, y] of innerHaloEdge(reach))
        expect(inside(strips, x, y), `${x},${y}`).toBe(true);
    }
  });

  it('leave out the card-sized middle, which a single glow sprite shaded for nothing', () => {
    for (const layers of [2, 3, 4]) {
      const reach = glowReach(layers);
      const strips = glowStrips(CARD_WIDTH, CARD_HEIGHT, reach);
      const area = strips.reduce((sum, s) => sum + s.width * s.height, 0);
      const whole = (CARD_WIDTH + reach * 2) * (CARD_HEIGHT + reach * 2);
      expect(area / whole).toBeLessThan(0.65);
      expect(inside(strips, reach + CARD_WIDTH / 2, reach + CARD_HEIGHT / 2)).toBe(false);
    }
  });
});
