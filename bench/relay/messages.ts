/** IPC messages between the relay bench and its producer / subscriber child processes. */
/** Where a child connects: a Socket.IO namespace URL and the handshake `auth`. */
export interface Endpoint {
  url: string;
  auth: Record<string, unknown>;
  /** `full` speaks the Limelight protocol (subscribe, update batches); `bare` takes raw events. */
  relay: 'full' | 'bare';
}

export type ProducerCommand =
  | { type: 'connect'; endpoint: Endpoint }
  | { type: 'run'; runId: number; rate: number; count: number; ackWaitMs: number }
  | { type: 'close' };

export interface ProducerReport {
  type: 'ran';
  sent: number;
  acked: number;
  /** Error acks by code, `TIMEOUT` for acks that never came, `DISCONNECTED` for socket drops. */
  refused: Record<string, number>;
  /** Milliseconds from the first to the last send. */
  sendSpanMs: number;
}

export type SubscriberCommand =
  | { type: 'connect'; endpoint: Endpoint; clients: number; channels: string[] }
  | { type: 'arm'; runId: number; expected: number }
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
  /** Milliseconds spent waiting for stragglers after the producer finished. */
  drainMs: number;
}

export type ChildReply =
  | { type: 'connected' }
  | { type: 'armed' }
  | { type: 'error'; message: string }
  | ProducerReport
  | SubscriberReport;
