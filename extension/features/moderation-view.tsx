/** Moderation: word filter, hide chat lines, mute viewers, and the audit log. */
import { useSignal } from '@preact/signals';
import { ChatLineText } from '../ui/chat-line';
import { CommandRefusalNote } from '../ui/command-refusal';
import { usePanel } from '../ui/context';
import { formatDate } from '../ui/format';

function WordFilter() {
  const { moderation } = usePanel();
  const word = useSignal('');
  const mode = useSignal<'block' | 'mask'>('mask');
  return (
    <div>
      <h3>Word filter</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (word.value.trim()) void moderation.addWord(word.value.trim(), mode.value);
          word.value = '';
        }}
      >
        <input
          data-testid="moderation-word"
          value={word.value}
          onInput={(e) => {
            word.value = e.currentTarget.value;
          }}
        />
        <select
          data-testid="moderation-word-action"
          value={mode.value}
          onChange={(e) => {
            mode.value = e.currentTarget.value === 'block' ? 'block' : 'mask';
          }}
        >
          <option value="mask">Mask the word</option>
          <option value="block">Block the line</option>
        </select>
        <button type="submit" data-testid="moderation-add-word">
          Add
        </button>
      </form>
      <ul data-testid="moderation-words">
        {moderation.words.value.map((entry) => (
          <li key={entry.word}>
            {entry.word} ({entry.action}){' '}
            <button
              type="button"
              class="danger"
              onClick={() => void moderation.removeWord(entry.word)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RecentChat() {
  const { moderation } = usePanel();
  const hidden = moderation.hiddenMessageIds.value;
  const removed = moderation.removedIds.value;
  return (
    <div>
      <h3>Chat</h3>
      <ol class="chat" data-testid="moderation-chat">
        {moderation.chat.value
          .slice(-50)
          .reverse()
          .map((line) => (
            <li
              key={line.id}
              class={hidden.has(line.id) || removed.has(line.id) ? 'hidden-line' : undefined}
              data-removed={removed.has(line.id)}
            >
              <ChatLineText line={line} />{' '}
              {!removed.has(line.id) && (
                <button type="button" onClick={() => void moderation.hideMessage(line.id)}>
                  Hide
                </button>
              )}
              <button
                type="button"
                onClick={() => void moderation.muteViewer(line.user.id, line.user.handle)}
              >
                Mute viewer
              </button>
            </li>
          ))}
      </ol>
      <p>{hidden.size} messages hidden from the overlays.</p>
    </div>
  );
}

function MutedViewers() {
  const { moderation } = usePanel();
  return (
    <div>
      <h3>Muted viewers</h3>
      <ul data-testid="moderation-muted">
        {moderation.mutedViewers.value.map((viewer) => (
          <li key={viewer.id}>
            @{viewer.handle}{' '}
            <button type="button" onClick={() => void moderation.unmuteViewer(viewer.id)}>
              Unmute
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AuditLog() {
  const { moderation } = usePanel();
  return (
    <div>
      <h3>Audit log</h3>
      <ol data-testid="moderation-audit">
        {moderation.audit.value.map((entry) => (
          <li key={entry.seq}>
            {formatDate(entry.at)} · {entry.by} ({entry.role}) · {entry.action}: {entry.detail}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ModerationView() {
  const { moderation } = usePanel();
  return (
    <section aria-label="Moderation" data-testid="view-moderation">
      <CommandRefusalNote commands={moderation.commands} />
      <WordFilter />
      <RecentChat />
      <MutedViewers />
      <AuditLog />
    </section>
  );
}
