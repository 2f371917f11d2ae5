/** Pairing: paste the link `npm start` printed; see the role and the connection state. */
import { useSignal } from '@preact/signals';
import { ROLE_ABILITIES } from '../../shared/protocol/role-abilities';
import type { ConnectionState } from '../transport/transport';
import { usePanel } from '../ui/context';
import { refusalSentence } from '../ui/refusal-sentences';

function describeState(state: ConnectionState): string {
  switch (state.status) {
    case 'unpaired':
      return 'Not paired';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'disconnected':
      return `Disconnected: ${state.reason}`;
    case 'refused':
      return `Refused (${state.code})`;
  }
}

/**
 * The server refused the panel (a wrong link, or a token revoked or expired while connected):
 * why, in a sentence and in the server's words, and the form to pair again. The transport does
 * not retry a refusal, so this stays until a new link is pasted.
 */
export function RefusalNotice() {
  const { connection } = usePanel();
  const state = connection.state.value;
  if (state.status !== 'refused') return null;
  return (
    <section class="refusal" role="alert" data-testid="connection-refusal" data-code={state.code}>
      <p data-testid="refusal-sentence">{refusalSentence(state.code)}</p>
      <p class="refusal-detail">
        {state.code}: {state.message}
      </p>
      <PairingForm />
    </section>
  );
}

export function ConnectionBadge() {
  const { connection } = usePanel();
  const state = connection.state.value;
  return (
    <div class={`connection connection--${state.status}`}>
      <span data-testid="connection-state" data-status={state.status}>
        {describeState(state)}
      </span>
      <StreamPicker />
      {connection.role.value && (
        <>
          <span class="role" data-testid="role">
            {connection.role.value}
          </span>
          <span class="role-abilities" data-testid="role-abilities">
            {ROLE_ABILITIES[connection.role.value]}
          </span>
        </>
      )}
    </div>
  );
}

/** The streams the token grants, when it grants several: choosing one switches the panel. */
function StreamPicker() {
  const { connection } = usePanel();
  const streamers = connection.streamers.value;
  if (streamers.length < 2) return null;
  return (
    <label class="stream-picker">
      Stream{' '}
      <select
        data-testid="stream-picker"
        value={connection.streamer.value ?? streamers[0]}
        onChange={(event) => void connection.switchStream(event.currentTarget.value)}
      >
        {streamers.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PairingForm() {
  const { connection } = usePanel();
  const link = useSignal('');
  const paired = connection.pairing.value;
  return (
    <section class="pairing" aria-label="Pairing">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void connection.pair(link.value).then((ok) => {
            if (ok) link.value = '';
          });
        }}
      >
        <label>
          Pairing link
          <input
            data-testid="pairing-input"
            type="url"
            placeholder="http://127.0.0.1:7420/pair?token=…"
            value={link.value}
            onInput={(event) => {
              link.value = event.currentTarget.value;
            }}
          />
        </label>
        <button type="submit" data-testid="pairing-submit">
          Pair
        </button>
      </form>
      {connection.pairingError.value && (
        <p class="refusal" role="alert" data-testid="pairing-error">
          {connection.pairingError.value}
        </p>
      )}
      {paired && (
        <p>
          Paired with <span data-testid="paired-origin">{paired.origin}</span>{' '}
          <button
            type="button"
            class="danger"
            data-testid="unpair"
            onClick={() => void connection.unpair()}
          >
            Forget
          </button>
        </p>
      )}
    </section>
  );
}
