/**
 * The server's picture route: every TikTok picture (avatars, gift pictures, emotes, badges) is
 * loaded through it, same-origin, instead of from TikTok's CDN, which sends no CORS headers (a
 * WebGL page cannot draw such pictures) and should not learn who watches the panel.
 */
import type { Role } from './roles';

export const MEDIA_IMAGE_PATH = '/media/image';

/** Roles whose token may load pictures: overlay pages and the panel. */
export const MEDIA_ROLES: readonly Role[] = ['overlay', 'owner', 'moderator'];

/** The path (with query) that loads `src` through the server's media cache. */
export function mediaImagePath(src: string, token: string): string {
  return `${MEDIA_IMAGE_PATH}?src=${encodeURIComponent(src)}&token=${encodeURIComponent(token)}`;
}
