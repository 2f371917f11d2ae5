/**
 * Where a freshly issued token goes: the pairing link for a panel (owner, moderator), the OBS
 * URL of each overlay page (overlay: the pages show the token's first stream), nothing for a
 * source (ingest: it takes the token itself).
 */
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import type { Role } from '../../shared/protocol/roles';

export function tokenLinks(baseUrl: string, role: Role, secret: string): string[] {
  const base = baseUrl.replace(/\/$/, '');
  const token = encodeURIComponent(secret);
  if (role === 'owner' || role === 'moderator') return [`pair: ${base}/pair?token=${token}`];
  if (role === 'overlay')
    return OVERLAY_PAGES.map(
      (page) => `${page.padEnd(12)} ${base}/overlays/${page}.html?token=${token}`,
    );
  return [];
}
