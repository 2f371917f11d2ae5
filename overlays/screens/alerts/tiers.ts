/**
 * Five alert tiers by coin value, each with its own look and motion. The server's alert engine
 * sets `AlertView.tier`; `tierForCoins` is the same rule for demo mode and for alerts that come
 * without one. Pure data: the card reads it, unit tests check it.
 */
import type { AlertView } from '../../../shared/protocol/channel-data';

export type Tier = AlertView['tier'];

/** An alert card's size at scale 1, design px (a tier's `scale` multiplies it). */
export const CARD_WIDTH = 820;
export const CARD_HEIGHT = 180;
export const TIERS: readonly Tier[] = [1, 2, 3, 4, 5];

/**
 * The alerts screen's box, design px: a legendary card at rest (1,148 × 252 at scale 1.4) with
 * its glow (77 px around it) and the storm banner above. A box anchored at a corner keeps the
 * whole card inside the page's margin, and on the scene page other screens stay clear of it.
 */
export const ALERTS_BOX = { width: 1320, height: 520 } as const;

/**
 * How far a sliding card may start from its place (design px) and how large a surging card may
 * start (× its size): as far as keeps the card's panel inside ALERTS_BOX, at most 500 px and 2×.
 */
export function entranceRoom(scale: number): { slide: number; surge: number } {
  const width = CARD_WIDTH * scale;
  const height = CARD_HEIGHT * scale;
  // Room for the entrance shake (12 px at most) on both sides.
  const roomWidth = ALERTS_BOX.width - 24;
  return {
    slide: Math.max(0, Math.min(500, (roomWidth - width) / 2)),
    surge: Math.max(1, Math.min(2, roomWidth / width, (ALERTS_BOX.height - 24) / height)),
  };
}

/** Lowest coin value (the whole alert's coins) of each tier. */
export const TIER_THRESHOLDS: Record<Tier, number> = { 1: 0, 2: 10, 3: 100, 4: 1000, 5: 10_000 };

export function tierForCoins(coins: number): Tier {
  let tier: Tier = 1;
  for (const candidate of TIERS) if (coins >= TIER_THRESHOLDS[candidate]) tier = candidate;
  return tier;
}

/** How an alert enters. */
export type Entrance = 'slide' | 'pop' | 'burst' | 'surge' | 'legend';

/** What makes each tier look distinct. Durations are milliseconds at `speed=1`. */
export interface TierStyle {
  label: string;
  entrance: Entrance;
  /** Card size relative to tier 1. */
  scale: number;
  /** Confetti particles thrown on entrance. */
  particles: number;
  /** Glow halo layers around the card (0 = none); they pulse. */
  glow: number;
  /** Light rays turning behind the card. */
  rays: boolean;
  /** Camera shake on entrance, in design pixels. */
  shake: number;
  /** Card edge and glow colour. */
  color: number;
  introMs: number;
  holdMs: number;
  outroMs: number;
}

export const TIER_STYLES: Record<Tier, TierStyle> = {
  1: {
    label: 'gift',
    entrance: 'slide',
    scale: 0.9,
    particles: 0,
    glow: 0,
    rays: false,
    shake: 0,
    color: 0x25f4ee,
    introMs: 300,
    holdMs: 2500,
    outroMs: 250,
  },
  2: {
    label: 'nice',
    entrance: 'pop',
    scale: 1,
    particles: 0,
    glow: 1,
    rays: false,
    shake: 0,
    color: 0x7cf47a,
    introMs: 400,
    holdMs: 3200,
    outroMs: 300,
  },
  3: {
    label: 'great',
    entrance: 'burst',
    scale: 1.1,
    particles: 18,
    glow: 2,
    rays: false,
    shake: 0,
    color: 0xffc53d,
    introMs: 500,
    holdMs: 4000,
    outroMs: 350,
  },
  4: {
    label: 'epic',
    entrance: 'surge',
    scale: 1.25,
    particles: 36,
    glow: 3,
    rays: false,
    shake: 6,
    color: 0xff5cf4,
    introMs: 650,
    holdMs: 5000,
    outroMs: 400,
  },
  5: {
    label: 'legendary',
    entrance: 'legend',
    scale: 1.4,
    particles: 64,
    glow: 4,
    rays: true,
    shake: 12,
    color: 0xffd700,
    introMs: 900,
    holdMs: 6500,
    outroMs: 500,
  },
};

/**
 * The look of one alert. A storm-merged alert keeps its tier's size, glow and timing but enters
 * like a tier-1 alert, without shake, confetti or rays: during a storm one merged card follows
 * another, and a merged card soon sums to tier 4 or 5, whose surge (2.5× the card's area, ×6 in
 * pixels) and burst were most of a storm's frame time on software WebGL. Storm mode merges so
 * that frame time stays bounded (docs/targets.md); its cards must not bring the cost back.
 */
export function alertStyle(alert: Pick<AlertView, 'tier' | 'merged'>): TierStyle {
  const style = TIER_STYLES[alert.tier];
  if (alert.merged === null) return style;
  return { ...style, entrance: 'slide', shake: 0, particles: 0, rays: false };
}

/** Back-out easing: overshoots a little, then settles (the "pop" of pop-in cards). */
export function easeOutBack(t: number): number {
  const c = 1.70158;
  const x = Math.min(1, Math.max(0, t)) - 1;
  return 1 + (c + 1) * x * x * x + c * x * x;
}

export function easeOutCubic(t: number): number {
  const x = 1 - Math.min(1, Math.max(0, t));
  return 1 - x * x * x;
}
