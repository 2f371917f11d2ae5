import { describe, expect, it } from 'vitest';
import { asModerator, script, T0, viewer } from '../../../tests/support/engine-events';
import { createLiveRoom } from '../live-room';
import { questionSimilarity, questionWords } from './question-similarity';

const room = () => createLiveRoom({ streamId: 's', startedAt: T0 });
const qnaOf = (r: ReturnType<typeof room>) => r.snapshot(['qna']).qna!;

describe('Q&A', () => {
  it('merges one question asked three ways, counting the others as upvotes', () => {
    const r = room();
    const s = script();
    r.applyEvent(s.chat(viewer('ana'), 'Q: What camera do you use?'));
    r.applyEvent(s.chat(viewer('bo'), 'what camera do u use?'));
    r.applyEvent(s.question(viewer('cy'), 'What CAMERA do you use??'));
    const { questions } = qnaOf(r);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({
      text: 'What camera do you use?',
      merged: 2,
      upvotes: 2,
      status: 'pending',
      origin: 'chat',
    });
    expect(r.report().questions).toBe(1);
  });

  it('keeps different questions apart', () => {
    const words = (t: string) => questionWords(t);
    expect(
      questionSimilarity(words('what camera do you use'), words('what mic do you use')),
    ).toBeLessThan(0.8);
    const r = room();
    const s = script();
    r.applyEvent(s.chat(viewer('a'), 'what camera do you use?'));
    r.applyEvent(s.chat(viewer('b'), 'what mic do you use?'));
    r.applyEvent(s.chat(viewer('c'), 'ok?'));
    r.applyEvent(s.chat(viewer('d'), 'lol'));
    expect(qnaOf(r).questions.map((q) => q.text)).toEqual([
      'what camera do you use?',
      'what mic do you use?',
    ]);
  });

  it('counts upvotes once per viewer, never the asker, by +1, ^ or number', () => {
    const r = room();
    const s = script();
    r.applyEvent(s.chat(viewer('ana'), 'Q: first question here'));
    r.applyEvent(s.chat(viewer('ana'), 'Q: where are you streaming from'));
    r.applyEvent(s.chat(viewer('ana'), '+1'));
    r.applyEvent(s.chat(viewer('bo'), '+1'));
    r.applyEvent(s.chat(viewer('bo'), '^'));
    r.applyEvent(s.chat(viewer('cy'), '+1 #1'));
    const byNumber = Object.fromEntries(qnaOf(r).questions.map((q) => [q.number, q.upvotes]));
    expect(byNumber).toEqual({ 1: 1, 2: 1 });
  });

  it('moves through its states, one on screen at a time, recording who and when', () => {
    const r = room();
    const s = script();
    r.applyEvent(s.chat(viewer('a'), 'Q: first question please'));
    r.applyEvent(s.chat(viewer('b'), 'Q: second question please now'));
    const [q1, q2] = qnaOf(r).questions;
    const set = (id: string, status: string, who = 'mod:alex') =>
      r.applyCommand(
        { type: 'qna.setStatus', questionId: id, status },
        asModerator(s.wait(1000), who),
      );
    expect(set(q1!.id, 'approved').ack.ok).toBe(true);
    expect(set(q1!.id, 'onScreen').updates.map((u) => u.type)).toContain('qna.state');
    expect(set(q2!.id, 'onScreen', 'mod:kim').ack.ok).toBe(true);
    expect(qnaOf(r).onScreen?.id).toBe(q2!.id);
    expect(set(q2!.id, 'answered', 'mod:kim').ack.ok).toBe(true);
    expect(set(q2!.id, 'pending').ack).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(set('q-99', 'approved').ack).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const history = qnaOf(r).questions.find((q) => q.id === q1!.id)?.history;
    expect(history).toEqual([
      { status: 'approved', by: 'mod:alex', at: T0 + 1000 },
      { status: 'onScreen', by: 'mod:alex', at: T0 + 2000 },
      { status: 'approved', by: 'mod:kim', at: T0 + 3000 },
    ]);
    const audit = r.snapshot(['moderation']).moderation!.audit;
    expect(audit.filter((e) => e.action === 'qna.setStatus')).toHaveLength(4);
  });

  it('follows its configured prefixes', () => {
    const r = room();
    const s = script();
    r.applyCommand(
      { type: 'qna.configure', settings: { prefixes: ['!ask'], trailingQuestionMark: false } },
      asModerator(s.now),
    );
    r.applyEvent(s.chat(viewer('a'), 'is this thing on?'));
    r.applyEvent(s.chat(viewer('b'), '!asking nothing'));
    r.applyEvent(s.chat(viewer('c'), '!ask what is the plan'));
    expect(qnaOf(r).questions.map((q) => q.text)).toEqual(['what is the plan']);
  });
});
