/**
 * The background side of page capture: events the content script read are relayed to the
 * server's `/ingest` namespace with the pairing the side panel stored. WebSocket only (an MV3
 * service worker has no XMLHttpRequest for Socket.IO's polling). Events wait in a bounded buffer
 * while the server is unreachable or the extension is not paired yet, and are sent in batches
 * with an acknowledgement; duplicates are harmless (the server dedupes by event id).
 */
import type { PairingTarget } from '../../transport/pairing-link';

/** The slice of a Socket.IO client the relay uses (a fake in unit tests). */
export interface IngestSocket {
  readonly connected: boolean;
  on(event: 'connect' | 'disconnect', listener: () => void): void;
  on(event: 'connect_error', listener: (error: Error & { data?: unknown }) => void): void;
  /** `taken`: the server answered for every event (accepted, duplicate or refused one by one). */
  sendBatch(events: unknown[], done: (taken: boolean) => void): void;
  sendStatus(status: PageSourceStatus): void;
  close(): void;
}

export interface IngestRelayOptions {
  /** The pairing the panel stored, or null when not paired. */
  readPairing(): Promise<PairingTarget | null>;
  openSocket(target: PairingTarget): IngestSocket;
  /** Events kept while the server is unreachable; the oldest go first. */
  maxBuffered?: number;
  maxBatch?: number;
  /** How often (ms) the pairing is read again while events keep coming. */
  pairingRefreshMs?: number;
  /** Pause (ms) before a batch the server did not take is sent again. */
  retryMs?: number;
  now?: () => number;
  /** Runs `work` after `ms` (tests drive it by hand). */
  schedule?: (work: () => void, ms: number) => void;
}

/** Page capture's own state, shown on the server's `sources` channel. */
export interface PageSourceStatus {
  source: 'page';
  state: 'live' | 'waiting' | 'ended';
  detail: string | null;
}

export interface IngestRelay {
  push(events: unknown[]): void;
  /** The page reader's state; the latest one is (re)sent whenever the server is reachable. */
  status(status: PageSourceStatus): void;
  readonly buffered: number;
  /** Reads the pairing again now (the panel paired or unpaired). */
  refreshPairing(): Promise<void>;
  close(): void;
}

export function createIngestRelay(options: IngestRelayOptions): IngestRelay {
  const maxBuffered = options.maxBuffered ?? 5_000;
  const maxBatch = options.maxBatch ?? 200;
  const refreshMs = options.pairingRefreshMs ?? 5_000;
  const now = options.now ?? (() => Date.now());
  const retryMs = options.retryMs ?? 1_000;
  const schedule = options.schedule ?? ((work, ms) => void setTimeout(work, ms));
  let retrying = false;
  let buffer: unknown[] = [];
  let socket: IngestSocket | null = null;
  let target: PairingTarget | null = null;
  let inFlight = false;
  let lastPairingRead = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | null = null;
  let latestStatus: PageSourceStatus | null = null;

  const sameTarget = (a: PairingTarget | null, b: PairingTarget | null) =>
    a?.origin === b?.origin && a?.token === b?.token;

  function connect(next: PairingTarget | null) {
    if (sameTarget(next, target) && socket) return;
    socket?.close();
    socket = null;
    inFlight = false;
    target = next;
    if (!next) return;
    const current = options.openSocket(next);
    socket = current;
    current.on('connect', () => {
      if (socket !== current) return;
      if (latestStatus) current.sendStatus(latestStatus);
      flush();
    });
  }

  function refreshPairing(): Promise<void> {
    reading ??= options
      .readPairing()
      .then(connect, () => {})
      .finally(() => {
        lastPairingRead = now();
        reading = null;
        flush();
      });
    return reading;
  }

  function flush() {
    const current = socket;
    if (!current?.connected || inFlight || retrying || buffer.length === 0) return;
    const batch = buffer.slice(0, maxBatch);
    inFlight = true;
    current.sendBatch(batch, (taken) => {
      if (socket !== current) return;
      inFlight = false;
      if (taken) {
        // Events refused one by one were answered with a code: resending cannot fix them.
        buffer = buffer.slice(batch.length);
        flush();
        return;
      }
      // Not taken (no answer, or refused whole for now): the same batch again after a pause.
      retrying = true;
      schedule(() => {
        retrying = false;
        flush();
      }, retryMs);
    });
  }

  return {
    push(events) {
      buffer.push(...events);
      if (buffer.length > maxBuffered) buffer = buffer.slice(buffer.length - maxBuffered);
      if (!socket || now() - lastPairingRead >= refreshMs) void refreshPairing();
      else flush();
    },
    status(status) {
      latestStatus = status;
      // Events read before the status go first, so the server sees them while still live.
      flush();
      if (socket?.connected) socket.sendStatus(status);
      else if (!socket) void refreshPairing();
    },
    get buffered() {
      return buffer.length;
    },
    refreshPairing,
    close() {
      socket?.close();
      socket = null;
    },
  };
}
