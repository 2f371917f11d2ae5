import { z } from 'zod';
import { eventBase } from './base';
import { userSchema } from './user';

/**
 * Link-mic battles (TikTok "LIVE Match"): two or more hosts compete by the gifts their rooms
 * receive. Scores RESTATE gifts (the gifts themselves arrive as `gift` events): a battle score is
 * never revenue and is never added to coins.
 *
 * `start`: the battle opened (`linkMicBattle`); `scores`: a score update (`linkMicArmies`);
 * `end`: the battle finished (`linkMicBattle` with its result, or `linkMicArmies` at its end).
 */
export const BATTLE_PHASES = ['start', 'scores', 'end'] as const;
export type BattlePhase = (typeof BATTLE_PHASES)[number];

/** One side of a battle: a host and the points their room scored. */
export const battleSideSchema = z.object({
  /** The side's host user id: the key that ties a side's start, score updates and end together. */
  hostId: z.string().min(1).max(64),
  /** The host as TikTok names them; null when the message carries only the id (score updates). */
  host: userSchema.nullable().default(null),
  /** Battle points; null when the message carries none (a start). Not coins, never revenue. */
  score: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  /** This side's result, once TikTok gives one. */
  result: z.enum(['win', 'lose', 'draw']).nullable().default(null),
});
export type BattleSide = z.output<typeof battleSideSchema>;

export const battleEventSchema = z.object({
  ...eventBase,
  kind: z.literal('battle'),
  /**
   * TikTok's battle id. Connector 1.x payloads carry none: there it is `hosts:` and the sides'
   * host ids, sorted, so the start and its score updates still share one id.
   */
  battleId: z.string().min(1).max(200),
  phase: z.enum(BATTLE_PHASES),
  /** The sides; the streamer's own side first when the mapping knows the streamer's id. */
  sides: z.array(battleSideSchema).min(1).max(16),
  /** The winning side's host id, when known (an end with a result, or one side strictly ahead). */
  winnerHostId: z.string().min(1).max(64).nullable().default(null),
  /** When the battle is due to end, epoch ms, when TikTok says (start time + duration). */
  endsAt: z.number().int().nonnegative().nullable().default(null),
});
export type BattleEvent = z.output<typeof battleEventSchema>;
