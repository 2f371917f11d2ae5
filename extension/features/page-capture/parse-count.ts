/** Reads TikTok's abbreviated counts: "987", "1.2K", "3,4 M", "1B". Null when unreadable. */
export function parseAbbreviatedCount(text: string | null | undefined): number | null {
  const match = (text ?? '')
    .trim()
    .replace(/\s/g, '')
    .match(/^(\d+(?:[.,]\d+)?)([KMB])?\+?$/i);
  if (!match) return null;
  const [, digits = '', suffix] = match;
  // With a suffix the separator is decimal ("1,2K" in some locales); without, it groups ("1,234").
  const value = suffix ? Number(digits.replace(',', '.')) : Number(digits.replace(/[.,]/g, ''));
  if (!Number.isFinite(value)) return null;
  const scale = { K: 1e3, M: 1e6, B: 1e9 }[(suffix ?? '').toUpperCase()] ?? 1;
  return Math.round(value * scale);
}
