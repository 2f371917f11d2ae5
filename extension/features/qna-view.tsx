/** Q&A triage: approve, put on screen, mark answered, dismiss. */
import type { QuestionStatus, QuestionView } from '../../shared/protocol/channel-data';
import { CommandRefusalNote } from '../ui/command-refusal';
import { usePanel } from '../ui/context';

const NEXT_STEPS: Record<QuestionStatus, Array<{ to: QuestionStatus; label: string }>> = {
  pending: [
    { to: 'approved', label: 'Approve' },
    { to: 'onScreen', label: 'On screen' },
    { to: 'dismissed', label: 'Dismiss' },
  ],
  approved: [
    { to: 'onScreen', label: 'On screen' },
    { to: 'dismissed', label: 'Dismiss' },
  ],
  onScreen: [
    { to: 'answered', label: 'Answered' },
    { to: 'approved', label: 'Off screen' },
  ],
  answered: [],
  dismissed: [{ to: 'pending', label: 'Restore' }],
};

function Question(props: { question: QuestionView }) {
  const { qna } = usePanel();
  const { question } = props;
  return (
    <li
      data-testid={`qna-question-${question.id}`}
      data-status={question.status}
      class={`q q--${question.status}`}
    >
      <p class="text">{question.text}</p>
      <p class="meta">
        @{question.user.handle} · {question.upvotes} upvotes
        {question.merged > 0 && ` · ${question.merged} merged`} · {question.status}
      </p>
      <div class="actions">
        {NEXT_STEPS[question.status].map((step) => (
          <button
            type="button"
            key={step.to}
            data-testid={`qna-${question.id}-${step.to}`}
            onClick={() => void qna.setStatus(question.id, step.to)}
          >
            {step.label}
          </button>
        ))}
      </div>
    </li>
  );
}

export function QnaView() {
  const { qna } = usePanel();
  return (
    <section aria-label="Q&A" data-testid="view-qna">
      <CommandRefusalNote commands={qna.commands} />
      {qna.questions.value.length === 0 && <p class="empty">No questions yet.</p>}
      <ul class="questions">
        {qna.questions.value.map((question) => (
          <Question key={question.id} question={question} />
        ))}
      </ul>
      <details>
        <summary>Archive ({qna.archive.value.length})</summary>
        <ol data-testid="qna-archive">
          {qna.archive.value.slice(0, 50).map((entry) => (
            <li key={entry.id}>
              {entry.text} — @{entry.handle} ({entry.status})
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
