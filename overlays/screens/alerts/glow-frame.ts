/**
 * A card's glow halos, drawn once with the browser's antialiased 2D canvas and shown as four
 * strips around the card (top, bottom, left, right) instead of one sprite the card's size: the
 * halos' middle is empty, and on software WebGL a sprite pays for its transparent pixels too —
 * one full-size glow sprite was ~6 ms of a storm frame's ~24 ms (GPU-process CPU).
 */
import { Container, Rectangle, Sprite, Texture } from 'pixi.js';

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

export class GlowFrame extends Container {
  private readonly texture: Texture | null = null;

  /**
   * Halos of `layers` in `color` around a `width`×`height` card centred on the origin, drawn at
   * `resolution` texture pixels per design pixel; `layers` 0 draws nothing.
   */
  constructor(layers: number, color: number, width: number, height: number, resolution: number) {
    super({ label: 'glow' });
    if (layers <= 0) return;
    const reach = glowReach(layers);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil((width + reach * 2) * resolution);
    canvas.height = Math.ceil((height + reach * 2) * resolution);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(resolution, resolution);
    const hex = `#${color.toString(16).padStart(6, '0')}`;
    context.strokeStyle = hex;
    context.lineWidth = 10;
    for (let layer = 1; layer <= layers; layer += 1) {
      const grow = layer * 12;
      context.globalAlpha = 0.32 / layer;
      roundRectPath(
        context,
        reach - grow,
        reach - grow,
        width + grow * 2,
        height + grow * 2,
        28 + grow,
      );
      context.stroke();
    }
    this.texture = Texture.from(canvas);
    for (const strip of glowStrips(width, height, reach)) {
      const frame = new Rectangle(
        strip.x * resolution,
        strip.y * resolution,
        strip.width * resolution,
        strip.height * resolution,
      );
      const sprite = new Sprite(new Texture({ source: this.texture.source, frame }));
      sprite.scale.set(1 / resolution);
      sprite.position.set(strip.x - reach - width / 2, strip.y - reach - height / 2);
      this.addChild(sprite);
    }
  }

  /** Drawn once, antialiased: the card reports it as baked. */
  get baked(): boolean {
    return this.texture !== null;
  }

  override destroy(): void {
    for (const child of this.children) if (child instanceof Sprite) child.texture.destroy(false);
    super.destroy({ children: true });
    this.texture?.destroy(true);
  }
}

/** A rounded rectangle path with arcTo (CanvasRenderingContext2D.roundRect is Chrome 99+). */
function roundRectPath(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
): void {
  const r = Math.min(radius, width / 2, height / 2);
  context.beginPath();
  context.moveTo(x + r, y);
  context.arcTo(x + width, y, x + width, y + height, r);
  context.arcTo(x + width, y + height, x, y + height, r);
  context.arcTo(x, y + height, x, y, r);
  context.arcTo(x, y, x + width, y, r);
  context.closePath();
}
