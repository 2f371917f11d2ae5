import { describe, expect, it } from 'vitest';
import {
  cleanLine,
  compactNumber,
  ELLIPSIS,
  fitToWidth,
  graphemes,
  truncateGraphemes,
} from './text-fit';

/** A monospace fake: every grapheme is 10 px wide. */
const mono = (text: string) => graphemes(text).length * 10;

describe('viewer text fitting', () => {
  it('keeps emoji sequences whole when counting and cutting', () => {
    expect(graphemes('a👩‍👩‍👧b🇯🇵')).toEqual(['a', '👩‍👩‍👧', 'b', '🇯🇵']);
    expect(truncateGraphemes('👍🏽👍🏽👍🏽👍🏽', 3)).toBe(`👍🏽👍🏽${ELLIPSIS}`);
  });

  it('returns short text unchanged and cuts long text with an ellipsis', () => {
    expect(truncateGraphemes('Ana', 10)).toBe('Ana');
    expect(truncateGraphemes('abcdefghijkl', 5)).toBe(`abcd${ELLIPSIS}`);
  });

  it('flattens newlines, tabs and control or bidi-override characters to one clean line', () => {
    expect(cleanLine('  hi\n\tthere\u0007 \u202Egnp.exe  ')).toBe('hi there gnp.exe');
  });

  it('fits text to a pixel width, ellipsis included', () => {
    expect(fitToWidth('short', 100, mono)).toBe('short');
    const fitted = fitToWidth('a very long display name indeed', 100, mono);
    expect(fitted.endsWith(ELLIPSIS)).toBe(true);
    expect(mono(fitted)).toBeLessThanOrEqual(100);
    expect(mono(fitToWidth('a very long display name indeed', 110, mono))).toBeGreaterThan(100);
  });

  it('bounds the cost on huge input by cutting to a grapheme budget first', () => {
    let calls = 0;
    const counting = (text: string) => {
      calls += 1;
      return mono(text);
    };
    fitToWidth('x'.repeat(100_000), 300, counting);
    expect(calls).toBeLessThan(12);
  });

  it('formats counters compactly', () => {
    expect(compactNumber(1234)).toBe('1,234');
    expect(compactNumber(12_345)).toBe('12.3K');
    expect(compactNumber(2_000_000)).toBe('2M');
  });
});
