/**
 * Loads pictures from events (gift images, avatars) as textures the caller owns. Never throws:
 * a picture that cannot load (offline, no CORS header, 404, timeout) resolves to null and the
 * caller draws its fallback. Textures bypass Pixi's Assets cache on purpose: each avatar is
 * used once, and the caller destroys it with its card, so nothing accumulates over a stream.
 */
import { ImageSource, Texture } from 'pixi.js';

const TIMEOUT_MS = 6000;

export function loadPicture(url: string | null): Promise<Texture | null> {
  if (!url || !/^https?:\/\//i.test(url)) return Promise.resolve(null);
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
    image.src = url;
  });
}
