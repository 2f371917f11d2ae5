/**
 * The drawn part of legendary alerts: light rays (glow halos: glow-frame.ts). Drawn once with the
 * browser's antialiased 2D canvas (the alerts canvas does not multisample, see stage/bake.ts) at
 * half resolution — soft translucent wedges lose nothing — and turned as one sprite. A baked
 * Pixi render texture would round 1,520 px up to a 2,048² texture plus a 4× multisample buffer.
 */
import { Container, Sprite, Texture } from 'pixi.js';

/** Length of a ray from the card's centre, design px at scale 1. */
export const RAY_LENGTH = 760;
const WEDGES = 14;

export class LightRays extends Container {
  private readonly texture: Texture | null = null;

  /** Rays in `color`, drawn at `resolution` texture pixels per design pixel. */
  constructor(color: number, resolution: number) {
    super({ label: 'rays' });
    const edge = Math.ceil(RAY_LENGTH * 2 * resolution);
    const canvas = document.createElement('canvas');
    canvas.width = edge;
    canvas.height = edge;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.translate(edge / 2, edge / 2);
    context.scale(resolution, resolution);
    context.fillStyle = `#${color.toString(16).padStart(6, '0')}`;
    context.globalAlpha = 0.18;
    for (let i = 0; i < WEDGES; i += 1) {
      const a = (i / WEDGES) * Math.PI * 2;
      const b = a + Math.PI / WEDGES / 1.6;
      context.beginPath();
      context.moveTo(0, 0);
      context.lineTo(Math.cos(a) * RAY_LENGTH, Math.sin(a) * RAY_LENGTH);
      context.lineTo(Math.cos(b) * RAY_LENGTH, Math.sin(b) * RAY_LENGTH);
      context.closePath();
      context.fill();
    }
    this.texture = Texture.from(canvas);
    const sprite = new Sprite(this.texture);
    sprite.anchor.set(0.5);
    sprite.scale.set(1 / resolution);
    this.addChild(sprite);
  }

  /** Drawn once, antialiased: the card reports it as baked. */
  get baked(): boolean {
    return this.texture !== null;
  }

  override destroy(): void {
    super.destroy({ children: true });
    this.texture?.destroy(true);
  }
}
