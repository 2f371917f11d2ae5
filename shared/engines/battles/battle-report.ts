/** A battle as the stream report lists it: flat, with the hosts' handles. */
import type { BattleView } from '../../protocol/channel-data';
import type { BattleReport } from '../live-room-contract';

export function battleReport(battle: BattleView): BattleReport {
  return {
    battleId: battle.id,
    status: battle.status,
    startedAt: battle.startedAt,
    endedAt: battle.endedAt,
    sides: battle.sides.map((side) => ({
      hostId: side.hostId,
      handle: side.host?.handle ?? null,
      nickname: side.host?.nickname ?? null,
      score: side.score,
      streamer: side.streamer,
      result: side.result,
    })),
    winnerHostId: battle.winnerHostId,
    draw: battle.draw,
  };
}
