/**
 * The stream context every namespace handler and HTTP route gets: what one stream can be asked,
 * whether it is written in this process (`local-port.ts`) or by another server process of a
 * cluster (`cluster/remote-port.ts`, which forwards to the stream's writer). Everything is
 * answered through a callback, so a handler never knows which it talks to. A feature that adds a
 * request on a stream adds it here, and so is scoped to the stream and forwarded in a cluster.
 */
import type { Actor, StreamReport } from '../../shared/engines/live-room-contract';
import type { EventSource } from '../../shared/events/base';
import type { LiveEvent } from '../../shared/events/live-event';
import type { Ack } from '../../shared/protocol/ack';
import type { Channel, StateSnapshot } from '../../shared/protocol/channels';
import type { IngestResult } from '../../shared/protocol/namespaces';
import type { Role } from '../../shared/protocol/roles';
import type { ChannelAccess } from '../broadcast/money-access';
import type { IngestOutcome } from '../pipeline/relay-contract';
import type { SourceStatus } from '../sources/source';

export type Done<T> = (answer: T) => void;

/** A socket being subscribed, wherever it is connected. */
export interface WatchTarget {
  /** The namespace it is connected to (`/overlay`, `/control`). */
  readonly namespace: string;
  readonly id: string;
  readonly role: Role;
  /** Its current subscription room, if any. */
  readonly room: string | null;
  /** Leaves its old subscription room for `room` (null: none). */
  moveTo(room: string | null): void;
  sendSnapshot(snapshot: StateSnapshot & { withheld?: Channel[] }): void;
}

export interface WatchRequest {
  wanted: Channel[];
  /**
   * The socket follows a change of who sees money, and these are its channels now: when some
   * are taken away it leaves its room before pending updates go out, so it never receives
   * money the owner withdrew.
   */
  following?: Channel[];
}

/** What the socket receives (`channels`) and its new subscription room. */
export type WatchAnswer = ChannelAccess & { room: string | null };

export interface StreamPort {
  readonly streamer: string;
  /** One event from an /ingest client: answered once it is journaled (or refused). */
  ingestOne(event: LiveEvent, done: Done<Ack<IngestResult>>): void;
  /** Validated events of one batch: an outcome per event, in order. */
  ingestMany(events: LiveEvent[], done: Done<Ack<IngestOutcome[]>>): void;
  /** A source's own status (page capture attached, stopped, …). */
  reportStatus(source: EventSource, status: SourceStatus, done: Done<Ack<null>>): void;
  command(payload: unknown, actor: Actor, done: Done<Ack<unknown>>): void;
  /** Subscribes the target to what its role may see of `wanted` and sends it a snapshot. */
  watch(target: WatchTarget, request: WatchRequest, done: Done<Ack<WatchAnswer>>): void;
  /** The owner's setting: do moderators see money? */
  moderatorsSeeEarnings(done: Done<Ack<boolean>>): void;
  /** The stream's clips were changed on disk by another process: read and publish them again. */
  clipsChanged(done: Done<Ack<null>>): void;
  /** The stream's sounds were changed on disk by another process: read and publish them again. */
  soundsChanged(done: Done<Ack<null>>): void;
  /** The running stream's report (null before any stream). */
  report(done: Done<Ack<{ report: StreamReport | null; moderatorsSeeEarnings: boolean }>>): void;
}
