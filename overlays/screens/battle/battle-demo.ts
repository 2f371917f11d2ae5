/** `?demo` for the battle: a two-side battle the streamer wins, then a four-side multi-guest one. */
import type { BattleState, BattleView } from '../../../shared/protocol/channel-data';
import { viewer } from '../../demo/sample-viewers';
import type { DemoScript, DemoStep } from '../../stage/demo-player';

const hosts = [0, 1, 2, 4].map(viewer);

function battle(id: string, scores: number[], ended: 'win' | 'draw' | null): BattleView {
  const top = Math.max(...scores);
  const leaders = scores.filter((score) => score === top).length;
  const winner = ended === 'win' && leaders === 1 ? hosts[scores.indexOf(top)] : undefined;
  return {
    id,
    status: ended ? 'ended' : 'running',
    sides: scores.map((score, index) => ({
      hostId: hosts[index]!.id,
      host: hosts[index]!,
      score,
      streamer: index === 0,
      result: ended === null ? null : score === top ? (winner ? 'win' : 'draw') : 'lose',
    })),
    leaderHostId: leaders === 1 && top > 0 ? hosts[scores.indexOf(top)]!.id : null,
    winnerHostId: winner?.id ?? null,
    draw: ended === 'draw',
    startedAt: 0,
    endedAt: ended ? 1 : null,
    endsAt: null,
  };
}

const state = (current: BattleView | null): BattleState => ({ current, recent: [] });
const step = (afterMs: number, current: BattleView | null): DemoStep => ({
  afterMs,
  updates: [{ channel: 'battle', type: 'battle.state', data: state(current) }],
});

export function battleDemo(): DemoScript {
  return {
    initial: { battle: state(battle('demo-1', [0, 0], null)) },
    steps: [
      step(1200, battle('demo-1', [120, 40], null)),
      step(1200, battle('demo-1', [180, 460], null)),
      step(1200, battle('demo-1', [1240, 520], null)),
      step(1500, battle('demo-1', [1240, 520], 'win')),
      step(4000, battle('demo-2', [0, 0, 0, 0], null)),
      step(1200, battle('demo-2', [300, 120, 90, 40], null)),
      step(1200, battle('demo-2', [300, 820, 640, 90], null)),
      step(1500, battle('demo-2', [900, 900, 640, 90], 'draw')),
      step(4000, null),
      step(1500, battle('demo-1', [0, 0], null)),
    ],
  };
}
