/**
 * Batched ingest over a real Socket.IO server: every event of an `events` batch is answered in
 * the batch's order (accepted, duplicate, refused with its code), a bad event does not take its
 * batch down, the journal holds exactly the accepted events in one write per batch, and a batch
 * over the limit is refused whole. Single-event ingest keeps working beside it.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalFence } from '../../overlay-server/journal/fence';
import { readJournal } from '../../overlay-server/journal/reader';
import { journalPathFor } from '../../overlay-server/journal/streams-dir';
import { type JournalWriter, openJournalWriter } from '../../overlay-server/journal/writer';
import type { LiveEvent } from '../../shared/events/live-event';
import type { IngestBatchResult, IngestResult } from '../../shared/protocol/namespaces';
import { instantGift, script, viewer } from './support/events';
import { type RunningRelay, request, startRelay, type Watcher } from './support/relay-app';

/** Appends (each one write of the journal file) made by every journal the relay opened. */
let journalWrites = 0;
const countingWriter = (path: string, fence: JournalFence | null): JournalWriter => {
  const writer = openJournalWriter(path, fence);
  return {
    fence,
    get path() {
      return writer.path;
    },
    get bytes() {
      return writer.bytes;
    },
    append(entries) {
      if (entries.length > 0) journalWrites += 1;
      writer.append(entries);
    },
    flush: () => writer.flush(),
    syncInBackground: () => writer.syncInBackground(),
    close: () => writer.close(),
  };
};

let relay: RunningRelay;
let ingest: Socket;
let watcher: Watcher;
beforeAll(async () => {
  relay = await startRelay({
    openJournal: countingWriter,
    // The batches here are about limits and answers, not the token's rate budget (5,001 events
    // go through in under a second).
    rateBudgets: { '/ingest': { perSecond: 50_000, burst: 50_000 } },
  });
  ingest = await relay.connect('/ingest', 'ingest');
  const overlay = await relay.watch('/overlay', 'overlay');
  watcher = overlay.watcher;
  expect(await request(overlay.socket, 'subscribe', ['chat'])).toMatchObject({ ok: true });
});
afterAll(async () => {
  await relay.stop();
});

/** Every event line of the running stream's journal, in order. */
function journaledIds(): string[] {
  const streamId = relay.app.relay.currentStreamId;
  if (!streamId) return [];
  const path = journalPathFor(relay.dataDir, streamId);
  if (!path) return [];
  const ids: string[] = [];
  for (const { entry } of readJournal(path)) if (entry.type === 'event') ids.push(entry.event.id);
  return ids;
}

const chatTexts = () =>
  watcher.batches.flatMap((batch) =>
    batch.updates
      .filter((update) => update.type === 'chat.line')
      .map((update) => (update.data as { text: string }).text),
  );

describe('batched ingest', () => {
  it('answers each event of a batch: accepted, duplicate, or refused with its code', async () => {
    const s = script(Date.now());
    // A single event first: single-event ingest works beside batches, and it opens the stream.
    const single = s.chat(viewer('ana'), 'single one');
    const first = await request<IngestResult>(ingest, 'event', single);
    expect(first).toEqual({
      ok: true,
      data: { accepted: true, duplicate: false, seq: expect.any(Number) },
    });
    // The ack names the journal position of the overlay update batch that carried the event.
    const carried = first.ok ? first.data.seq : -1;
    await watcher.until(
      () => chatTexts().includes('single one'),
      'the single event on the overlay',
    );
    const carrier = watcher.batches.find((batch) =>
      batch.updates.some((u) => (u.data as { text?: string }).text === 'single one'),
    );
    expect(carrier?.seq).toBe(carried);

    const gift = instantGift(s, 'ben', 50);
    const chat = s.chat(viewer('cid'), 'batched hello');
    const badGift = {
      ...instantGift(s, 'dee', 5),
      gift: { id: 1, name: 'Rose', coins: '5', type: 2 },
    };
    const batch: unknown[] = [
      gift,
      badGift,
      { ...s.chat(viewer('eve'), 'x'), kind: 'superchat' },
      chat,
      { ...gift }, // the same id twice in one batch
      single, // already ingested on its own
      'not an event',
    ];
    const writesBefore = journalWrites;
    const idsBefore = journaledIds();

    const ack = await request<IngestBatchResult>(ingest, 'events', batch);

    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.results.map((r) => r.status)).toEqual([
      'accepted',
      'refused',
      'refused',
      'accepted',
      'duplicate',
      'duplicate',
      'refused',
    ]);
    expect(ack.data.results[1]).toMatchObject({ code: 'BAD_PAYLOAD' });
    expect(ack.data.results[2]).toMatchObject({ code: 'UNKNOWN_EVENT' });
    expect(ack.data.results[6]).toMatchObject({ code: 'BAD_PAYLOAD' });
    expect(ack.data).toMatchObject({ accepted: 2, duplicates: 2 });
    expect(ack.data.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'BAD_PAYLOAD'],
      [2, 'UNKNOWN_EVENT'],
      [6, 'BAD_PAYLOAD'],
    ]);

    // Acked means written: the journal holds exactly the accepted events, in one write.
    expect(journalWrites - writesBefore).toBe(1);
    expect(journaledIds()).toEqual([...idsBefore, gift.id, chat.id]);
    expect(idsBefore).toEqual([single.id]);
    // And the accepted chat line reached the overlay.
    await watcher.until(() => chatTexts().includes('batched hello'), 'the batched chat line');
    expect(chatTexts()).toEqual(['single one', 'batched hello']);
  });

  it('journals the single events of one turn, then a batch, in arrival order', async () => {
    const s = script(Date.now());
    const singles = [1, 2, 3].map((n) => s.chat(viewer('fay'), `turn ${n}`));
    const batch = [s.chat(viewer('gus'), 'after the singles')];
    const idsBefore = journaledIds();
    const writesBefore = journalWrites;
    const acks = await Promise.all([
      ...singles.map((event) => request<IngestResult>(ingest, 'event', event)),
      request<IngestBatchResult>(ingest, 'events', batch),
    ]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(journaledIds().slice(idsBefore.length)).toEqual([...singles, ...batch].map((e) => e.id));
    // At most one write for the singles (one turn, unless the socket split them) and one for the batch.
    expect(journalWrites - writesBefore).toBeGreaterThanOrEqual(2);
    expect(journalWrites - writesBefore).toBeLessThanOrEqual(4);
  });

  it('refuses a batch over the event limit with TOO_LARGE and takes none of it', async () => {
    const s = script(Date.now());
    const tooMany: LiveEvent[] = Array.from({ length: 5_001 }, (_, n) =>
      s.like(viewer('hal'), 1, n + 1),
    );
    const idsBefore = journaledIds();
    const ack = await request<IngestBatchResult>(ingest, 'events', tooMany);
    expect(ack).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    if (!ack.ok) expect(ack.message).toContain('limit 5000');
    expect(journaledIds()).toEqual(idsBefore);

    // The socket keeps serving: the same events in batches under the limits are all taken.
    for (let from = 0; from < tooMany.length; from += 1_000) {
      const part = tooMany.slice(from, from + 1_000);
      const taken = await request<IngestBatchResult>(ingest, 'events', part);
      expect(taken).toMatchObject({ ok: true, data: { accepted: part.length, rejected: [] } });
    }
    expect(journaledIds().length - idsBefore.length).toBe(5_001);
  });
});
