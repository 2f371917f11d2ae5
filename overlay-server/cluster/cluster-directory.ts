/**
 * The streams of one process in a cluster. A stream is written here while this process holds
 * its lease (stream-leases.ts); otherwise its port forwards to whichever process does
 * (remote-port.ts). A process takes a stream over when it needs one nobody writes — a request
 * arrives, or it has sockets of a stream whose writer died — by taking the lease, claiming the
 * fence on the shared journal folder and resuming the stream from its journal; then it asks the
 * other processes for their rooms of that stream and sends every watcher a fresh snapshot.
 */
import type { Server } from 'socket.io';
import { fail } from '../../shared/protocol/ack';
import type { SessionNamespace } from '../auth/handshake';
import { isSubscriptionRoom, streamerOfRoom } from '../broadcast/subscriptions';
import { ClipLibrary } from '../clips/clip-library';
import { claimFence } from '../journal/fence';
import type { Logger } from '../log';
import { adapterTarget } from '../namespaces/watch-targets';
import { SoundLibrary } from '../sounds/sound-library';
import { createLocalPort } from '../streams/local-port';
import { LocalStream, streamerDataDir } from '../streams/local-stream';
import type { StreamDefaults, StreamDirectory } from '../streams/stream-directory';
import type { StreamPort } from '../streams/stream-port';
import type { BusRequest, ClusterBus } from './cluster-bus';
import { createRemotePort } from './remote-port';
import type { Lease, StreamLeases } from './stream-leases';

export interface ClusterDirectoryOptions {
  io: Server;
  node: string;
  leases: StreamLeases;
  bus: ClusterBus;
  defaults: StreamDefaults;
  log: Logger;
  /** How long a forwarded request waits for a writer (a dead writer's lease must expire first). */
  patienceMs?: number;
}

interface Written {
  stream: LocalStream;
  port: StreamPort;
  lease: Lease;
}

