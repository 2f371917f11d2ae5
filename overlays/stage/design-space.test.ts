import { describe, expect, it } from 'vitest';
import { DESIGN_HEIGHT, DESIGN_WIDTH, fitDesignSpace, placeBox, SAFE_MARGIN } from './design-space';

describe('design space', () => {
  it('scales 1920×1080 to fit the window, letterboxed and centred', () => {
    expect(fitDesignSpace(1280, 720)).toEqual({ scale: 2 / 3, offsetX: 0, offsetY: 0 });
    const tall = fitDesignSpace(960, 1080);
    expect(tall.scale).toBe(0.5);
    expect(tall.offsetY).toBe((1080 - DESIGN_HEIGHT * 0.5) / 2);
  });

  it('places boxes at anchors inside the safe margin, or at explicit corners', () => {
    expect(placeBox('top-left', 100, 50)).toEqual({ x: SAFE_MARGIN, y: SAFE_MARGIN });
    expect(placeBox('bottom-right', 100, 50)).toEqual({
      x: DESIGN_WIDTH - SAFE_MARGIN - 100,
      y: DESIGN_HEIGHT - SAFE_MARGIN - 50,
    });
    expect(placeBox('center', 100, 50)).toEqual({ x: 910, y: 515 });
    expect(placeBox('center', 100, 50, { x: 5, y: null })).toEqual({ x: 5, y: 515 });
  });
});
