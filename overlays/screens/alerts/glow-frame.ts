/**
 * A card's glow halos, drawn once with the browser's antialiased 2D canvas and shown as four
 * strips around the card (top, bottom, left, right) instead of one sprite the card's size: the
 * halos' middle is empty, and on software WebGL a sprite pays for its transparent pixels too —
 * one full-size glow sprite was ~6 ms of a storm frame's ~24 ms (GPU-process CPU).
 */
import { Container, Rectangle, Sprite, Texture } from 'pixi.js';
import { glowReach, glowStrips } from './glow-strips';

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
