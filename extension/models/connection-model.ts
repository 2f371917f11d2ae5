/**
 * Pairing and the link to the server: the pasted link is parsed and kept in the panel's store,
 * the transport connects (and reconnects by itself), and the role comes from the server.
 */
import { action, computed, createModel, signal } from '@preact/signals';
import type { PanelStore } from '../storage/panel-store';
import { PairingLinkError, type PairingTarget, parsePairingLink } from '../transport/pairing-link';
import type { ControlTransport } from '../transport/transport';

export const ConnectionModel = createModel((transport: ControlTransport, store: PanelStore) => {
  const pairing = signal<PairingTarget | null>(null);
  const pairingError = signal<string | null>(null);
  const loaded = signal(false);

  const isOwner = computed(() => transport.role.value === 'owner');

  const pair = action(async (link: string) => {
    let target: PairingTarget;
    try {
      target = parsePairingLink(link);
    } catch (error) {
      pairingError.value = error instanceof PairingLinkError ? error.message : String(error);
      return false;
    }
    pairingError.value = null;
    pairing.value = target;
    await store.putSetting('pairing', target);
    transport.connect(target);
    return true;
  });

  const unpair = action(async () => {
    transport.disconnect();
    pairing.value = null;
    await store.putSetting('pairing', null);
  });

  /**
   * Acts on another stream the token grants: the same server and token, connected again
   * naming the stream; its snapshot replaces what the panel showed.
   */
  const switchStream = action(async (streamer: string) => {
    const current = pairing.peek();
    if (!current || !transport.streamers.peek().includes(streamer)) return false;
    const target = { ...current, streamer };
    pairing.value = target;
    await store.putSetting('pairing', target);
    transport.connect(target);
    return true;
  });

  /** Reconnects with the stored pairing when the panel opens. */
  const restore = action(async () => {
    const saved = await store.getSetting('pairing');
    loaded.value = true;
    if (saved && !pairing.peek()) {
      pairing.value = saved;
      transport.connect(saved);
    }
  });

  return {
    pairing,
    pairingError,
    loaded,
    state: transport.state,
    role: transport.role,
    streamer: transport.streamer,
    streamers: transport.streamers,
    isOwner,
    pair,
    unpair,
    switchStream,
    restore,
  };
});
export type ConnectionModel = InstanceType<typeof ConnectionModel>;
