/**
 * Schedule consistency: how many streams started near a planned weekly slot. A regular schedule
 * is one of the engagement levers of docs/domain-rules.md; this measures it from actual start times.
 */
import type { ScheduleSlot } from '../storage/records';

/** A stream counts as on schedule when it starts within this many minutes of a slot. */
export const ON_SCHEDULE_MINUTES = 30;

export interface StreamStartCheck {
  startedAt: number;
  /** Minutes from the nearest planned slot (negative: early); null with no slot. */
  offsetMinutes: number | null;
  onSchedule: boolean;
}

export interface ScheduleConsistency {
  checks: StreamStartCheck[];
  /** Share of streams (0–1) that started on schedule; null with no streams or no schedule. */
  rate: number | null;
}

const MINUTES_PER_WEEK = 7 * 24 * 60;

/** Minute of the local week (Sunday 00:00 = 0) a time falls on. */
export function minuteOfWeek(at: number): number {
  const date = new Date(at);
  return date.getDay() * 24 * 60 + date.getHours() * 60 + date.getMinutes();
}

export function scheduleConsistency(
  slots: readonly ScheduleSlot[],
  startTimes: readonly number[],
): ScheduleConsistency {
  const checks = startTimes.map((startedAt) => {
    const offsetMinutes = nearestOffset(slots, minuteOfWeek(startedAt));
    return {
      startedAt,
      offsetMinutes,
      onSchedule: offsetMinutes !== null && Math.abs(offsetMinutes) <= ON_SCHEDULE_MINUTES,
    };
  });
  const rate =
    slots.length === 0 || checks.length === 0
      ? null
      : checks.filter((check) => check.onSchedule).length / checks.length;
  return { checks, rate };
}

function nearestOffset(slots: readonly ScheduleSlot[], minute: number): number | null {
  let best: number | null = null;
  for (const slot of slots) {
    const planned = slot.weekday * 24 * 60 + slot.startMinute;
    // The week wraps: Saturday 23:50 is 10 minutes before a Sunday 00:00 slot.
    let offset = (((minute - planned) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    if (offset > MINUTES_PER_WEEK / 2) offset -= MINUTES_PER_WEEK;
    if (best === null || Math.abs(offset) < Math.abs(best)) best = offset;
  }
  return best;
}
