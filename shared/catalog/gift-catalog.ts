/**
 * The project's own copy of known TikTok LIVE gifts, gathered from public pages. A fallback only: an event's own name and price always win, because TikTok
 * changes prices and adds gifts without notice. Used where a source lacks a fact (page capture
 * sees a picture and a count; old payloads may lack a name).
 */

/** One known gift. */
export interface CatalogGift {
  /** TikTok's gift id; null where only the name is known. */
  readonly id: number | null;
  readonly name: string;
  /** Price of one unit in coins (TikTok's `diamondCount`). */
  readonly coins: number;
  /** Whether the gift streaks (TikTok type 1); null when public sources do not say. */
  readonly streakable: boolean | null;
}

/** Known gifts, cheapest first. */
export const GIFT_CATALOG: readonly CatalogGift[] = [
  { id: 5655, name: 'Rose', coins: 1, streakable: true },
  { id: 5269, name: 'TikTok', coins: 1, streakable: true },
  { id: 6064, name: 'GG', coins: 1, streakable: true },
  { id: 5827, name: 'Ice Cream Cone', coins: 1, streakable: true },
  { id: 7934, name: 'Heart Me', coins: 1, streakable: true },
  { id: 6246, name: 'Thumbs Up', coins: 1, streakable: true },
  { id: 6247, name: 'Heart', coins: 1, streakable: true },
  { id: 6784, name: 'Cake Slice', coins: 1, streakable: true },
  { id: null, name: 'Love you so much', coins: 1, streakable: true },
  { id: 9139, name: 'Team Bracelet', coins: 2, streakable: true },
  { id: 5487, name: 'Finger Heart', coins: 5, streakable: true },
  { id: 8243, name: 'Cheer You Up', coins: 9, streakable: true },
  { id: 8913, name: 'Rosa', coins: 10, streakable: true },
  { id: 9947, name: 'BFF Necklace', coins: 10, streakable: true },
  { id: 5658, name: 'Perfume', coins: 20, streakable: true },
  { id: 5879, name: 'Doughnut', coins: 30, streakable: true },
  { id: 5659, name: 'Paper Crane', coins: 99, streakable: null },
  { id: 6427, name: 'Hat and Mustache', coins: 99, streakable: null },
  { id: 6104, name: 'Cap', coins: 99, streakable: null },
  { id: 6097, name: 'Little Crown', coins: 99, streakable: null },
  { id: 5585, name: 'Confetti', coins: 100, streakable: null },
  { id: 5660, name: 'Hand Hearts', coins: 100, streakable: null },
  { id: null, name: 'Mishka Bear', coins: 100, streakable: null },
  { id: 5509, name: 'Sunglasses', coins: 199, streakable: false },
  { id: 5586, name: 'Hearts', coins: 199, streakable: false },
  { id: 5880, name: 'Lock and Key', coins: 199, streakable: false },
  { id: 6267, name: 'Corgi', coins: 299, streakable: false },
  { id: 6007, name: 'Boxing Gloves', coins: 299, streakable: false },
  { id: 7931, name: 'Singing Mic', coins: 399, streakable: false },
  { id: 8914, name: 'Forever Rosa', coins: 399, streakable: false },
  { id: 5731, name: 'Coral', coins: 499, streakable: false },
  { id: 7168, name: 'Money Gun', coins: 500, streakable: false },
  { id: 5897, name: 'Swan', coins: 699, streakable: false },
  { id: 5978, name: 'Train', coins: 899, streakable: false },
  { id: 11046, name: 'Galaxy', coins: 1000, streakable: false },
  { id: 5587, name: 'Gold Mine', coins: 1000, streakable: false },
  { id: 11847, name: 'Glowing Jellyfish', coins: 1000, streakable: false },
  { id: 6090, name: 'Fireworks', coins: 1088, streakable: false },
  { id: 5765, name: 'Motorcycle', coins: 2988, streakable: false },
  { id: 6563, name: 'Meteor Shower', coins: 3000, streakable: false },
  { id: 5767, name: 'Private Jet', coins: 4888, streakable: false },
  { id: 5338, name: 'Unicorn Fantasy', coins: 5000, streakable: false },
  { id: 9500, name: 'Flying Jets', coins: 5000, streakable: false },
  { id: 6089, name: 'Sports Car', coins: 7000, streakable: false },
  { id: 8420, name: 'Star Throne', coins: 7999, streakable: false },
  { id: 6149, name: 'Interstellar', coins: 10000, streakable: false },
  { id: 8912, name: 'Rosa Nebula', coins: 15000, streakable: false },
  { id: 9501, name: 'Yacht', coins: 20000, streakable: false },
  { id: 6751, name: 'TikTok Shuttle', coins: 20000, streakable: false },
  { id: 7610, name: 'Dragon Flame', coins: 26999, streakable: false },
  { id: 6369, name: 'Lion', coins: 29999, streakable: false },
  { id: 8391, name: 'Sam the Whale', coins: 30000, streakable: false },
  { id: 7823, name: 'Leon and Lion', coins: 34000, streakable: false },
  { id: 7312, name: 'TikTok Universe+', coins: 34999, streakable: false },
  { id: 8651, name: 'Thunder Falcon', coins: 39999, streakable: false },
  { id: 9092, name: 'Fire Phoenix', coins: 41999, streakable: false },
  { id: 9427, name: 'Pegasus', coins: 42999, streakable: false },
  { id: 9101, name: 'TikTok Universe', coins: 44999, streakable: false },
];

const byId = new Map<number, CatalogGift>();
const byName = new Map<string, CatalogGift>();
for (const gift of GIFT_CATALOG) {
  if (gift.id !== null) byId.set(gift.id, gift);
  byName.set(nameKey(gift.name), gift);
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** What a source knows about a gift: any field may be missing. */
export interface GiftLookup {
  id?: number | null;
  name?: string | null;
}

/**
 * The catalog entry for a gift: by id; else by name (ignoring case) when the id is unknown on
 * either side. A known id with a different catalog id is a different gift even if the names
 * agree (regional gifts share names), so it does not match by name.
 */
export function findGift(lookup: GiftLookup): CatalogGift | undefined {
  const id = lookup.id ?? null;
  if (id !== null) {
    const found = byId.get(id);
    if (found) return found;
  }
  const name = lookup.name?.trim();
  if (!name) return undefined;
  const found = byName.get(nameKey(name));
  if (found === undefined) return undefined;
  return id === null || found.id === null ? found : undefined;
}
