/**
 * Child process: N overlay clients. Each records, for the armed run, which events it received
 * and how long after their send time. Driven over IPC by relay-bench.ts.
 */
import { io, type Socket } from 'socket.io-client';
import { parseBenchText, sharedClockMs } from './bench-event';
import type { ChildReply, Endpoint, SubscriberCommand } from './messages';

interface Run {
  runId: number;
  expected: number;
  seen: Uint8Array[];
  latencies: Float64Array;
  received: number;
  firstSecond: number;
  firstSecondLatencies: number[];
  duplicates: number;
  lastArrival: number;
  disconnects: number;
}

const sockets: Socket[] = [];
let run: Run | null = null;

const reply = (message: ChildReply) => process.send?.(message);

process.on('message', (command: SubscriberCommand) => {
  handle(command).catch((error: unknown) => reply({ type: 'error', message: String(error) }));
});
process.on('disconnect', () => process.exit(0));

async function handle(command: SubscriberCommand): Promise<void> {
  if (command.type === 'connect') {
    await Promise.all(
      Array.from({ length: command.clients }, (_, index) =>
        connectClient(command.endpoint, index, command.channels),
      ),
    );
    reply({ type: 'connected' });
  } else if (command.type === 'arm') {
    run = {
      runId: command.runId,
      expected: command.expected,
      seen: sockets.map(() => new Uint8Array(command.expected)),
      latencies: new Float64Array(command.expected * sockets.length),
      received: 0,
      firstSecond: command.firstSecond,
      firstSecondLatencies: [],
      duplicates: 0,
      lastArrival: performance.now(),
      disconnects: 0,
    };
    reply({ type: 'armed' });
  } else if (command.type === 'collect') {
    await collect(command.quietMs, command.maxWaitMs);
  } else {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
}

async function connectClient(endpoint: Endpoint, index: number, channels: string[]): Promise<void> {
  const socket = io(endpoint.url, {
    auth: endpoint.auth,
    transports: ['websocket'],
    forceNew: true,
  });
  sockets[index] = socket;
  if (endpoint.relay === 'bare') {
    socket.on('event', (event: { text?: unknown }) => record(index, event?.text));
  } else {
    socket.on('updates', (batch: { updates?: Array<{ data?: { text?: unknown } }> }) => {
      for (const update of batch?.updates ?? []) record(index, update?.data?.text);
    });
  }
  socket.on('disconnect', () => {
    if (run) run.disconnects++;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  if (endpoint.relay === 'full') {
    const ack = (await socket.timeout(10_000).emitWithAck('subscribe', channels)) as {
      ok?: boolean;
      message?: string;
    };
    if (!ack?.ok) throw new Error(`subscribe refused: ${ack?.message ?? JSON.stringify(ack)}`);
  }
}

function record(client: number, text: unknown): void {
  const now = sharedClockMs();
  const current = run;
  if (!current) return;
  const marker = parseBenchText(text);
  if (!marker || marker.runId !== current.runId || marker.seq >= current.expected) return;
  const seen = current.seen[client];
  if (!seen) return;
  if (seen[marker.seq]) {
    current.duplicates++;
    return;
  }
  seen[marker.seq] = 1;
  current.latencies[current.received++] = now - marker.sentAt;
  if (marker.seq < current.firstSecond) current.firstSecondLatencies.push(now - marker.sentAt);
  current.lastArrival = performance.now();
}

async function collect(quietMs: number, maxWaitMs: number): Promise<void> {
  const current = run;
  if (!current) throw new Error('collect before arm');
  const started = performance.now();
  const total = current.expected * sockets.length;
  while (
    current.received < total &&
    performance.now() - started < maxWaitMs &&
    performance.now() - current.lastArrival < quietMs
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  run = null;
  reply({
    type: 'collected',
    clients: sockets.length,
    expectedPerClient: current.expected,
    delivered: current.received,
    duplicates: current.duplicates,
    disconnects: current.disconnects,
    latencies: current.latencies.slice(0, current.received),
    firstSecondLatencies: Float64Array.from(current.firstSecondLatencies),
    drainMs: performance.now() - started,
  });
}
