/**
 * Creates or edits one rule. Every change is checked at once with the server's own checks, and
 * each mistake is shown at its field with its code; Save stays off until there are none. A
 * refusal from the server (rules changed by someone else, a role that may not edit) is shown too.
 */
import { type Signal, useComputed } from '@preact/signals';
import { checkRule } from '../../../shared/protocol/actions/rule-issues';
import { RULE_LIMITS } from '../../../shared/protocol/actions/rule-schema';
import { usePanel } from '../../ui/context';
import { ActionFields } from './action-fields';
import { IssueNotes, NumberField, TextField } from './draft-fields';
import { ACTION_CHOICES, type RuleDraft } from './rule-drafts';
import { TriggerFields } from './trigger-fields';

export function RuleEditor(props: { draft: Signal<RuleDraft | null> }) {
  const { actions } = usePanel();
  const checked = useComputed(() => (props.draft.value ? checkRule(props.draft.value) : null));
  const draft = props.draft.value;
  if (!draft) return null;
  const issues = checked.value && !checked.value.ok ? checked.value.issues : [];
  const update = (change: Partial<RuleDraft>) => {
    props.draft.value = { ...draft, ...change };
  };
  const setAction = (index: number, next: RuleDraft['actions'][number] | null) => {
    const list = [...draft.actions];
    if (next) list[index] = next;
    else list.splice(index, 1);
    update({ actions: list });
  };

  const save = async () => {
    if (!checked.value?.ok) return;
    const ack = await actions.save(draft as never);
    if (ack.ok) props.draft.value = null;
  };

  return (
    <form
      class="rule-editor"
      data-testid="rule-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{draft.id ? `Edit rule ${draft.id}` : 'New rule'}</h3>
      <TextField
        label="Name"
        testid="rule-name"
        path="name"
        issues={issues}
        value={draft.name}
        onInput={(name) => update({ name })}
      />
      <label>
        <input
          type="checkbox"
          data-testid="rule-enabled"
          checked={draft.enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
        />
        Enabled
      </label>
      <TriggerFields
        trigger={draft.trigger}
        issues={issues}
        onChange={(trigger) => update({ trigger })}
      />
      <fieldset class="rule-cooldown">
        <legend>Cooldown</legend>
        <NumberField
          label="Per viewer (s)"
          testid="cooldown-user"
          path="cooldown.perUserSeconds"
          issues={issues}
          value={draft.cooldown.perUserSeconds}
          onInput={(value) => update({ cooldown: { ...draft.cooldown, perUserSeconds: value } })}
        />
        <NumberField
          label="For everyone (s)"
          testid="cooldown-global"
          path="cooldown.globalSeconds"
          issues={issues}
          value={draft.cooldown.globalSeconds}
          onInput={(value) => update({ cooldown: { ...draft.cooldown, globalSeconds: value } })}
        />
      </fieldset>
      {draft.actions.map((action, index) => (
        <ActionFields
          key={index}
          action={action}
          index={index}
          issues={issues}
          onChange={(next) => setAction(index, next)}
          onRemove={() => setAction(index, null)}
        />
      ))}
      <IssueNotes issues={issues} path="actions" />
      <IssueNotes issues={issues} path="" />
      <div class="actions">
        <select
          data-testid="action-add"
          value=""
          disabled={draft.actions.length >= RULE_LIMITS.actionsPerRule}
          onChange={(e) => {
            const choice = ACTION_CHOICES.find((c) => c.kind === e.currentTarget.value);
            if (choice) update({ actions: [...draft.actions, choice.start()] });
            e.currentTarget.value = '';
          }}
        >
          <option value="">Add an action…</option>
          {ACTION_CHOICES.map((choice) => (
            <option key={choice.kind} value={choice.kind}>
              {choice.label}
            </option>
          ))}
        </select>
        <button type="submit" data-testid="rule-save" disabled={issues.length > 0}>
          Save rule
        </button>
        <button type="button" data-testid="rule-cancel" onClick={() => (props.draft.value = null)}>
          Cancel
        </button>
      </div>
      {issues.length > 0 && (
        <p class="detail" data-testid="rule-issue-count">
          {issues.length === 1 ? '1 thing to fix' : `${issues.length} things to fix`} before saving
        </p>
      )}
    </form>
  );
}