export function createClusterDirectory(options: ClusterDirectoryOptions): StreamDirectory {
  const { io, leases, bus, defaults, log, node } = options;
  const written = new Map<string, Written>();
  const remote = new Map<string, StreamPort>();
  const claiming = new Map<string, Promise<StreamPort | null>>();
  const watching = defaults.watching;
  const everyNamespace = [io.of('/ingest'), io.of('/control'), io.of('/overlay')];
  let closed = false;

  const drop = (streamer: string, why: string) => {
    const entry = written.get(streamer);
    if (!entry) return;
    written.delete(streamer);
    entry.stream.abandon();
    log.warn('stream handed over', { streamer, fence: entry.lease.fence, why });
  };

  async function takeOver(streamer: string): Promise<StreamPort | null> {
    if (closed) return null;
    const lease = await leases.acquire(streamer);
    if (!lease) return null;
    try {
      const journalFence = claimFence(streamerDataDir(defaults.home, streamer), lease.fence, node);
      const stream = new LocalStream({
        ...defaults,
        streamer,
        journalFence,
        moneyAccessChanged(name, moderatorsSeeEarnings) {
          defaults.moneyAccessChanged(name, moderatorsSeeEarnings);
          bus.notify({ op: 'moneyAccess', streamer: name, moderatorsSeeEarnings });
        },
      });
      const port = createLocalPort(stream, () => drop(streamer, 'fenced out by a newer writer'));
      written.set(streamer, { stream, port, lease });
      log.info('stream taken over', { streamer, fence: lease.fence, resumed: stream.resumed });
      // Watchers on every process get a fresh snapshot: whatever the last writer sent after its
      // last journal write never left it.
      for (const { namespace, room } of localRooms(streamer)) stream.fanout.note(namespace, room);
      bus.roomsOf(streamer, (rooms) => {
        for (const { namespace, room } of rooms) stream.fanout.note(namespace, room);
        if (written.get(streamer)?.stream === stream) stream.sendSnapshots();
      });
      return port;
    } catch (error) {
      await leases.release(lease).catch(() => {});
      log.error('stream takeover failed', { streamer, error: String(error) });
      return null;
    }
  }

  function claim(streamer: string): Promise<StreamPort | null> {
    const mine = written.get(streamer);
    if (mine) return Promise.resolve(mine.port);
    let pending = claiming.get(streamer);
    if (!pending) {
      pending = takeOver(streamer).finally(() => claiming.delete(streamer));
      claiming.set(streamer, pending);
    }
    return pending;
  }

  function remotePort(streamer: string): StreamPort {
    let port = remote.get(streamer);
    if (!port) {
      port = createRemotePort({
        streamer,
        bus,
        writers: { claim },
        patienceMs: options.patienceMs ?? leases.ttlMs + 5_000,
      });
      remote.set(streamer, port);
    }
    return port;
  }

  /** Subscription rooms of `streamer` with members in this process. */
  function localRooms(streamer: string): Array<{ namespace: string; room: string }> {
    const rooms: Array<{ namespace: string; room: string }> = [];
    for (const nsp of watching) {
      for (const [room, members] of nsp.adapter.rooms) {
        if (members.size > 0 && isSubscriptionRoom(room) && streamerOfRoom(room) === streamer)
          rooms.push({ namespace: nsp.name, room });
      }
    }
    return rooms;
  }

  const streamersWithSockets = (): Set<string> => {
    const streamers = new Set<string>();
    for (const nsp of everyNamespace) {
      for (const socket of nsp.sockets.values()) {
        const { streamer } = socket.data;
        if (streamer) streamers.add(streamer);
      }
    }
    return streamers;
  };

  bus.onRequest((request, answer) => {
    const entry = written.get(request.streamer);
    if (!entry) return answer(null);
    try {
      serveRequest(entry.port, request, answer, (namespace) => io.of(namespace));
    } catch (error) {
      answer(fail('INTERNAL', `the writer failed on this request: ${String(error)}`));
    }
  });
  bus.onNotice((notice) => {
    if (notice.op === 'rooms') {
      const entry = written.get(notice.streamer);
      for (const { namespace, room } of notice.rooms) entry?.stream.fanout.note(namespace, room);
    } else defaults.moneyAccessChanged(notice.streamer, notice.moderatorsSeeEarnings);
  });
  bus.onRoomsAsked(localRooms);

  // Keeps held leases, takes over streams whose writer died while this process has their
  // sockets, and tells writers elsewhere which rooms this process has for their streams.
  let ticking = false;
  const tick = async () => {
    if (ticking || closed) return;
    ticking = true;
    try {
      for (const [streamer, entry] of [...written]) {
        const renewed = await leases.renew(entry.lease).catch(() => true);
        if (!renewed) drop(streamer, 'lease lost');
      }
      for (const streamer of streamersWithSockets()) {
        if (written.has(streamer)) continue;
        const holder = await leases.holder(streamer).catch(() => undefined);
        if (holder === null) await claim(streamer);
        else if (holder) bus.notify({ op: 'rooms', streamer, rooms: localRooms(streamer) });
      }
    } catch (error) {
      log.warn('cluster upkeep failed', { error: String(error) });
    } finally {
      ticking = false;
    }
  };
  const upkeep = setInterval(() => void tick(), Math.max(100, Math.floor(leases.ttlMs / 3)));
  upkeep.unref();

  return {
    portFor: (streamer) => written.get(streamer)?.port ?? remotePort(streamer),
    clipsFor(streamer) {
      const mine = written.get(streamer);
      if (mine) return mine.stream.clips;
      // The files are on the shared data folder; the writer publishes the change once told.
      return new ClipLibrary(streamerDataDir(defaults.home, streamer), () =>
        remotePort(streamer).clipsChanged((answer) => {
          if (!answer.ok) log.warn('clips changed, writer not told', { streamer, ...answer });
        }),
      );
    },
    soundsFor(streamer) {
      const mine = written.get(streamer);
      if (mine) return mine.stream.sounds;
      return new SoundLibrary(streamerDataDir(defaults.home, streamer), () =>
        remotePort(streamer).soundsChanged((answer) => {
          if (!answer.ok) log.warn('sounds changed, writer not told', { streamer, ...answer });
        }),
      );
    },
    localStreams: () => [...written.values()].map((entry) => entry.stream),
    async close() {
      closed = true;
      clearInterval(upkeep);
      await Promise.allSettled([...claiming.values()]);
      // A process stopping hands its streams over: they stay running, another process resumes
      // them from the journal (a cluster never ends a stream because one process stops).
      for (const [streamer, entry] of [...written]) {
        written.delete(streamer);
        await entry.stream.close();
        await leases.release(entry.lease).catch(() => {});
      }
      return [];
    },
  };
}

/** Runs a forwarded request on the local port of its stream. */
function serveRequest(
  port: StreamPort,
  request: BusRequest,
  answer: (ack: Parameters<Parameters<StreamPort['command']>[2]>[0]) => void,
  namespace: (name: string) => SessionNamespace,
): void {
  switch (request.op) {
    case 'ingestOne':
      port.ingestOne(request.event, answer);
      return;
    case 'ingestMany':
      port.ingestMany(request.events, answer);
      return;
    case 'status':
      port.reportStatus(request.source, request.status, answer);
      return;
    case 'command':
      port.command(request.payload, request.actor, answer);
      return;
    case 'watch':
      port.watch(
        adapterTarget(namespace(request.socket.namespace), request.socket),
        request.request,
        answer,
      );
      return;
    case 'moderatorsSeeEarnings':
      port.moderatorsSeeEarnings(answer);
      return;
    case 'report':
      port.report(answer);
      return;
    case 'clipsChanged':
      port.clipsChanged(answer);
      return;
    case 'soundsChanged':
      port.soundsChanged(answer);
      return;
  }
}
