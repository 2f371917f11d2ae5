/**
 * A confetti burst for tier 3+ alerts. Particles share a few prebuilt GraphicsContexts (no
 * geometry per particle) and the whole burst is destroyed with its card.
 */
import { Container, Graphics, GraphicsContext } from 'pixi.js';
import { mulberry32 } from '../../../shared/random/prng';
import { RELEASE_ALL } from '../../stage/release';

const COLORS = [0xfe2c55, 0x25f4ee, 0xffd700, 0xff5cf4, 0x7cf47a, 0xffffff];
let shapes: GraphicsContext[] | null = null;

/** Built on first use and kept for the page's life: six tiny shapes, bounded. */
function confettiShapes(): GraphicsContext[] {
  shapes ??= COLORS.map((color, index) =>
    index % 2 === 0
      ? new GraphicsContext().rect(-7, -3.5, 14, 7).fill(color)
      : new GraphicsContext().circle(0, 0, 5).fill(color),
  );
  return shapes;
}

interface Particle {
  sprite: Graphics;
  vx: number;
  vy: number;
  spin: number;
}

const GRAVITY = 900; // design px / s²
const LIFE_MS = 1800;

export class ConfettiBurst extends Container {
  private readonly particles: Particle[] = [];
  private age = 0;

  constructor(count: number, power: number, seed: number) {
    super();
    const random = mulberry32(seed);
    const kinds = confettiShapes();
    for (let i = 0; i < count; i += 1) {
      const sprite = new Graphics(kinds[i % kinds.length]!);
      const angle = random() * Math.PI * 2;
      const speed = (260 + random() * 520) * power;
      sprite.rotation = random() * Math.PI;
      this.addChild(sprite);
      this.particles.push({
        sprite,
        vx: Math.cos(angle) * speed,
        vy: Math.sin(angle) * speed - 320 * power,
        spin: (random() - 0.5) * 12,
      });
    }
  }

  get finished(): boolean {
    return this.age >= LIFE_MS;
  }

  step(deltaMs: number): void {
    if (this.finished) return;
    this.age += deltaMs;
    const dt = deltaMs / 1000;
    const fade = Math.max(0, 1 - this.age / LIFE_MS);
    for (const particle of this.particles) {
      particle.vy += GRAVITY * dt;
      particle.sprite.x += particle.vx * dt;
      particle.sprite.y += particle.vy * dt;
      particle.sprite.rotation += particle.spin * dt;
      particle.sprite.alpha = fade;
    }
    if (this.finished) this.visible = false;
  }

  /** Particles draw shared shapes: detach them first so the shapes outlive this burst. */
  override destroy(): void {
    for (const particle of this.particles) particle.sprite.destroy();
    this.particles.length = 0;
    super.destroy(RELEASE_ALL);
  }
}
