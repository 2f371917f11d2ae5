/**
 * Viewer text is hostile and unbounded: names with 60 emoji, messages with newlines and
 * control characters. Everything a viewer wrote passes through here before it reaches a Pixi
 * `Text`, and comes out as one clean line that fits its box, ending in an ellipsis when cut.
 * Pure: the width measure is injected (Pixi's CanvasTextMetrics in the page, a fake in tests).
 */

export const ELLIPSIS = '…';

// Intl.Segmenter (Chromium 87) keeps emoji sequences (👩‍👩‍👧, flags, skin tones) whole.
const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/** Splits text into user-perceived characters, so a cut never splits an emoji. */
export function graphemes(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (part) => part.segment);
  return Array.from(text);
}

// C0/C1 controls and bidi overrides that could reorder or hide the rest of a line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/** Collapses whitespace and strips control and bidi-override characters. */
export function cleanLine(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** Cuts to at most `max` graphemes, the last being the ellipsis when anything was cut. */
export function truncateGraphemes(text: string, max: number): string {
  // Segmenting 100k characters is slow; no grapheme we keep lies beyond 16 code units each.
  const budget = max * 16 + 16;
  const cut = text.length > budget;
  const parts = graphemes(cleanLine(cut ? text.slice(0, budget) : text));
  if (parts.length <= max && !cut) return parts.join('');
  return `${parts
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}

/** Measures a string's rendered width in pixels. */
export type MeasureWidth = (text: string) => number;

/**
 * The longest prefix (in graphemes) that fits `maxWidth` with an ellipsis appended, found by
 * binary search so a 500-character message costs ~9 measurements, not 500.
 */
export function fitToWidth(
  text: string,
  maxWidth: number,
  measure: MeasureWidth,
  maxGraphemes = 200,
): string {
  const line = truncateGraphemes(text, maxGraphemes);
  if (measure(line) <= maxWidth) return line;
  const parts = graphemes(line.endsWith(ELLIPSIS) ? line.slice(0, -1) : line);
  let fits = 0;
  let tooLong = parts.length;
  while (tooLong - fits > 1) {
    const middle = (fits + tooLong) >> 1;
    const candidate = `${parts.slice(0, middle).join('').trimEnd()}${ELLIPSIS}`;
    if (measure(candidate) <= maxWidth) fits = middle;
    else tooLong = middle;
  }
  return `${parts.slice(0, fits).join('').trimEnd()}${ELLIPSIS}`;
}

/** 1234 → "1,234"; 12_345 → "12.3K"; 2_500_000 → "2.5M". For counters on small cards. */
export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs < 10_000) return Math.round(value).toLocaleString('en-US');
  if (abs < 1_000_000) return `${trimZero((value / 1000).toFixed(1))}K`;
  return `${trimZero((value / 1_000_000).toFixed(1))}M`;
}

const trimZero = (fixed: string): string => fixed.replace(/\.0$/, '');

/** 75 → "1:15"; 3725 → "1:02:05". Rounded up, so it reads 0:00 only at the end. */
export function formatClock(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
