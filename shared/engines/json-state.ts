/** Helpers for engine state that is plain JSON (exported into journal snapshots). */

/** Deep copy of JSON state (plain objects, arrays, numbers, strings, booleans, null). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
