/** Link-mic battles: the sides, their points and the result. */
import type { ViewerBadge } from './viewer';

/** How a battle side ended: TikTok's word, or (when it gave none) the final scores'. */
export type BattleResult = 'win' | 'lose' | 'draw';

/** One side of a battle: a host and their room's points (battle points, never coins). */
export interface BattleSideView {
  hostId: string;
  /** Null until a message names the host (score updates carry only the id). */
  host: ViewerBadge | null;
  score: number;
  /** True for the streamer's own side (it is listed first). */
  streamer: boolean;
  /** Set once the battle ended. */
  result: BattleResult | null;
}
/** A link-mic battle: two sides, or more in a multi-guest battle. */
export interface BattleView {
  id: string;
  /** `unfinished`: cut off (a new battle or the stream's end came first) without a result. */
  status: 'running' | 'ended' | 'unfinished';
  /** The streamer's side first, then the others in the order TikTok listed them. */
  sides: BattleSideView[];
  /** The side strictly ahead on points right now; null while tied. */
  leaderHostId: string | null;
  /** The winner once ended; null for a draw or while running. */
  winnerHostId: string | null;
  draw: boolean;
  startedAt: number;
  endedAt: number | null;
  /** When TikTok says the battle ends, epoch ms (stream time), when it says. */
  endsAt: number | null;
}
export interface BattleState {
  /** The running battle, or the one that just ended (shown with its result for a while). */
  current: BattleView | null;
  /** Finished battles of this stream, newest first (a few). */
  recent: BattleView[];
}
