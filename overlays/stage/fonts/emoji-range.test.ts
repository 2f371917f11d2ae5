import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woff2CodePoints } from '../../../tests/support/woff2-cmap';
import { EMOJI_UNICODE_RANGE } from './emoji-range';
import { formatUnicodeRange, parseUnicodeRange, rangesCover } from './unicode-ranges';

const fontFile = createRequire(import.meta.url).resolve('twemoji-colr-font/twemoji.woff2');
const isPrivateUse = (codePoint: number) => codePoint >= 0xe000 && codePoint <= 0xf8ff;

describe('bundled emoji font range', () => {
  const mapped = [...woff2CodePoints(fontFile)].filter((cp) => cp >= 0x20 && !isPrivateUse(cp));

  it('names exactly the code points the font draws (no private-use glyphs)', () => {
    expect(EMOJI_UNICODE_RANGE).toBe(formatUnicodeRange(mapped));
  });

  it('covers flags, skin tones, ZWJ sequences and keycaps', () => {
    const ranges = parseUnicodeRange(EMOJI_UNICODE_RANGE);
    for (const codePoint of [0x1f1ef, 0x1f1f5, 0x1f3fd, 0x200d, 0xfe0f, 0x20e3, 0x1f339, 0x1fa99]) {
      expect(rangesCover(ranges, codePoint), codePoint.toString(16)).toBe(true);
    }
    expect(rangesCover(ranges, 0x41)).toBe(false);
  });
});
