/** One action of the rule editor: what it does and the fields of that kind. */
import type { RuleIssue } from '../../../shared/protocol/actions/rule-issues';
import { usePanel } from '../../ui/context';
import { NumberField, SelectField, TextField } from './draft-fields';
import { ACTION_CHOICES, type RuleDraft } from './rule-drafts';

type Action = RuleDraft['actions'][number];

const TEMPLATE_HINT = 'Fields: {nickname} {handle} {gift} {count} {coins} {message} {likes} …';

export function ActionFields(props: {
  action: Action;
  index: number;
  issues: readonly RuleIssue[];
  onChange: (action: Action) => void;
  onRemove: () => void;
}) {
  const { actions, sounds } = usePanel();
  const { action, index, issues } = props;
  const set = (field: string, value: unknown) => props.onChange({ ...action, [field]: value });
  const at = (field: string) => ({
    path: `actions.${index}.${field}`,
    issues,
    testid: `action-${field}-${index}`,
  });
  const obs = actions.obs.value;
  const seconds = (label: string) => (
    <NumberField
      label={label}
      {...at('seconds')}
      step={0.5}
      value={action.seconds}
      onInput={(value) => set('seconds', value)}
    />
  );
  const volume = (
    <NumberField
      label="Volume (0–1 of the master volume)"
      {...at('volume')}
      step={0.05}
      value={action.volume}
      onInput={(value) => set('volume', value)}
    />
  );
  return (
    <fieldset class="rule-action" data-testid={`action-${index}`}>
      <legend>
        Action {index + 1}{' '}
        <button type="button" data-testid={`action-remove-${index}`} onClick={props.onRemove}>
          Remove
        </button>
      </legend>
      <SelectField
        label="Do"
        {...at('kind')}
        value={action.kind}
        options={ACTION_CHOICES.map((choice) => ({ value: choice.kind, label: choice.label }))}
        onChange={(kind) =>
          props.onChange(ACTION_CHOICES.find((choice) => choice.kind === kind)?.start() ?? action)
        }
      />
      {action.kind === 'sound' && (
        <>
          <SelectField
            label="Sound"
            {...at('soundId')}
            value={action.soundId}
            options={[
              { value: '', label: 'choose a sound…' },
              ...sounds.choices.value.map((sound) => ({ value: sound.id, label: sound.name })),
              // A sound the library no longer has stays visible, so the rule can be fixed.
              ...(typeof action.soundId === 'string' &&
              action.soundId !== '' &&
              !sounds.choices.value.some((sound) => sound.id === action.soundId)
                ? [{ value: action.soundId, label: `${action.soundId} (missing)` }]
                : []),
            ]}
            onChange={(v) => set('soundId', v)}
          />
          {volume}
          {seconds('Holds the overlay for (s)')}
        </>
      )}
      {action.kind === 'clip' && (
        <>
          <SelectField
            label="Video clip"
            {...at('clipId')}
            value={action.clipId}
            options={[
              { value: '', label: 'choose a clip…' },
              ...actions.clips.value.map((clip) => ({ value: clip.id, label: clip.name })),
              // A clip the library no longer has stays visible, so the rule can be fixed.
              ...(typeof action.clipId === 'string' &&
              action.clipId !== '' &&
              !actions.clips.value.some((clip) => clip.id === action.clipId)
                ? [{ value: action.clipId, label: `${action.clipId} (missing)` }]
                : []),
            ]}
            onChange={(v) => set('clipId', v)}
          />
          {volume}
          {seconds('Plays at most (s)')}
        </>
      )}
      {action.kind === 'alert' && (
        <>
          <SelectField
            label="Looks like"
            {...at('variant')}
            value={action.variant}
            options={[
              { value: 'gift', label: 'a gift' },
              { value: 'follow', label: 'a follow' },
              { value: 'share', label: 'a share' },
              { value: 'subscribe', label: 'a subscription' },
            ]}
            onChange={(value) => set('variant', value)}
          />
          {action.variant === 'gift' && (
            <NumberField
              label="Tier (1–5)"
              {...at('tier')}
              value={action.tier}
              onInput={(v) => set('tier', v)}
            />
          )}
        </>
      )}
      {(action.kind === 'text' || action.kind === 'obsText') && (
        <TextField
          label="Text"
          {...at('text')}
          value={action.text}
          placeholder={TEMPLATE_HINT}
          onInput={(v) => set('text', v)}
        />
      )}
      {action.kind === 'text' && seconds('Shown for (s)')}
      {action.kind === 'timer' && (
        <>
          <TextField
            label="Label"
            {...at('label')}
            value={action.label}
            onInput={(v) => set('label', v)}
          />
          <NumberField
            label="Seconds"
            {...at('seconds')}
            value={action.seconds}
            onInput={(v) => set('seconds', v)}
          />
          <SelectField
            label="Counts"
            {...at('direction')}
            value={action.direction}
            options={[
              { value: 'down', label: 'down (countdown)' },
              { value: 'up', label: 'up (timer)' },
            ]}
            onChange={(value) => set('direction', value)}
          />
        </>
      )}
      {(action.kind === 'obsScene' || action.kind === 'obsSource') && (
        <TextField
          label="OBS scene"
          {...at('scene')}
          value={action.scene}
          suggestions={obs?.scenes ?? []}
          onInput={(v) => set('scene', v)}
        />
      )}
      {(action.kind === 'obsSource' || action.kind === 'obsText') && (
        <TextField
          label={action.kind === 'obsText' ? 'OBS text source' : 'OBS source'}
          {...at('source')}
          value={action.source}
          suggestions={obs?.inputs ?? []}
          onInput={(v) => set('source', v)}
        />
      )}
      {action.kind === 'obsSource' && seconds('Shown for (s), then hidden')}
    </fieldset>
  );
}
