/**
 * The bench as a source: pushes events into `/ingest` in `events` batches with acks, as fast as
 * the server's ingest budget allows (a refused batch is retried after a pause: a rate-limited
 * batch takes nothing).
 */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { delay } from './processes';

export interface IngestBatchAck {
  ok: boolean;
  code?: string;
  message?: string;
  data?: { accepted: number; duplicates: number; rejected: unknown[] };
}

export async function connectIngest(baseUrl: string, token: string): Promise<Socket> {
  const socket = io(`${baseUrl}/ingest`, {
    auth: { token, protocolVersion: PROTOCOL_VERSION, client: 'bench:source' },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** Totals of a push: events the server acknowledged as accepted, duplicates, rejected. */
export interface PushTotals {
  accepted: number;
  duplicates: number;
  rejected: number;
  retries: number;
}

/**
 * Sends `events` in batches of `batchSize`, at most `maxPerSecond`, calling `onBatch` after each
 * acknowledged batch with the index reached. Bounded: a batch refused 50 times in a row aborts.
 */
export async function pushEvents(
  socket: Socket,
  events: readonly unknown[],
  options: { batchSize: number; maxPerSecond: number; onBatch?: (reached: number) => void },
): Promise<PushTotals> {
  const totals: PushTotals = { accepted: 0, duplicates: 0, rejected: 0, retries: 0 };
  const started = performance.now();
  for (let from = 0; from < events.length; from += options.batchSize) {
    const batch = events.slice(from, from + options.batchSize);
    let ack: IngestBatchAck | null = null;
    for (let attempt = 0; attempt < 50; attempt++) {
      ack = (await socket.timeout(30_000).emitWithAck('events', batch)) as IngestBatchAck;
      if (ack.ok || ack.code !== 'RATE_LIMITED') break;
      totals.retries++;
      await delay(100);
    }
    if (!ack?.ok) throw new Error(`ingest refused a batch: ${ack?.code} ${ack?.message}`);
    totals.accepted += ack.data?.accepted ?? 0;
    totals.duplicates += ack.data?.duplicates ?? 0;
    totals.rejected += ack.data?.rejected.length ?? 0;
    options.onBatch?.(from + batch.length);
    const ahead =
      ((from + batch.length) / options.maxPerSecond) * 1000 - (performance.now() - started);
    if (ahead > 0) await delay(ahead);
  }
  return totals;
}
