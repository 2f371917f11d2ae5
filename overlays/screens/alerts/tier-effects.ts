/** The drawn part of legendary alerts: light rays (glow halos: glow-frame.ts). */
import { Graphics } from 'pixi.js';

/** Light rays for legendary alerts: 14 thin wedges turning behind the card. */
export function drawRays(color: number): Graphics {
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
