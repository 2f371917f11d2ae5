/**
 * CSS `unicode-range` values as code point intervals: which bundled face draws a character is
 * decided from them, so a page loads only the font files its text needs. Pure.
 */

/** Inclusive code point intervals, sorted by start. */
export type CodePointRanges = ReadonlyArray<readonly [number, number]>;

/** `U+0-7F,U+1F1E6-1F1FF,U+4??` → intervals (wildcards widen to their span). */
export function parseUnicodeRange(value: string): CodePointRanges {
  const ranges: Array<[number, number]> = [];
  for (const part of value.split(',')) {
    const match = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match?.[1]) continue;
    const start = Number.parseInt(match[1].replace(/\?/g, '0'), 16);
    const end = match[2]
      ? Number.parseInt(match[2], 16)
      : Number.parseInt(match[1].replace(/\?/g, 'f'), 16);
    if (Number.isFinite(start) && Number.isFinite(end)) ranges.push([start, end]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Whether `codePoint` lies in one of the (sorted) intervals: a binary search. */
export function rangesCover(ranges: CodePointRanges, codePoint: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle]!;
    if (codePoint < start) high = middle - 1;
    else if (codePoint > end) low = middle + 1;
    else return true;
  }
  return false;
}

/** Sorted code points → the shortest `unicode-range` value naming exactly them. */
export function formatUnicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  let index = 0;
  while (index < sorted.length) {
    const start = sorted[index]!;
    let end = start;
    while (sorted[index + 1] === end + 1) {
      index += 1;
      end += 1;
    }
    parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
    index += 1;
  }
  return parts.join(',');
}

const hex = (value: number) => value.toString(16);
