import { describe, expect, it } from 'vitest';
import { script, viewer } from '../../../tests/support/engine-events';
import type { BattleEvent } from '../../events/battle';
import { createBattleEngine, RESULT_SHOWN_MS } from './battle-engine';

const me = viewer('me');
const rival = viewer('rival');
const third = viewer('third');
const fourth = viewer('fourth');

/** The script's battle frames, typed as the engine takes them. */
const battleOf =
  (s: ReturnType<typeof script>) =>
  (...args: Parameters<typeof s.battle>) =>
    s.battle(...args) as BattleEvent;

const scores = (engine: ReturnType<typeof createBattleEngine>) =>
  engine.view().current?.sides.map((side) => [side.host?.handle ?? side.hostId, side.score]);

describe('battle engine', () => {
  it('follows two sides live, the streamer first, and declares the winner at the end', () => {
    const s = script();
    const battle = battleOf(s);
    const engine = createBattleEngine();
    engine.setStreamer('@me');
    // TikTok lists the rival first here: the streamer's side still comes first.
    expect(
      engine.apply(
        battle('b1', 'start', [
          [rival, null],
          [me, null],
        ]),
      ),
    ).toBe(true);
    expect(engine.view().current).toMatchObject({
      id: 'b1',
      status: 'running',
      leaderHostId: null,
    });
    expect(scores(engine)).toEqual([
      ['me', 0],
      ['rival', 0],
    ]);
    expect(engine.view().current?.sides.map((side) => side.streamer)).toEqual([true, false]);

    s.wait(5000);
    // Score updates name hosts by id only.
    engine.apply({
      ...battle('b1', 'scores', [
        [rival, 40],
        [me, 120],
      ]),
      sides: idsOnly(rival, 40, me, 120),
    });
    expect(scores(engine)).toEqual([
      ['me', 120],
      ['rival', 40],
    ]);
    expect(engine.view().current?.leaderHostId).toBe(me.id);

    s.wait(5000);
    engine.apply(
      battle(
        'b1',
        'end',
        [
          [me, 150],
          [rival, 300],
        ],
        rival,
      ),
    );
    const ended = engine.view().current;
    expect(ended).toMatchObject({ status: 'ended', winnerHostId: rival.id, draw: false });
    expect(ended?.sides.map((side) => [side.host?.handle, side.score, side.result])).toEqual([
      ['me', 150, 'lose'],
      ['rival', 300, 'win'],
    ]);
    expect(engine.view().recent.map((b) => b.id)).toEqual(['b1']);
  });

  it('never takes points back: a late or repeated update keeps the higher total', () => {
    const s = script();
    const battle = battleOf(s);
    const engine = createBattleEngine();
    engine.apply(
      battle('b1', 'scores', [
        [me, 500],
        [rival, 200],
      ]),
    );
    engine.apply(
      battle('b1', 'scores', [
        [me, 450],
        [rival, 260],
      ]),
    );
    expect(scores(engine)).toEqual([
      ['me', 500],
      ['rival', 260],
    ]);
    engine.apply(
      battle('b1', 'end', [
        [me, 500],
        [rival, 260],
      ]),
    );
    // After the end, score updates no longer move the result.
    expect(
      engine.apply(
        battle('b1', 'scores', [
          [me, 500],
          [rival, 9000],
        ]),
      ),
    ).toBe(false);
    expect(engine.view().current).toMatchObject({ winnerHostId: me.id });
  });

  it('decides by points when TikTok states no result, and calls level points a draw', () => {
    const s = script();
    const battle = battleOf(s);
    const engine = createBattleEngine();
    engine.apply(
      battle('b1', 'start', [
        [me, null],
        [rival, null],
      ]),
    );
    engine.apply(
      battle('b1', 'end', [
        [me, 300],
        [rival, 300],
      ]),
    );
    expect(engine.view().current).toMatchObject({ draw: true, winnerHostId: null });
    expect(engine.view().current?.sides.map((side) => side.result)).toEqual(['draw', 'draw']);

    engine.apply(
      battle('b2', 'start', [
        [me, null],
        [rival, null],
      ]),
    );
    engine.apply(
      battle('b2', 'end', [
        [me, 301],
        [rival, 300],
      ]),
    );
    expect(engine.view().current).toMatchObject({ id: 'b2', draw: false, winnerHostId: me.id });
  });

  it('takes a draw TikTok states', () => {
    const s = script();
    const engine = createBattleEngine();
    const end = battleOf(s)('b1', 'end', [
      [me, 10],
      [rival, 20],
    ]);
    engine.apply({ ...end, sides: end.sides.map((side) => ({ ...side, result: 'draw' })) });
    expect(engine.view().current).toMatchObject({ draw: true, winnerHostId: null });
  });

  it('follows a multi-guest battle of four sides: leader, winner, and a draw at the top', () => {
    const s = script();
    const battle = battleOf(s);
    const engine = createBattleEngine();
    engine.setStreamer('third');
    engine.apply(
      battle('m1', 'start', [
        [me, null],
        [rival, null],
        [third, null],
        [fourth, null],
      ]),
    );
    engine.apply(
      battle('m1', 'scores', [
        [me, 10],
        [rival, 90],
        [third, 50],
        [fourth, 90],
      ]),
    );
    const running = engine.view().current;
    expect(running?.sides.map((side) => side.host?.handle)).toEqual([
      'third',
      'me',
      'rival',
      'fourth',
    ]);
    // Two sides level at the top: nobody leads.
    expect(running?.leaderHostId).toBeNull();
    engine.apply(battle('m1', 'scores', [[fourth, 95]]));
    expect(engine.view().current?.leaderHostId).toBe(fourth.id);
    expect(scores(engine)).toEqual([
      ['third', 50],
      ['me', 10],
      ['rival', 90],
      ['fourth', 95],
    ]);

    engine.apply(
      battle('m1', 'end', [
        [me, 10],
        [rival, 120],
        [third, 50],
        [fourth, 120],
      ]),
    );
    const ended = engine.view().current;
    expect(ended).toMatchObject({ draw: true, winnerHostId: null });
    expect(ended?.sides.map((side) => [side.host?.handle, side.result])).toEqual([
      ['third', 'lose'],
      ['me', 'lose'],
      ['rival', 'draw'],
      ['fourth', 'draw'],
    ]);

    engine.apply(
      battle(
        'm2',
        'end',
        [
          [me, 1],
          [rival, 2],
          [third, 3],
        ],
        third,
      ),
    );
    expect(engine.view().current?.sides.map((side) => side.result)).toEqual([
      'win',
      'lose',
      'lose',
    ]);
  });

  it('shows a result for a while, then clears it; a battle cut off is unfinished', () => {
    const s = script();
    const battle = battleOf(s);
    const engine = createBattleEngine();
    engine.apply(
      battle('b1', 'start', [
        [me, null],
        [rival, null],
      ]),
    );
    s.wait(1000);
    // A new battle before b1's end: b1 never got a result.
    engine.apply(
      battle('b2', 'start', [
        [me, null],
        [rival, null],
      ]),
    );
    expect(engine.view().recent[0]).toMatchObject({ id: 'b1', status: 'unfinished', draw: false });
    const end = s.wait(1000);
    engine.apply(
      battle('b2', 'end', [
        [me, 5],
        [rival, 1],
      ]),
    );
    expect(engine.tick(end + RESULT_SHOWN_MS - 1)).toBe(false);
    expect(engine.view().current?.id).toBe('b2');
    expect(engine.tick(end + RESULT_SHOWN_MS)).toBe(true);
    expect(engine.view().current).toBeNull();
    expect(engine.view().recent.map((b) => b.id)).toEqual(['b2', 'b1']);

    engine.apply(
      battle('b3', 'scores', [
        [me, 5],
        [rival, 1],
      ]),
    );
    expect(engine.endStream(s.wait(1000))).toBe(true);
    expect(engine.all().map((b) => [b.id, b.status])).toEqual([
      ['b1', 'unfinished'],
      ['b2', 'ended'],
      ['b3', 'unfinished'],
    ]);
  });

  it("learns the streamer from TikTok's LIVE intro, even after a battle started", () => {
    const s = script();
    const battle = battleOf(s);
    const engine = createBattleEngine();
    engine.apply(
      battle('b1', 'scores', [
        [rival, 3],
        [me, 7],
      ]),
    );
    expect(engine.view().current?.sides.map((side) => side.streamer)).toEqual([false, false]);
    expect(engine.setStreamerUser(me)).toBe(true);
    expect(engine.setStreamerUser(me)).toBe(false);
    expect(engine.view().current?.sides.map((side) => [side.host?.handle, side.streamer])).toEqual([
      ['me', true],
      ['rival', false],
    ]);
  });

  it('restores from its exported state', () => {
    const s = script();
    const battle = battleOf(s);
    const engine = createBattleEngine();
    engine.setStreamer('me');
    engine.apply(
      battle('b1', 'start', [
        [rival, null],
        [me, null],
      ]),
    );
    engine.apply(
      battle('b1', 'scores', [
        [rival, 3],
        [me, 7],
      ]),
    );
    const restored = createBattleEngine(engine.exportState());
    expect(restored.view()).toEqual(engine.view());
    restored.apply(
      battle('b1', 'end', [
        [rival, 3],
        [me, 9],
      ]),
    );
    expect(restored.view().current).toMatchObject({ winnerHostId: me.id });
    expect(engine.view().current?.status).toBe('running');
  });
});

/** Sides as a score update names them: host ids and points, no user. */
function idsOnly(a: { id: string }, aScore: number, b: { id: string }, bScore: number) {
  return [
    { hostId: a.id, host: null, score: aScore, result: null },
    { hostId: b.id, host: null, score: bScore, result: null },
  ];
}
