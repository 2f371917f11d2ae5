/**
 * The rule set: each rule with its trigger in words, what it names that is missing (a sound,
 * a scene, a source), and its controls: on/off, edit, simulate (runs it now for a sample
 * viewer, without a real event), remove.
 */
import type { Signal } from '@preact/signals';
import { usePanel } from '../../ui/context';
import { describeTrigger, draftOf, type RuleDraft } from './rule-drafts';

export function RuleList(props: { draft: Signal<RuleDraft | null> }) {
  const { actions } = usePanel();
  const editable = actions.canEdit.value;
  const rules = actions.rules.value;
  if (rules.length === 0) {
    return (
      <p class="empty" data-testid="rules-empty">
        No rules yet: "when a viewer does this, do that".
      </p>
    );
  }
  return (
    <ul class="rules" data-testid="rules">
      {rules.map((rule) => {
        const problems = actions.problems.value.get(rule.id) ?? [];
        return (
          <li key={rule.id} data-testid={`rule-${rule.id}`} data-enabled={rule.enabled}>
            <strong class="rule-name">{rule.name}</strong>{' '}
            <span class="detail">
              {describeTrigger(rule.trigger)} → {rule.actions.map((a) => a.kind).join(', ')}
            </span>
            {problems.map((problem) => (
              <small
                key={`${problem.code}-${problem.path}`}
                class="rule-issue"
                data-testid="rule-problem"
                data-code={problem.code}
              >
                {problem.message}
              </small>
            ))}
            <div class="actions">
              <label>
                <input
                  type="checkbox"
                  data-testid={`rule-enabled-${rule.id}`}
                  checked={rule.enabled}
                  disabled={!editable}
                  onChange={(e) => void actions.enable(rule.id, e.currentTarget.checked)}
                />
                On
              </label>
              <button
                type="button"
                data-testid={`rule-simulate-${rule.id}`}
                onClick={() => void actions.simulate(rule.id)}
              >
                Simulate
              </button>
              {editable && (
                <>
                  <button
                    type="button"
                    data-testid={`rule-edit-${rule.id}`}
                    onClick={() => {
                      props.draft.value = draftOf(rule);
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="danger"
                    data-testid={`rule-remove-${rule.id}`}
                    onClick={() => void actions.remove(rule.id)}
                  >
                    Remove
                  </button>
                </>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
