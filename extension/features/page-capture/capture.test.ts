import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../../shared/events/live-event';
import { createGiftLedger } from '../../../shared/ledger';
import { drivePage, type PageCommand } from '../../../tests/fixtures/tiktok-pages/page-driver';
import { type PageCapture, startPageCapture } from './capture';
import { readRow } from './read-row';
import { chatRows, findChatContainer } from './selectors';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/tiktok-pages');
const ROSE = 'eba3a9bb85c33e017f3648eaf88d7189';
const PERFUME = '20b8f61246c7b6032777bb81bf4ee055';

function loadFixture(name: string) {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  const body = html.match(/<body>([\s\S]*)<\/body>/)?.[1] ?? '';
  document.body.innerHTML = body;
  history.replaceState(null, '', '/@fixture/live');
}

let clock = 0;
let events: LiveEvent[] = [];
let stops: string[] = [];
let controller: AbortController;
let capture: PageCapture;

function start() {
  capture = startPageCapture({
    document,
    location: window.location,
    signal: controller.signal,
    emit: (batch) => events.push(...batch),
    onStop: (reason) => stops.push(reason),
    now: () => clock,
    tickMs: 1e9,
  });
}

/** Plays one TikTok change at stream time `at` and waits until the reader has seen it. */
async function play(at: number, command: PageCommand) {
  clock = at;
  const before = events.length;
  drivePage(command);
  await vi.waitFor(() => expect(events.length).toBeGreaterThan(before));
}
const flushObservers = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const ofKind = <K extends LiveEvent['kind']>(kind: K) =>
  events.filter((e): e is Extract<LiveEvent, { kind: K }> => e.kind === kind);

beforeEach(() => {
  loadFixture('live-virtualised.html');
  clock = 1_765_000_000_000;
  events = [];
  stops = [];
  controller = new AbortController();
});
afterEach(() => controller.abort());

describe('page readers on the fixture page', () => {
  it('find the chat list and read each backlog row', () => {
    const container = findChatContainer(document);
    expect(container?.getAttribute('data-e2e')).toBe('chat-room');
    const rows = chatRows(container as Element).map(readRow);
    expect(rows.map((row) => row?.kind ?? null)).toEqual(['chat', 'gift', 'follow', null]);
    expect(rows[0]).toMatchObject({
      kind: 'chat',
      text: 'this message was here before the reader',
      sender: {
        name: 'old.viewer',
        avatarUrl: 'https://p16-sign.tiktokcdn-us.com/avatar/old.viewer.webp',
      },
    });
    expect(rows[1]).toMatchObject({ kind: 'gift', giftHash: PERFUME, count: 2 });
  });
});

