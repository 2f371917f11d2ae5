/**
 * The simulated room's viewers. Each viewer is derived from (seed, index) alone, so the same
 * seed always has the same people whatever order they appear in. Names deliberately include
 * emoji, right-to-left and CJK text, very long names and hostile strings, to prove overlays and
 * panels render viewer text as text.
 */
import type { User } from '../../../shared/events/user';
import { createRandom, mixSeed, type Random } from '../../../shared/random/prng';

const ADJECTIVES = [
  'sunny',
  'lazy',
  'cosmic',
  'tiny',
  'midnight',
  'neon',
  'salty',
  'happy',
  'wild',
];
const NOUNS = ['fox', 'panda', 'gamer', 'otter', 'comet', 'bean', 'pixel', 'wolf', 'mango', 'owl'];
const NICKNAMES = [
  'Luna 🌙✨',
  'Mateo',
  'Aiko 桜',
  'Priya',
  '🔥🔥🔥',
  'Jonas',
  'Zoë',
  'مرحبا',
  '小红',
  'Ngozi',
  'Kai 🏄‍♂️',
  'Ana Lúcia',
  'Олег',
  'Chris 👨‍👩‍👧‍👦',
];
/** Names a careless overlay would execute or mangle. They must show up as plain text. */
export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("xss")</script>',
  '"; DROP TABLE viewers; --',
  "{{constructor.constructor('alert(1)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile name, literal on purpose
  '${alert(1)}',
  '&lt;b&gt;bold&lt;/b&gt;',
  '\u202Eevil name',
  'Z̷̢̛a̶l̸g̵o̴ ̶t̷e̵x̸t̴',
] as const;
const LONG_NAME =
  'The Most Extraordinarily Long Display Name Anyone Has Ever Used In A TikTok LIVE Room 👑👑👑';

export interface Audience {
  readonly size: number;
  viewer(index: number): User;
  /** A viewer weighted toward the most active few (chatters and gifters follow a power law). */
  pickActive(random: Random): User;
  /** Any viewer, uniformly (joins, likes). */
  pickAny(random: Random): User;
}

export function createAudience(seed: number, size: number): Audience {
  const cache = new Map<number, User>();
  const viewer = (index: number): User => {
    const known = cache.get(index);
    if (known) return known;
    const made = makeViewer(createRandom(mixSeed(seed, index)), index);
    cache.set(index, made);
    return made;
  };
  return {
    size,
    viewer,
    // u³ puts most picks on low indices: a few regulars and whales, a long tail of lurkers.
    pickActive: (random) => viewer(Math.floor(random.next() ** 3 * size)),
    pickAny: (random) => viewer(Math.floor(random.next() * size)),
  };
}

function makeViewer(random: Random, index: number): User {
  const handle = `${random.pick(ADJECTIVES)}.${random.pick(NOUNS)}${random.chance(0.6) ? `_${random.int(1, 999)}` : ''}`;
  const roll = random.next();
  const nickname =
    roll < 0.03
      ? random.pick(HOSTILE_NAMES)
      : roll < 0.05
        ? LONG_NAME
        : roll < 0.45
          ? random.pick(NICKNAMES)
          : capitalise(handle.replace(/[._\d]+/g, ' ').trim());
  return {
    // TikTok user ids are 19 digits, beyond 2^53: kept as strings.
    id: `${7_100_000 + index}${String(random.int(0, 999_999_999_999)).padStart(12, '0')}`,
    handle,
    nickname,
    // No network in demos and tests: overlays draw initials when there is no avatar.
    avatarUrl: null,
    roles: {
      moderator: random.chance(0.015),
      subscriber: random.chance(0.04),
      follower: random.chance(0.25),
      topGifterRank: index < 3 ? index + 1 : null,
      gifterLevel: random.chance(0.4)
        ? Math.min(50, 1 + Math.floor(random.next() ** 2 * 50))
        : null,
    },
    // Badges are drawn by the overlays: the simulated room has no TikTok pictures of them.
    badgePictures: [],
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
