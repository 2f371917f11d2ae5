/** Polls: pick a template, edit, start; extend, close, show or hide; the archive below. */
import { useSignal } from '@preact/signals';
import type { PollView } from '../../shared/protocol/channel-data';
import { POLL_TEMPLATES } from '../models/poll-templates';
import { CommandRefusalNote } from '../ui/command-refusal';
import { usePanel } from '../ui/context';
import { formatDate } from '../ui/format';

function PollDraftForm() {
  const { polls } = usePanel();
  const question = useSignal(POLL_TEMPLATES[0]?.question ?? '');
  const options = useSignal((POLL_TEMPLATES[0]?.options ?? []).join('\n'));
  const duration = useSignal<number | null>(POLL_TEMPLATES[0]?.durationSeconds ?? null);
  return (
    <form
      class="poll-draft"
      onSubmit={(event) => {
        event.preventDefault();
        void polls.start({
          question: question.value.trim(),
          options: options.value
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
          durationSeconds: duration.value,
        });
      }}
    >
      <div class="templates">
        {POLL_TEMPLATES.map((template) => (
          <button
            type="button"
            key={template.id}
            data-testid={`poll-template-${template.id}`}
            onClick={() => {
              question.value = template.question;
              options.value = template.options.join('\n');
              duration.value = template.durationSeconds;
            }}
          >
            {template.name}
          </button>
        ))}
      </div>
      <label>
        Question
        <input
          data-testid="poll-question"
          value={question.value}
          onInput={(e) => {
            question.value = e.currentTarget.value;
          }}
        />
      </label>
      <label>
        Options (one a line)
        <textarea
          data-testid="poll-options"
          rows={4}
          value={options.value}
          onInput={(e) => {
            options.value = e.currentTarget.value;
          }}
        />
      </label>
      <label>
        Seconds (empty: until closed)
        <input
          data-testid="poll-duration"
          type="number"
          min={5}
          value={duration.value ?? ''}
          onInput={(e) => {
            const n = Number.parseInt(e.currentTarget.value, 10);
            duration.value = Number.isFinite(n) ? n : null;
          }}
        />
      </label>
      <button type="submit" data-testid="poll-start">
        Start poll
      </button>
    </form>
  );
}

function PollResult(props: { poll: PollView; testId: string }) {
  const { poll } = props;
  const total = Math.max(
    1,
    poll.options.reduce((sum, o) => sum + o.score, 0),
  );
  return (
    <div data-testid={props.testId} data-status={poll.status} data-voters={poll.totalVoters}>
      <p class="question">{poll.question}</p>
      <ul class="options">
        {poll.options.map((option) => (
          <li
            key={option.key}
            data-testid={`${props.testId}-option-${option.key}`}
            data-votes={option.votes}
            class={poll.winners?.includes(option.key) ? 'winner' : undefined}
          >
            <span>
              {option.key}. {option.label}
            </span>{' '}
            <meter max={total} value={option.score} /> {option.votes}
          </li>
        ))}
      </ul>
      <p>{poll.totalVoters} voters</p>
    </div>
  );
}

function CurrentPoll() {
  const { polls } = usePanel();
  const poll = polls.current.value;
  if (!poll) return <p data-testid="poll-none">No poll yet.</p>;
  const running = poll.status === 'running';
  return (
    <div class="poll-current">
      <PollResult poll={poll} testId="poll-current" />
      <div class="actions">
        <button
          type="button"
          data-testid="poll-extend"
          disabled={!running}
          onClick={() => void polls.extend(30)}
        >
          +30 s
        </button>
        <button
          type="button"
          data-testid="poll-close"
          disabled={!running}
          onClick={() => void polls.close()}
        >
          Close
        </button>
        {poll.visible ? (
          <button type="button" data-testid="poll-hide" onClick={() => void polls.hide()}>
            Hide on overlay
          </button>
        ) : (
          <button type="button" data-testid="poll-show" onClick={() => void polls.show()}>
            Show on overlay
          </button>
        )}
      </div>
    </div>
  );
}

function PollArchive() {
  const { polls } = usePanel();
  return (
    <ol class="archive" data-testid="poll-archive">
      {polls.archive.value.map((entry) => (
        <li key={entry.id} data-testid="poll-archive-entry" data-poll-id={entry.id}>
          {formatDate(entry.startedAt)} — {entry.question}:{' '}
          {entry.options
            .filter((o) => entry.winners?.includes(o.key))
            .map((o) => o.label)
            .join(' = ') || 'no votes'}{' '}
          ({entry.totalVoters} voters)
        </li>
      ))}
    </ol>
  );
}

export function PollsView() {
  const { polls } = usePanel();
  return (
    <section aria-label="Polls" data-testid="view-polls">
      <CommandRefusalNote commands={polls.commands} />
      <CurrentPoll />
      <PollDraftForm />
      <h3>Archive</h3>
      <PollArchive />
    </section>
  );
}