describe('page capture', () => {
  it('skips the backlog and reports the viewer count it finds', async () => {
    start();
    await flushObservers();
    expect(capture.attached).toBe(true);
    expect(events.map((e) => e.kind)).toEqual(['viewers']);
    expect(ofKind('viewers')[0]?.count).toBe(1_200);
  });

  it('reports new chat with the sender, badges and a stable id', async () => {
    start();
    await play(clock + 1_000, {
      type: 'chat',
      name: 'Sam',
      handle: 'sam.streams',
      text: 'hi <b>there</b>',
      moderator: true,
    });
    const [chat] = ofKind('chat');
    expect(chat).toMatchObject({
      source: 'page',
      text: 'hi <b>there</b>',
      user: {
        handle: 'sam.streams',
        nickname: 'Sam',
        id: 'page:sam.streams',
        roles: { moderator: true },
      },
    });
    expect(chat?.id).toMatch(/^page-chat-[0-9a-f]{8}$/);
  });

  it('counts a gift streak ×1→×5 as five, once, after the streak goes quiet', async () => {
    start();
    const t0 = clock;
    for (const [i, count] of [1, 2, 3, 4, 5].entries()) {
      await play(t0 + i * 300, { type: 'gift', name: 'ana_b', hash: ROSE, count });
    }
    const frames = ofKind('gift');
    expect(frames.map((f) => [f.repeatCount, f.repeatEnd])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(frames[0]?.gift).toMatchObject({ name: 'Rose', coins: 1, type: 1 });
    clock = t0 + 1_200 + 2_999;
    capture.tick();
    expect(ofKind('gift')).toHaveLength(5);
    clock = t0 + 1_200 + 3_000;
    capture.tick();
    const ledger = createGiftLedger();
    for (const frame of ofKind('gift')) ledger.apply(frame);
    expect(ofKind('gift').at(-1)).toMatchObject({ repeatCount: 5, repeatEnd: true });
    expect(ledger.totals()).toMatchObject({ committedCoins: 5, completedGifts: 1 });
  });

  it('starts a new streak on a smaller count and ends the old one', async () => {
    start();
    await play(clock, { type: 'gift', name: 'ana_b', hash: ROSE, count: 3 });
    await play(clock + 2_000, { type: 'gift', name: 'ana_b', hash: ROSE, count: 1 });
    const frames = ofKind('gift').map((f) => [f.repeatCount, f.repeatEnd, f.groupId]);
    expect(frames[1]?.slice(0, 2)).toEqual([3, true]);
    expect(frames[2]?.slice(0, 2)).toEqual([1, false]);
    expect(frames[2]?.[2]).not.toBe(frames[0]?.[2]);
  });

  it('lets a backlog streak that keeps growing count from where the page shows it', async () => {
    start();
    await flushObservers();
    await play(clock + 500, { type: 'gift', name: 'early.bird', hash: PERFUME, count: 4 });
    clock += 5_000;
    capture.tick();
    const ledger = createGiftLedger();
    for (const frame of ofKind('gift')) ledger.apply(frame);
    expect(ledger.totals().committedCoins).toBe(80);
  });

  it('reports follows, joins, likes and shares from list rows and the sticky notice', async () => {
    start();
    await play(clock + 100, { type: 'social', name: 'bo', action: 'followed the host' });
    await play(clock + 200, { type: 'sticky', name: 'cy', action: 'joined' });
    await play(clock + 300, { type: 'social', name: 'di', action: 'liked the LIVE' });
    await play(clock + 400, { type: 'social', name: 'ed', action: 'shared the LIVE' });
    expect(events.slice(1).map((e) => [e.kind, 'user' in e ? e.user?.handle : null])).toEqual([
      ['follow', 'bo'],
      ['join', 'cy'],
      ['like', 'di'],
      ['share', 'ed'],
    ]);
  });

  it('keeps up with recycled rows: every message once, keyed by content', async () => {
    start();
    for (let i = 0; i < 12; i++) {
      await play(clock + 100, { type: 'chat', name: `viewer${i % 3}`, text: `message ${i}` });
    }
    expect(ofKind('chat').map((e) => e.text)).toEqual(
      Array.from({ length: 12 }, (_, i) => `message ${i}`),
    );
    expect(
      document.querySelectorAll('[data-e2e="chat-room"] [data-index]').length,
    ).toBeLessThanOrEqual(7);
  });

  it('does not report older messages scrolled back into view', async () => {
    start();
    // Four new messages: the list recycles its oldest rows (indexes 0 and 1) for them.
    for (const text of ['one', 'two', 'three', 'four']) {
      await play(clock + 100, { type: 'chat', name: 'Sam', text });
    }
    drivePage({ type: 'history', name: 'old.viewer', text: 'from before the reader attached' });
    expect(document.querySelector('[data-index="1"]')?.textContent).toContain('before the reader');
    // Observers run as microtasks: this one runs after the reader has seen the history row.
    await flushObservers();
    await play(clock + 100, { type: 'chat', name: 'Sam', text: 'new' });
    expect(ofKind('chat').map((e) => e.text)).toEqual(['one', 'two', 'three', 'four', 'new']);
  });

  it('re-attaches after the chat is re-rendered, without repeating what it had read', async () => {
    start();
    await play(clock + 100, { type: 'chat', name: 'Sam', text: 'before the re-render' });
    drivePage({ type: 'rerender' });
    await vi.waitFor(() => expect(document.querySelector('[data-e2e="chat-room"]')).not.toBeNull());
    await flushObservers();
    await play(clock + 100, { type: 'chat', name: 'Sam', text: 'after the re-render' });
    expect(ofKind('chat').map((e) => e.text)).toEqual([
      'before the re-render',
      'after the re-render',
    ]);
  });

  it('reads viewer counts with K and M suffixes as they change', async () => {
    start();
    await play(clock + 100, { type: 'chat', name: 'x', text: 'y' });
    drivePage({ type: 'viewers', text: '1.5M' });
    capture.tick();
    expect(ofKind('viewers').map((e) => e.count)).toEqual([1_200, 1_500_000]);
  });

  it('stops for good when TikTok moves to another live', async () => {
    start();
    await play(clock + 100, { type: 'gift', name: 'ana_b', hash: ROSE, count: 2 });
    drivePage({ type: 'navigate', path: '/@someone.else/live' });
    capture.tick();
    expect(stops).toEqual(['navigated']);
    // The open streak is ended at what it reached, and nothing more is read.
    expect(ofKind('gift').at(-1)).toMatchObject({ repeatCount: 2, repeatEnd: true });
    const count = events.length;
    drivePage({ type: 'chat', name: 'other', text: 'another streamer’s chat' });
    await flushObservers();
    expect(events).toHaveLength(count);
  });
});
