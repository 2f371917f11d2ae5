/**
 * The server's live state as the panel last heard it: one signal per channel, replaced by each
 * snapshot and `<channel>.state` update, and patched by the incremental alert and chat updates.
 */
import { action, batch, createModel, effect, type Signal, signal } from '@preact/signals';
import type {
  AlertsState,
  AlertView,
  ChannelStates,
  ChatLine,
  ChatState,
} from '../../shared/protocol/channel-data';
import {
  CHANNELS,
  type Channel,
  type ChannelUpdate,
  isChannel,
} from '../../shared/protocol/channels';
import type { ControlTransport } from '../transport/transport';

type ChannelSignals = { [C in Channel]: Signal<ChannelStates[C] | null> };

export const RoomModel = createModel((transport: ControlTransport) => {
  const channels = Object.fromEntries(
    CHANNELS.map((name) => [name, signal(null)]),
  ) as unknown as ChannelSignals;
  const streamId = signal<string | null>(null);
  /** Chat lines moderation took off the overlays (hidden, blocked words, muted viewers). */
  const removedChat = signal<ChatLine[]>([]);
  /**
   * Channels the server holds back from this panel's role (a moderator's earnings unless the
   * owner allows them): the server's word, from its snapshots.
   */
  const withheld = signal<readonly Channel[]>([]);

  const set = <C extends Channel>(name: C, value: ChannelStates[C] | null) => {
    (channels[name] as { value: ChannelStates[C] | null }).value = value;
  };

  const applyUpdate = (update: ChannelUpdate) => {
    const name = update.channel;
    if (update.type === `${name}.state`) {
      set(name, update.data as ChannelStates[typeof name]);
    } else if (name === 'alerts') {
      set('alerts', patchAlerts(channels.alerts.peek(), update));
    } else if (name === 'chat') {
      const before = channels.chat.peek()?.lines ?? [];
      set('chat', patchChat(channels.chat.peek(), update));
      if (update.type === 'chat.remove') {
        const { ids, by, userIds } = update.data as {
          ids: string[];
          by?: 'tiktok';
          userIds?: string[];
        };
        if (by === 'tiktok') {
          // TikTok removed them: gone from every list, not kept as moderated lines.
          const gone = new Set(ids);
          const users = new Set(userIds ?? []);
          removedChat.value = removedChat
            .peek()
            .filter((line) => !gone.has(line.id) && !users.has(line.user.id));
          return;
        }
        // Kept so moderators still see what was taken off the overlays, and by whom.
        const kept = new Set(channels.chat.peek()?.lines.map((line) => line.id));
        const removed = before.filter((line) => !kept.has(line.id));
        removedChat.value = [...removedChat.peek(), ...removed].slice(-CHAT_LINES_KEPT);
      }
    }
  };

  const applySnapshot = action(
    (snapshot: {
      streamId: string | null;
      channels: Partial<Record<Channel, unknown>>;
      withheld?: Channel[];
    }) => {
      streamId.value = snapshot.streamId;
      for (const name of CHANNELS) {
        if (name in snapshot.channels) set(name, snapshot.channels[name] as never);
      }
      // A snapshot that says what is withheld replaces the list (and what it held is dropped);
      // one that does not (a new stream) only clears the channels it now carries.
      if (snapshot.withheld) {
        for (const name of snapshot.withheld) set(name, null);
        withheld.value = snapshot.withheld.filter(isChannel);
      } else if (withheld.peek().some((name) => name in snapshot.channels)) {
        withheld.value = withheld.peek().filter((name) => !(name in snapshot.channels));
      }
    },
  );

  const applyUpdates = action((updates: ChannelUpdate[]) => {
    batch(() => {
      for (const update of updates) applyUpdate(update);
    });
  });

  effect(() => {
    const offSnapshot = transport.onSnapshot(applySnapshot);
    const offUpdates = transport.onUpdates((batchOfUpdates) =>
      applyUpdates(batchOfUpdates.updates),
    );
    return () => {
      offSnapshot();
      offUpdates();
    };
  });

  return { ...channels, streamId, removedChat, withheld, applySnapshot, applyUpdates };
});
export type RoomModel = InstanceType<typeof RoomModel>;

function patchAlerts(current: AlertsState | null, update: ChannelUpdate): AlertsState {
  const state = current ?? { paused: false, storm: false, queue: [] };
  if (update.type === 'alert.upsert') {
    const alert = update.data as AlertView;
    const queue = state.queue.some((item) => item.id === alert.id)
      ? state.queue.map((item) => (item.id === alert.id ? alert : item))
      : [...state.queue, alert];
    return { ...state, queue };
  }
  if (update.type === 'alert.skip') {
    const { id } = update.data as { id: string };
    return { ...state, queue: state.queue.filter((item) => item.id !== id) };
  }
  return state;
}

/** The panel keeps the last lines for the moderation view (hide a message). */
const CHAT_LINES_KEPT = 200;

function patchChat(current: ChatState | null, update: ChannelUpdate): ChatState {
  const lines = current?.lines ?? [];
  if (update.type === 'chat.line') {
    return { lines: [...lines, update.data as ChatLine].slice(-CHAT_LINES_KEPT) };
  }
  if (update.type === 'chat.remove') {
    const data = update.data as { ids: string[]; userIds?: string[] };
    const ids = new Set(data.ids);
    const users = new Set(data.userIds ?? []);
    return { lines: lines.filter((line) => !ids.has(line.id) && !users.has(line.user.id)) };
  }
  return { lines };
}
