/**
 * The runs a fired rule makes: one per action, its texts filled from what fired it (plain text,
 * drawn as text wherever it goes). A simulated run is for a sample viewer with sample values.
 */
import type { ActionRun } from '../../protocol/actions/actions-data';
import { type ActionRule, OUTPUT_OF, type RuleAction } from '../../protocol/actions/rule-schema';
import { fillTemplate, type TemplateValues } from '../../protocol/actions/templates';
import type { ViewerBadge } from '../../protocol/channel-data';
import type { Firing } from './trigger-facts';

/** Who a simulated run is for: a sample viewer, never a real one. */
export const SAMPLE_VIEWER: ViewerBadge = {
  id: 'sample-viewer',
  handle: 'sample_viewer',
  nickname: 'Sample Viewer',
  avatarUrl: null,
};

/** What fires a simulated run: the sample viewer and values for every template field. */
export const SAMPLE_FIRING: Firing = {
  viewer: SAMPLE_VIEWER,
  values: {
    nickname: SAMPLE_VIEWER.nickname,
    handle: SAMPLE_VIEWER.handle,
    gift: 'Rose',
    count: '1',
    coins: '1',
    message: 'hello',
    likes: '1000',
    goal: 'Sample goal',
    poll: 'Option A',
    result: 'won',
  },
};

/** The action with its texts filled in. */
function filled(action: RuleAction, values: TemplateValues): RuleAction {
  switch (action.kind) {
    case 'text':
    case 'obsText':
      return { ...action, text: fillTemplate(action.text, values) };
    case 'timer':
      return { ...action, label: fillTemplate(action.label, values) };
    default:
      return { ...action };
  }
}

/** The runs of `rule` fired by `firing` at stream time `now`; `nextId` numbers them. */
export function runsOf(
  rule: ActionRule,
  firing: Firing,
  now: number,
  simulated: boolean,
  nextId: () => string,
): ActionRun[] {
  const values: TemplateValues = { ...firing.values, rule: rule.name };
  return rule.actions.map((action) => ({
    runId: nextId(),
    ruleId: rule.id,
    ruleName: rule.name,
    output: OUTPUT_OF[action.kind],
    action: filled(action, values),
    viewer: firing.viewer ? { ...firing.viewer } : null,
    values,
    simulated,
    firedAt: now,
    startedAt: null,
    endsAt: null,
  }));
}
