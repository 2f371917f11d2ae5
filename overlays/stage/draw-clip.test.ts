import { describe, expect, it } from 'vitest';
import { CLIP_NOTHING, clipPathFor, keptBoxFor, keptShare } from './draw-clip';

describe('clipPathFor', () => {
  it('keeps what was drawn plus a margin, snapped outward to the grid', () => {
    // A card at 453..1467 × 380..695 on a 1920×1080 canvas: kept from 416 to 1504, 352 to 736.
    const clip = clipPathFor({ x: 453, y: 380, width: 1014, height: 315 }, 1920, 1080);
    expect(clip).toBe('inset(352px 416px 344px 416px)');
  });

  it('never clips outside the canvas, and drops the clip when all of it is drawn', () => {
    expect(clipPathFor({ x: 10, y: 500, width: 300, height: 100 }, 1920, 1080)).toBe(
      'inset(448px 1568px 440px 0px)',
    );
    expect(clipPathFor({ x: -300, y: -300, width: 2600, height: 1700 }, 1920, 1080)).toBe('none');
  });

  it('clips everything when nothing is drawn', () => {
    expect(clipPathFor(null, 1920, 1080)).toBe(CLIP_NOTHING);
    expect(clipPathFor({ x: 100, y: 100, width: 0, height: 0 }, 1920, 1080)).toBe(CLIP_NOTHING);
    expect(clipPathFor({ x: 5000, y: 100, width: 10, height: 10 }, 1920, 1080)).toBe(CLIP_NOTHING);
  });

  it('tells what share of the canvas a drawn frame keeps', () => {
    const kept = keptBoxFor({ x: 453, y: 380, width: 1014, height: 315 }, 1920, 1080);
    expect(keptShare(kept, 1920, 1080)).toBeCloseTo((1088 * 384) / (1920 * 1080));
    expect(keptShare(keptBoxFor(null, 1920, 1080), 1920, 1080)).toBe(0);
    expect(
      keptShare(keptBoxFor({ x: -9, y: -9, width: 4000, height: 4000 }, 800, 600), 800, 600),
    ).toBe(1);
  });
});
