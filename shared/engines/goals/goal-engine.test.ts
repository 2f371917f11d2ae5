import { describe, expect, it } from 'vitest';
import { asModerator, script, T0, viewer } from '../../../tests/support/engine-events';
import { createLiveRoom } from '../live-room';

const room = () => createLiveRoom({ streamId: 's', startedAt: T0 });
const goalsOf = (r: ReturnType<typeof room>) => r.snapshot(['goals']).goals!.goals;

describe('goals', () => {
  it('tracks several goals at once, with an ETA from the recent rate', () => {
    const r = room();
    const s = script();
    r.applyEvent(s.follow(viewer('early')));
    const mod = () => asModerator(s.now);
    expect(r.applyCommand({ type: 'goals.set', kind: 'coins', target: 1000 }, mod()).ack.ok).toBe(
      true,
    );
    r.applyCommand(
      { type: 'goals.set', kind: 'follows', target: 3, countFrom: 'streamStart' },
      mod(),
    );
    r.applyCommand({ type: 'goals.set', kind: 'likes', target: 500, label: 'Likes!' }, mod());
    expect(goalsOf(r).map((g) => [g.kind, g.current, g.etaSeconds])).toEqual([
      ['coins', 0, null],
      ['follows', 1, null],
      ['likes', 0, null],
    ]);
    // 100 coins a minute for three minutes: 700 to go at 100/min is 420 s.
    for (let m = 0; m < 3; m++) {
      s.wait(60_000);
      r.applyEvent(s.gift(viewer(`g${m}`), { name: 'Cap', coins: 100, type: 2 }));
    }
    r.advance(s.now);
    expect(goalsOf(r)[0]).toMatchObject({ current: 300, etaSeconds: 420, reachedAt: null });
    r.applyEvent(s.follow(viewer('a')));
    r.applyEvent(s.follow(viewer('b')));
    expect(goalsOf(r)[1]).toMatchObject({ current: 3, reachedAt: s.now, etaSeconds: 0 });
    r.applyEvent(s.like(null, 50, 250));
    expect(goalsOf(r)[2]).toMatchObject({ label: 'Likes!', current: 250 });
  });

  it('updates and removes goals by id', () => {
    const r = room();
    const mod = asModerator(T0);
    r.applyCommand({ type: 'goals.set', kind: 'shares', target: 10 }, mod);
    const id = goalsOf(r)[0]!.id;
    r.applyCommand({ type: 'goals.set', goalId: id, kind: 'shares', target: 20 }, mod);
    expect(goalsOf(r)).toHaveLength(1);
    expect(goalsOf(r)[0]?.target).toBe(20);
    expect(
      r.applyCommand({ type: 'goals.set', goalId: id, kind: 'coins', target: 5 }, mod).ack,
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect(r.applyCommand({ type: 'goals.remove', goalId: id }, mod).ack.ok).toBe(true);
    expect(goalsOf(r)).toEqual([]);
  });
});
