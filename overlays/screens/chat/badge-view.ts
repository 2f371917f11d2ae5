/**
 * One viewer badge ready to place: TikTok's picture over Limelight's drawn badge (shown until the
 * picture loads, and for good when TikTok gave none), with a gifter level's number written
 * beside its picture. Chat lines and the top-gifters board draw badges through this.
 */
import type { Container } from 'pixi.js';
import { makeLabel } from '../../stage/label';
import { Picture } from '../../stage/picture';
import type { Theme } from '../../stage/theme';
import { drawnBadge, drawnBadgeWidth } from './badge-shapes';
import type { BadgeSpec } from './chat-badges';

export interface BadgeView {
  /** The badge's parts, at x = 0 (the level's number follows the picture). */
  parts: Container[];
  /** Width it takes, design pixels. */
  width: number;
  /** TikTok's picture, when it has one (null: drawn by Limelight). */
  picture: Picture | null;
}

/** `shown` runs when TikTok's picture replaces the drawn badge (ask the stage for a frame). */
export function badgeView(
  theme: Theme,
  badge: BadgeSpec,
  size: number,
  shown: () => void,
): BadgeView {
  const drawn = drawnBadge(theme, badge, size);
  if (!badge.imageUrl)
    return { parts: [drawn], width: drawnBadgeWidth(badge, size), picture: null };
  const picture = new Picture(badge.imageUrl, size, 'square', drawn);
  picture.onShown = shown;
  // TikTok's level badge is an icon; the level itself is written beside it.
  if (badge.kind !== 'gifterLevel' || badge.value === null) {
    return { parts: [picture], width: size, picture };
  }
  const level = makeLabel(theme, {
    text: String(badge.value),
    size: Math.round(size * 0.6),
    weight: '900',
    color: theme.muted,
  });
  level.position.set(size + 2, Math.round(size * 0.1));
  return { parts: [picture, level], width: size + 4 + level.width, picture };
}
