/** The rule editor's trigger: its kind and the fields of that kind. */
import type { RuleIssue } from '../../../shared/protocol/actions/rule-issues';
import { COMMAND_AUDIENCES } from '../../../shared/protocol/actions/rule-words';
import { usePanel } from '../../ui/context';
import { NumberField, SelectField, TextField } from './draft-fields';
import { type RuleDraft, TRIGGER_CHOICES } from './rule-drafts';

type Trigger = RuleDraft['trigger'];

export function TriggerFields(props: {
  trigger: Trigger;
  issues: readonly RuleIssue[];
  onChange: (trigger: Trigger) => void;
}) {
  const { room } = usePanel();
  const { trigger, issues } = props;
  const set = (field: string, value: unknown) => props.onChange({ ...trigger, [field]: value });
  const at = (field: string) => ({ path: `trigger.${field}`, issues });
  const goals = room.goals.value?.goals ?? [];
  return (
    <fieldset class="rule-trigger">
      <legend>When</legend>
      <SelectField
        label="Trigger"
        testid="trigger-kind"
        {...at('kind')}
        value={trigger.kind}
        options={TRIGGER_CHOICES.map((choice) => ({ value: choice.kind, label: choice.label }))}
        onChange={(kind) =>
          props.onChange(TRIGGER_CHOICES.find((choice) => choice.kind === kind)?.start() ?? trigger)
        }
      />
      {trigger.kind === 'gift' && (
        <>
          <TextField
            label="Gift (empty: any gift)"
            testid="trigger-gift"
            {...at('gift')}
            value={trigger.gift ?? ''}
            onInput={(text) => set('gift', text.trim() === '' ? null : text)}
          />
          <NumberField
            label="Worth at least (coins)"
            testid="trigger-min-coins"
            {...at('minCoins')}
            value={trigger.minCoins}
            onInput={(value) => set('minCoins', value)}
          />
          <SelectField
            label="Count"
            testid="trigger-count"
            {...at('count')}
            value={trigger.count}
            options={[
              { value: 'final', label: "on the streak's final count (once)" },
              { value: 'perUpgrade', label: 'on every upgrade of the streak' },
            ]}
            onChange={(value) => set('count', value)}
          />
        </>
      )}
      {trigger.kind === 'likes' && (
        <NumberField
          label="Every … likes"
          testid="trigger-every"
          {...at('every')}
          value={trigger.every}
          onInput={(value) => set('every', value)}
        />
      )}
      {trigger.kind === 'command' && (
        <>
          <TextField
            label="Command"
            testid="trigger-command"
            {...at('command')}
            value={trigger.command}
            placeholder="!dance"
            onInput={(text) => set('command', text)}
          />
          <SelectField
            label="Who may use it"
            testid="trigger-allowed"
            {...at('allowed')}
            value={trigger.allowed}
            options={COMMAND_AUDIENCES.map((audience) => ({ value: audience, label: audience }))}
            onChange={(value) => set('allowed', value)}
          />
        </>
      )}
      {trigger.kind === 'goalReached' && (
        <SelectField
          label="Goal"
          testid="trigger-goal"
          {...at('goalId')}
          value={trigger.goalId ?? ''}
          options={[
            { value: '', label: 'any goal' },
            ...goals.map((goal) => ({ value: goal.id, label: goal.label })),
          ]}
          onChange={(value) => set('goalId', value === '' ? null : value)}
        />
      )}
      {trigger.kind === 'battle' && (
        <SelectField
          label="Result"
          testid="trigger-result"
          {...at('result')}
          value={trigger.result}
          options={[
            { value: 'win', label: 'won' },
            { value: 'lose', label: 'lost' },
            { value: 'draw', label: 'draw' },
          ]}
          onChange={(value) => set('result', value)}
        />
      )}
    </fieldset>
  );
}
