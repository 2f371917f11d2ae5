/**
 * The server's live state as the panel last heard it: one signal per channel, replaced by each
 * snapshot and `<channel>.state` update, and patched by the incremental alert and chat updates.
 */
import { action, batch, createModel, effect, type Signal, signal } from '@preact/signals';
import type {
  AlertsState,
  ChannelStates,
  ChatLine,
  ChatState,
  TypedUpdate,
} from '../../shared/protocol/channel-data';
import type { Channel } from '../../shared/protocol/channels';
import {
  type IncrementUpdate,
  isStateUpdate,
  type SnapshotRead,
} from '../../shared/protocol/wire/read-wire';
import type { ControlTransport } from '../transport/transport';

type ChannelSignals = { [C in Channel]: Signal<ChannelStates[C] | null> };

const channelSignal = <C extends Channel>() => signal<ChannelStates[C] | null>(null);

export const RoomModel = createModel((transport: ControlTransport) => {
  // Every channel's signal; a channel added to the protocol without one does not compile.
  const channels: ChannelSignals = {
    alerts: channelSignal<'alerts'>(),
    chat: channelSignal<'chat'>(),
    poll: channelSignal<'poll'>(),
    qna: channelSignal<'qna'>(),
    sponsor: channelSignal<'sponsor'>(),
    goals: channelSignal<'goals'>(),
    leaderboard: channelSignal<'leaderboard'>(),
    metrics: channelSignal<'metrics'>(),
    earnings: channelSignal<'earnings'>(),
    moderation: channelSignal<'moderation'>(),
    battle: channelSignal<'battle'>(),
    actions: channelSignal<'actions'>(),
    actionRules: channelSignal<'actionRules'>(),
    sources: channelSignal<'sources'>(),
    obs: channelSignal<'obs'>(),
    clips: channelSignal<'clips'>(),
    sounds: channelSignal<'sounds'>(),
  };
  const streamId = signal<string | null>(null);
  /** Chat lines moderation took off the overlays (hidden, blocked words, muted viewers). */
  const removedChat = signal<ChatLine[]>([]);
  /**
   * Channels the server holds back from this panel's role (a moderator's earnings unless the
   * owner allows them): the server's word, from its snapshots.
   */
  const withheld = signal<readonly Channel[]>([]);

  const set = <C extends Channel>(name: C, value: ChannelStates[C] | null) => {
    channels[name].value = value;
  };

  const applyUpdate = (update: TypedUpdate) => {
    if (isStateUpdate(update)) set(update.channel, update.data);
    else if (update.channel === 'alerts') {
      set('alerts', patchAlerts(channels.alerts.peek(), update));
    } else if (update.channel === 'chat') {
      const before = channels.chat.peek()?.lines ?? [];
      set('chat', patchChat(channels.chat.peek(), update));
      if (update.type === 'chat.remove') {
        const { ids, by, userIds } = update.data;
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

  const applySnapshot = action((snapshot: SnapshotRead) => {
    streamId.value = snapshot.streamId;
    const carried = new Set(snapshot.states.map((state) => state.channel));
    for (const state of snapshot.states) set(state.channel, state.data);
    // A snapshot that says what is withheld replaces the list (and what it held is dropped);
    // one that does not (a new stream) only clears the channels it now carries.
    if (snapshot.withheld) {
      for (const name of snapshot.withheld) set(name, null);
      withheld.value = snapshot.withheld;
    } else if (withheld.peek().some((name) => carried.has(name))) {
      withheld.value = withheld.peek().filter((name) => !carried.has(name));
    }
  });

  const applyUpdates = action((updates: readonly TypedUpdate[]) => {
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

function patchAlerts(current: AlertsState | null, update: IncrementUpdate): AlertsState {
  const state = current ?? { paused: false, storm: false, queue: [] };
  if (update.type === 'alert.upsert') {
    const alert = update.data;
    const queue = state.queue.some((item) => item.id === alert.id)
      ? state.queue.map((item) => (item.id === alert.id ? alert : item))
      : [...state.queue, alert];
    return { ...state, queue };
  }
  if (update.type === 'alert.skip') {
    const { id } = update.data;
    return { ...state, queue: state.queue.filter((item) => item.id !== id) };
  }
  return state;
}

/** The panel keeps the last lines for the moderation view (hide a message). */
const CHAT_LINES_KEPT = 200;

function patchChat(current: ChatState | null, update: IncrementUpdate): ChatState {
  const lines = current?.lines ?? [];
  if (update.type === 'chat.line')
    return { lines: [...lines, update.data].slice(-CHAT_LINES_KEPT) };
  if (update.type === 'chat.remove') {
    const ids = new Set(update.data.ids);
    const users = new Set(update.data.userIds ?? []);
    return { lines: lines.filter((line) => !ids.has(line.id) && !users.has(line.user.id)) };
  }
  return { lines };
}
