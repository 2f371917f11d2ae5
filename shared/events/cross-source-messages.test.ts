import { describe, expect, it } from 'vitest';
import { viewer } from '../../tests/support/engine-events';
import { createCrossSourceMessageFilter } from './cross-source-messages';
import type { LiveEvent } from './live-event';

const chat = (
  source: LiveEvent['source'],
  handle: string,
  text: string,
  at: number,
): LiveEvent => ({
  kind: 'chat',
  id: `${source}-${handle}-${at}`,
  source,
  at,
  user: viewer(handle),
  text,
  emotes: [],
});
const follow = (source: LiveEvent['source'], handle: string, at: number): LiveEvent => ({
  kind: 'follow',
  id: `${source}-f-${handle}-${at}`,
  source,
  at,
  user: viewer(handle),
  followerCount: null,
});

describe('cross-source message filter', () => {
  it('counts a chat line reported by the connector and the page once, whichever comes first', () => {
    const filter = createCrossSourceMessageFilter();
    expect(filter.admit(chat('connector', 'sam', 'hello', 1_000))).toBe(true);
    expect(filter.admit(chat('page', '@Sam', 'hello', 1_800))).toBe(false);
    expect(filter.admit(chat('page', 'ana', 'hi', 2_000))).toBe(true);
    expect(filter.admit(chat('connector', 'ana', 'hi', 2_400))).toBe(false);
  });

  it('tells apart lines whose handle and text only split differently, or differ in case or spaces', () => {
    const filter = createCrossSourceMessageFilter();
    expect(filter.admit(chat('connector', 'ab', 'c', 1_000))).toBe(true);
    expect(filter.admit(chat('page', 'a', 'bc', 1_100))).toBe(true);
    expect(filter.admit(chat('page', 'ab', 'C', 1_200))).toBe(true);
    expect(filter.admit(chat('page', 'ab', 'c c', 1_300))).toBe(true);
    // Spaces around the text and the handle's `@` and case are not part of the key.
    expect(filter.admit(chat('page', ' @AB ', ' c ', 1_400))).toBe(false);
  });

  it('keeps the same words said twice by one source, and a repeat after the window', () => {
    const filter = createCrossSourceMessageFilter(15_000);
    expect(filter.admit(chat('connector', 'sam', 'lol', 0))).toBe(true);
    expect(filter.admit(chat('connector', 'sam', 'lol', 500))).toBe(true);
    // The page saw both: each of its reports pairs with one of the connector's.
    expect(filter.admit(chat('page', 'sam', 'lol', 700))).toBe(false);
    expect(filter.admit(chat('page', 'sam', 'lol', 900))).toBe(false);
    expect(filter.admit(chat('page', 'sam', 'lol', 60_000))).toBe(true);
  });

  it('dedupes follows by sender and lets room counters through', () => {
    const filter = createCrossSourceMessageFilter();
    expect(filter.admit(follow('page', 'bo', 100))).toBe(true);
    expect(filter.admit(follow('connector', 'bo', 2_100))).toBe(false);
    const viewers: LiveEvent = {
      kind: 'viewers',
      id: 'v',
      source: 'page',
      at: 1,
      count: 5,
      totalViewers: null,
      topViewers: [],
    };
    expect(filter.admit(viewers)).toBe(true);
    expect(filter.admit({ ...viewers, id: 'v2', source: 'connector' })).toBe(true);
  });

  it('finds a twin logged while one source was alone, and never matches a consumed one again', () => {
    const filter = createCrossSourceMessageFilter(15_000);
    // The connector alone for a while: its lines are only logged.
    for (let i = 0; i < 50; i++)
      expect(filter.admit(chat('connector', `v${i}`, 'hi', i * 100))).toBe(true);
    // The page attaches and reports a line the connector sent 4 s earlier.
    expect(filter.admit(chat('page', 'v10', 'hi', 5_000))).toBe(false);
    expect(filter.admit(chat('page', 'new', 'first', 5_100))).toBe(true);
    // A page line stamped earlier than the connector's twin consumes it…
    expect(filter.admit(chat('connector', 'ana', 'yo', 10_000))).toBe(true);
    expect(filter.admit(chat('page', 'ana', 'yo', 6_000))).toBe(false);
    // …the page then goes quiet past the window, so the connector alone drops its index…
    expect(filter.admit(chat('connector', 'solo', 'x', 21_200))).toBe(true);
    // …and when the page is back, the consumed line (still in the window) is no twin again.
    expect(filter.admit(chat('page', 'ana', 'yo', 21_300))).toBe(true);
    expect(filter.admit(chat('connector', 'ana', 'yo', 21_400))).toBe(false);
  });
});
