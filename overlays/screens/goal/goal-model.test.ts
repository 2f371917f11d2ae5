import { describe, expect, it } from 'vitest';
import type { GoalView } from '../../../shared/protocol/channel-data';
import { goalModel, pickGoal } from './goal-model';

const goal = (overrides: Partial<GoalView> = {}): GoalView => ({
  id: 'g',
  kind: 'coins',
  label: 'New mic',
  target: 5000,
  current: 1234,
  etaSeconds: null,
  reachedAt: null,
  ...overrides,
});

describe('goalModel', () => {
  it('fills by progress and states the amounts', () => {
    expect(goalModel(goal())).toEqual({
      fill: 1234 / 5000,
      amount: '1,234 / 5,000 coins',
      status: '',
      reached: false,
    });
  });

  it('caps the fill and celebrates when reached', () => {
    const model = goalModel(goal({ current: 6000, reachedAt: 1 }));
    expect(model.fill).toBe(1);
    expect(model.status).toBe('Goal reached! 🎉');
  });

  it('states a TikTok goal in its own unit (the gift it counts)', () => {
    const tiktok = goal({ kind: 'tiktok', unit: 'Rose', current: 45, target: 100 });
    expect(goalModel(tiktok)).toMatchObject({ fill: 0.45, amount: '45 / 100 Rose' });
    expect(goalModel(goal({ kind: 'tiktok', current: 3, target: 10 })).amount).toBe(
      '3 / 10 points',
    );
  });

  it('says how long is left at the recent rate', () => {
    expect(goalModel(goal({ etaSeconds: 30 })).status).toBe('almost there!');
    expect(goalModel(goal({ etaSeconds: 180 })).status).toBe('~3 min to go');
    expect(goalModel(goal({ etaSeconds: 3 * 3600 })).status).toBe('~3 h to go');
  });

  it('picks the named goal, else the first open one', () => {
    const goals = [goal({ id: 'a', reachedAt: 1 }), goal({ id: 'b' })];
    expect(pickGoal(goals, null)?.id).toBe('b');
    expect(pickGoal(goals, 'a')?.id).toBe('a');
    expect(pickGoal(goals, 'zz')).toBeNull();
    expect(pickGoal([], null)).toBeNull();
  });
});
