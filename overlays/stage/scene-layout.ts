/**
 * The scene page's `show` parameter: which screens, where, how large.
 * `show=alerts@center,chat@bottom-left*0.8,poll@top-right`. Pure, so it is unit-tested.
 */
import { placeBox } from './design-space';
import { ANCHORS, type Anchor } from './params';
import { isScreenId, type ScreenId } from './screen';

/** One screen placed on the scene. */
export interface ScenePlacement {
  id: ScreenId;
  anchor: Anchor | null;
  scale: number;
}

/**
 * Five screens whose boxes do not overlap in 1920×1080 (a unit test checks it): the alert card
 * in the middle, scaled so that a legendary card with its glow stays clear of the chat column
 * and the poll.
 */
export const DEFAULT_SCENE =
  'goal@top-left,poll@top-right*0.75,alerts@center*0.6,chat@bottom-left*0.8,sponsor@bottom-right';

export function parseSceneLayout(show: string | null, warnings: string[] = []): ScenePlacement[] {
  const placements: ScenePlacement[] = [];
  for (const item of (show ?? DEFAULT_SCENE).split(',')) {
    const match = /^\s*([a-z]+)(?:@([a-z-]+))?(?:\*([0-9.]+))?\s*$/.exec(item);
    const id = match?.[1];
    if (!match || !id || !isScreenId(id)) {
      warnings.push(`show: unknown screen "${item.trim()}"`);
      continue;
    }
    if (placements.some((placement) => placement.id === id)) {
      warnings.push(`show: ${id} listed twice`);
      continue;
    }
    const anchorText = match[2];
    const anchor =
      anchorText && (ANCHORS as readonly string[]).includes(anchorText)
        ? (anchorText as Anchor)
        : null;
    if (anchorText && !anchor) warnings.push(`show: unknown position "${anchorText}" for ${id}`);
    const scale = match[3] ? Number(match[3]) : 1;
    placements.push({
      id,
      anchor,
      scale: Number.isFinite(scale) ? Math.min(4, Math.max(0.25, scale)) : 1,
    });
  }
  return placements;
}

/** A placed screen's box in the design space, design px. */
export interface SceneBox {
  id: ScreenId;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each placement's box lands, given each screen's size at scale 1. */
export function sceneBoxes(
  placements: readonly ScenePlacement[],
  sizeOf: (id: ScreenId) => { width: number; height: number },
  defaultAnchorOf: (id: ScreenId) => Anchor,
): SceneBox[] {
  return placements.map(({ id, anchor, scale }) => {
    const size = sizeOf(id);
    const width = size.width * scale;
    const height = size.height * scale;
    return { id, width, height, ...placeBox(anchor ?? defaultAnchorOf(id), width, height) };
  });
}

/** Pairs of boxes that overlap (touching edges do not). */
export function overlappingBoxes(boxes: readonly SceneBox[]): Array<[ScreenId, ScreenId]> {
  const pairs: Array<[ScreenId, ScreenId]> = [];
  boxes.forEach((a, index) => {
    for (const b of boxes.slice(index + 1)) {
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      if (!apart) pairs.push([a.id, b.id]);
    }
  });
  return pairs;
}

/**
 * Draw order: the alert card above the others, whatever order `show` lists them in, so where a
 * layout lets screens overlap, chat or a poll never covers an alert.
 */
export function alertsOnTop<T extends { id: ScreenId }>(placements: readonly T[]): T[] {
  return [
    ...placements.filter((placement) => placement.id !== 'alerts'),
    ...placements.filter((placement) => placement.id === 'alerts'),
  ];
}
