/** Alerts: pause or resume, skip what plays, replay, test each tier, and their sounds. */
import { CommandRefusalNote } from '../ui/command-refusal';
import { usePanel } from '../ui/context';
import { formatCount } from '../ui/format';
import { AlertSoundsPanel } from './alert-sounds';

export function AlertsView() {
  const { alerts } = usePanel();
  return (
    <section aria-label="Alerts" data-testid="view-alerts">
      <CommandRefusalNote commands={alerts.commands} />
      <div class="actions">
        {alerts.paused.value ? (
          <button type="button" data-testid="alerts-resume" onClick={() => void alerts.resume()}>
            Resume alerts
          </button>
        ) : (
          <button type="button" data-testid="alerts-pause" onClick={() => void alerts.pause()}>
            Pause alerts
          </button>
        )}
        <button
          type="button"
          class="danger"
          data-testid="alerts-skip"
          onClick={() => void alerts.skip()}
        >
          Skip current
        </button>
        {[1, 2, 3, 4, 5].map((tier) => (
          <button
            type="button"
            key={tier}
            data-testid={`alerts-test-${tier}`}
            onClick={() => void alerts.test(tier)}
          >
            Test tier {tier}
          </button>
        ))}
      </div>
      <p data-testid="alerts-status">
        {alerts.paused.value ? 'Paused' : 'Playing'}
        {alerts.storm.value && ' · storm mode'} · {alerts.queue.value.length} queued
      </p>
      <ol class="alert-queue" data-testid="alerts-queue">
        {alerts.queue.value.map((alert) => (
          <li key={alert.id} data-testid={`alert-${alert.id}`}>
            {alert.user.nickname} — {alert.gift ? `${alert.gift.name} ×${alert.count}` : alert.kind}
            {alert.coins > 0 &&
              ` (${formatCount(alert.coins)} coins${alert.settled ? '' : ', streak open'})`}{' '}
            {alert.id === alerts.playingId.value && <em>playing</em>}
            <button type="button" onClick={() => void alerts.replay(alert.id)}>
              Replay
            </button>
            <button type="button" onClick={() => void alerts.skip(alert.id)}>
              Skip
            </button>
          </li>
        ))}
      </ol>
      <AlertSoundsPanel />
    </section>
  );
}
