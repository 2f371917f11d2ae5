/**
 * Stand-in for the shared gift catalog (shared/catalog `resolveGiftInfo`, being written in
 * parallel): enough known gifts for payload fallback and the simulator. Prices in coins, from
 * /work/shared/data/gifts.json. Replaced by the shared catalog once it lands.
 */
export interface CatalogGift {
  id: number | null;
  name: string;
  coins: number;
  /** True: type 1, streaks. False: arrives once. Null: unknown. */
  streakable: boolean | null;
}

const KNOWN_GIFTS: readonly CatalogGift[] = [
  { id: 5655, name: 'Rose', coins: 1, streakable: true },
  { id: 5269, name: 'TikTok', coins: 1, streakable: true },
  { id: 6064, name: 'GG', coins: 1, streakable: true },
  { id: 5827, name: 'Ice Cream Cone', coins: 1, streakable: true },
  { id: 6247, name: 'Heart', coins: 1, streakable: true },
  { id: 5487, name: 'Finger Heart', coins: 5, streakable: true },
  { id: 8913, name: 'Rosa', coins: 10, streakable: true },
  { id: 5658, name: 'Perfume', coins: 20, streakable: true },
  { id: 5879, name: 'Doughnut', coins: 30, streakable: true },
  { id: 5585, name: 'Confetti', coins: 100, streakable: null },
  { id: 5509, name: 'Sunglasses', coins: 199, streakable: false },
  { id: 6267, name: 'Corgi', coins: 299, streakable: false },
  { id: 7168, name: 'Money Gun', coins: 500, streakable: false },
  { id: 5897, name: 'Swan', coins: 699, streakable: false },
  { id: 11046, name: 'Galaxy', coins: 1000, streakable: false },
  { id: 6090, name: 'Fireworks', coins: 1088, streakable: false },
  { id: 5765, name: 'Motorcycle', coins: 2988, streakable: false },
  { id: 5767, name: 'Private Jet', coins: 4888, streakable: false },
  { id: 6089, name: 'Sports Car', coins: 7000, streakable: false },
  { id: 6149, name: 'Interstellar', coins: 10000, streakable: false },
  { id: 6369, name: 'Lion', coins: 29999, streakable: false },
  { id: 9101, name: 'TikTok Universe', coins: 44999, streakable: false },
];

/** A gift by TikTok id, else by name (case-insensitive). */
export function lookupCatalogGift(id: number | null, name: string | null): CatalogGift | undefined {
  const byId = id === null ? undefined : KNOWN_GIFTS.find((gift) => gift.id === id);
  if (byId || name === null) return byId;
  const lower = name.toLowerCase();
  return KNOWN_GIFTS.find((gift) => gift.name.toLowerCase() === lower);
}

export const catalogGifts = (): readonly CatalogGift[] => KNOWN_GIFTS;
