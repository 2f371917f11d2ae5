import { describe, expect, it } from 'vitest';
import { scheduleConsistency } from './schedule-consistency';

/** Local time, so the weekday and minute match what the streamer planned. */
const at = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).getTime();

describe('scheduleConsistency', () => {
  // 2026-11-23 is a Monday.
  const mondayAt20 = [{ weekday: 1, startMinute: 20 * 60, durationMinutes: 120 }];

  it('measures each start against the nearest planned slot', () => {
    const result = scheduleConsistency(mondayAt20, [
      at(2026, 11, 23, 20, 10),
      at(2026, 11, 30, 19, 45),
      at(2026, 12, 1, 20, 0),
    ]);
    expect(result.checks.map((c) => c.offsetMinutes)).toEqual([10, -15, 1440]);
    expect(result.checks.map((c) => c.onSchedule)).toEqual([true, true, false]);
    expect(result.rate).toBeCloseTo(2 / 3);
  });

  it('wraps around the week', () => {
    const sundayMidnight = [{ weekday: 0, startMinute: 0, durationMinutes: 60 }];
    // Saturday 2026-11-28 23:50 is ten minutes early for Sunday 00:00.
    const [check] = scheduleConsistency(sundayMidnight, [at(2026, 11, 28, 23, 50)]).checks;
    expect(check?.offsetMinutes).toBe(-10);
  });

  it('has no rate without a schedule or without streams', () => {
    expect(scheduleConsistency([], [at(2026, 11, 23, 20, 0)]).rate).toBeNull();
    expect(scheduleConsistency(mondayAt20, []).rate).toBeNull();
  });
});
