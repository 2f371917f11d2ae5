import { describe, expect, it } from 'vitest';
import type { BattleView } from '../../../shared/protocol/channel-data';
import { battleModel, battleSecondsLeft, MAX_ROWS } from './battle-model';

const host = (id: string, nickname = id) => ({ id, handle: id, nickname, avatarUrl: null });

function battle(scores: number[], overrides: Partial<BattleView> = {}): BattleView {
  return {
    id: 'b1',
    status: 'running',
    sides: scores.map((score, index) => ({
      hostId: `h${index}`,
      host: host(`h${index}`, `Host ${index}`),
      score,
      streamer: index === 0,
      result: null,
    })),
    leaderHostId: null,
    winnerHostId: null,
    draw: false,
    startedAt: 0,
    endedAt: null,
    endsAt: null,
    ...overrides,
  };
}

describe('battleModel', () => {
  it('splits one bar between two sides by their points, evenly while nobody scored', () => {
    expect(battleModel(battle([0, 0]), 0)).toMatchObject({ layout: 'versus', split: 0.5 });
    const model = battleModel(battle([1500, 500], { leaderHostId: 'h0' }), 0);
    expect(model.split).toBe(0.75);
    expect(model.rows.map((row) => [row.name, row.score, row.leading])).toEqual([
      ['Host 0', '1,500', true],
      ['Host 1', '500', false],
    ]);
    expect(model.status).toBe('LIVE');
  });

  it('gives three or more sides a row each, bars as shares of the top side', () => {
    const model = battleModel(battle([100, 400, 200, 0]), 0);
    expect(model.layout).toBe('rows');
    expect(model.rows.map((row) => row.share)).toEqual([0.25, 1, 0.5, 0]);
    const big = battleModel(battle(Array.from({ length: MAX_ROWS + 2 }, (_, i) => i)), 0);
    expect(big.rows).toHaveLength(MAX_ROWS);
    expect(big.hidden).toBe(2);
  });

  it('counts down to the stated end', () => {
    const running = battle([1, 2], { endsAt: 65_000 });
    expect(battleSecondsLeft(running, 0)).toBe(65);
    expect(battleModel(running, 0).status).toBe('1:05 left');
    expect(battleModel(running, 70_000).status).toBe('0:00 left');
    expect(battleSecondsLeft({ ...running, status: 'ended' }, 0)).toBeNull();
  });

  it('says the result: the streamer won, another side won, a draw, or no result', () => {
    const won = battle([9, 3], { status: 'ended', winnerHostId: 'h0' });
    expect(battleModel(won, 0)).toMatchObject({ status: 'Victory! 🏆', ended: true });
    const lost = battle([3, 9], { status: 'ended', winnerHostId: 'h1' });
    expect(battleModel(lost, 0).status).toBe('Host 1 wins');
    const draw = battle([5, 5], { status: 'ended', draw: true });
    draw.sides = draw.sides.map((side) => ({ ...side, result: 'draw' }));
    const model = battleModel(draw, 0);
    expect(model.status).toBe('Draw!');
    expect(model.rows.every((row) => row.winner)).toBe(true);
    expect(battleModel(battle([1, 2], { status: 'unfinished' }), 0).status).toBe('Battle over');
  });

  it('names a side TikTok has not named yet', () => {
    const unnamed = battle([1, 2]);
    unnamed.sides = unnamed.sides.map((side) => ({ ...side, host: null }));
    expect(battleModel(unnamed, 0).rows.map((row) => row.name)).toEqual(['You', 'Side 2']);
  });
});
