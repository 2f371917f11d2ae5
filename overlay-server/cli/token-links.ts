/**
 * Where a freshly issued token goes: the pairing link for a panel (owner, moderator: the panel
 * switches between the token's streams itself), the OBS URL of each overlay page, nothing for a
 * source (ingest: it takes the token itself). An overlay page shows its token's first stream;
 * for a token granted several, each stream gets its own URLs naming it with `&stream=`.
 */
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import type { Role } from '../../shared/protocol/roles';

export function tokenLinks(
  baseUrl: string,
  role: Role,
  secret: string,
  streamers: readonly string[] = [],
): string[] {
  const base = baseUrl.replace(/\/$/, '');
  const token = encodeURIComponent(secret);
  if (role === 'owner' || role === 'moderator') return [`pair: ${base}/pair?token=${token}`];
  if (role !== 'overlay') return [];
  if (streamers.length < 2)
    return OVERLAY_PAGES.map(
      (page) => `${page.padEnd(12)} ${base}/overlays/${page}.html?token=${token}`,
    );
  return streamers.flatMap((stream) =>
    OVERLAY_PAGES.map(
      (page) =>
        `${`${stream}/${page}`.padEnd(24)} ${base}/overlays/${page}.html?token=${token}&stream=${encodeURIComponent(stream)}`,
    ),
  );
}
