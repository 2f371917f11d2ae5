/**
 * Who is ahead in a battle and who won it. TikTok states a result with the battle's end when it
 * can (`winnerHostId`, or a result per side); when it does not, the final points decide, and
 * sides level at the top draw. Works for any number of sides (multi-guest battles).
 */
import type { BattleResult } from '../../protocol/channel-data';

/** What the outcome needs of a side. */
export interface ScoredSide {
  hostId: string;
  score: number;
  /** TikTok's stated result for this side, when it gave one. */
  stated: BattleResult | null;
}

export interface BattleOutcome {
  winnerHostId: string | null;
  draw: boolean;
  /** Each side's result, by host id. */
  results: Map<string, BattleResult>;
}

/** The side strictly ahead on points, or null while the top is level (or nobody scored). */
export function leaderOf(sides: readonly ScoredSide[]): string | null {
  let leader: ScoredSide | null = null;
  let level = false;
  for (const side of sides) {
    if (!leader || side.score > leader.score) {
      leader = side;
      level = false;
    } else if (side.score === leader.score) {
      level = true;
    }
  }
  return leader && !level && leader.score > 0 ? leader.hostId : null;
}

/** The outcome of an ended battle: TikTok's word first, else the points. */
export function battleOutcome(
  sides: readonly ScoredSide[],
  declaredWinner: string | null,
): BattleOutcome {
  const known = (hostId: string | null) =>
    hostId !== null && sides.some((side) => side.hostId === hostId) ? hostId : null;
  const statedWinner = sides.find((side) => side.stated === 'win')?.hostId ?? null;
  const winner = known(declaredWinner) ?? statedWinner;
  if (winner !== null) return withWinner(sides, winner);
  if (sides.some((side) => side.stated === 'draw')) {
    // TikTok called a draw: the sides it says drew drew, the rest lost.
    const results = new Map<string, BattleResult>();
    for (const side of sides) results.set(side.hostId, side.stated === 'draw' ? 'draw' : 'lose');
    return { winnerHostId: null, draw: true, results };
  }
  const leader = leaderOf(sides);
  if (leader !== null) return withWinner(sides, leader);
  // Level at the top (or nobody scored): the sides at the top score draw.
  const top = Math.max(0, ...sides.map((side) => side.score));
  const results = new Map<string, BattleResult>();
  for (const side of sides) results.set(side.hostId, side.score === top ? 'draw' : 'lose');
  return { winnerHostId: null, draw: true, results };
}

function withWinner(sides: readonly ScoredSide[], winner: string): BattleOutcome {
  const results = new Map<string, BattleResult>();
  for (const side of sides) results.set(side.hostId, side.hostId === winner ? 'win' : 'lose');
  return { winnerHostId: winner, draw: false, results };
}
