/**
 * Which URL a page loads for a picture. TikTok pictures go through the server's media cache
 * with the page's token (same origin, so WebGL may draw them); a page without a server (`?demo`)
 * loads none and draws its fallbacks. Set once at boot; pure otherwise.
 */
import { mediaImagePath } from '../../shared/protocol/media';

/**
 * Where a picture comes from: `tiktok` (through the media cache, the default) or `direct` (a
 * URL the streamer chose, e.g. a sponsor's logo, loaded as is and drawn only if its server
 * allows it by CORS).
 */
export type PictureOrigin = 'tiktok' | 'direct';

let mediaToken: string | null = null;

/** Set once at boot: the page's token, or null (demo, no server) to draw fallbacks. */
export function usePictureToken(token: string | null): void {
  mediaToken = token;
}

/** The URL the page actually loads for a picture, or null when it cannot load it. */
export function pictureRequestUrl(url: string | null, origin: PictureOrigin): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  if (origin === 'direct') return url;
  return mediaToken ? mediaImagePath(url, mediaToken) : null;
}
