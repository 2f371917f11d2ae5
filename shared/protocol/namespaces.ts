import type { AckCallback, ErrorCode } from './ack';
import type { Channel, StateSnapshot, UpdateBatch } from './channels';
import type { RefusedNotice } from './refusals';

/** Result of ingesting one event. */
export interface IngestResult {
  /** False when the event was a duplicate (same message id, or the same gift from another source). */
  accepted: boolean;
  duplicate: boolean;
  /**
   * Journal position after the turn that took the event: the overlay update batch carrying it
   * has this `seq` (or a later one, when frame spacing joined turns). Absent for a duplicate
   * another source reported.
   */
  seq?: number;
}

/** What became of one event of an `events` batch. */
export type IngestItemResult =
  | { status: 'accepted' }
  /** Seen before (same id), or the same message already reported by another source. */
  | { status: 'duplicate' }
  /** Not taken, with the code a single `event` would have been answered with. */
  | { status: 'refused'; code: ErrorCode; message: string };

/**
 * Result of ingesting a batch. A batch is answered as a whole (`TOO_LARGE`, `RATE_LIMITED`,
 * `BAD_PAYLOAD`, `INTERNAL` when the journal write failed: nothing of it was taken) or per event:
 * one bad event is refused with its code and the others are taken.
 */
export interface IngestBatchResult {
  accepted: number;
  duplicates: number;
  /** The refused events: their index in the batch, code and reason. */
  rejected: Array<{ index: number; code: ErrorCode; message: string }>;
  /** One result per event, in the batch's order. */
  results: IngestItemResult[];
}

// Payloads arrive as `unknown`: the server validates every one with the shared schemas.

/**
 * A source outside the server (page capture) says how it is: `{source, state, detail}` with
 * `state` one of SourceHealth's states. Shown on the `sources` channel.
 */
export interface IngestStatusResult {
  source: string;
  state: string;
}

/** `/ingest`: sources (simulator, replay, connector, page capture) push events. */
export interface IngestClientToServer {
  event: (payload: unknown, ack: AckCallback<IngestResult>) => void;
  events: (payloads: unknown, ack: AckCallback<IngestBatchResult>) => void;
  status: (payload: unknown, ack: AckCallback<IngestStatusResult>) => void;
}

export interface IngestServerToClient {
  refused: (notice: RefusedNotice) => void;
}

/**
 * What `/control`'s `subscribe` acknowledges: the channels granted (a moderator may be refused
 * `earnings` when the owner does not share it) and the role the token carries, so the panel
 * shows owner or moderator controls without a second round trip.
 */
export interface ControlSubscribeResult {
  channels: Channel[];
  /** Optional for servers that predate it; panels then assume the least privilege. */
  role?: 'owner' | 'moderator';
  /** The stream this connection acts on. */
  streamer?: string;
  /** Every stream the token grants: a panel offers to switch between them. */
  streamers?: string[];
}

/** `/control`: side panels send commands and watch every channel. */
export interface ControlClientToServer {
  command: (command: unknown, ack: AckCallback<unknown>) => void;
  subscribe: (channels: unknown, ack: AckCallback<ControlSubscribeResult>) => void;
}
export interface ControlServerToClient {
  snapshot: (snapshot: StateSnapshot) => void;
  updates: (batch: UpdateBatch) => void;
  refused: (notice: RefusedNotice) => void;
}

/** `/overlay`: read-only pages in OBS. */
export interface OverlayClientToServer {
  subscribe: (channels: unknown, ack: AckCallback<{ channels: Channel[] }>) => void;
}
export type OverlayServerToClient = ControlServerToClient;
