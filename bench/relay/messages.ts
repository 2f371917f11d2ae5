/** IPC messages between the relay bench and its producer / subscriber child processes. */
/** Where a child connects: a Socket.IO namespace URL and the handshake `auth`. */
export interface Endpoint {
  url: string;
  auth: Record<string, unknown>;
  /** `full` speaks the Limelight protocol (subscribe, update batches); `bare` takes raw events. */
  relay: 'full' | 'bare';
}

/**
 * How the producer hands events to the relay: `single` emits each event with its own ack (the
 * way the bare relay and the targets' baseline ingest); `turn` emits the events that fall due in
 * one turn of the producer's send loop (a 1 ms timer: ~5 events at 5,000/s) as one `events` batch,
 * as the connector (one TikTok response), the replay (one block) and page capture (one burst) do.
 */
export type IngestMode = 'single' | 'turn';

/**
 * How often the producer's send loop wakes: every 1 ms (a source handing over each event as it
 * comes), or every `SOURCE_PUSH_MS` (relay-scenarios.ts) as a source that receives events in
 * pushes, each carrying what arrived since the last. Each wake-up sends what has fallen due, one
 * emit per event or as one batch (`IngestMode`); events are stamped when sent.
 */
export type SendEveryMs = number;

export type ProducerCommand =
  | { type: 'connect'; endpoint: Endpoint }
  | {
      type: 'run';
      runId: number;
      rate: number;
      count: number;
      ackWaitMs: number;
      ingest: IngestMode;
      everyMs: SendEveryMs;
    }
  | { type: 'close' };

export interface ProducerReport {
  type: 'ran';
  sent: number;
  acked: number;
  /** Error acks by code, `TIMEOUT` for acks that never came, `DISCONNECTED` for socket drops. */
  refused: Record<string, number>;
  /** Milliseconds from the first to the last send. */
  sendSpanMs: number;
  /** Emits made (one per event, or one per batch). */
  emits: number;
}

export type SubscriberCommand =
  | { type: 'connect'; endpoint: Endpoint; clients: number; channels: string[] }
  /** `firstSecond`: events with a lower sequence number were sent in the run's first second. */
  | { type: 'arm'; runId: number; expected: number; firstSecond: number }
  | { type: 'collect'; quietMs: number; maxWaitMs: number }
  | { type: 'close' };

export interface SubscriberReport {
  type: 'collected';
  clients: number;
  expectedPerClient: number;
  delivered: number;
  /** Copies of the same event at the same client (should be 0). */
  duplicates: number;
  /** Clients that disconnected during the run. */
  disconnects: number;
  /** Latency of every delivery, ms (merged and summarized by the parent). */
  latencies: Float64Array;
  /** The deliveries of events sent in the run's first second, ms. */
  firstSecondLatencies: Float64Array;
  /** Milliseconds spent waiting for stragglers after the producer finished. */
  drainMs: number;
}

export type ChildReply =
  | { type: 'connected' }
  | { type: 'armed' }
  | { type: 'error'; message: string }
  | ProducerReport
  | SubscriberReport;
