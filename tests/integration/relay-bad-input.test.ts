/**
 * Bad input on every namespace gets an error ack with its code, while a concurrent stream keeps
 * flowing and nothing already accepted is lost.
 */

import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/ack';
import { instantGift, script, viewer } from './support/events';
import { type RunningRelay, request, startRelay } from './support/relay-app';

let relay: RunningRelay;
let ingest: Socket;
let panel: Socket;
let overlay: Socket;
beforeAll(async () => {
  relay = await startRelay();
  ingest = await relay.connect('/ingest', 'ingest');
  panel = await relay.connect('/control', 'moderator');
  overlay = await relay.connect('/overlay', 'overlay');
});
afterAll(async () => {
  await relay.stop();
});

const s = script(Date.now());
const goodChat = () => s.chat(viewer('kim'), 'fine');
const withProto = () =>
  JSON.parse(
    `{"kind":"chat","id":"proto-1","source":"test","at":${Date.now()},"user":{"id":"1","handle":"x","nickname":"x","__proto__":{"admin":true}},"text":"hi","__proto__":{"polluted":true}}`,
  );

const cases: Array<{
  name: string;
  socket: () => Socket;
  event: string;
  args: unknown[];
  code: string;
}> = [
  {
    name: 'an event that is a string',
    socket: () => ingest,
    event: 'event',
    args: ['gift!'],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'an event of unknown kind',
    socket: () => ingest,
    event: 'event',
    args: [{ ...goodChat(), kind: 'superchat' }],
    code: 'UNKNOWN_EVENT',
  },
  {
    name: 'a removal of chat messages that names none',
    socket: () => ingest,
    event: 'event',
    args: [s.imDelete([])],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'a gift with coins as a string',
    socket: () => ingest,
    event: 'event',
    args: [{ ...instantGift(s, 'x', 5), gift: { id: 1, name: 'Rose', coins: '5', type: 2 } }],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'a missing id',
    socket: () => ingest,
    event: 'event',
    args: [{ ...goodChat(), id: undefined }],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'a huge chat text',
    socket: () => ingest,
    event: 'event',
    args: [{ ...goodChat(), text: 'x'.repeat(100_000) }],
    code: 'TOO_LARGE',
  },
  {
    name: 'a long chat text under the size limit',
    socket: () => ingest,
    event: 'event',
    args: [{ ...goodChat(), text: 'y'.repeat(600) }],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'a lone surrogate in a name',
    socket: () => ingest,
    event: 'event',
    args: [s.chat(viewer('bad', { nickname: 'a\uD800b' }), 'x')],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'a lone low surrogate in text',
    socket: () => ingest,
    event: 'event',
    args: [s.chat(viewer('bad'), '\uDC00 hi')],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'events that are not an array',
    socket: () => ingest,
    event: 'events',
    args: [{ 0: goodChat() }],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'a batch over 1 MB',
    socket: () => ingest,
    event: 'events',
    args: [Array.from({ length: 200 }, () => ({ ...goodChat(), text: 'z'.repeat(6_000) }))],
    code: 'TOO_LARGE',
  },
  {
    name: 'an unknown socket event on /ingest',
    socket: () => ingest,
    event: 'hack',
    args: [{}],
    code: 'UNKNOWN_EVENT',
  },
  {
    name: 'a command on /overlay',
    socket: () => overlay,
    event: 'command',
    args: [{ type: 'poll.close' }],
    code: 'UNKNOWN_EVENT',
  },
  {
    name: 'subscribe to an unknown channel',
    socket: () => overlay,
    event: 'subscribe',
    args: [['alerts', 'secrets']],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'subscribe with a string',
    socket: () => overlay,
    event: 'subscribe',
    args: ['alerts'],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'an overlay watching moderation',
    socket: () => overlay,
    event: 'subscribe',
    args: [['moderation']],
    code: 'FORBIDDEN',
  },
  {
    name: 'a command that is a number',
    socket: () => panel,
    event: 'command',
    args: [42],
    code: 'BAD_PAYLOAD',
  },
  {
    name: 'a command of unknown type',
    socket: () => panel,
    event: 'command',
    args: [{ type: 'root.shell' }],
    code: 'UNKNOWN_EVENT',
  },
  {
    name: 'a huge command',
    socket: () => panel,
    event: 'command',
    args: [{ type: 'poll.start', question: 'q'.repeat(40_000) }],
    code: 'TOO_LARGE',
  },
  {
    name: 'a moderator ending the stream',
    socket: () => panel,
    event: 'command',
    args: [{ type: 'stream.end' }],
    code: 'FORBIDDEN',
  },
];

describe('bad input', () => {
  it('answers each bad message with its code while a stream keeps flowing', async () => {
    let sent = 0;
    let accepted = 0;
    let streaming = true;
    const stream = (async () => {
      const flow = script(Date.now());
      while (streaming) {
        const ack = await request<{ accepted: boolean }>(
          ingest,
          'event',
          instantGift(flow, `fan${sent % 7}`, 10),
        );
        sent += 1;
        if (ack.ok && ack.data.accepted) accepted += 1;
      }
    })();

    for (const c of cases) {
      const ack = (await c
        .socket()
        .timeout(5_000)
        .emitWithAck(c.event, ...c.args)) as Ack<unknown>;
      expect({ name: c.name, ack }).toMatchObject({
        name: c.name,
        ack: { ok: false, code: c.code },
      });
    }
    // `__proto__` keys are data, not a prototype: stripped or kept as an own key, never applied.
    const proto = await request(ingest, 'event', withProto());
    expect(proto.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();

    // The newer kinds are events like any other on /ingest.
    for (const event of [
      s.battle('b1', 'scores', [
        [viewer('host'), 12],
        [viewer('rival'), 3],
      ]),
      s.imDelete(['m1']),
      s.anonymousJoin(),
    ]) {
      expect(await request(ingest, 'event', event)).toMatchObject({ ok: true });
    }

    // No ack function at all, or a non-function where the ack goes: nothing breaks.
    ingest.emit('event', goodChat());
    ingest.emit('event', goodChat(), 'not a function');

    streaming = false;
    await stream;
    expect(sent).toBeGreaterThan(0);
    expect(accepted).toBe(sent);
    const report = await fetch(`${relay.baseUrl}/api/streams/current/report`, {
      headers: { authorization: `Bearer ${relay.tokens.owner}` },
    }).then((r) => r.json() as Promise<{ coins: number }>);
    expect(report.coins).toBe(accepted * 10);
    expect(ingest.connected && panel.connected && overlay.connected).toBe(true);
  });

  it('rate-limits a flooding panel with RATE_LIMITED and keeps serving others', async () => {
    const flood = await Promise.all(
      Array.from({ length: 80 }, () => request(panel, 'command', { type: 'qna.clear' })),
    );
    expect(flood.some((ack) => !ack.ok && ack.code === 'RATE_LIMITED')).toBe(true);
    const other = await relay.connect('/control', 'owner');
    const ack = await request(other, 'subscribe', ['poll']);
    expect(ack.ok).toBe(true);
  });
});
