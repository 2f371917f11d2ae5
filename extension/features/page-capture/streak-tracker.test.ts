import { describe, expect, it } from 'vitest';
import { parseAbbreviatedCount } from './parse-count';
import { createStreakTracker, type GiftSighting } from './streak-tracker';

const sighting = (count: number, at: number, rowKey = 'row-1'): GiftSighting => ({
  sender: 'ana_b',
  giftHash: 'eba3a9bb85c33e017f3648eaf88d7189',
  count,
  rowKey,
  at,
});

function tracker() {
  let n = 0;
  return createStreakTracker({ streakId: () => `streak-${++n}` });
}

describe('page streak tracker', () => {
  it('replaces the count as the row grows, and ends the streak after the quiet period', () => {
    const t = tracker();
    const frames = [1, 2, 3].flatMap((count, i) => t.observe(sighting(count, i * 400)));
    expect(frames.map((f) => [f.streakId, f.count, f.repeatEnd])).toEqual([
      ['streak-1', 1, false],
      ['streak-1', 2, false],
      ['streak-1', 3, false],
    ]);
    expect(t.advance(800 + 2_999)).toEqual([]);
    expect(t.advance(800 + 3_000)).toMatchObject([
      { streakId: 'streak-1', count: 3, repeatEnd: true },
    ]);
    expect(t.openCount).toBe(0);
  });

  it('treats the same N within half a second, or from the same row, as the same frame', () => {
    const t = tracker();
    t.observe(sighting(2, 0));
    expect(t.observe(sighting(2, 400, 'another-row'))).toEqual([]);
    expect(t.observe(sighting(2, 2_000))).toEqual([]);
    // The same N from a new row, later: a new streak of the same gift.
    const frames = t.observe(sighting(2, 2_600, 'row-2'));
    expect(frames.map((f) => [f.streakId, f.count, f.repeatEnd])).toEqual([
      ['streak-1', 2, true],
      ['streak-2', 2, false],
    ]);
  });

  it('starts a new streak on a smaller N', () => {
    const t = tracker();
    t.observe(sighting(5, 0));
    expect(t.observe(sighting(1, 1_000)).map((f) => [f.streakId, f.count, f.repeatEnd])).toEqual([
      ['streak-1', 5, true],
      ['streak-2', 1, false],
    ]);
  });

  it('stays silent about backlog streaks unless they grow', () => {
    const t = tracker();
    t.prime(sighting(4, 0));
    expect(t.advance(10_000)).toEqual([]);
    t.prime(sighting(4, 10_000));
    expect(t.observe(sighting(6, 10_500)).map((f) => f.count)).toEqual([6]);
    expect(t.closeAll(11_000)).toMatchObject([{ count: 6, repeatEnd: true }]);
  });
});

describe('parseAbbreviatedCount', () => {
  it('reads the suffixes and separators TikTok shows', () => {
    const cases: Array<[string, number | null]> = [
      ['987', 987],
      ['1.2K', 1_200],
      ['1,2K', 1_200],
      ['3.45M', 3_450_000],
      ['1B', 1_000_000_000],
      ['12,345', 12_345],
      [' 15 K ', 15_000],
      ['LIVE', null],
      ['', null],
    ];
    for (const [text, count] of cases) expect(parseAbbreviatedCount(text)).toBe(count);
  });
});
