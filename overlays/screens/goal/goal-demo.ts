/** `?demo` for the goal bar: coins climbing to the target, then celebrating. */
import type { GoalView } from '../../../shared/protocol/channel-data';
import type { DemoScript, DemoStep } from '../../stage/demo-player';

const goal = (current: number): GoalView => ({
  id: 'demo-goal',
  kind: 'coins',
  label: 'New microphone 🎤',
  target: 5000,
  current,
  etaSeconds: current >= 5000 ? null : Math.round((5000 - current) / 20),
  reachedAt: current >= 5000 ? 1 : null,
});

export function goalDemo(): DemoScript {
  const steps: DemoStep[] = [800, 1700, 2600, 3900, 4700, 5000].map((current) => ({
    afterMs: 1500,
    updates: [{ channel: 'goals', type: 'goals.state', data: { goals: [goal(current)] } }],
  }));
  steps.push({ afterMs: 4000, updates: [] });
  return { initial: { goals: { goals: [goal(0)] } }, steps };
}
