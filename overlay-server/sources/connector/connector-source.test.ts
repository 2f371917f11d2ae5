import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLiveRoom } from '../../../shared/engines';
import type { LiveEvent } from '../../../shared/events/live-event';
import { createGiftLedger } from '../../../shared/ledger';
import {
  createFakeTransport,
  type ScriptStep,
} from '../../../tests/support/fake-connector-transport';
import { useTempDirs } from '../../../tests/support/temp-dirs';
import { reportFromFile } from '../../report/report-from-file';
import { createVirtualClock } from '../clock';
import type { InputSummary } from '../input-summary';
import { loadRecording } from '../recording';
import type { SourceSink, SourceStatus } from '../source';
import { mapConnectorEvent } from '../tiktok-payloads/map-payload';
import { createBackoff } from './backoff';
import { createConnectorSource } from './connector-source';
import { createRawRecorder } from './raw-recorder';

const tempDir = useTempDirs();

const RECORDINGS = join(import.meta.dirname, '../../../tests/fixtures/recordings');

function readRecording(name: string): Array<{ event: string; data: unknown; at: number }> {
  return readFileSync(join(RECORDINGS, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

function collectingSink() {
  const events: LiveEvent[] = [];
  const statuses: SourceStatus[] = [];
  const problems: string[] = [];
  let tally: (() => InputSummary) | null = null;
  const sink: SourceSink = {
    emit: (event) => events.push(event),
    status: (status) => statuses.push(status),
    problem: (problem) => problems.push(problem.message),
    inputTally: (read) => {
      tally = read;
    },
  };
  return { sink, events, statuses, problems, tally: () => tally?.() ?? null };
}

/** Runs the source over a script until the script is used up. */
async function run(script: ScriptStep[], extra: { recordTo?: string } = {}) {
  const controller = new AbortController();
  const transport = createFakeTransport(script, () => controller.abort());
  const clock = createVirtualClock(1_765_000_000_000);
  const collected = collectingSink();
  const source = createConnectorSource({
    handle: '@host',
    transport,
    clock,
    backoff: createBackoff({ random: () => 0.5 }),
    recorder: extra.recordTo ? createRawRecorder(extra.recordTo) : undefined,
  });
  await source.start(collected.sink, controller.signal);
  return { ...collected, transport, clock };
}

function totals(events: LiveEvent[]) {
  const ledger = createGiftLedger();
  for (const event of events) if (event.kind === 'gift') ledger.apply(event);
  const count = (kind: LiveEvent['kind']) => events.filter((e) => e.kind === kind).length;
  const viewers = events.filter((e) => e.kind === 'viewers').map((e) => e.count);
  return {
    coins: ledger.totals().committedCoins,
    gifts: ledger.totals().completedGifts,
    chats: count('chat'),
    follows: count('follow'),
    likes: count('like'),
    questions: count('question'),
    peakViewers: Math.max(0, ...viewers),
    streamEnds: count('streamEnd'),
  };
}

describe('connector source', () => {
  for (const file of ['sample-recording-v2.jsonl', 'sample-recording-v3.jsonl']) {
    it(`maps ${file} through the shared mapping with its totals`, async () => {
      const recorded = readRecording(file);
      const { events, statuses, problems } = await run([
        { roomId: 'room-1', events: recorded, end: { reason: 'streamEnd' } },
      ]);
      expect(problems).toEqual([]);
      expect(events.every((e) => e.source === 'connector')).toBe(true);
      expect(events[0]).toMatchObject({ kind: 'streamStart', host: 'host' });
      expect(totals(events)).toEqual({
        coins: 3,
        gifts: 1,
        chats: 1,
        follows: 1,
        likes: 1,
        questions: 1,
        peakViewers: 12,
        streamEnds: 1,
      });
      expect(statuses.map((s) => s.state)).toEqual([
        'connecting',
        'live',
        'ended',
        'connecting',
        'offline',
      ]);
    });
  }

  it('tallies every payload by the reasons a report of its recording gives', async () => {
    const name = 'shape-nested-v3.jsonl';
    const { tally, events } = await run([
      { roomId: 'room-1', events: readRecording(name), end: { reason: 'streamEnd' } },
    ]);
    const live = tally();
    const file = (await loadRecording(join(RECORDINGS, name))).summary;
    const reasons = (summary: InputSummary) =>
      summary.skipped.byReason.map((group) => [group.reason, group.count]);
    expect(live).toMatchObject({
      events: file.events,
      eventsByKind: file.eventsByKind,
      duplicates: { count: 1, lines: [] },
      unknownEvents: { hourlyRank: 2, rankUpdate: 1 },
      shapes: file.shapes,
    });
    expect(reasons(live as InputSummary)).toEqual(reasons(file));
    // The tally counts payloads; the stream start the source announces is its own.
    expect(events.filter((e) => e.kind !== 'streamStart')).toHaveLength(file.events);
  });

  it('keeps gifts that TikTok addresses to the host as the host’s, and a guest’s as the guest’s', async () => {
    const [, , gift] = readRecording('sample-recording-v3.jsonl');
    const base = gift?.data as Record<string, unknown> & { common: Record<string, unknown> };
    const to = (id: string, displayId: string, msgId: string) => ({
      event: 'gift',
      data: {
        ...base,
        common: { ...base.common, msgId },
        repeatEnd: 1,
        toUser: { id, idStr: id, displayId, nickname: displayId },
      },
    });
    const { events } = await run([
      {
        roomId: 'room-5',
        hostUserId: '6900000000000000001',
        events: [
          to('6900000000000000001', 'host.by.id', 'm1'),
          to('6900000000000000002', 'HOST', 'm2'),
          to('6900000000000000003', 'guest.one', 'm3'),
        ],
        end: 'open',
      },
    ]);
    const receivers = events.flatMap((e) => (e.kind === 'gift' ? [e.toUser?.handle ?? null] : []));
    expect(receivers).toEqual([null, null, 'guest.one']);
  });

  it("fills gift pictures from the room's gift list when a payload has none", async () => {
    const [, , rose] = readRecording('sample-recording-v3.jsonl');
    const base = rose?.data as Record<string, unknown> & {
      common: Record<string, unknown>;
      gift: Record<string, unknown>;
    };
    const { image: _image, ...giftWithoutImage } = base.gift;
    const gift = (msgId: string, withImage: boolean, giftId = '5655') => ({
      event: 'gift',
      data: {
        ...base,
        giftId,
        common: { ...base.common, msgId },
        repeatEnd: 1,
        gift: withImage ? { ...base.gift, id: giftId } : { ...giftWithoutImage, id: giftId },
      },
    });
    const listed = 'https://p19-webcast.tiktokcdn.com/img/alisg/webcast-sg/rose.png~tplv-obj.webp';
    // TikTok's gift list answer (`data.gifts`), snake case, as fetchAvailableGifts returns it.
    const giftList = [
      { id: 5655, name: 'Rose', diamond_count: 1, image: { url_list: [listed] } },
      { id: 0, name: 'no id', image: { url_list: [listed] } },
      { id: 5269, name: 'TikTok', image: { url_list: ['javascript:alert(1)'] } },
    ];
    const own = 'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/rose.png';
    const pictures = (events: LiveEvent[]) =>
      events.flatMap((e) => (e.kind === 'gift' ? [e.gift.imageUrl] : []));

    const withList = await run([
      {
        roomId: 'room-6',
        giftList,
        events: [gift('g1', false), gift('g2', true), gift('g3', false, '5269')],
        end: 'open',
      },
    ]);
    expect(pictures(withList.events)).toEqual([listed, own, null]);

    const failing = await run([
      { roomId: 'room-7', giftList: 'fail', events: [gift('g4', false)], end: 'open' },
    ]);
    expect(pictures(failing.events)).toEqual([null]);
    expect(failing.problems).toEqual([]);
  });

  it('drops the recent messages TikTok replays after a reconnect', async () => {
    const recorded = readRecording('sample-recording-v3.jsonl').filter(
      (line) => line.event !== 'streamEnd',
    );
    const { events, statuses, clock } = await run([
      {
        roomId: 'room-1',
        events: recorded.slice(0, 4),
        end: { reason: 'disconnected', code: 1006, detail: null },
      },
      // The replay after reconnecting repeats the last two messages, then carries on.
      { roomId: 'room-1', events: recorded.slice(2), end: 'open' },
    ]);
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // One stream start for the room, every recorded message once.
    expect(events.filter((e) => e.kind === 'streamStart')).toHaveLength(1);
    expect(events).toHaveLength(recorded.length + 1);
    expect(totals(events).coins).toBe(3);
    expect(statuses[2]).toEqual({
      state: 'connecting',
      detail: 'connection lost; reconnecting in 2 s',
    });
    // 2 s base, jitter fixed at the middle of [1 s, 2 s).
    expect(clock.sleeps).toEqual([1_500]);
  });

  it('waits for the user to go live, polling with a growing interval', async () => {
    const { statuses, clock, transport } = await run([
      { fail: 'notLive' },
      { fail: 'notLive' },
      { fail: 'notLive' },
      { roomId: 'room-2', events: [], end: 'open' },
    ]);
    expect(transport.opens).toBe(4);
    expect(clock.sleeps).toEqual([22_500, 45_000, 90_000]);
    expect(statuses.filter((s) => s.state === 'waiting').map((s) => s.detail)).toEqual([
      '@host is not live; checking again in 23 s',
      '@host is not live; checking again in 45 s',
      '@host is not live; checking again in 90 s',
    ]);
    expect(statuses.some((s) => s.state === 'live')).toBe(true);
  });

  it('backs off longer on sign-server rate limits and honours retry-after', async () => {
    const { statuses, clock } = await run([
      { fail: 'rateLimited', retryAfterMs: 180_000 },
      { fail: 'rateLimited' },
      { fail: 'rateLimited' },
      {
        roomId: 'room-3',
        events: [],
        end: { reason: 'disconnected', code: 1006, detail: 'reset' },
      },
      { fail: 'rateLimited' },
    ]);
    const [first, second, third, afterLive, fifth] = clock.sleeps;
    expect(first).toBeGreaterThanOrEqual(180_000);
    expect(second).toBeGreaterThanOrEqual(60_000);
    expect(third).toBeGreaterThan(second as number);
    // A live session resets the steps: the next failures start small again.
    expect(afterLive).toBe(1_500);
    expect(fifth).toBeLessThan(third as number);
    expect(statuses.filter((s) => s.state === 'rateLimited')).toHaveLength(4);
    expect(statuses.find((s) => s.state === 'rateLimited')?.detail).toMatch(
      /^sign server rate limit; retrying in \d+ s$/,
    );
  });

  it('stops with "invalid API key" instead of retrying a key the sign server refused', async () => {
    const { statuses, transport } = await run([
      { fail: 'invalidApiKey', message: 'Unexpected sign server status 401' },
      { roomId: 'never', events: [], end: 'open' },
    ]);
    expect(transport.opens).toBe(1);
    expect(statuses).toContainEqual({ state: 'error', detail: 'invalid API key' });
    expect(statuses.at(-1)).toEqual({ state: 'offline', detail: 'stopped' });
  });

  it('shows sign-server errors and unreachable TikTok, and keeps retrying', async () => {
    const { statuses, transport } = await run([
      { fail: 'signServer' },
      { fail: 'unreachable', message: 'Failed to retrieve Room ID from all sources.' },
      { roomId: 'room-4', events: [], end: 'open' },
    ]);
    expect(transport.opens).toBe(3);
    expect(statuses[1]).toEqual({ state: 'error', detail: 'sign-server error; retrying in 2 s' });
    expect(statuses[3]).toEqual({
      state: 'offline',
      detail: 'cannot reach TikTok; retrying in 3 s',
    });
  });

  it('closes the live session when stopped', async () => {
    const { transport, statuses } = await run([]);
    expect(transport.closed).toBe(1);
    expect(statuses.at(-1)).toEqual({ state: 'offline', detail: 'stopped' });
  });

  it('records new raw events as a recording that the mapping reads back', async () => {
    const path = join(tempDir('limelight-record-'), 'live.jsonl');
    const recorded = readRecording('sample-recording-v2.jsonl');
    await run(
      [
        {
          roomId: 'r',
          events: recorded.slice(0, 5),
          end: { reason: 'disconnected', code: 1006, detail: null },
        },
        { roomId: 'r', events: recorded, end: 'open' },
      ],
      { recordTo: path },
    );
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // Replayed messages are not recorded twice.
    expect(lines.map((line) => line.event)).toEqual(recorded.map((line) => line.event));
    const again = lines
      .map((line) => mapConnectorEvent(line.event, line.data, line.at))
      .flatMap((result) => (result.status === 'mapped' ? [result.event] : []));
    expect(totals(again)).toMatchObject({ coins: 3, chats: 1, peakViewers: 12 });
    // And `npm run report` reads it as a raw recording.
    const { report, format, problems } = await reportFromFile(path, createLiveRoom);
    expect({ format, problems }).toEqual({ format: 'raw', problems: [] });
    expect(report).toMatchObject({
      coins: 3,
      gifts: 1,
      chatMessages: 1,
      followers: 1,
      questions: 1,
    });
  });
});
