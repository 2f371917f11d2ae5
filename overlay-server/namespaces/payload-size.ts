/**
 * How large a message's payload was on the wire, read from the Socket.IO packet text it arrived
 * in (`2/ingest,12["events",<payload>]`) instead of serializing the payload again: at 5,000
 * events/s the `JSON.stringify` per message that only measured it cost about a twentieth of the
 * relay's CPU. Socket.IO clients send compact JSON, so the figure is the payload's JSON length
 * (`pipeline/limits.ts`); arguments after the payload count towards it, so it never falls short.
 *
 * The engine hands up each frame's text (`packet`) as it is read; Socket.IO decodes it and calls
 * the socket's `onAny` listeners one tick later, in arrival order, when several frames read
 * together may all have been handed up already. So the texts of this namespace's event packets
 * wait in order, `onAny` takes the next one and keeps its size beside the payload object until
 * the event's own listener asks. Payloads that are not objects, binary packets and in-process
 * callers are measured by serializing, as before.
 */
import type { SessionSocket } from '../auth/handshake';
import { jsonSize } from '../pipeline/limits';

export type PayloadSize = (payload: unknown) => number;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

export function payloadSizes(socket: SessionSocket): PayloadSize {
  const sizes = new WeakMap<object, number>();
  const namespace = `${socket.nsp.name},`;
  /** Texts of this namespace's event packets not yet seen by `onAny` (null: a binary event). */
  const frames: Array<string | null> = [];
  socket.conn.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type !== 'message' || typeof packet.data !== 'string') return;
    const text = packet.data;
    if (text.startsWith(namespace, 1) && text[0] === '2') frames.push(text);
    else if (text[0] === '5' && text.includes(`-${namespace}`)) frames.push(null);
  });
  socket.onAny((event: unknown, payload: unknown) => {
    const text = frames.shift();
    if (!text || typeof event !== 'string' || !isObject(payload)) return;
    const size = sizeIn(text, 1 + namespace.length, event);
    if (size !== null) sizes.set(payload, size);
  });
  return (payload) => (isObject(payload) ? sizes.get(payload) : undefined) ?? jsonSize(payload);
}

/** The payload's length in `2<namespace>,<ack id>["<event>",<payload>...]`, or null. */
function sizeIn(text: string, from: number, event: string): number | null {
  const open = text.indexOf('[', from);
  const name = JSON.stringify(event);
  if (open === -1 || !text.startsWith(name, open + 1) || text[open + 1 + name.length] !== ',') {
    return null;
  }
  // Everything after `[<name>,` but the closing `]`.
  return text.length - (open + name.length + 2) - 1;
}
