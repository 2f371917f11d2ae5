/** `?demo` for the leaderboard: gifters overtaking each other. */
import { viewer } from '../../demo/sample-viewers';
import type { DemoScript, DemoStep } from '../../stage/demo-player';

/** Badges as TikTok shows them beside some gifters (drawn by Limelight in the demo). */
const BADGES = [
  { subscriber: true, gifterLevel: 24 },
  { moderator: true },
  { topGifterRank: 1, gifterLevel: 41 },
  {},
  { subscriber: true },
];

const board = (coins: number[]) => ({
  top: coins
    .map((amount, index) => ({ ...viewer(index), ...BADGES[index], coins: amount }))
    .sort((a, b) => b.coins - a.coins),
});

const ROUNDS = [
  [120, 80, 40],
  [120, 300, 40, 10],
  [1120, 300, 240, 10, 5],
  [1120, 1300, 240, 30_010, 5],
];

export function leaderboardDemo(): DemoScript {
  const steps: DemoStep[] = ROUNDS.map((coins) => ({
    afterMs: 2500,
    updates: [{ channel: 'leaderboard', type: 'leaderboard.state', data: board(coins) }],
  }));
  return { initial: { leaderboard: { top: [] } }, steps };
}
