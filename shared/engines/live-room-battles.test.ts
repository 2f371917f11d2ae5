import { describe, expect, it } from 'vitest';
import { script, T0, viewer } from '../../tests/support/engine-events';
import { RESULT_SHOWN_MS } from './battles/battle-engine';
import { createLiveRoom } from './live-room';

const me = viewer('me');
const rival = viewer('rival');

describe('live room: battles', () => {
  it('counts a battle gift once: the score update that restates it adds no coin', () => {
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    const s = script();
    room.applyCommand(
      { type: 'goals.set', kind: 'coins', target: 1000, countFrom: 'streamStart' },
      { actor: { role: 'owner', name: 'owner' }, at: T0 },
    );
    room.applyEvent(s.streamStart());
    room.applyEvent(
      s.battle('b1', 'start', [
        [me, null],
        [rival, null],
      ]),
    );
    room.applyEvent(s.gift(viewer('ana'), { name: 'Corgi', coins: 99, type: 2 }));
    const updates = room.applyEvent(
      s.battle('b1', 'scores', [
        [me, 99],
        [rival, 0],
      ]),
    );
    expect(updates.map((u) => u.channel)).toEqual(['battle']);
    room.applyEvent(
      s.battle(
        'b1',
        'end',
        [
          [me, 99],
          [rival, 0],
        ],
        me,
      ),
    );
    room.advance(s.wait(1000));

    const report = room.report();
    expect(report.coins).toBe(99);
    expect(report.gifts).toBe(1);
    const snap = room.snapshot(['earnings', 'metrics', 'goals', 'leaderboard', 'battle']);
    expect(snap.earnings?.committedCoins).toBe(99);
    expect(snap.goals?.goals[0]?.current).toBe(99);
    expect(snap.leaderboard?.top).toEqual([expect.objectContaining({ handle: 'ana', coins: 99 })]);
    expect(snap.battle?.current?.sides.map((side) => side.score)).toEqual([99, 0]);
  });

  it('sends the battle live, clears the result after a while and lists battles in the report', () => {
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    const s = script();
    room.applyEvent(s.streamStart('me'));
    room.applyEvent(
      s.battle('b1', 'start', [
        [rival, null],
        [me, null],
      ]),
    );
    const live = room.applyEvent(
      s.battle('b1', 'scores', [
        [rival, 10],
        [me, 30],
      ]),
    );
    const battle = live.find((u) => u.type === 'battle.state')?.data;
    expect(battle).toMatchObject({
      current: { id: 'b1', status: 'running', leaderHostId: me.id },
    });
    const end = s.wait(60_000);
    room.applyEvent(
      s.battle(
        'b1',
        'end',
        [
          [rival, 10],
          [me, 30],
        ],
        me,
      ),
    );
    expect(room.advance(end + RESULT_SHOWN_MS).find((u) => u.channel === 'battle')?.data).toEqual(
      expect.objectContaining({ current: null }),
    );
    room.applyEvent(
      s.battle('b2', 'scores', [
        [me, 1],
        [rival, 2],
        [viewer('third'), 3],
      ]),
    );
    room.applyEvent(s.streamEnd());

    expect(room.report().battles).toEqual([
      {
        battleId: 'b1',
        status: 'ended',
        startedAt: T0,
        endedAt: end,
        sides: [
          { hostId: me.id, handle: 'me', nickname: 'Me', score: 30, streamer: true, result: 'win' },
          {
            hostId: rival.id,
            handle: 'rival',
            nickname: 'Rival',
            score: 10,
            streamer: false,
            result: 'lose',
          },
        ],
        winnerHostId: me.id,
        draw: false,
      },
      expect.objectContaining({
        battleId: 'b2',
        status: 'unfinished',
        sides: [
          expect.objectContaining({ handle: 'me', score: 1 }),
          expect.objectContaining({ handle: 'rival', score: 2 }),
          expect.objectContaining({ handle: 'third', score: 3 }),
        ],
      }),
    ]);
  });

  it('keeps its battles across a snapshot, and reads snapshots from before battles', () => {
    const s = script();
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    room.applyEvent(
      s.battle('b1', 'scores', [
        [me, 5],
        [rival, 4],
      ]),
    );
    const state = room.exportState() as Record<string, unknown>;
    const restored = createLiveRoom({ streamId: 's1', startedAt: T0, state });
    expect(restored.snapshot(['battle'])).toEqual(room.snapshot(['battle']));

    const { battles: _dropped, ...older } = state;
    const fromOlder = createLiveRoom({ streamId: 's1', startedAt: T0, state: older });
    expect(fromOlder.snapshot(['battle']).battle).toEqual({ current: null, recent: [] });
    expect(fromOlder.report().battles).toEqual([]);
  });
});
