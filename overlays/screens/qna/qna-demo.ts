/** `?demo` for Q&A: two questions in turn, one asked by several viewers. */
import type { QuestionView } from '../../../shared/protocol/channel-data';
import { viewer } from '../../demo/sample-viewers';
import type { DemoScript } from '../../stage/demo-player';

const question = (id: string, who: number, text: string, merged: number): QuestionView => ({
  id,
  text,
  user: viewer(who),
  status: 'onScreen',
  upvotes: merged,
  merged,
  askedAt: 0,
});

export function qnaDemo(): DemoScript {
  const first = question(
    'demo-q1',
    2,
    'What camera and microphone do you use for your streams? 🎤',
    4,
  );
  const second = question(
    'demo-q2',
    3,
    'How long have you been streaming, and what advice would you give someone who wants to start streaming on TikTok LIVE but is nervous about talking to a camera?',
    0,
  );
  const state = (onScreen: QuestionView | null) => ({
    channel: 'qna' as const,
    type: 'qna.state',
    data: { onScreen, questions: [] },
  });
  return {
    initial: { qna: { onScreen: null, questions: [] } },
    steps: [
      { afterMs: 500, updates: [state(first)] },
      { afterMs: 6000, updates: [state(second)] },
      { afterMs: 6000, updates: [state(null)] },
      { afterMs: 2000, updates: [] },
    ],
  };
}
