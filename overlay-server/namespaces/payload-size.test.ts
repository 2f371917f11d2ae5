import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionSocket } from '../auth/handshake';
import { payloadSizes } from './payload-size';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** A real server whose `/ingest` answers each `measure` with the measured and the true size. */
async function serve(): Promise<{ client: ClientSocket; binary: ClientSocket }> {
  const http = createServer();
  const server = new Server(http);
  server.of('/ingest').on('connection', (socket) => {
    const sizeOf = payloadSizes(socket as unknown as SessionSocket);
    socket.on('measure', (payload: unknown, ack: (sizes: number[]) => void) => {
      ack([sizeOf(payload), JSON.stringify(payload).length]);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/ingest`;
  const client = connect(url, { transports: ['websocket'], forceNew: true });
  const binary = connect(url, { transports: ['websocket'], forceNew: true });
  close = async () => {
    client.close();
    binary.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { client, binary };
}

const chat = (i: number) => ({
  id: `m-${i}`,
  kind: 'chat',
  user: { handle: `viewer_${i}`, nickname: 'Zoë 🎉 "quoted"\n' },
  text: 'x'.repeat(i % 50),
});

describe('payloadSizes', () => {
  it('reads each payload’s JSON length from its frame, for a burst of frames read together', async () => {
    const { client } = await serve();
    const payloads: unknown[] = [
      chat(1),
      Array.from({ length: 40 }, (_, i) => chat(i)),
      { nested: [1, 2, { deep: 'ünïcödé 中文' }] },
      ...Array.from({ length: 200 }, (_, i) => chat(i)),
    ];
    // Sent without waiting: many frames arrive in one read before any handler runs.
    const answers = await Promise.all(
      payloads.map((payload) => client.emitWithAck('measure', payload) as Promise<number[]>),
    );
    for (const [measured, actual] of answers) expect(measured).toBe(actual);
  });

  it('falls back to serializing for binary packets and non-object payloads, and stays in step', async () => {
    const { binary } = await serve();
    const withBuffer = { name: 'clip', bytes: new Uint8Array([1, 2, 3]) };
    const asJson = { name: 'clip', bytes: { type: 'Buffer', data: [1, 2, 3] } };
    const answers = await Promise.all([
      binary.emitWithAck('measure', chat(3)),
      binary.emitWithAck('measure', withBuffer),
      binary.emitWithAck('measure', chat(4)),
      binary.emitWithAck('measure', 'a string'),
      binary.emitWithAck('measure', chat(5)),
    ]);
    expect(answers).toEqual([
      [JSON.stringify(chat(3)).length, JSON.stringify(chat(3)).length],
      [JSON.stringify(asJson).length, JSON.stringify(asJson).length],
      [JSON.stringify(chat(4)).length, JSON.stringify(chat(4)).length],
      [10, 10],
      [JSON.stringify(chat(5)).length, JSON.stringify(chat(5)).length],
    ]);
  });
});
