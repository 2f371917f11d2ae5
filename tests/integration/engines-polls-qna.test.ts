/**
 * Polls and Q&A driven through the real server: panels send control commands on /control,
 * viewers act through events on /ingest, and the poll and Q&A overlays on /overlay show it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PollView, QuestionView } from '../../shared/protocol/channel-data';
import { dataOf, type EngineRoom, startEngineRoom } from './support/engine-room';
import { instantGift, script, viewer } from './support/events';

let room: EngineRoom | null = null;
afterEach(async () => {
  await room?.stop();
  room = null;
});

const votesOf = (poll: PollView | null | undefined) => poll?.options.map((o) => o.votes);

describe('polls through the server', () => {
  it('counts chat votes once per viewer, reports a tie, and shows and hides on the overlay', async () => {
    room = await startEngineRoom();
    const r = room;
    const pollOverlay = await r.overlay(['poll']);
    expect(pollOverlay.latest('poll')).toEqual({ current: null });

    const started = dataOf(
      await r.command<PollView>(r.owner, {
        type: 'poll.start',
        question: 'Which game next?',
        options: [{ label: 'Chess' }, { label: 'Tetris' }, { label: 'Doom' }],
      }),
    );
    expect(started).toMatchObject({ status: 'running', visible: true, endsAt: null });
    const shown = await pollOverlay.stateWhere(
      'poll',
      (s) => s.current?.id === started.id,
      'the poll on the overlay',
    );
    expect(shown.current?.question).toBe('Which game next?');
    expect(shown.current?.options.map((o) => o.key)).toEqual(['1', '2', '3']);

    const s = script(Date.now());
    await r.push(
      s.chat(viewer('ana'), '1'),
      s.chat(viewer('bo'), '2'),
      s.chat(viewer('cy'), '1'),
      s.chat(viewer('ana'), '2'), // a second vote: changing is off, the first one stands
      s.chat(viewer('ana'), '1'), // and the same vote again counts nothing more
      s.chat(viewer('dee'), 'hello everyone'), // not a vote
    );
    const counted = await pollOverlay.stateWhere(
      'poll',
      (st) => st.current?.totalVoters === 3,
      'three voters',
    );
    expect(votesOf(counted.current)).toEqual([2, 1, 0]);

    await r.push(s.chat(viewer('ed'), '2'));
    const tied = await pollOverlay.stateWhere(
      'poll',
      (st) => st.current?.totalVoters === 4,
      'the fourth voter',
    );
    expect(votesOf(tied.current)).toEqual([2, 2, 0]);
    // Nobody's vote ever counted twice on the way.
    for (const state of pollOverlay.states('poll')) {
      const total = state.current?.options.reduce((n, o) => n + o.votes, 0) ?? 0;
      expect(total).toBe(state.current?.totalVoters ?? 0);
    }

    // A moderator hides and shows the poll on the overlay.
    dataOf(await r.command(r.moderator, { type: 'poll.hide' }));
    await pollOverlay.stateWhere('poll', (st) => st.current?.visible === false, 'poll hidden');
    dataOf(await r.command(r.moderator, { type: 'poll.show' }));
    // Seen hidden first, so the latest state being visible means the show arrived.
    await pollOverlay.watcher.until(
      () => pollOverlay.latest('poll')?.current?.visible === true,
      'poll shown again',
    );
    const visibleAgain = pollOverlay.latest('poll');
    expect(visibleAgain?.current?.status).toBe('running');

    const closed = dataOf(await r.command<PollView>(r.moderator, { type: 'poll.close' }));
    expect(closed.winners).toEqual(['1', '2']);
    const final = await pollOverlay.stateWhere(
      'poll',
      (st) => st.current?.status === 'closed',
      'the closed poll',
    );
    expect(final.current?.winners).toEqual(['1', '2']); // a tie is reported as a tie
    expect(votesOf(final.current)).toEqual([2, 2, 0]);

    // Votes after the close count nothing; the past poll is in the stream report.
    await r.push(s.chat(viewer('fay'), '3'));
    const report = await r.report();
    expect(report.polls).toHaveLength(1);
    expect(report.polls[0]).toMatchObject({ id: started.id, winners: ['1', '2'] });
    expect(votesOf(pollOverlay.latest('poll')?.current)).toEqual([2, 2, 0]);
  });

  it('lets a viewer change their vote when the poll allows it, by letter', async () => {
    room = await startEngineRoom();
    const r = room;
    const pollOverlay = await r.overlay(['poll']);
    dataOf(
      await r.command(r.moderator, {
        type: 'poll.start',
        question: 'Snack?',
        options: [{ label: 'Chips' }, { label: 'Fruit' }],
        voteBy: 'letter',
        allowChange: true,
      }),
    );
    const s = script(Date.now());
    await r.push(s.chat(viewer('ana'), 'A'), s.chat(viewer('ana'), 'b'));
    const changed = await pollOverlay.stateWhere(
      'poll',
      (st) => st.current?.options[1]?.votes === 1,
      'the changed vote',
    );
    expect(votesOf(changed.current)).toEqual([0, 1]);
    expect(changed.current?.totalVoters).toBe(1);
  });
  it('weighs gift votes with the published cap, and closes itself at its deadline', async () => {
    room = await startEngineRoom();
    const r = room;
    const pollOverlay = await r.overlay(['poll']);
    const poll = dataOf(
      await r.command<PollView>(r.owner, {
        type: 'poll.start',
        question: 'Boss fight now?',
        options: [{ label: 'Yes' }, { label: 'No' }],
        durationSeconds: 60,
        giftVotes: { mode: 'perCoin', coinsPerVote: 10, maxVotesPerViewer: 5 },
      }),
    );
    expect(poll.weighting).toBeTruthy();
    expect(poll.endsAt).toBe(poll.startedAt + 60_000);
    const s = script(Date.now());
    await r.push(
      s.chat(viewer('whale'), '1'),
      s.chat(viewer('bo'), '2'),
      s.chat(viewer('cy'), '2'),
      // 10,000 coins would be 1,000 votes per coin; the cap makes it 5 extra.
      instantGift(s, 'whale', 10_000),
    );
    const weighed = await pollOverlay.stateWhere(
      'poll',
      (st) => st.current?.options[0]?.score === 6,
      'the capped gift votes',
    );
    expect(weighed.current?.options.map((o) => [o.votes, o.score])).toEqual([
      [1, 6],
      [2, 2],
    ]);

    // Stream time passes the deadline: the poll closes by itself, and a late vote is not counted.
    s.wait((poll.endsAt ?? s.now) - s.now + 1_000);
    await r.push(s.chat(viewer('late'), '2'));
    const closed = await pollOverlay.stateWhere(
      'poll',
      (st) => st.current?.status === 'closed',
      'the poll closed at its deadline',
    );
    expect(closed.current?.winners).toEqual(['1']);
    expect(closed.current?.totalVoters).toBe(3);
  });
});

describe('Q&A through the server', () => {
  it('takes TikTok and chat questions through moderation onto the overlay, with an audit trail', async () => {
    room = await startEngineRoom();
    const r = room;
    const qnaOverlay = await r.overlay(['qna']);
    const s = script(Date.now());
    await r.push(
      s.question(viewer('ana'), 'What camera do you use for streaming?'),
      s.chat(viewer('bo'), 'Q: how long have you been streaming'),
      s.chat(viewer('cy'), 'nice stream'), // neither a question nor an upvote
    );
    const panelQna = await r.moderator.stateWhere(
      'qna',
      (st) => st.questions.length === 2,
      'two questions on the moderator panel',
    );
    const byOrigin = (origin: QuestionView['origin']) =>
      panelQna.questions.find((q) => q.origin === origin);
    const fromTikTok = byOrigin('tiktok');
    const fromChat = byOrigin('chat');
    expect(fromTikTok).toMatchObject({ status: 'pending', user: { handle: 'ana' } });
    expect(fromChat).toMatchObject({ status: 'pending', user: { handle: 'bo' } });
    expect(fromChat?.text.toLowerCase()).toContain('how long have you been streaming');
    if (!fromTikTok || !fromChat) throw new Error('questions missing');

    const setStatus = (questionId: string, status: QuestionView['status']) =>
      r.command<QuestionView>(r.moderator, { type: 'qna.setStatus', questionId, status });
    dataOf(await setStatus(fromTikTok.id, 'approved'));
    // Straight from pending to answered is not a move moderators can make.
    const skipped = await setStatus(fromChat.id, 'answered');
    expect(skipped).toMatchObject({ ok: false, code: 'CONFLICT' });
    dataOf(await setStatus(fromTikTok.id, 'onScreen'));

    const onScreen = await qnaOverlay.stateWhere(
      'qna',
      (st) => st.onScreen?.id === fromTikTok.id,
      'the question on screen',
    );
    expect(onScreen.onScreen).toMatchObject({
      status: 'onScreen',
      text: 'What camera do you use for streaming?',
      user: { handle: 'ana' },
    });

    const answered = dataOf(await setStatus(fromTikTok.id, 'answered'));
    expect(answered.history?.map((h) => [h.status, h.by])).toEqual([
      ['approved', 'moderator:alex'],
      ['onScreen', 'moderator:alex'],
      ['answered', 'moderator:alex'],
    ]);
    await qnaOverlay.stateWhere(
      'qna',
      (st) => st.onScreen === null && st.questions.some((q) => q.status === 'answered'),
      'the answered question off screen',
    );

    // Every action is in the audit log on /control's moderation channel, with who and when.
    const moderation = await r.owner.stateWhere(
      'moderation',
      (st) => st.audit.filter((a) => a.action === 'qna.setStatus').length === 3,
      'three Q&A actions in the audit log',
    );
    const audit = moderation.audit.filter((a) => a.action === 'qna.setStatus');
    for (const entry of audit) {
      expect(entry).toMatchObject({ by: 'moderator:alex', role: 'moderator' });
      expect(entry.at).toBeGreaterThanOrEqual(s.now);
      expect(entry.detail).toContain(fromTikTok.id);
    }
    expect(audit.map((a) => a.detail)).toEqual([
      expect.stringContaining('approved'),
      expect.stringContaining('onScreen'),
      expect.stringContaining('answered'),
    ]);
    // The refused move left no audit entry; overlays never see the moderation channel.
    expect(qnaOverlay.everything()).not.toContain('"audit"');
    const report = await r.report();
    expect(report.questions).toBe(1); // TikTok question events
  });

  it('merges one question asked three ways and counts chat upvotes once per viewer', async () => {
    room = await startEngineRoom();
    const r = room;
    const qnaOverlay = await r.overlay(['qna']);
    const s = script(Date.now());
    await r.push(
      s.chat(viewer('ana'), 'Q: What camera do you use?'),
      s.chat(viewer('bo'), 'what camera do u use?'),
      s.question(viewer('cy'), 'What CAMERA do you use??'),
      s.chat(viewer('dee'), '+1'),
      s.chat(viewer('dee'), '+1'), // the same viewer again: no second upvote
    );
    const merged = await qnaOverlay.stateWhere(
      'qna',
      (st) => st.questions[0]?.upvotes === 3,
      'the merged question with its upvotes',
    );
    expect(merged.questions).toHaveLength(1);
    expect(merged.questions[0]).toMatchObject({
      text: 'What camera do you use?',
      merged: 2,
      upvotes: 3,
      status: 'pending',
    });
  });
});
