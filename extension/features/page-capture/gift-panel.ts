/**
 * What the page itself says a gift is: the gift panel shows each gift's picture beside its name
 * and coin price, and a picture's 32-hex hash is what a gift row shows. Known names fall back to
 * the shared catalog for the price (`resolveGiftInfo`: the page's own facts win).
 */
import { resolveGiftInfo } from '../../../shared/catalog';
import { parseAbbreviatedCount } from './parse-count';
import { GIFT_IMAGE_HASH, GIFT_PANEL_ITEM, GIFT_PANEL_NAME, GIFT_PANEL_PRICE } from './selectors';

export interface PageGift {
  name: string;
  /** Coins per unit; 0 when neither the page nor the catalog knows. */
  coins: number;
  /** Catalog's TikTok id when the name is known there. */
  id: number | null;
  /** False only when the catalog says the gift never streaks. */
  streakable: boolean;
}

/** hash → what the page's gift panel says about it. */
export function readGiftPanel(
  root: ParentNode,
): Map<string, { name: string; coins: number | null }> {
  const known = new Map<string, { name: string; coins: number | null }>();
  for (const item of Array.from(root.querySelectorAll(GIFT_PANEL_ITEM))) {
    const image = item.querySelector('img');
    const hash = image?.getAttribute('src')?.match(GIFT_IMAGE_HASH)?.[0]?.toLowerCase();
    const name =
      item.querySelector(GIFT_PANEL_NAME)?.textContent?.trim() ||
      image?.getAttribute('alt')?.trim() ||
      '';
    if (!hash || !name) continue;
    const coins = parseAbbreviatedCount(item.querySelector(GIFT_PANEL_PRICE)?.textContent);
    known.set(hash, { name, coins });
  }
  return known;
}

/** Names a gift seen on the page, from the panel, the row's own alt text, then the catalog. */
export function identifyGift(
  hash: string,
  rowName: string | null,
  panel: ReadonlyMap<string, { name: string; coins: number | null }>,
): PageGift {
  const fromPanel = panel.get(hash);
  const resolved = resolveGiftInfo({
    name: fromPanel?.name ?? rowName ?? null,
    coins: fromPanel?.coins ?? null,
  });
  return {
    name: resolved.name === 'Unknown gift' ? `Gift ${hash.slice(0, 8)}` : resolved.name,
    coins: resolved.coins ?? 0,
    id: resolved.id,
    streakable: resolved.streakable !== false,
  };
}
