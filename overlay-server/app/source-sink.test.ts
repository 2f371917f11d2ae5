import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/events/live-event';
import type { SourcesState } from '../../shared/protocol/channel-data';
import { viewer } from '../../tests/support/engine-events';
import { silentLogger } from '../log';
import type { Relay } from '../pipeline/relay';
import { emptySummary } from '../sources/input-summary';
import { createSourceBoard, primarySource } from './source-sink';

function fakeRelay() {
  const ingested: LiveEvent[] = [];
  const calls: number[] = [];
  const published: SourcesState[] = [];
  const relay = {
    ingest: (events: LiveEvent[]) => {
      calls.push(events.length);
      ingested.push(...events);
      return events.map(() => 'accepted');
    },
    setSources: (state: SourcesState) => published.push(state),
    settleOpenStreaks: () => 1,
  } as unknown as Relay;
  return { relay, ingested, published, calls };
}

const user = viewer('sam');
const chat = (source: LiveEvent['source'], id: string): LiveEvent => ({
  kind: 'chat',
  id,
  source,
  at: Date.now(),
  user,
  text: 'hello',
  emotes: [],
});
const viewers = (source: LiveEvent['source'], count: number): LiveEvent => ({
  kind: 'viewers',
  id: `${source}-v-${count}`,
  source,
  at: Date.now(),
  count,
  totalViewers: null,
  topViewers: [],
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('source board', () => {
  it('gives the relay what a source emitted in one event-loop turn as one batch', async () => {
    const { relay, calls, ingested } = fakeRelay();
    const sink = createSourceBoard(relay, silentLogger).sinkFor('connector');
    // tiktok-live-connector hands out one response's messages one by one with an await between
    // them (microtasks, one turn): they reach the relay together, one journal write.
    const response = async () => {
      for (let n = 1; n <= 5; n++) {
        sink.emit(chat('connector', `response-1-${n}`));
        await Promise.resolve();
      }
    };
    await response();
    expect(calls).toEqual([]);
    await nextTurn();
    expect(calls).toEqual([5]);
    sink.emit(chat('connector', 'response-2-1'));
    await nextTurn();
    expect(calls).toEqual([5, 1]);
    expect(ingested.map((e) => e.id)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `response-1-${n}`),
      'response-2-1',
    ]);
  });

  it('shows page capture (fed through /ingest) with its traffic, its own status and as primary', () => {
    const { relay, published } = fakeRelay();
    const board = createSourceBoard(relay, silentLogger);
    board.observe([viewers('page', 1_200)]);
    expect(board.state().sources).toMatchObject([
      { source: 'page', state: 'live', primary: true, eventsPerMinute: 1 },
    ]);
    board.reportStatus('page', {
      state: 'ended',
      detail: '@fixture: the page moved to another live',
    });
    expect(board.state().sources[0]).toMatchObject({
      state: 'ended',
      detail: '@fixture: the page moved to another live',
    });
    expect(published.at(-1)?.sources[0]?.state).toBe('ended');
  });

  it('makes the live connector primary and keeps its exact viewer count over the page’s rounded one', () => {
    const { relay } = fakeRelay();
    const board = createSourceBoard(relay, silentLogger);
    const connector = board.sinkFor('connector');
    board.observe([viewers('page', 1_200)]);
    expect(board.admit(viewers('page', 1_200))).toBe(true);
    connector.status({ state: 'live', detail: '@host' });
    expect(board.state().sources.find((s) => s.primary)?.source).toBe('connector');
    expect(board.admit(viewers('page', 1_300))).toBe(false);
    expect(board.admit(viewers('connector', 1_234))).toBe(true);
  });

  it('shows what became of a source’s input and settles open streaks at its end', () => {
    const { relay } = fakeRelay();
    const board = createSourceBoard(relay, silentLogger);
    const replay = board.sinkFor('replay');
    const summary = {
      ...emptySummary(),
      read: 3,
      events: 1,
      eventsByKind: { chat: 1 },
      skipped: { count: 2, byReason: [{ reason: 'unknown event', count: 2, lines: [2, 3] }] },
      unknownEvents: { hourlyRank: 2 },
    };
    replay.inputTally?.(() => summary);
    expect(board.state().sources[0]?.input).toEqual(summary);
    expect(replay.endOfInput?.()).toBe(1);
  });

  it('counts a chat line once when the connector and the page both report it', () => {
    const { relay, ingested } = fakeRelay();
    const board = createSourceBoard(relay, silentLogger);
    board.sinkFor('connector').emit(chat('connector', '9100000000000000002'));
    board.flush();
    expect(board.admit(chat('page', 'page-chat-1a2b3c4d'))).toBe(false);
    expect(ingested.map((e) => e.id)).toEqual(['9100000000000000002']);
  });

  it('picks the primary: the first live of connector, page, replay, simulator; else the first', () => {
    const health = (source: 'page' | 'connector' | 'simulator', state: 'live' | 'waiting') => ({
      source,
      state,
      detail: null,
      primary: false,
      lastEventAt: null,
      eventsPerMinute: 0,
    });
    expect(primarySource([health('page', 'live'), health('connector', 'waiting')])).toBe('page');
    expect(primarySource([health('simulator', 'live'), health('connector', 'live')])).toBe(
      'connector',
    );
    expect(primarySource([health('page', 'waiting')])).toBe('page');
    expect(primarySource([])).toBeNull();
  });
});
