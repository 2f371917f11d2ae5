/**
 * Loads pictures from events (gift images, avatars, emotes, badges) as textures the caller owns.
 * TikTok pictures come through the server's media cache (`/media/image`, same origin): TikTok's
 * CDN sends no CORS headers, so WebGL could not draw them straight from it. Never throws: a
 * picture that cannot load (no server in `?demo`, refused, 404, timeout) resolves to null and
 * the caller draws its fallback. Textures bypass Pixi's Assets cache on purpose: each avatar is
 * used once, and the caller destroys it with its card, so nothing accumulates over a stream.
 */
import { ImageSource, Texture } from 'pixi.js';
import { type PictureOrigin, pictureRequestUrl } from './picture-route';

const TIMEOUT_MS = 6000;

export function loadPicture(
  url: string | null,
  origin: PictureOrigin = 'tiktok',
): Promise<Texture | null> {
  const source = pictureRequestUrl(url, origin);
  if (!source) return Promise.resolve(null);
  return new Promise((resolve) => {
    const image = new Image();
    // WebGL may only upload cross-origin pictures served with CORS; without it, fall back.
    image.crossOrigin = 'anonymous';
    image.decoding = 'async';
    let done = false;
    const finish = (texture: Texture | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      image.onload = null;
      image.onerror = null;
      resolve(texture);
    };
    const timer = setTimeout(() => {
      image.src = '';
      finish(null);
    }, TIMEOUT_MS);
    image.onload = () => {
      if (image.naturalWidth === 0) return finish(null);
      finish(new Texture({ source: new ImageSource({ resource: image }) }));
    };
    image.onerror = () => finish(null);
    image.src = source;
  });
}
