/**
 * The OBS overlay pages the server serves at `/overlays/<page>.html`: built by
 * overlays/vite.config.ts, listed by `npm start`. One list, so a new page cannot be built but
 * left out of the printed URLs (or the reverse).
 */
export const OVERLAY_PAGES = [
  'alerts',
  'chat',
  'poll',
  'qna',
  'sponsor',
  'goal',
  'leaderboard',
  'battle',
  'actions',
  'scene',
] as const;

export type OverlayPage = (typeof OVERLAY_PAGES)[number];
