/**
 * Child process: one producer, as a source would be. Sends at a steady rate, stamping each event
 * with its send time: one `event` per event with an ack, or each wake-up's due events as one
 * `events` batch (messages.ts `IngestMode`), waking every 1 ms or once per source push
 * (`SendEveryMs`). Driven over IPC by relay-bench.ts.
 */
import { io, type Socket } from 'socket.io-client';
import { benchChatEvent } from './bench-event';
import type { ChildReply, IngestMode, ProducerCommand, ProducerReport } from './messages';

let socket: Socket | null = null;
let disconnects = 0;

/** Waits (bounded) for a dropped socket to reconnect before a run. */
async function connected(target: Socket, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!target.connected && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!target.connected) throw new Error(`the producer could not reconnect within ${timeoutMs} ms`);
}

const reply = (message: ChildReply) => process.send?.(message);

process.on('message', (command: ProducerCommand) => {
  handle(command).catch((error: unknown) => reply({ type: 'error', message: String(error) }));
});
process.on('disconnect', () => process.exit(0));

async function handle(command: ProducerCommand): Promise<void> {
  if (command.type === 'connect') {
    // Reconnects by itself: an overloaded relay may miss our pings and drop us between runs.
    socket = io(command.endpoint.url, { auth: command.endpoint.auth, transports: ['websocket'] });
    socket.on('disconnect', () => disconnects++);
    await new Promise<void>((resolve, reject) => {
      socket?.once('connect', () => resolve());
      socket?.once('connect_error', (error) => reject(error));
    });
    reply({ type: 'connected' });
  } else if (command.type === 'run') {
    if (!socket) throw new Error('not connected');
    await connected(socket, 15_000);
    reply(await produce(socket, command));
  } else {
    socket?.close();
    process.exit(0);
  }
}

async function produce(
  target: Socket,
  run: {
    runId: number;
    rate: number;
    count: number;
    ackWaitMs: number;
    ingest: IngestMode;
    everyMs: number;
  },
): Promise<ProducerReport> {
  const { runId, rate, count, ackWaitMs } = run;
  const refused: Record<string, number> = {};
  const refuse = (code: string, n = 1) => {
    refused[code] = (refused[code] ?? 0) + n;
  };
  let acked = 0;
  let answered = 0;
  let sent = 0;
  let emits = 0;
  const onAck = (ack: unknown) => {
    answered++;
    const envelope = ack as { ok?: boolean; code?: string };
    if (envelope?.ok) acked++;
    else refuse(envelope?.code ?? 'UNKNOWN');
  };
  // A batch's ack answers each of its events: accepted and duplicates are acknowledged.
  const onBatchAck = (size: number) => (ack: unknown) => {
    answered += size;
    const envelope = ack as {
      ok?: boolean;
      code?: string;
      data?: { results?: Array<{ status: string; code?: string }> };
    };
    if (!envelope?.ok) return refuse(envelope?.code ?? 'UNKNOWN', size);
    for (const result of envelope.data?.results ?? []) {
      if (result.status === 'refused') refuse(result.code ?? 'UNKNOWN');
      else acked++;
    }
  };
  const started = performance.now();
  let lastSend = started;
  // Each tick sends what is due by now, so the average rate holds even when timers are late.
  while (sent < count) {
    const due = Math.min(count, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    if (run.ingest === 'turn') {
      const batch: Array<Record<string, unknown>> = [];
      while (sent < due) batch.push(benchChatEvent(runId, sent++));
      if (batch.length > 0) {
        target.emit('events', batch, onBatchAck(batch.length));
        emits++;
      }
    } else {
      while (sent < due) {
        target.emit('event', benchChatEvent(runId, sent), onAck);
        sent++;
        emits++;
      }
    }
    lastSend = performance.now();
    await new Promise((resolve) => setTimeout(resolve, run.everyMs));
  }
  const ackDeadline = performance.now() + ackWaitMs;
  while (answered < sent && performance.now() < ackDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (answered < sent) refused.TIMEOUT = sent - answered;
  if (disconnects) refused.DISCONNECTED = disconnects;
  disconnects = 0;
  return { type: 'ran', sent, acked, refused, sendSpanMs: lastSend - started, emits };
}
