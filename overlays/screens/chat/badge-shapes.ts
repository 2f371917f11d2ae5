/**
 * Limelight's own small badges, drawn where TikTok gave no picture (and shown until its picture
 * loads): a shield for moderators, a star for subscribers, a medal with the rank for top
 * gifters (gold, silver, bronze, then blue), a pill with the level for gifter levels. Numbers
 * are Pixi Text; nothing here is viewer text.
 */
import { Container, Graphics } from 'pixi.js';
import { makeLabel } from '../../stage/label';
import type { Theme } from '../../stage/theme';
import type { BadgeSpec } from './chat-badges';

const MEDALS = [0xf5c242, 0xc9d1d9, 0xd08a4c];
const RANK_OTHER = 0x4a7dff;
const MODERATOR = 0x1fb57a;
const SUBSCRIBER = 0x8e5cff;

/** Gifter level colours by band of ten, as TikTok shades them from cool to hot. */
const LEVEL_BANDS = [0x4a7dff, 0x1fb5a8, 0x39b54a, 0xf0a030, 0xf06a30, 0xe8364f];
export const levelColor = (level: number): number =>
  LEVEL_BANDS[Math.min(LEVEL_BANDS.length - 1, Math.floor((level - 1) / 10))] ?? RANK_OTHER;

/** Width the drawn badge takes for `badge` at `size` (the level pill grows with its digits). */
export function drawnBadgeWidth(badge: BadgeSpec, size: number): number {
  if (badge.kind !== 'gifterLevel') return size;
  return Math.round(size * (0.9 + 0.32 * String(badge.value ?? 0).length));
}

export function drawnBadge(theme: Theme, badge: BadgeSpec, size: number): Container {
  const box = new Container({ label: `badge:${badge.kind}` });
  const s = size / 28;
  const half = size / 2;
  switch (badge.kind) {
    case 'moderator': {
      const shield = [
        half,
        5 * s,
        22 * s,
        9 * s,
        21 * s,
        17 * s,
        half,
        24 * s,
        7 * s,
        17 * s,
        6 * s,
        9 * s,
      ];
      box.addChild(
        new Graphics()
          .roundRect(0, 0, size, size, 7 * s)
          .fill(MODERATOR)
          .poly(shield)
          .fill(0xffffff),
      );
      break;
    }
    case 'subscriber': {
      const star: number[] = [];
      for (let i = 0; i < 10; i++) {
        const radius = (i % 2 === 0 ? 9.5 : 4) * s;
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        star.push(half + Math.cos(angle) * radius, half + 1 * s + Math.sin(angle) * radius);
      }
      box.addChild(
        new Graphics()
          .roundRect(0, 0, size, size, 7 * s)
          .fill(SUBSCRIBER)
          .poly(star)
          .fill(0xffffff),
      );
      break;
    }
    case 'topGifter': {
      const rank = badge.value ?? 0;
      const color = MEDALS[rank - 1] ?? RANK_OTHER;
      box.addChild(new Graphics().circle(half, half, half).fill(color));
      box.addChild(
        centered(theme, String(rank), 16 * s, rank <= 3 ? 0x3a2a00 : 0xffffff, half, half),
      );
      break;
    }
    case 'gifterLevel': {
      const width = drawnBadgeWidth(badge, size);
      const color = levelColor(badge.value ?? 1);
      box.addChild(new Graphics().roundRect(0, 0, width, size, half).fill(color));
      box.addChild(centered(theme, `Lv${badge.value ?? ''}`, 14 * s, 0xffffff, width / 2, half));
      break;
    }
  }
  return box;
}

/** A drawn stand-in for an emote whose picture has not loaded (or cannot). */
export function emoteFallback(theme: Theme, size: number): Container {
  const s = size / 28;
  const face = new Graphics()
    .circle(size / 2, size / 2, 12 * s)
    .fill({ color: theme.muted, alpha: 0.55 })
    .circle(10 * s, 11 * s, 2 * s)
    .fill(theme.panel)
    .circle(18 * s, 11 * s, 2 * s)
    .fill(theme.panel)
    .arc(size / 2, 14 * s, 6 * s, 0.15 * Math.PI, 0.85 * Math.PI)
    .stroke({ width: 2 * s, color: theme.panel });
  const box = new Container({ label: 'emote:fallback' });
  box.addChild(face);
  return box;
}

function centered(theme: Theme, text: string, size: number, color: number, x: number, y: number) {
  const label = makeLabel(theme, { text, size, weight: '900', color, anchor: 0.5 });
  label.position.set(x, y);
  return label;
}
