/**
 * The relay's journal is the stream: a relay that dies without closing (kill -9) is rebuilt by
 * the next one from the last snapshot plus the journal tail, to the same report.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveRoom } from '../../shared/engines';
import { script, viewer } from '../../tests/support/engine-events';
import { simulatedEventChunks } from '../../tests/support/simulate-stream';
import { listStreams } from '../journal/streams-dir';
import { silentLogger } from '../log';
import { Relay } from './relay';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newRelay(dataDir: string): Relay {
  return new Relay({
    dataDir,
    createRoom: createLiveRoom,
    log: silentLogger,
    snapshots: { everyEntries: 1_000, everyMs: 60_000 },
  });
}

describe('relay journal and recovery', () => {
  it('resumes an unfinished stream from snapshot + tail to the same report', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'limelight-relay-'));
    dirs.push(dataDir);
    const relay = newRelay(dataDir);
    const chunks = simulatedEventChunks({
      seed: 7,
      preset: 'mid',
      durationMs: 20 * 60_000,
      startAt: Date.now(),
    });
    let sent = 0;
    let lastEvents: Parameters<Relay['ingest']>[0] = [];
    for (let next = chunks.next(); !next.done; next = chunks.next()) {
      // Drop the stream end so the stream is still running when the relay "dies".
      const events = next.value.filter((event) => event.kind !== 'streamEnd');
      sent += events.length;
      lastEvents = events;
      relay.ingest(events);
      relay.advance();
    }
    const before = relay.report();
    expect(before?.coins).toBeGreaterThan(0);
    const streamId = relay.currentStreamId;
    // A crash mid-write leaves half a line behind.
    const journal = join(dataDir, 'streams', `${streamId}.jsonl`);
    appendFileSync(journal, '{"seq":999999,"at":1,"type":"ev');

    const again = newRelay(dataDir);
    const resumed = again.resume();
    expect(resumed).toMatchObject({ streamId, fromSnapshot: true });
    expect(resumed?.replayed).toBeLessThan(sent);
    expect(again.report()).toEqual(before);
    expect(readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
    // Messages the source replays after the restart are still dropped as duplicates.
    expect(lastEvents.length).toBeGreaterThan(0);
    expect(again.ingest(lastEvents).every((outcome) => outcome === 'duplicate')).toBe(true);
  });

  it('drops replays after resuming a snapshot an older server wrote with two id lists', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'limelight-relay-'));
    dirs.push(dataDir);
    const relay = newRelay(dataDir);
    const s = script(Date.now());
    const fan = viewer('fan');
    const gift = s.gift(fan, { coins: 5, end: true });
    const chat = s.chat(fan, 'hi');
    relay.ingest([gift, chat]);
    const streamId = relay.currentStreamId;
    relay.close();
    // Older servers kept the gift ledger's own id list in the room state beside the relay's
    // recentIds; here the gift's id is only in the ledger's list, the chat's only in recentIds.
    const path = join(dataDir, 'streams', `${streamId}.snapshot.json`);
    const old = JSON.parse(readFileSync(path, 'utf8'));
    expect(old.state.ledger).not.toHaveProperty('messageIds');
    old.state.ledger.messageIds = [gift.id];
    old.recentIds = [chat.id];
    writeFileSync(path, JSON.stringify(old));

    const again = newRelay(dataDir);
    expect(again.resume()).toMatchObject({ streamId, fromSnapshot: true });
    const next = s.chat(fan, 'new');
    expect(again.ingest([gift, chat, next])).toEqual(['duplicate', 'duplicate', 'accepted']);
    expect(again.report()?.coins).toBe(5);
    again.close();
    // The next snapshot keeps one list, the relay's, with both ids in it.
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written.state.ledger).not.toHaveProperty('messageIds');
    expect(written.recentIds).toEqual(expect.arrayContaining([gift.id, chat.id, next.id]));
  });

  it('settles open streaks at the end of a source’s input and journals it as a tick', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'limelight-relay-'));
    dirs.push(dataDir);
    const relay = newRelay(dataDir);
    const s = script(Date.now());
    relay.ingest([
      s.gift(viewer('ana'), { count: 1, end: false }),
      s.gift(viewer('ana'), { count: 3, end: false }),
    ]);
    expect(relay.report()?.coins).toBe(0);
    expect(relay.settleOpenStreaks()).toBe(1);
    expect(relay.report()?.coins).toBe(3);
    expect(relay.settleOpenStreaks()).toBe(0);
    const journal = readFileSync(
      join(dataDir, 'streams', `${relay.currentStreamId}.jsonl`),
      'utf8',
    );
    expect(journal.trim().split('\n').at(-1)).toMatch(/"type":"tick"/);
    // The next relay rebuilds the committed streak from the journal.
    const again = newRelay(dataDir);
    again.resume();
    expect(again.report()?.coins).toBe(3);
  });

  it('ends a stream on the source’s stream end and starts the next on the next event', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'limelight-relay-'));
    dirs.push(dataDir);
    const relay = newRelay(dataDir);
    const first = simulatedEventChunks({
      seed: 1,
      preset: 'small',
      durationMs: 60_000,
      startAt: Date.now(),
    });
    for (let next = first.next(); !next.done; next = first.next()) relay.ingest(next.value);
    expect(relay.currentStreamId).toBeNull();
    const second = simulatedEventChunks({
      seed: 2,
      preset: 'small',
      durationMs: 60_000,
      startAt: Date.now() + 120_000,
    });
    const chunk = second.next();
    relay.ingest(chunk.done ? [] : chunk.value.slice(0, 3));
    expect(relay.currentStreamId).not.toBeNull();
    const streams = listStreams(dataDir);
    expect(streams).toHaveLength(2);
    expect(streams[0]?.endedAt).not.toBeNull();
    expect(streams[1]?.endedAt).toBeNull();
    expect(newRelay(dataDir).resume()?.streamId).toBe(streams[1]?.streamId);
  });

  it('starts and ends streams by owner command only', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'limelight-relay-'));
    dirs.push(dataDir);
    const relay = newRelay(dataDir);
    const owner = { role: 'owner' as const, name: 'owner' };
    const moderator = { role: 'moderator' as const, name: 'moderator:alex' };
    expect(relay.command({ type: 'stream.end' }, owner)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(relay.command({ type: 'stream.start' }, moderator)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const started = relay.command({ type: 'stream.start' }, owner);
    expect(started).toMatchObject({ ok: true });
    expect(relay.command({ type: 'stream.start' }, owner)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(relay.command({ type: 'stream.end' }, owner)).toMatchObject({ ok: true });
    expect(relay.currentStreamId).toBeNull();
    expect(listStreams(dataDir)[0]?.endedAt).not.toBeNull();
    expect(newRelay(dataDir).resume()).toBeNull();
    // A bad command while no stream runs is refused without opening an empty stream.
    expect(relay.command({ type: 'poll.start' }, moderator)).toMatchObject({
      ok: false,
      code: 'BAD_PAYLOAD',
    });
    expect(relay.command({ type: 'nope' }, moderator)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_EVENT',
    });
    expect(relay.currentStreamId).toBeNull();
    expect(listStreams(dataDir)).toHaveLength(1);
  });

  it('group-commits the single events of one turn and answers each after the write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'limelight-relay-'));
    dirs.push(dataDir);
    const relay = newRelay(dataDir);
    const pushes: number[] = [];
    relay.attach({ updates: (updates) => pushes.push(updates.length), streamChanged: () => {} });
    const chunk = simulatedEventChunks({
      seed: 3,
      preset: 'small',
      durationMs: 60_000,
      startAt: Date.now(),
    }).next();
    const events = (chunk.done ? [] : chunk.value).filter((e) => e.kind === 'chat').slice(0, 3);
    expect(events).toHaveLength(3);
    const answers: Array<{ outcome: string; journaled: number }> = [];
    const journaledLines = () => {
      const stream = listStreams(dataDir)[0];
      if (!stream) return 0;
      const path = join(dataDir, 'streams', `${stream.streamId}.jsonl`);
      return readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"type":"event"')).length;
    };
    for (const event of [...events, events[0]]) {
      relay.enqueue(event as (typeof events)[number], (outcome) =>
        answers.push({ outcome, journaled: journaledLines() }),
      );
    }
    expect(answers).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    // One turn: every answer sees all three lines written, the replayed one is a duplicate.
    expect(answers).toEqual([
      { outcome: 'accepted', journaled: 3 },
      { outcome: 'accepted', journaled: 3 },
      { outcome: 'accepted', journaled: 3 },
      { outcome: 'duplicate', journaled: 3 },
    ]);
    expect(pushes.filter((n) => n > 0)).toHaveLength(1);
  });

  it('keeps arrival order: a command after queued events sees them applied', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'limelight-relay-'));
    dirs.push(dataDir);
    const relay = newRelay(dataDir);
    const owner = { role: 'owner' as const, name: 'owner' };
    const chunk = simulatedEventChunks({
      seed: 4,
      preset: 'small',
      durationMs: 60_000,
      startAt: Date.now(),
    }).next();
    const line = (chunk.done ? [] : chunk.value).find((e) => e.kind === 'chat');
    if (!line) throw new Error('the simulator made no chat line');
    let answered = '';
    relay.enqueue(line, (outcome) => {
      answered = outcome;
    });
    // The stream end arrives in the same turn, after the event: the event belongs to this stream.
    expect(relay.command({ type: 'stream.end' }, owner)).toMatchObject({ ok: true });
    expect(answered).toBe('accepted');
    expect(relay.currentStreamId).toBeNull();
    expect(listStreams(dataDir)).toHaveLength(1);
  });
});
