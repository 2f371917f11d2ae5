/**
 * A live room as the engines' users meet it: the real server, an owner panel and a moderator
 * panel on /control, an ingest client on /ingest, and overlays on /overlay subscribed to the
 * channels they draw. Typed readers over what each client received, and waits that resolve when
 * a matching state or update has arrived (never a sleep).
 */
import type { Socket } from 'socket.io-client';
import type { StreamReport } from '../../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../../shared/events/live-event';
import type { Ack } from '../../../shared/protocol/ack';
import type { ChannelStates, TypedUpdate } from '../../../shared/protocol/channel-data';
import type { Channel } from '../../../shared/protocol/channels';
import type { ControlCommandInput } from '../../../shared/protocol/commands';
import type { IngestBatchResult } from '../../../shared/protocol/namespaces';
import {
  type RunningRelay,
  request,
  type StartOptions,
  startRelay,
  type Watcher,
} from './relay-app';

/** Channels with a `<channel>.state` update. */
type StateChannel = Exclude<Channel, 'sources'>;

/** One client's view: everything it received, typed. */
export interface Receiver {
  socket: Socket;
  watcher: Watcher;
  /** Every update received so far, in order. */
  updates(): TypedUpdate[];
  /** Every state of `channel` received so far (snapshots and `<channel>.state`), in order. */
  states<C extends StateChannel>(channel: C): Array<ChannelStates[C]>;
  latest<C extends StateChannel>(channel: C): ChannelStates[C] | undefined;
  /** Resolves with the first received state of `channel` that passes `check`. */
  stateWhere<C extends StateChannel>(
    channel: C,
    check: (state: ChannelStates[C]) => boolean,
    what: string,
  ): Promise<ChannelStates[C]>;
  /** Resolves with the first received update that passes `check`. */
  updateWhere<U extends TypedUpdate>(
    check: (update: TypedUpdate) => update is U,
    what: string,
  ): Promise<U>;
  /** Everything received as one JSON text (to look for what must never arrive). */
  everything(): string;
}

export interface EngineRoom {
  relay: RunningRelay;
  owner: Receiver;
  /** Paired with the name `alex`: its actions are recorded as `moderator:alex`. */
  moderator: Receiver;
  ingest: Socket;
  /** An OBS page subscribed to `channels`. */
  overlay(channels: Channel[]): Promise<Receiver>;
  /** Runs a control command from a panel and returns its ack. */
  command<T = unknown>(panel: Receiver, command: ControlCommandInput): Promise<Ack<T>>;
  /** Pushes events through /ingest as one batch; fails the test if any was not accepted. */
  push(...events: LiveEvent[]): Promise<void>;
  /** The running stream's report over HTTP with the owner's token. */
  report(): Promise<StreamReport>;
  stop(): Promise<void>;
}

/** `options` as for `startRelay`: give a data dir and tokens to restart on the same journal. */
export async function startEngineRoom(options: StartOptions = {}): Promise<EngineRoom> {
  const relay = await startRelay(options);
  const receive = async (
    ns: '/control' | '/overlay',
    role: 'owner' | 'moderator' | 'overlay',
    client: { channels?: Channel[]; clientName?: string },
  ) => {
    const { socket, watcher } = await relay.watch(ns, role, client);
    return receiverFor(socket, watcher);
  };
  const owner = await receive('/control', 'owner', {});
  const moderator = await receive('/control', 'moderator', { clientName: 'alex' });
  const ingest = await relay.connect('/ingest', 'ingest');
  return {
    relay,
    owner,
    moderator,
    ingest,
    async overlay(channels) {
      const overlay = await receive('/overlay', 'overlay', { channels });
      await overlay.watcher.until(() => overlay.watcher.snapshots.length > 0, 'overlay snapshot');
      return overlay;
    },
    command: (panel, command) => request(panel.socket, 'command', command),
    async push(...events) {
      const ack = await request<IngestBatchResult>(ingest, 'events', events);
      if (!ack.ok || ack.data.accepted !== events.length) {
        throw new Error(`ingest did not accept every event: ${JSON.stringify(ack)}`);
      }
    },
    async report() {
      const response = await fetch(`${relay.baseUrl}/api/streams/current/report`, {
        headers: { authorization: `Bearer ${relay.tokens.owner}` },
      });
      if (!response.ok) throw new Error(`report: HTTP ${response.status}`);
      return (await response.json()) as StreamReport;
    },
    stop: () => relay.stop(),
  };
}

function receiverFor(socket: Socket, watcher: Watcher): Receiver {
  const updates = () => watcher.batches.flatMap((batch) => batch.updates) as TypedUpdate[];
  const states = <C extends StateChannel>(channel: C): Array<ChannelStates[C]> => {
    const found: Array<ChannelStates[C]> = [];
    for (const arrival of watcher.arrivals) {
      if ('channels' in arrival) {
        const state = arrival.channels[channel] as ChannelStates[C] | undefined;
        if (state) found.push(state);
        continue;
      }
      for (const update of arrival.updates) {
        if (update.channel === channel && update.type === `${channel}.state`) {
          found.push(update.data as ChannelStates[C]);
        }
      }
    }
    return found;
  };
  const latest = <C extends StateChannel>(channel: C) => states(channel).at(-1);
  return {
    socket,
    watcher,
    updates,
    states,
    latest,
    async stateWhere(channel, check, what) {
      await watcher.until(() => states(channel).some(check), what);
      const state = states(channel).find(check);
      if (!state) throw new Error(`lost ${what}`);
      return state;
    },
    async updateWhere(check, what) {
      await watcher.until(() => updates().some(check), what);
      const update = updates().find(check);
      if (!update) throw new Error(`lost ${what}`);
      return update;
    },
    everything: () => JSON.stringify({ snapshots: watcher.snapshots, batches: watcher.batches }),
  };
}

/** Narrows an ack to its data, failing the test with the ack's code and message otherwise. */
export function dataOf<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`command refused: ${ack.code} ${ack.message}`);
  return ack.data;
}
