/** Settings: money (owner only), goals, the weekly schedule, backups and the stream's end. */
import { useSignal } from '@preact/signals';
import { REVENUE_PRESETS } from '../../shared/revenue/revenue-model';
import type { GoalSetting, ScheduleSlot } from '../storage/records';
import { CommandRefusalNote } from '../ui/command-refusal';
import { usePanel } from '../ui/context';
import { BackupControls } from './backup-controls';
import { PairingForm } from './pairing';

function MoneySettings() {
  const { settings, connection, analytics, live } = usePanel();
  const owner = connection.isOwner.value;
  return (
    <fieldset disabled={!owner} data-testid="money-settings">
      <legend>Money {owner ? '' : '(owner only)'}</legend>
      <label>
        Revenue model
        <select
          data-testid="revenue-preset"
          value={live.earnings.value?.figures.model.id ?? settings.revenueModel.value.id}
          onChange={(e) => void settings.chooseRevenuePreset(e.currentTarget.value)}
        >
          {REVENUE_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="moderators-see-earnings"
          checked={
            live.earnings.value?.moderatorsSeeEarnings ?? settings.moderatorsSeeEarnings.value
          }
          onChange={(e) => void settings.setModeratorsSeeEarnings(e.currentTarget.checked)}
        />
        Moderators see earnings
      </label>
      <button
        type="button"
        data-testid="mark-cashed-out"
        onClick={() => void settings.markCashedOut(Date.now())}
      >
        I cashed out (restart payout progress)
      </button>
      <button
        type="button"
        class="danger"
        data-testid="end-stream"
        onClick={() => void analytics.endStream()}
      >
        End stream
      </button>
    </fieldset>
  );
}

function GoalForm() {
  const { settings } = usePanel();
  const goal = useSignal<GoalSetting>({ kind: 'coins', label: 'Coin goal', target: 1000 });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void settings.addGoal(goal.value);
      }}
    >
      <select
        data-testid="goal-kind"
        value={goal.value.kind}
        onChange={(e) => {
          goal.value = { ...goal.value, kind: e.currentTarget.value as GoalSetting['kind'] };
        }}
      >
        <option value="coins">Coins</option>
        <option value="likes">Likes</option>
        <option value="follows">Follows</option>
        <option value="shares">Shares</option>
      </select>
      <input
        data-testid="goal-label"
        value={goal.value.label}
        onInput={(e) => {
          goal.value = { ...goal.value, label: e.currentTarget.value };
        }}
      />
      <input
        data-testid="goal-target"
        type="number"
        min={1}
        value={goal.value.target}
        onInput={(e) => {
          goal.value = { ...goal.value, target: Number.parseInt(e.currentTarget.value, 10) || 1 };
        }}
      />
      <button type="submit" data-testid="goal-add">
        Add goal
      </button>
    </form>
  );
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function ScheduleForm() {
  const { settings } = usePanel();
  const weekday = useSignal(1);
  const time = useSignal('20:00');
  const add = () => {
    const [h, m] = time.value.split(':').map(Number);
    const slot: ScheduleSlot = {
      weekday: weekday.value,
      startMinute: (h ?? 0) * 60 + (m ?? 0),
      durationMinutes: 120,
    };
    void settings.setSchedule([...settings.schedule.value, slot]);
  };
  return (
    <div data-testid="schedule">
      <ul>
        {settings.schedule.value.map((slot, index) => (
          <li key={`${slot.weekday}-${slot.startMinute}`}>
            {WEEKDAYS[slot.weekday]} {String(Math.floor(slot.startMinute / 60)).padStart(2, '0')}:
            {String(slot.startMinute % 60).padStart(2, '0')}{' '}
            <button
              type="button"
              onClick={() =>
                void settings.setSchedule(settings.schedule.value.filter((_, i) => i !== index))
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <select
        value={weekday.value}
        onChange={(e) => {
          weekday.value = Number(e.currentTarget.value);
        }}
      >
        {WEEKDAYS.map((day, index) => (
          <option key={day} value={index}>
            {day}
          </option>
        ))}
      </select>
      <input
        type="time"
        value={time.value}
        onInput={(e) => {
          time.value = e.currentTarget.value;
        }}
      />
      <button type="button" data-testid="schedule-add" onClick={add}>
        Add slot
      </button>
    </div>
  );
}

export function SettingsView() {
  const { settings, analytics } = usePanel();
  return (
    <section aria-label="Settings" data-testid="view-settings">
      <CommandRefusalNote commands={settings.commands} />
      <CommandRefusalNote commands={analytics.commands} />
      <PairingForm />
      <MoneySettings />
      <h3>Goals</h3>
      <GoalForm />
      <h3>Weekly schedule</h3>
      <ScheduleForm />
      <h3>Backup</h3>
      <BackupControls />
    </section>
  );
}
