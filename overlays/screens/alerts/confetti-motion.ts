/**
 * How one confetti particle flies: thrown out and up, slowed by the air, pulled down, spinning;
 * and how it fades near the edge of the area the burst may cover. Pure (no Pixi): tests fly
 * whole bursts frame by frame.
 */

/** Half-width and half-height of the area around the burst's origin that confetti may cover. */
export interface ConfettiReach {
  x: number;
  y: number;
}

const GRAVITY = 900; // design px / s²
/** Air drag, per second: a particle keeps e^(-DRAG·t) of its speed. */
const DRAG = 1.8;
/** Share of the reach over which a particle fades out as it nears the edge. */
const FADE_BAND = 0.25;

export class Particle {
  x = 0;
  y = 0;

  constructor(
    private vx: number,
    private vy: number,
    public rotation: number,
    private readonly spin: number,
  ) {}

  advance(deltaMs: number): void {
    const dt = deltaMs / 1000;
    const keep = Math.exp(-DRAG * dt);
    this.vx *= keep;
    this.vy = this.vy * keep + GRAVITY * dt;
    this.x += this.vx * dt;
    this.y += this.vy * dt;
    this.rotation += this.spin * dt;
  }
}

/** A particle thrown from the origin with `power` (the tier's scale), from a seeded `random`. */
export function confettiMotion(random: () => number, power: number): Particle {
  const rotation = random() * Math.PI;
  const angle = random() * Math.PI * 2;
  const speed = (260 + random() * 520) * power;
  const spin = (random() - 0.5) * 12;
  return new Particle(
    Math.cos(angle) * speed,
    Math.sin(angle) * speed - 320 * power,
    rotation,
    spin,
  );
}

/** 1 well inside `reach`, falling to 0 at its edge and beyond. */
export function edgeFade(x: number, y: number, reach: ConfettiReach): number {
  const distance = Math.max(Math.abs(x) / reach.x, Math.abs(y) / reach.y);
  return Math.min(1, Math.max(0, (1 - distance) / FADE_BAND));
}

/** Room confetti gets beyond a card's edges, design px: a burst around the card, not the stream. */
export const CONFETTI_MARGIN = { x: 160, y: 220 };

/** The reach of a burst from the centre of a card drawn `width`×`height`. */
export function reachAround(width: number, height: number): ConfettiReach {
  return { x: width / 2 + CONFETTI_MARGIN.x, y: height / 2 + CONFETTI_MARGIN.y };
}
