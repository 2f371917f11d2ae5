import { STREAKABLE_GIFT_TYPE } from '../events/gift';
import { findGift, type GiftLookup } from './gift-catalog';

/** A gift as a source reported it, possibly incomplete. */
export interface PartialGiftInfo extends GiftLookup {
  /** Price of one unit in coins, if the source knows it. */
  coins?: number | null;
  /** TikTok's gift type, if the source knows it. */
  type?: number | null;
  imageUrl?: string | null;
}

/** A gift with the missing facts filled from the catalog. */
export interface ResolvedGiftInfo {
  id: number | null;
  /** The event's name, else the catalog's, else `Gift #id`, else `Unknown gift`. */
  name: string;
  /** The event's price, else the catalog's; null when neither knows. */
  coins: number | null;
  /** The event's type; null when it did not say (see `streakable`). */
  type: number | null;
  /** From the event's type when given, else the catalog's hint; null when unknown. */
  streakable: boolean | null;
  imageUrl: string | null;
  /** Which facts came from the catalog rather than the event. */
  fromCatalog: Array<'id' | 'name' | 'coins' | 'streakable'>;
}

/** Fills what the event lacks from the catalog; whatever the event says wins. */
export function resolveGiftInfo(partial: PartialGiftInfo): ResolvedGiftInfo {
  const known = findGift(partial);
  const fromCatalog: ResolvedGiftInfo['fromCatalog'] = [];
  const take = <T>(
    own: T | null | undefined,
    fallback: T | null | undefined,
    field: 'id' | 'name' | 'coins' | 'streakable',
  ): T | null => {
    if (own !== null && own !== undefined) return own;
    if (fallback === null || fallback === undefined) return null;
    fromCatalog.push(field);
    return fallback;
  };
  const id = take(partial.id, known?.id, 'id');
  const ownName = partial.name?.trim() ? partial.name : null;
  const name = take(ownName, known?.name, 'name') ?? (id === null ? 'Unknown gift' : `Gift #${id}`);
  const type = partial.type ?? null;
  const ownStreakable = type === null ? null : type === STREAKABLE_GIFT_TYPE;
  return {
    id,
    name,
    coins: take(partial.coins, known?.coins, 'coins'),
    type,
    streakable: take(ownStreakable, known?.streakable, 'streakable'),
    imageUrl: partial.imageUrl ?? null,
    fromCatalog,
  };
}
