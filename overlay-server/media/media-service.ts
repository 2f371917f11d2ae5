/**
 * The media cache as the application builds it: settings (config.json's `media`, defaults
 * otherwise), the disk cache under the config folder, the guarded fetcher. The test allowance
 * (`loopbackForTests`) exists only here, in code: no config key or flag reaches it.
 */
import { join } from 'node:path';
import { fetchImage } from './fetch-image';
import { createImageCache } from './image-cache';
import type { MediaRouteDeps } from './media-route';
import { DEFAULT_MEDIA_SETTINGS, type MediaSettings } from './media-settings';
import type { Resolver } from './pinned-lookup';

/** How the application sets up its media cache. */
export interface MediaOptions {
  settings?: MediaSettings;
  /**
   * Tests only: a fake CDN on 127.0.0.1 — loopback addresses and any port are allowed. Never
   * set by the CLI or the config file.
   */
  loopbackForTests?: boolean;
  /** Tests only: resolves host names instead of the OS (to prove what is connected to). */
  resolve?: Resolver;
}

/** The folder the cache keeps its pictures in, inside the config folder. */
export const MEDIA_CACHE_DIR = 'media-cache';

export function createMediaService(dataDir: string, options: MediaOptions = {}): MediaRouteDeps {
  const settings = options.settings ?? DEFAULT_MEDIA_SETTINGS;
  const loopbackForTests = options.loopbackForTests === true;
  const cache = createImageCache({
    dir: join(dataDir, MEDIA_CACHE_DIR),
    maxBytes: settings.cacheBytes,
    fetch: (src) => fetchImage(src, { settings, resolve: options.resolve, loopbackForTests }),
  });
  return { cache, policy: { allowedHosts: settings.allowedHosts, anyPort: loopbackForTests } };
}
