/** Narrows inbound battle-channel payloads to the shapes drawn. */
import type {
  BattleResult,
  BattleSideView,
  BattleState,
  BattleView,
} from '../../../shared/protocol/channel-data';
import { isNumber, isRecord, isString, readList, readViewer } from '../../stage/guards';

const RESULTS: readonly BattleResult[] = ['win', 'lose', 'draw'];
const STATUSES: readonly BattleView['status'][] = ['running', 'ended', 'unfinished'];

const orNull = (value: unknown): number | null => (isNumber(value) ? value : null);
const idOrNull = (value: unknown): string | null => (isString(value) ? value : null);

function readSide(value: unknown): BattleSideView | null {
  if (!isRecord(value) || !isString(value.hostId) || !isNumber(value.score)) return null;
  return {
    hostId: value.hostId,
    host: readViewer(value.host),
    score: value.score,
    streamer: value.streamer === true,
    result: RESULTS.find((result) => result === value.result) ?? null,
  };
}

export function readBattle(value: unknown): BattleView | null {
  if (!isRecord(value) || !isString(value.id)) return null;
  const status = STATUSES.find((known) => known === value.status);
  const sides = readList(value.sides, readSide);
  if (!status || sides.length === 0) return null;
  return {
    id: value.id,
    status,
    sides,
    leaderHostId: idOrNull(value.leaderHostId),
    winnerHostId: idOrNull(value.winnerHostId),
    draw: value.draw === true,
    startedAt: isNumber(value.startedAt) ? value.startedAt : 0,
    endedAt: orNull(value.endedAt),
    endsAt: orNull(value.endsAt),
  };
}

export function readBattleState(value: unknown): BattleState | null {
  if (!isRecord(value)) return null;
  return { current: readBattle(value.current), recent: readList(value.recent, readBattle) };
}
