/**
 * The server's link to OBS: its state (connected, unreachable and when it tries again, the
 * password refused), a reconnect button, and for the owner the address and password. The
 * password is typed here and sent once; the server never sends it back (only that one is set).
 */
import { useSignal } from '@preact/signals';
import { usePanel } from '../../ui/context';

const STATUS_WORDS = {
  off: 'off',
  connecting: 'connecting…',
  connected: 'connected',
  unreachable: 'unreachable',
  refused: 'refused',
} as const;

function ObsSettingsForm() {
  const { actions } = usePanel();
  const obs = actions.obs.value;
  // First setup (no address yet): switched on, since that is why the owner is here.
  const enabled = useSignal(obs?.address ? obs.enabled : true);
  const address = useSignal(obs?.address ?? 'ws://127.0.0.1:4455');
  const password = useSignal('');
  const send = (passwordChange: string | null | undefined) =>
    actions.configureObs({
      enabled: enabled.value,
      address: address.value.trim(),
      ...(passwordChange === undefined ? {} : { password: passwordChange }),
    });
  return (
    <form
      class="obs-settings"
      onSubmit={(event) => {
        event.preventDefault();
        void send(password.value === '' ? undefined : password.value).then(() => {
          password.value = '';
        });
      }}
    >
      <label>
        <input
          type="checkbox"
          data-testid="obs-enabled"
          checked={enabled.value}
          onChange={(e) => {
            enabled.value = e.currentTarget.checked;
          }}
        />
        Control OBS
      </label>
      <label>
        Address (OBS → Tools → WebSocket Server Settings)
        <input
          data-testid="obs-address"
          value={address.value}
          onInput={(e) => {
            address.value = e.currentTarget.value;
          }}
        />
      </label>
      <label>
        Password
        <input
          data-testid="obs-password"
          type="password"
          autocomplete="off"
          placeholder={obs?.passwordSet ? 'stored — type to change' : 'none'}
          value={password.value}
          onInput={(e) => {
            password.value = e.currentTarget.value;
          }}
        />
      </label>
      <div class="actions">
        <button type="submit" data-testid="obs-save">
          Save OBS settings
        </button>
        {obs?.passwordSet && (
          <button type="button" data-testid="obs-forget-password" onClick={() => void send(null)}>
            Forget the password
          </button>
        )}
      </div>
    </form>
  );
}

export function ObsLinkPanel() {
  const { actions, connection } = usePanel();
  const obs = actions.obs.value;
  const status = obs?.status ?? 'off';
  return (
    <div class="obs-link" data-testid="obs-link">
      <p>
        OBS:{' '}
        <span class="badge" data-testid="obs-status" data-status={status}>
          {STATUS_WORDS[status]}
        </span>
        {obs?.detail && (
          <span class="detail" data-testid="obs-detail">
            {' '}
            {obs.detail}
          </span>
        )}
        {obs?.retryAt && (
          <span class="detail"> · next try at {new Date(obs.retryAt).toLocaleTimeString()}</span>
        )}{' '}
        {obs?.enabled && status !== 'connected' && (
          <button
            type="button"
            data-testid="obs-reconnect"
            onClick={() => void actions.reconnectObs()}
          >
            Reconnect now
          </button>
        )}
      </p>
      {connection.isOwner.value && <ObsSettingsForm />}
    </div>
  );
}
