/**
 * The scene page's `show` parameter: which screens, where, how large.
 * `show=alerts@center,chat@bottom-left*0.8,poll@top-right`. Pure, so it is unit-tested.
 */
import { ANCHORS, type Anchor } from './params';
import { isScreenId, type ScreenId } from './screen';

/** One screen placed on the scene. */
export interface ScenePlacement {
  id: ScreenId;
  anchor: Anchor | null;
  scale: number;
}

export const DEFAULT_SCENE =
  'goal@top-left,poll@top-right,alerts@center,chat@bottom-left,sponsor@bottom-right';

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
