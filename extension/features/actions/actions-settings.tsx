/**
 * The owner's action settings: whether moderators may edit rules, how many actions each output
 * runs at once, and how many may wait. Moderators see them, read-only.
 */
import { ACTION_OUTPUTS, type ActionOutput } from '../../../shared/protocol/actions/rule-words';
import { usePanel } from '../../ui/context';

const OUTPUT_WORDS: Record<ActionOutput, string> = {
  overlay: 'Overlay (sounds, clips, texts)',
  timer: 'Timers',
  obs: 'OBS',
  alerts: 'Alerts',
};

export function ActionsSettings() {
  const { actions, connection } = usePanel();
  const settings = actions.settings.value;
  if (!settings) return null;
  const owner = connection.isOwner.value;
  return (
    <fieldset class="actions-settings" disabled={!owner} data-testid="actions-settings">
      <legend>Settings {owner ? '' : '(owner only)'}</legend>
      <label>
        <input
          type="checkbox"
          data-testid="actions-moderators-edit"
          checked={settings.moderatorsEditRules}
          onChange={(e) => void actions.configure({ moderatorsEditRules: e.currentTarget.checked })}
        />
        Moderators may edit rules
      </label>
      {ACTION_OUTPUTS.map((output) => (
        <label key={output}>
          {OUTPUT_WORDS[output]}: at once
          <input
            type="number"
            min={1}
            max={10}
            data-testid={`actions-concurrency-${output}`}
            value={settings.concurrency[output]}
            onChange={(e) => {
              const n = Number.parseInt(e.currentTarget.value, 10);
              if (n >= 1 && n <= 10) {
                void actions.configure({ concurrency: { ...settings.concurrency, [output]: n } });
              }
            }}
          />
        </label>
      ))}
      <label>
        Waiting at most
        <input
          type="number"
          min={1}
          max={500}
          data-testid="actions-max-queue"
          value={settings.maxQueue}
          onChange={(e) => {
            const n = Number.parseInt(e.currentTarget.value, 10);
            if (n >= 1 && n <= 500) void actions.configure({ maxQueue: n });
          }}
        />
      </label>
    </fieldset>
  );
}
