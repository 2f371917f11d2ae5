/** Where a card's glow halos are, as strips around the card (glow-frame.ts draws them). Pure. */

/** How far the halos of `layers` reach beyond the card's edges, design px (stroke included). */
export const glowReach = (layers: number): number => layers * 12 + 5 + 2;

/**
 * How far the innermost halo's rounded corners dip inside the card's corners, design px (its
 * inner edge: radius 35 around a centre 28 px inside each corner), plus a pixel of smoothing.
 */
const CORNER_DIP = 30;

/** Strips of a `width`×`height` card's glow, in the glow texture's design px (origin top-left). */
export function glowStrips(
  width: number,
  height: number,
  reach: number,
): Array<{ x: number; y: number; width: number; height: number }> {
  const outerWidth = width + reach * 2;
  const band = reach + CORNER_DIP;
  const strips = [
    { x: 0, y: 0, width: outerWidth, height: band },
    { x: 0, y: reach + height - CORNER_DIP, width: outerWidth, height: band },
  ];
  const sideHeight = height - CORNER_DIP * 2;
  if (sideHeight > 0) {
    strips.push(
      { x: 0, y: band, width: reach + 2, height: sideHeight },
      { x: reach + width - 2, y: band, width: reach + 2, height: sideHeight },
    );
  }
  return strips;
}
