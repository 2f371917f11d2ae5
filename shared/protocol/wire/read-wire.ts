/**
 * How overlays and panels read what the server sends: the snapshot and update-batch envelopes,
 * then every channel payload through its schema (channel-updates.ts). A payload that does not
 * fit is left out and named in `problems` (the client logs it); the rest of the message is kept,
 * so one bad channel does not blank the others.
 */
import { z } from 'zod/mini';
import type { StateUpdate, TypedUpdate } from '../channel-data';
import { CHANNELS, type Channel } from '../channels';
import { channelStateSchema, channelUpdateSchema } from './channel-updates';

/** A payload read, or why not: each problem as `path: what was wrong`. */
export type WireRead<T> = { ok: true; value: T } | { ok: false; message: string };

const snapshotEnvelope = z.object({
  streamId: z.nullable(z.string()),
  seq: z.number(),
  channels: z.partialRecord(z.enum(CHANNELS), z.unknown()),
  withheld: z.optional(z.array(z.enum(CHANNELS))),
});

const batchEnvelope = z.object({ seq: z.number(), updates: z.array(z.unknown()) });

/** A snapshot as read: each channel's state as a `<channel>.state` update. */
export interface SnapshotRead {
  streamId: string | null;
  seq: number;
  states: StateUpdate[];
  /**
   * Channels the server holds back from this client's role; absent when the server did not say
   * (a snapshot of a new stream), which is not the same as none.
   */
  withheld?: Channel[];
  /** Channels whose state did not fit its schema (left out), one line each. */
  problems: string[];
}

/** An update batch as read; updates that did not fit are left out and named in `problems`. */
export interface BatchRead {
  seq: number;
  updates: TypedUpdate[];
  problems: string[];
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const expected = 'expected' in issue ? ` (expected ${String(issue.expected)})` : '';
      return `${path || '(payload)'}: ${issue.code}${expected}`;
    })
    .join('; ');
}

/** One change on a channel: a `<channel>.state` or an increment (`alert.upsert`, …). */
export function parseChannelUpdate(value: unknown): WireRead<TypedUpdate> {
  const read = channelUpdateSchema.safeParse(value);
  return read.success
    ? { ok: true, value: read.data }
    : { ok: false, message: describeIssues(read.error) };
}

/** A channel's whole state (from a snapshot), read as its `<channel>.state` update. */
export function parseChannelState(channel: Channel, state: unknown): WireRead<StateUpdate> {
  const read = channelStateSchema.safeParse({ channel, type: `${channel}.state`, data: state });
  return read.success
    ? { ok: true, value: read.data }
    : { ok: false, message: describeIssues(read.error) };
}

export function parseSnapshot(value: unknown): WireRead<SnapshotRead> {
  const envelope = snapshotEnvelope.safeParse(value);
  if (!envelope.success)
    return { ok: false, message: `snapshot: ${describeIssues(envelope.error)}` };
  const { streamId, seq, channels, withheld } = envelope.data;
  const states: StateUpdate[] = [];
  const problems: string[] = [];
  for (const channel of CHANNELS) {
    if (!(channel in channels)) continue;
    const read = parseChannelState(channel, channels[channel]);
    if (read.ok) states.push(read.value);
    else problems.push(`${channel}: ${read.message}`);
  }
  const read = { streamId, seq, states, problems };
  return { ok: true, value: withheld ? { ...read, withheld } : read };
}

export function parseUpdateBatch(value: unknown): WireRead<BatchRead> {
  const envelope = batchEnvelope.safeParse(value);
  if (!envelope.success)
    return { ok: false, message: `updates: ${describeIssues(envelope.error)}` };
  const updates: TypedUpdate[] = [];
  const problems: string[] = [];
  envelope.data.updates.forEach((raw, index) => {
    const read = parseChannelUpdate(raw);
    if (read.ok) updates.push(read.value);
    else problems.push(`updates.${index}: ${read.message}`);
  });
  return { ok: true, value: { seq: envelope.data.seq, updates, problems } };
}

/** The increments: every update that is not a channel's whole state. */
export type IncrementUpdate = Exclude<TypedUpdate, StateUpdate>;

/** Tells a `<channel>.state` from an increment, on an update already read. */
export const isStateUpdate = (update: TypedUpdate): update is StateUpdate =>
  update.type === `${update.channel}.state`;
