import { describe, expect, it } from 'vitest';
import { createEventsPerMinute } from './events-per-minute';

describe('events per minute', () => {
  it('counts what arrived in the last 60 seconds and forgets older seconds', () => {
    const rate = createEventsPerMinute();
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 300; i++) rate.add(t0 + i * 100); // 10/s for 30 s
    expect(rate.count(t0 + 30_000)).toBe(300);
    // At second 75 the minute is seconds 16..75: 14 of the 30 busy seconds remain.
    expect(rate.count(t0 + 75_000)).toBe(140);
    expect(rate.count(t0 + 95_000)).toBe(0);
  });

  it('reuses a bucket a minute later instead of adding to its old count', () => {
    const rate = createEventsPerMinute();
    const t0 = 1_700_000_000_000;
    rate.add(t0);
    rate.add(t0 + 60_000);
    expect(rate.count(t0 + 60_000)).toBe(1);
  });

  it('stays exact at thousands of events per second', () => {
    const rate = createEventsPerMinute();
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 600_000; i++) rate.add(t0 + i / 5); // 5,000/s for 120 s
    expect(rate.count(t0 + 119_999)).toBe(300_000);
  });
});
