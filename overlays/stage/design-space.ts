/**
 * Overlays are drawn in a fixed 1920×1080 design space and scaled to whatever size the OBS
 * browser source has. Pure geometry, shared by the stage and the scene page.
 */
import type { Anchor } from './params';

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;
/** Distance kept from the design space's edges when a box is anchored to one. */
export const SAFE_MARGIN = 48;

/** How the design space maps onto the window: uniform scale, centred (letterboxed). */
export interface DesignFit {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export function fitDesignSpace(viewWidth: number, viewHeight: number): DesignFit {
  const scale = Math.max(0.01, Math.min(viewWidth / DESIGN_WIDTH, viewHeight / DESIGN_HEIGHT));
  return {
    scale,
    offsetX: (viewWidth - DESIGN_WIDTH * scale) / 2,
    offsetY: (viewHeight - DESIGN_HEIGHT * scale) / 2,
  };
}

/** A box's top-left corner, in design pixels. */
export interface BoxPlacement {
  x: number;
  y: number;
}

/** Places a box of the given (already scaled) size at an anchor, or at an explicit corner. */
export function placeBox(
  anchor: Anchor,
  width: number,
  height: number,
  explicit: { x: number | null; y: number | null } = { x: null, y: null },
): BoxPlacement {
  const horizontal = anchor.endsWith('left')
    ? SAFE_MARGIN
    : anchor.endsWith('right')
      ? DESIGN_WIDTH - SAFE_MARGIN - width
      : (DESIGN_WIDTH - width) / 2;
  const vertical = anchor.startsWith('top')
    ? SAFE_MARGIN
    : anchor.startsWith('bottom')
      ? DESIGN_HEIGHT - SAFE_MARGIN - height
      : (DESIGN_HEIGHT - height) / 2;
  return { x: explicit.x ?? horizontal, y: explicit.y ?? vertical };
}
