/**
 * What the battle overlay says: each side's name, points and share, who leads, the time left
 * and the result. Pure, unit-tested. Two sides face each other on one split bar (TikTok's own
 * look); three or more (multi-guest battles) get a row each.
 */
import type { BattleSideView, BattleView } from '../../../shared/protocol/channel-data';
import { compactNumber, formatClock } from '../../stage/text-fit';
import { displayName } from '../../stage/viewer-name';

/** Rows drawn at most; a larger battle says how many more sides it has. */
export const MAX_ROWS = 6;

export interface BattleRowModel {
  hostId: string;
  name: string;
  points: number;
  /** "1,500", "12K" (compactNumber). */
  score: string;
  /** Points as a share of the top side's (rows) — 0–1. */
  share: number;
  streamer: boolean;
  leading: boolean;
  /** Won, or drew at the top, once the battle ended. */
  winner: boolean;
}

export interface BattleModel {
  layout: 'versus' | 'rows';
  rows: BattleRowModel[];
  /** Sides beyond MAX_ROWS. */
  hidden: number;
  /** Versus: the first (streamer's) side's share of both sides' points; 0.5 while both are 0. */
  split: number;
  /** "1:05 left", "LIVE", "Victory! 🏆", "Draw!", "Rival wins", "Battle over". */
  status: string;
  ended: boolean;
}

export function battleModel(battle: BattleView, nowMs: number): BattleModel {
  const top = Math.max(0, ...battle.sides.map((side) => side.score));
  const rows = battle.sides.slice(0, MAX_ROWS).map(
    (side, index): BattleRowModel => ({
      hostId: side.hostId,
      name: sideName(side, index),
      points: side.score,
      score: compactNumber(side.score),
      share: top > 0 ? side.score / top : 0,
      streamer: side.streamer,
      leading: battle.leaderHostId === side.hostId,
      winner: side.result === 'win' || (battle.draw && side.result === 'draw'),
    }),
  );
  const [first, second] = battle.sides;
  const both = (first?.score ?? 0) + (second?.score ?? 0);
  return {
    layout: battle.sides.length > 2 ? 'rows' : 'versus',
    rows,
    hidden: Math.max(0, battle.sides.length - MAX_ROWS),
    split: both > 0 ? (first?.score ?? 0) / both : 0.5,
    status: statusText(battle, rows, nowMs),
    ended: battle.status !== 'running',
  };
}

/** Whole seconds until the battle's stated end, or null when TikTok gave none. */
export function battleSecondsLeft(battle: BattleView, nowMs: number): number | null {
  if (battle.status !== 'running' || battle.endsAt === null) return null;
  return Math.max(0, Math.ceil((battle.endsAt - nowMs) / 1000));
}

function sideName(side: BattleSideView, index: number): string {
  if (side.host) return displayName(side.host);
  return side.streamer ? 'You' : `Side ${index + 1}`;
}

function statusText(battle: BattleView, rows: BattleRowModel[], nowMs: number): string {
  if (battle.status === 'unfinished') return 'Battle over';
  if (battle.status === 'ended') {
    if (battle.draw) return 'Draw!';
    const winner = battle.sides.find((side) => side.hostId === battle.winnerHostId);
    if (!winner) return 'Battle over';
    if (winner.streamer) return 'Victory! 🏆';
    const row = rows.find((r) => r.hostId === winner.hostId);
    return `${row?.name ?? 'The other side'} wins`;
  }
  const left = battleSecondsLeft(battle, nowMs);
  return left === null ? 'LIVE' : `${formatClock(left)} left`;
}
