import { describe, expect, it } from 'vitest';
import { asModerator, script, T0, viewer } from '../../../tests/support/engine-events';
import type { PollView } from '../../protocol/channel-data';
import { createLiveRoom } from '../live-room';

const room = () => createLiveRoom({ streamId: 's', startedAt: T0 });
const pollOf = (r: ReturnType<typeof room>) => r.snapshot(['poll']).poll?.current as PollView;
const votes = (poll: PollView) => poll.options.map((o) => o.votes);
const scores = (poll: PollView) => poll.options.map((o) => o.score);

function start(r: ReturnType<typeof room>, at: number, extra: Record<string, unknown> = {}) {
  const { ack } = r.applyCommand(
    {
      type: 'poll.start',
      question: 'Next game?',
      options: [{ label: 'Minecraft' }, { label: 'Fortnite' }, { label: 'Chess' }],
      ...extra,
    },
    asModerator(at),
  );
  expect(ack.ok).toBe(true);
}

describe('polls', () => {
  it('counts a flood of 10,000 chat votes exactly, one per viewer', () => {
    const r = room();
    const s = script();
    start(r, s.now);
    for (let i = 0; i < 10_000; i++) {
      r.applyEvent(s.chat(viewer(`v${i}`), String((i % 3) + 1)));
      // A second vote by the same viewer does not count.
      if (i % 10 === 0) r.applyEvent(s.chat(viewer(`v${i}`), '3'));
    }
    const poll = pollOf(r);
    expect(votes(poll)).toEqual([3334, 3333, 3333]);
    expect(poll.totalVoters).toBe(10_000);
  });

  it('keeps the first vote unless changing is allowed, then moves it', () => {
    const s = script();
    const ana = viewer('ana');
    const fixed = room();
    start(fixed, s.now);
    fixed.applyEvent(s.chat(ana, '1'));
    fixed.applyEvent(s.chat(ana, '2'));
    expect(votes(pollOf(fixed))).toEqual([1, 0, 0]);

    const changing = room();
    start(changing, s.now, { allowChange: true });
    changing.applyEvent(s.chat(ana, '1'));
    changing.applyEvent(s.chat(ana, '2'));
    expect(votes(pollOf(changing))).toEqual([0, 1, 0]);
    expect(pollOf(changing).totalVoters).toBe(1);
  });

  it('reads letters and keywords, ignores ordinary chat', () => {
    const s = script();
    const letters = room();
    start(letters, s.now, { voteBy: 'letter' });
    letters.applyEvent(s.chat(viewer('a'), 'b'));
    letters.applyEvent(s.chat(viewer('b'), ' C! '));
    letters.applyEvent(s.chat(viewer('c'), 'b is the best'));
    expect(votes(pollOf(letters))).toEqual([0, 1, 1]);
    expect(pollOf(letters).options.map((o) => o.key)).toEqual(['A', 'B', 'C']);

    const words = room();
    start(words, s.now, { voteBy: 'keyword' });
    words.applyEvent(s.chat(viewer('a'), 'CHESS'));
    words.applyEvent(s.chat(viewer('b'), 'minecraft!'));
    expect(votes(pollOf(words))).toEqual([1, 0, 1]);
  });

  it('caps a gift-vote whale per viewer (per coin)', () => {
    const r = room();
    const s = script();
    start(r, s.now, { giftVotes: { mode: 'perCoin', coinsPerVote: 10, maxVotesPerViewer: 5 } });
    const whale = viewer('whale');
    r.applyEvent(s.chat(whale, '1'));
    for (let i = 0; i < 4; i++) r.applyEvent(s.chat(viewer(`fan${i}`), '2'));
    r.applyEvent(s.gift(whale, { name: 'Universe', coins: 34_999, type: 2 }));
    expect(scores(pollOf(r))).toEqual([6, 4, 0]);
    for (let i = 4; i < 8; i++) r.applyEvent(s.chat(viewer(`fan${i}`), '2'));
    r.applyCommand({ type: 'poll.close' }, asModerator(s.wait(1000)));
    expect(pollOf(r).winners).toEqual(['2']);
    expect(pollOf(r).weighting).toContain('at most 5 per viewer');
  });

  it('weighs gifts by square root, so 10,000 coins are 100 votes, not 10,000', () => {
    const r = room();
    const s = script();
    start(r, s.now, { giftVotes: { mode: 'sqrt' } });
    const whale = viewer('whale');
    r.applyEvent(s.chat(whale, '3'));
    r.applyEvent(s.gift(whale, { name: 'Lion', coins: 10_000, type: 2 }));
    expect(scores(pollOf(r))).toEqual([0, 0, 101]);
  });

  it('does not count likes as votes unless switched on', () => {
    const s = script();
    const off = room();
    start(off, s.now);
    off.applyEvent(s.chat(viewer('a'), '1'));
    off.applyEvent(s.like(viewer('a'), 500, 500));
    expect(scores(pollOf(off))).toEqual([1, 0, 0]);

    const on = room();
    start(on, s.now, { likeVotes: { likesPerVote: 100, maxVotesPerViewer: 3 } });
    on.applyEvent(s.chat(viewer('a'), '1'));
    on.applyEvent(s.like(viewer('a'), 500, 500));
    expect(scores(pollOf(on))).toEqual([4, 0, 0]);
  });

  it('reports a tie as a tie and keeps closed polls for the report', () => {
    const r = room();
    const s = script();
    start(r, s.now, { durationSeconds: 60 });
    r.applyEvent(s.chat(viewer('a'), '1'));
    r.applyEvent(s.chat(viewer('b'), '2'));
    const updates = r.advance(s.wait(61_000));
    expect(updates.some((u) => u.type === 'poll.state')).toBe(true);
    const poll = pollOf(r);
    expect(poll.status).toBe('closed');
    expect(poll.winners).toEqual(['1', '2']);
    expect(poll.closedAt).toBe(T0 + 60_000);
    // Votes after the deadline do not count.
    r.applyEvent(s.chat(viewer('c'), '1'));
    expect(votes(pollOf(r))).toEqual([1, 1, 0]);
    start(r, s.wait(1000));
    expect(r.report().polls).toHaveLength(2);
  });

  it('extends, shows and hides, and refuses what does not fit', () => {
    const r = room();
    const s = script();
    const ctx = asModerator(s.now);
    expect(r.applyCommand({ type: 'poll.close' }, ctx).ack).toMatchObject({ code: 'NOT_FOUND' });
    start(r, s.now);
    expect(pollOf(r).endsAt).toBeNull();
    r.applyCommand({ type: 'poll.extend', seconds: 30 }, ctx);
    expect(pollOf(r).endsAt).toBe(T0 + 30_000);
    r.applyCommand({ type: 'poll.hide' }, ctx);
    expect(pollOf(r).visible).toBe(false);
    expect(
      r.applyCommand(
        { type: 'poll.start', question: 'x', options: [{ label: 'a' }, { label: 'b' }] },
        ctx,
      ).ack,
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
    r.applyCommand({ type: 'poll.close' }, ctx);
    expect(r.applyCommand({ type: 'poll.close' }, ctx).ack).toMatchObject({ code: 'CONFLICT' });
  });

  it('closes a running poll when the stream ends', () => {
    const r = room();
    const s = script();
    start(r, s.now);
    r.applyEvent(s.chat(viewer('a'), '2'));
    r.applyEvent(s.streamEnd());
    expect(pollOf(r)).toMatchObject({ status: 'closed', winners: ['2'] });
  });
});
