/** `?demo` for the actions overlay: a thank-you text and a countdown, as rules would start them. */
import type { ActionRun } from '../../../shared/protocol/actions/actions-data';
import { SAMPLE_VIEWERS } from '../../demo/sample-viewers';
import type { DemoScript } from '../../stage/demo-player';

function run(runId: string, action: ActionRun['action'], viewer: ActionRun['viewer']): ActionRun {
  return {
    runId,
    ruleId: 'demo',
    ruleName: 'Demo rule',
    output: action.kind === 'timer' ? 'timer' : 'overlay',
    action,
    viewer,
    values: {},
    simulated: false,
    firedAt: 0,
    startedAt: 0,
    endsAt: 0,
  };
}

export function actionsDemo(): DemoScript {
  const [first, second] = SAMPLE_VIEWERS;
  const thanks = run(
    'demo-text-1',
    { kind: 'text', text: `Thank you ${first?.nickname ?? 'Ana'} for the Galaxy!`, seconds: 4 },
    first ?? null,
  );
  const countdown = run(
    'demo-timer-1',
    { kind: 'timer', label: 'Giveaway ends in', seconds: 12, direction: 'down' },
    null,
  );
  const dance = run(
    'demo-text-2',
    { kind: 'text', text: `${second?.nickname ?? 'Bo'} asked for a dance!`, seconds: 4 },
    second ?? null,
  );
  const start = (data: ActionRun) => ({ channel: 'actions' as const, type: 'action.start', data });
  const end = (data: ActionRun) => ({
    channel: 'actions' as const,
    type: 'action.end',
    data: { runId: data.runId, outcome: 'done', reason: null },
  });
  return {
    initial: { actions: { queue: [], running: [], history: [] } },
    steps: [
      { afterMs: 600, updates: [start(thanks), start(countdown)] },
      { afterMs: 4000, updates: [end(thanks)] },
      { afterMs: 1500, updates: [start(dance)] },
      { afterMs: 4000, updates: [end(dance)] },
      { afterMs: 2500, updates: [end(countdown)] },
      { afterMs: 2000, updates: [] },
    ],
  };
}
