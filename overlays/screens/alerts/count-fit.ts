/**
 * Where the streak counter (`×11`) sits on an alert card and how far it may grow when it pulses.
 * It pulses on every new count, and a wide count (`×11`, `×1.2K`) grown 45% used to pass the
 * card's right edge; now its scale is capped by its box at every frame. Pure, so it is
 * unit-tested; the browser test measures the drawn bounds during a pulse.
 */
import { CARD_HEIGHT, CARD_WIDTH } from './tiers';

/** The gift picture ends at 640 (card px at scale 1); the counter gets the rest, less a margin. */
const COUNT_LEFT = 652;
const COUNT_RIGHT_MARGIN = 24;

/** The counter's box on the card at scale 1: it is centred in it and never drawn past it. */
export const COUNT_BOX = {
  x: COUNT_LEFT,
  width: CARD_WIDTH - COUNT_RIGHT_MARGIN - COUNT_LEFT,
  /** The card less 20 px above and below. */
  height: CARD_HEIGHT - 40,
} as const;

/** The counter's centre on the card. */
export const COUNT_CENTER = { x: COUNT_BOX.x + COUNT_BOX.width / 2, y: CARD_HEIGHT / 2 } as const;

/** How much larger a new count shows at the height of its pulse. */
export const COUNT_PULSE = 0.45;

/**
 * The counter's scale for a text of `width`×`height` (drawn at scale 1) at `pulse` (1 when a new
 * count arrived, easing to 0): as much of the pulse as fits, and below 1 when even the resting
 * text is too wide for its box.
 */
export function countScale(width: number, height: number, pulse: number): number {
  const grown = 1 + COUNT_PULSE * Math.min(1, Math.max(0, pulse));
  if (width <= 0 || height <= 0) return grown;
  return Math.min(grown, COUNT_BOX.width / width, COUNT_BOX.height / height);
}
