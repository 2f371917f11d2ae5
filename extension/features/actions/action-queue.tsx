/**
 * The live queue: what runs on each output, what waits (a moderator skips one or clears them
 * all), and the history of what ran, was skipped (with the reason: a cooldown, a full queue)
 * or failed (OBS refused, a sound is gone).
 */
import type { ActionRun } from '../../../shared/protocol/actions/actions-data';
import { usePanel } from '../../ui/context';
import { formatClock } from '../../ui/format';

function RunLine(props: { run: ActionRun; verb: string }) {
  const { actions } = usePanel();
  const { run } = props;
  return (
    <li data-testid={`run-${run.runId}`} data-output={run.output}>
      <strong>{run.ruleName}</strong> · {run.action.kind}
      {run.viewer && ` · ${run.viewer.nickname}`}
      {run.simulated && <em> (simulated)</em>}{' '}
      <button
        type="button"
        data-testid={`run-skip-${run.runId}`}
        onClick={() => void actions.skip(run.runId)}
      >
        {props.verb}
      </button>
    </li>
  );
}

export function ActionQueue() {
  const { actions } = usePanel();
  const waiting = actions.queue.value;
  return (
    <div class="action-queue" data-testid="action-queue">
      <h3>Running</h3>
      <ul data-testid="actions-running">
        {actions.running.value.map((run) => (
          <RunLine key={run.runId} run={run} verb="Stop" />
        ))}
      </ul>
      <h3>
        Waiting ({waiting.length}){' '}
        <button
          type="button"
          class="danger"
          data-testid="actions-clear"
          disabled={waiting.length === 0}
          onClick={() => void actions.clear()}
        >
          Clear
        </button>
      </h3>
      <ol data-testid="actions-waiting">
        {waiting.map((run) => (
          <RunLine key={run.runId} run={run} verb="Skip" />
        ))}
      </ol>
      <h3>History</h3>
      <ol class="history" data-testid="actions-history">
        {actions.history.value.map((record, index) => (
          <li
            key={`${record.runId ?? 'trigger'}-${index}`}
            data-testid="history-line"
            data-outcome={record.outcome}
          >
            <span class="age">{formatClock(record.at)}</span> <strong>{record.ruleName}</strong>
            {record.actionKind && ` · ${record.actionKind}`}
            {record.viewer && ` · ${record.viewer}`} · {record.outcome}
            {record.simulated && ' (simulated)'}
            {record.reason && <span class="detail"> — {record.reason}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
