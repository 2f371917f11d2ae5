import { describe, expect, it } from 'vitest';
import type { PollView } from '../../../shared/protocol/channel-data';
import { percent, pollModel, pollSecondsLeft } from './poll-model';

const poll = (scores: number[], overrides: Partial<PollView> = {}): PollView => ({
  id: 'p',
  question: 'Pizza or tacos?',
  options: scores.map((score, index) => ({
    key: String(index + 1),
    label: ['Pizza', 'Tacos', 'Sushi'][index]!,
    votes: score,
    score,
  })),
  status: 'running',
  startedAt: 0,
  endsAt: null,
  visible: true,
  totalVoters: scores.reduce((a, b) => a + b, 0),
  winners: null,
  ...overrides,
});

describe('pollModel', () => {
  it('shares the score between options and marks the leader', () => {
    const model = pollModel(poll([3, 1]));
    expect(model.rows.map((row) => [row.share, row.leading])).toEqual([
      [0.75, true],
      [0.25, false],
    ]);
    expect(model.tie).toBe(false);
    expect(model.footer).toBe('4 voters · type 1 or 2 in chat');
  });

  it('shows no leader and no NaN before the first vote', () => {
    const model = pollModel(poll([0, 0, 0]));
    expect(model.rows.every((row) => row.share === 0 && !row.leading)).toBe(true);
    expect(percent(model.rows[0]!.share)).toBe('0%');
    expect(model.footer).toBe('0 voters · type 1, 2 or 3 in chat');
  });

  it('shows ties while running and when closed', () => {
    expect(pollModel(poll([2, 2, 1])).tie).toBe(true);
    const closed = pollModel(poll([2, 2, 1], { status: 'closed', winners: ['1', '2'] }));
    expect(closed.tie).toBe(true);
    expect(closed.footer).toBe('Tie: Pizza & Tacos · 5 voters');
  });

  it('names the winner when closed', () => {
    const model = pollModel(poll([1, 4], { status: 'closed', winners: ['2'] }));
    expect(model.footer).toBe('Winner: Tacos · 5 voters');
    expect(model.rows[1]!.leading).toBe(true);
  });
});

describe('pollSecondsLeft', () => {
  const timed = poll([1, 1], { startedAt: 10_000, endsAt: 70_000 });
  it('counts down a timed poll by the local clock', () => {
    expect(pollSecondsLeft(timed, 40_000)).toBe(30);
  });
  it('is null for untimed, closed, finished or clock-skewed polls', () => {
    expect(pollSecondsLeft(poll([1]), 0)).toBeNull();
    expect(pollSecondsLeft({ ...timed, status: 'closed' }, 40_000)).toBeNull();
    expect(pollSecondsLeft(timed, 80_000)).toBeNull();
    expect(pollSecondsLeft(timed, -1_000_000)).toBeNull();
  });
});
