/**
 * Sample viewers and gifts for `?demo` (made up; names exercise emoji, a flag, Japanese and
 * simplified Chinese — 龙 is in no Japanese font — and truncation).
 */
import type { ViewerBadge } from '../../shared/protocol/channel-data';

export const SAMPLE_VIEWERS: ViewerBadge[] = [
  { id: 'd1', handle: 'ana_b', nickname: 'Ana 🌹', avatarUrl: null },
  { id: 'd2', handle: 'sam.streams', nickname: 'Sam', avatarUrl: null },
  { id: 'd3', handle: 'kenji', nickname: 'Kenji 健二 けんじ 🇯🇵', avatarUrl: null },
  {
    id: 'd4',
    handle: 'the_longest_name',
    nickname: 'The Extraordinarily Long Display Name of Doom 🐉🐉🐉',
    avatarUrl: null,
  },
  { id: 'd5', handle: 'mia', nickname: 'Mia ✨', avatarUrl: null },
  { id: 'd6', handle: 'leo', nickname: 'Leo 李小龙', avatarUrl: null },
];

/** Gift name and coins per unit, one per tier (across the known gifts' price range). */
export const SAMPLE_GIFTS = [
  { name: 'Rose', coins: 1 },
  { name: 'Doughnut', coins: 30 },
  { name: 'Confetti', coins: 100 },
  { name: 'Galaxy', coins: 1000 },
  { name: 'Lion', coins: 29_999 },
] as const;

export const viewer = (index: number): ViewerBadge =>
  SAMPLE_VIEWERS[index % SAMPLE_VIEWERS.length]!;
