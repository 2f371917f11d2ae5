/** `?demo` for the poll: votes arrive, the lead changes hands, a tie, then the result. */
import type { PollView } from '../../../shared/protocol/channel-data';
import type { DemoScript, DemoStep } from '../../stage/demo-player';

const OPTIONS = ['Pizza 🍕', 'Tacos 🌮', 'Sushi 🍣'];

function poll(votes: number[], closed = false, winners: string[] | null = null): PollView {
  return {
    id: 'demo-poll',
    question: 'What do we eat after the stream?',
    options: OPTIONS.map((label, index) => ({
      key: String(index + 1),
      label,
      votes: votes[index] ?? 0,
      score: votes[index] ?? 0,
    })),
    status: closed ? 'closed' : 'running',
    startedAt: 0,
    endsAt: null,
    visible: true,
    totalVoters: votes.reduce((a, b) => a + b, 0),
    winners,
  };
}

const SEQUENCE = [
  [1, 0, 0],
  [3, 1, 0],
  [4, 4, 1],
  [5, 9, 2],
  [9, 12, 4],
  [14, 14, 5],
];

export function pollDemo(): DemoScript {
  const steps: DemoStep[] = SEQUENCE.map((votes) => ({
    afterMs: 1400,
    updates: [{ channel: 'poll', type: 'poll.state', data: { current: poll(votes) } }],
  }));
  steps.push({
    afterMs: 2000,
    updates: [
      {
        channel: 'poll',
        type: 'poll.state',
        data: { current: poll([14, 14, 5], true, ['1', '2']) },
      },
    ],
  });
  steps.push({ afterMs: 5000, updates: [] });
  return { initial: { poll: { current: poll([0, 0, 0]) } }, steps };
}
