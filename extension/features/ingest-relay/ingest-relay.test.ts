import { describe, expect, it } from 'vitest';
import type { PairingTarget } from '../../transport/pairing-link';
import { createIngestRelay, type IngestSocket } from './ingest-relay';
import { PAGE_EVENTS, readPageMessage } from './page-messages';
import { batchTaken } from './socket-io-ingest';

/** A socket the test connects and answers by hand. */
function fakeSocket(target: PairingTarget) {
  const listeners = new Map<string, () => void>();
  const sent: unknown[][] = [];
  const pendingAcks: Array<(ok: boolean) => void> = [];
  const socket = {
    target,
    connected: false,
    closed: false,
    sent,
    pendingAcks,
    on(event: string, listener: (...args: never[]) => void) {
      listeners.set(event, listener as () => void);
    },
    statuses: [] as unknown[],
    sendStatus(status: unknown) {
      socket.statuses.push(status);
    },
    sendBatch(events: unknown[], done: (ok: boolean) => void) {
      sent.push(events);
      pendingAcks.push(done);
    },
    close() {
      socket.closed = true;
    },
    connect() {
      socket.connected = true;
      listeners.get('connect')?.();
    },
  };
  return socket;
}

function setup(pairing: PairingTarget | null, options: { maxBuffered?: number } = {}) {
  const sockets: Array<ReturnType<typeof fakeSocket>> = [];
  let stored = pairing;
  let now = 0;
  const scheduled: Array<{ work: () => void; ms: number }> = [];
  const relay = createIngestRelay({
    readPairing: async () => stored,
    openSocket: (target) => {
      const socket = fakeSocket(target);
      sockets.push(socket);
      return socket satisfies IngestSocket;
    },
    maxBatch: 2,
    maxBuffered: options.maxBuffered,
    now: () => now,
    schedule: (work, ms) => scheduled.push({ work, ms }),
  });
  return {
    relay,
    sockets,
    scheduled,
    pair: (target: PairingTarget | null) => {
      stored = target;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const owner = { origin: 'http://127.0.0.1:7420', token: 'owner-token-123' };

describe('ingest relay', () => {
  it('keeps page events until the panel pairs, then sends them in acknowledged batches', async () => {
    const { relay, sockets, pair } = setup(null);
    relay.push(['a', 'b', 'c']);
    await relay.refreshPairing();
    expect(sockets).toHaveLength(0);
    expect(relay.buffered).toBe(3);

    pair(owner);
    await relay.refreshPairing();
    const socket = sockets[0]!;
    expect(socket.target).toEqual(owner);
    socket.connect();
    expect(socket.sent).toEqual([['a', 'b']]);
    socket.pendingAcks.shift()?.(true);
    expect(socket.sent).toEqual([['a', 'b'], ['c']]);
    socket.pendingAcks.shift()?.(true);
    expect(relay.buffered).toBe(0);
  });

  it('sends a batch again, after a pause, when the server did not take it', async () => {
    const { relay, sockets, scheduled } = setup(owner);
    relay.push(['a']);
    await relay.refreshPairing();
    sockets[0]!.connect();
    sockets[0]!.pendingAcks.shift()?.(false);
    relay.push(['b']);
    // Nothing is sent during the pause, new events included.
    expect(sockets[0]!.sent).toEqual([['a']]);
    expect(scheduled.map((s) => s.ms)).toEqual([1_000]);
    scheduled.shift()?.work();
    expect(sockets[0]!.sent).toEqual([['a'], ['a', 'b']]);
    sockets[0]!.pendingAcks.shift()?.(true);
    expect(relay.buffered).toBe(0);
  });

  it('drops the oldest events when the server stays away too long', async () => {
    const { relay } = setup(null, { maxBuffered: 3 });
    relay.push(['a', 'b']);
    relay.push(['c', 'd', 'e']);
    expect(relay.buffered).toBe(3);
  });

  it('follows a new pairing: the old connection closes, the new one gets the events', async () => {
    const { relay, sockets, pair, advance } = setup(owner);
    relay.push(['a']);
    await relay.refreshPairing();
    pair({ origin: 'http://127.0.0.1:9999', token: 'another-token-456' });
    advance(10_000);
    relay.push(['b']);
    await relay.refreshPairing();
    expect(sockets[0]!.closed).toBe(true);
    sockets[1]!.connect();
    expect(sockets[1]!.sent).toEqual([['a', 'b']]);
  });
});

describe('page source status', () => {
  it('reaches the server on connect and whenever it changes', async () => {
    const { relay, sockets } = setup(owner);
    relay.status({ source: 'page', state: 'live', detail: '@fixture' });
    await relay.refreshPairing();
    sockets[0]!.connect();
    relay.status({ source: 'page', state: 'ended', detail: '@fixture: moved to another live' });
    expect(sockets[0]!.statuses).toEqual([
      { source: 'page', state: 'live', detail: '@fixture' },
      { source: 'page', state: 'ended', detail: '@fixture: moved to another live' },
    ]);
  });
});

describe('page messages', () => {
  it('accepts the content script’s messages and ignores anything else', () => {
    expect(readPageMessage({ type: PAGE_EVENTS, events: [{ kind: 'chat' }] })).not.toBeNull();
    expect(readPageMessage({ type: 'something-else' })).toBeNull();
    expect(readPageMessage({ type: PAGE_EVENTS, events: 'not a list' })).toBeNull();
    expect(readPageMessage(null)).toBeNull();
  });
});

describe('what leaves the buffer', () => {
  const answered = { accepted: 1, duplicates: 0, rejected: [], results: [] };
  it('drops a batch the server answered for, even with events refused one by one', () => {
    expect(batchTaken({ ok: true, data: answered })).toBe(true);
    expect(batchTaken({ ok: false, code: 'TOO_LARGE', message: 'batch is 2 MB' })).toBe(true);
  });
  it('keeps a batch refused whole for now, or never answered', () => {
    expect(batchTaken({ ok: false, code: 'RATE_LIMITED', message: 'slow down' })).toBe(false);
    expect(batchTaken({ ok: false, code: 'INTERNAL', message: 'journal write failed' })).toBe(
      false,
    );
    expect(batchTaken(undefined)).toBe(false);
  });
});
