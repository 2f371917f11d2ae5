import { SIGI_STATE_SCRIPT } from './selectors';

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

/**
 * The viewer count from the page's embedded state (`SIGI_STATE`), for layouts that do not show
 * it: `LiveRoom.liveRoomUserInfo.liveRoom.liveRoomStats.userCount`. Null when absent.
 */
export function readSigiViewerCount(doc: Document): number | null {
  const text = doc.querySelector(SIGI_STATE_SCRIPT)?.textContent;
  if (!text) return null;
  try {
    const state = JSON.parse(text) as {
      LiveRoom?: { liveRoomUserInfo?: { liveRoom?: { liveRoomStats?: { userCount?: unknown } } } };
    };
    const count = state.LiveRoom?.liveRoomUserInfo?.liveRoom?.liveRoomStats?.userCount;
    return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
  } catch {
    return null;
  }
}
