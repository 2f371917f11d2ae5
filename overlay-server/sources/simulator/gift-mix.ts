/**
 * Which gifts simulated viewers send, at catalog prices: mostly cheap streakable gifts (type 1,
 * sent in streaks), some mid-priced gifts that arrive once, and rarely a big one.
 */

import { findGift } from '../../../shared/catalog/gift-catalog';
import type { GiftInfo } from '../../../shared/events/gift';
import { STREAKABLE_GIFT_TYPE } from '../../../shared/events/gift';
import type { Random } from '../../../shared/random/prng';

/** Type of gifts that arrive once. */
const SINGLE_GIFT_TYPE = 2;

const giftInfo = (name: string): GiftInfo => {
  const known = findGift({ name });
  if (!known) throw new Error(`simulator gift "${name}" is not in the catalog`);
  return {
    id: known.id,
    name: known.name,
    coins: known.coins,
    type: known.streakable === true ? STREAKABLE_GIFT_TYPE : SINGLE_GIFT_TYPE,
    imageUrl: null,
  };
};

const weighted = (entries: Array<[string, number]>) =>
  entries.map(([name, weight]) => [giftInfo(name), weight] as const);

const STREAK_GIFTS = weighted([
  ['Rose', 45],
  ['TikTok', 10],
  ['GG', 8],
  ['Ice Cream Cone', 7],
  ['Heart', 8],
  ['Finger Heart', 10],
  ['Rosa', 5],
  ['Perfume', 4],
  ['Doughnut', 3],
]);
const MID_GIFTS = weighted([
  ['Confetti', 30],
  ['Sunglasses', 25],
  ['Corgi', 20],
  ['Money Gun', 15],
  ['Swan', 10],
]);
const BIG_GIFTS = weighted([
  ['Galaxy', 40],
  ['Fireworks', 20],
  ['Motorcycle', 12],
  ['Private Jet', 10],
  ['Sports Car', 8],
  ['Interstellar', 5],
  ['Lion', 4],
  ['TikTok Universe', 1],
]);

/** One send: 88% a streakable gift, 10% mid-priced, 2% big. */
export function pickGift(random: Random): GiftInfo {
  const roll = random.next();
  if (roll < 0.88) return random.weighted(STREAK_GIFTS);
  if (roll < 0.98) return random.weighted(MID_GIFTS);
  return random.weighted(BIG_GIFTS);
}

/** Taps in a streak: a third are single taps, the rest a long-tailed run (mean ≈ 7). */
export function streakLength(random: Random): number {
  if (random.chance(0.35)) return 1;
  return Math.min(500, 2 + Math.floor(-Math.log(1 - random.next()) * 8));
}
