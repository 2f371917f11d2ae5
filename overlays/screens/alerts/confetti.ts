/**
 * A confetti burst for tier 3+ alerts: it bursts out of the card, slows in the air, drifts down
 * and fades before it leaves the area around the card (`ConfettiReach`). Kept near the card on
 * purpose: the stage clips the canvas to the bounds of what it drew (draw-clip.ts), and on
 * software WebGL every composited pixel costs every frame — confetti raining over the whole
 * 1920×1080 stream made a tier-3 alert's frames ~3× the area of the card alone.
 *
 * Particles are sprites of two shapes drawn once with the browser's antialiased 2D canvas and
 * tinted (the page's canvas does not multisample, see bake.ts); the whole burst is destroyed with
 * its card, the two shared textures are kept for the page's life.
 */
import { Container, Sprite, Texture } from 'pixi.js';
import { mulberry32 } from '../../../shared/random/prng';
import { RELEASE_ALL } from '../../stage/release';
import { type ConfettiReach, confettiMotion, edgeFade, type Particle } from './confetti-motion';

/** How long a burst lasts, ms (it fades over its whole life). */
export const LIFE_MS = 1800;
const COLORS = [0xfe2c55, 0x25f4ee, 0xffd700, 0xff5cf4, 0x7cf47a, 0xffffff];
/** Texture pixels per design pixel of the shapes: sharp up to a 4× stage. */
const SHAPE_RESOLUTION = 4;
let shapes: Texture[] | null = null;

/** A white rectangle 14×7 and a white disc of radius 5 (design px), drawn once. */
function confettiShapes(): Texture[] {
  shapes ??= [
    drawShape(14, 7, (c, w, h) => c.fillRect(0, 0, w, h)),
    drawShape(10, 10, (c, w) => {
      c.beginPath();
      c.arc(w / 2, w / 2, w / 2, 0, Math.PI * 2);
      c.fill();
    }),
  ];
  return shapes;
}

function drawShape(
  width: number,
  height: number,
  paint: (context: CanvasRenderingContext2D, w: number, h: number) => void,
): Texture {
  const pad = 1; // a transparent border keeps the edge's smoothing under bilinear filtering
  const canvas = document.createElement('canvas');
  canvas.width = (width + pad * 2) * SHAPE_RESOLUTION;
  canvas.height = (height + pad * 2) * SHAPE_RESOLUTION;
  const context = canvas.getContext('2d');
  if (context) {
    context.fillStyle = '#ffffff';
    context.translate(pad * SHAPE_RESOLUTION, pad * SHAPE_RESOLUTION);
    paint(context, width * SHAPE_RESOLUTION, height * SHAPE_RESOLUTION);
  }
  return Texture.from(canvas);
}

export class ConfettiBurst extends Container {
  private readonly particles: Array<{ sprite: Sprite; motion: Particle }> = [];
  private readonly reach: ConfettiReach;
  private age = 0;

  /** `count` particles thrown with `power` (the tier's scale), fading out at `reach`. */
  constructor(count: number, power: number, seed: number, reach: ConfettiReach) {
    super();
    this.reach = reach;
    const random = mulberry32(seed);
    const kinds = confettiShapes();
    for (let i = 0; i < count; i += 1) {
      const sprite = new Sprite(kinds[i % kinds.length]);
      sprite.anchor.set(0.5);
      sprite.scale.set(1 / SHAPE_RESOLUTION);
      sprite.tint = COLORS[i % COLORS.length] ?? 0xffffff;
      const motion = confettiMotion(random, power);
      sprite.rotation = motion.rotation;
      this.addChild(sprite);
      this.particles.push({ sprite, motion });
    }
  }

  get finished(): boolean {
    return this.age >= LIFE_MS;
  }

  step(deltaMs: number): void {
    if (this.finished) return;
    this.age += deltaMs;
    const life = Math.max(0, 1 - this.age / LIFE_MS);
    for (const { sprite, motion } of this.particles) {
      motion.advance(deltaMs);
      const alpha = life * edgeFade(motion.x, motion.y, this.reach);
      sprite.position.set(motion.x, motion.y);
      sprite.rotation = motion.rotation;
      sprite.alpha = alpha;
      // Invisible particles leave the bounds, so the canvas clip shrinks with the burst.
      sprite.visible = alpha > 0;
    }
    if (this.finished) this.visible = false;
  }

  /** The shapes are shared: particles are destroyed without their textures. */
  override destroy(): void {
    for (const { sprite } of this.particles) sprite.destroy();
    this.particles.length = 0;
    super.destroy(RELEASE_ALL);
  }
}
