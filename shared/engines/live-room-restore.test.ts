import { describe, expect, it } from 'vitest';
import { asModerator, asOwner, script, T0, viewer } from '../../tests/support/engine-events';
import { CHANNELS } from '../protocol/channels';
import { createLiveRoom } from './live-room';
import type { LiveRoom } from './live-room-contract';

type Step = (r: LiveRoom) => void;

/** A seeded, varied stream: gifts (some streaks never end), chat votes, questions, commands. */
function mixedStream(seed: number, length: number): Step[] {
  let x = seed;
  const rand = (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
  const s = script();
  const steps: Step[] = [];
  const command = (c: Record<string, unknown>, owner = false) => {
    const at = s.now;
    steps.push((r) => r.applyCommand(c, owner ? asOwner(at) : asModerator(at)));
  };
  command(
    {
      type: 'sponsor.plan',
      kind: 'productPlacement',
      brand: 'Acme',
      product: 'Mug',
      plannedSeconds: 120,
      dealValueUsd: 250,
    },
    true,
  );
  command({ type: 'goals.set', kind: 'coins', target: 2000 });
  command({
    type: 'poll.start',
    question: 'Pick',
    options: [{ label: 'a' }, { label: 'b' }],
    durationSeconds: 90,
    giftVotes: { mode: 'sqrt' },
  });
  command({ type: 'moderation.addWord', word: 'heck', action: 'mask' });
  for (let i = 0; i < length; i++) {
    s.wait(rand(4000));
    const user = viewer(`v${rand(40)}`);
    const roll = rand(100);
    if (roll < 30) {
      const count = rand(8) + 1;
      const end = rand(4) !== 0;
      for (let n = 1; n <= count; n++) {
        const frame = s.gift(user, {
          name: 'Rose',
          coins: 1 + rand(3) * 50,
          count: n,
          end: end && n === count,
          groupId: `g${i}`,
        });
        steps.push((r) => r.applyEvent(frame));
      }
    } else if (roll < 60) {
      const e = s.chat(
        user,
        ['1', '2', 'heck yes', 'Q: how long is the stream today', 'acme rocks', '+1'][rand(6)]!,
      );
      steps.push((r) => r.applyEvent(e));
    } else if (roll < 70) {
      const e = s.viewers(50 + rand(500));
      steps.push((r) => r.applyEvent(e));
    } else if (roll < 78) {
      const e = s.like(user, 10, 10 * i);
      steps.push((r) => r.applyEvent(e));
    } else if (roll < 82) {
      const e = rand(2) ? s.follow(user) : s.share(user);
      steps.push((r) => r.applyEvent(e));
    } else if (roll < 86) {
      const at = s.now;
      steps.push((r) => r.advance(at));
    } else if (roll < 88) {
      command({ type: 'sponsor.start', planId: 'deal-1' });
    } else if (roll < 90) {
      command({ type: 'sponsor.end' });
    } else if (roll < 92) {
      command({
        type: 'qna.setStatus',
        questionId: 'q-1',
        status: ['approved', 'onScreen', 'answered'][rand(3)],
      });
    } else if (roll < 94) {
      command({ type: 'alerts.skip' });
    } else if (roll < 96) {
      command({ type: 'moderation.muteViewer', userId: user.id });
    } else {
      const e = s.question(user, 'what is the schedule this week');
      steps.push((r) => r.applyEvent(e));
    }
  }
  const end = s.streamEnd();
  steps.push((r) => r.applyEvent(end));
  return steps;
}

const fresh = () => createLiveRoom({ streamId: 'mixed', startedAt: T0 });

describe('live room restore', () => {
  it('a room rebuilt from a snapshot plus the journal tail equals the original', () => {
    for (const seed of [1, 7, 42]) {
      const steps = mixedStream(seed, 400);
      const original = fresh();
      for (const step of steps) step(original);

      for (const cut of [0.25, 0.5, 0.9].map((f) => Math.floor(steps.length * f))) {
        const first = fresh();
        for (const step of steps.slice(0, cut)) step(first);
        const snapshot = JSON.parse(JSON.stringify(first.exportState()));
        const rebuilt = createLiveRoom({ streamId: 'x', startedAt: 0, state: snapshot });
        for (const step of steps.slice(cut)) step(rebuilt);
        expect(rebuilt.exportState(), `seed ${seed} cut ${cut}`).toEqual(original.exportState());
        expect(rebuilt.report()).toEqual(original.report());
        expect(rebuilt.snapshot(CHANNELS)).toEqual(original.snapshot(CHANNELS));
      }
      expect(original.report().coins).toBeGreaterThan(0);
    }
  });

  it('refuses a state that is not one, with a reason', () => {
    expect(() => createLiveRoom({ streamId: 's', startedAt: T0, state: { version: 2 } })).toThrow(
      /version 1/,
    );
    expect(() => createLiveRoom({ streamId: 's', startedAt: T0, state: { version: 1 } })).toThrow(
      /lacks/,
    );
  });

  it('replaying the journal (events, commands, ticks that changed something) rebuilds the room', () => {
    // The server advances every 250 ms and journals a tick only when it returned updates.
    const s = script();
    const live = fresh();
    const journal: Array<(r: LiveRoom) => unknown> = [];
    const record = (step: (r: LiveRoom) => unknown) => {
      journal.push(step);
      return step(live);
    };
    let x = 3;
    const rand = (n: number) => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      return x % n;
    };
    record((r) =>
      r.applyCommand({ type: 'goals.set', kind: 'coins', target: 500 }, asModerator(T0)),
    );
    record((r) =>
      r.applyCommand(
        {
          type: 'poll.start',
          question: 'q',
          options: [{ label: 'a' }, { label: 'b' }],
          durationSeconds: 20,
        },
        asModerator(T0),
      ),
    );
    let nextTick = T0 + 250;
    for (let i = 0; i < 600; i++) {
      s.wait(rand(900));
      while (nextTick <= s.now) {
        const at = nextTick;
        if (live.advance(at).length > 0) journal.push((r) => r.advance(at));
        nextTick += 250;
      }
      const user = viewer(`v${rand(30)}`);
      const roll = rand(10);
      const e =
        roll < 4
          ? s.gift(user, {
              coins: 1 + rand(20),
              count: 1 + rand(5),
              end: rand(3) === 0,
              groupId: `g${rand(50)}`,
            })
          : roll < 7
            ? s.chat(user, String(1 + rand(2)))
            : roll < 9
              ? s.viewers(10 + rand(100))
              : s.follow(user);
      record((r) => r.applyEvent(e));
    }
    const replayed = fresh();
    for (const step of journal) step(replayed);
    expect(replayed.exportState()).toEqual(live.exportState());
    expect(replayed.report()).toEqual(live.report());
  });
});
