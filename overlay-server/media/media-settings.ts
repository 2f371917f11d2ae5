/**
 * The media cache's settings: the `media` section of config.json (all optional) and the
 * defaults. Host suffixes are TikTok's picture CDNs as they appear in real payloads (avatars,
 * gift pictures, emotes and badges: `p16-sign-va.tiktokcdn.com`, `p16-sign.tiktokcdn-us.com`,
 * `p19-webcast.tiktokcdn.com`, …; see docs/media-cache.md).
 */
import { z } from 'zod';

/** TikTok's picture CDN domains; a host matches its suffix or any subdomain of it. */
export const DEFAULT_MEDIA_HOSTS = [
  'tiktokcdn.com',
  'tiktokcdn-us.com',
  'tiktokcdn-eu.com',
  'ibyteimg.com',
  'byteimg.com',
  'muscdn.com',
] as const;

/** Resolved settings. */
export interface MediaSettings {
  /** Host suffixes pictures may come from. */
  allowedHosts: readonly string[];
  /** Disk space the cache may use, bytes; least recently used pictures go first. */
  cacheBytes: number;
  /** Largest picture fetched, bytes; a bigger body is cut off and refused. */
  maxImageBytes: number;
  /** Whole fetch, redirects included, ms. */
  timeoutMs: number;
  /** Redirects followed at most (each one checked like the first URL). */
  maxRedirects: number;
}

export const DEFAULT_MEDIA_SETTINGS: MediaSettings = {
  allowedHosts: DEFAULT_MEDIA_HOSTS,
  cacheBytes: 128 * 1024 * 1024,
  maxImageBytes: 2 * 1024 * 1024,
  timeoutMs: 8_000,
  maxRedirects: 3,
};

// A DNS name of letters, digits and hyphens, no IP literal (IP hosts are refused anyway).
const hostSuffix = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'a host name like tiktokcdn.com');

/** `media` in config.json. Every key is optional; `allowedHosts` replaces the default list. */
export const mediaConfigSchema = z
  .object({
    allowedHosts: z.array(hostSuffix).min(1).max(100).optional(),
    cacheMegabytes: z.number().int().min(8).max(100_000).optional(),
    maxImageKilobytes: z.number().int().min(16).max(50_000).optional(),
    timeoutSeconds: z.number().min(1).max(60).optional(),
    maxRedirects: z.number().int().min(0).max(10).optional(),
  })
  .strict();
export type MediaConfig = z.infer<typeof mediaConfigSchema>;

export function mediaSettingsFrom(config: MediaConfig | undefined): MediaSettings {
  const defaults = DEFAULT_MEDIA_SETTINGS;
  const maxImageBytes = (config?.maxImageKilobytes ?? defaults.maxImageBytes / 1024) * 1024;
  const cacheBytes = (config?.cacheMegabytes ?? defaults.cacheBytes / 1024 / 1024) * 1024 * 1024;
  return {
    allowedHosts: config?.allowedHosts ?? defaults.allowedHosts,
    // The cache always holds at least one picture of the largest size.
    cacheBytes: Math.max(cacheBytes, maxImageBytes),
    maxImageBytes,
    timeoutMs: (config?.timeoutSeconds ?? defaults.timeoutMs / 1000) * 1000,
    maxRedirects: config?.maxRedirects ?? defaults.maxRedirects,
  };
}
