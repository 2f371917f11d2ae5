import { describe, expect, it } from 'vitest';
import { formatUnicodeRange, parseUnicodeRange, rangesCover } from './unicode-ranges';

describe('unicode ranges', () => {
  it('reads CSS unicode-range values, wildcards included', () => {
    expect(parseUnicodeRange('U+1F1E6-1F1FF, U+200d,U+4??')).toEqual([
      [0x400, 0x4ff],
      [0x200d, 0x200d],
      [0x1f1e6, 0x1f1ff],
    ]);
    expect(parseUnicodeRange('nonsense,U+zz')).toEqual([]);
  });

  it('finds code points in sorted intervals', () => {
    const ranges = parseUnicodeRange('U+30-39,U+3040-309F,U+1F1E6-1F1FF');
    expect([0x30, 0x39, 0x3042, 0x1f1ef].every((cp) => rangesCover(ranges, cp))).toBe(true);
    expect([0x2f, 0x41, 0x4e00, 0x1f600].some((cp) => rangesCover(ranges, cp))).toBe(false);
  });

  it('writes code points back as the shortest range list', () => {
    expect(formatUnicodeRange([0x35, 0x33, 0x34, 0x1f1e6, 0x1f1e7, 0xa9])).toBe(
      'U+33-35,U+a9,U+1f1e6-1f1e7',
    );
    const round = parseUnicodeRange(formatUnicodeRange([1, 2, 3, 10]));
    expect(round).toEqual([
      [1, 3],
      [10, 10],
    ]);
  });
});
