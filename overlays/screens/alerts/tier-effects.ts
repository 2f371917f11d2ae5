/** The drawn parts of higher tiers: glow halos and light rays. */
import { Graphics } from 'pixi.js';

/**
 * Halo layers around a card of `width`×`height` centred on the origin (the card pulses their
 * alpha); `layers` 0 draws nothing.
 */
export function drawGlow(
  glow: Graphics,
  layers: number,
  color: number,
  width: number,
  height: number,
): void {
  for (let layer = 1; layer <= layers; layer += 1) {
    const grow = layer * 12;
    glow
      .roundRect(
        -width / 2 - grow,
        -height / 2 - grow,
        width + grow * 2,
        height + grow * 2,
        28 + grow,
      )
      .stroke({ width: 10, color, alpha: 0.32 / layer });
  }
}

export /** Light rays for legendary alerts: 14 thin wedges turning behind the card. */
function drawRays(color: number): Graphics {
  const rays = new Graphics();
  const wedges = 14;
  for (let i = 0; i < wedges; i += 1) {
    const a = (i / wedges) * Math.PI * 2;
    const b = a + Math.PI / wedges / 1.6;
    rays
      .moveTo(0, 0)
      .lineTo(Math.cos(a) * 760, Math.sin(a) * 760)
      .lineTo(Math.cos(b) * 760, Math.sin(b) * 760)
      .closePath()
      .fill({ color, alpha: 0.18 });
  }
  return rays;
}
