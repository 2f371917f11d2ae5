/**
 * The Euler Stream sign-server key for tiktok-live-connector: `LIMELIGHT_TIKTOK_API_KEY`, else
 * `SIGN_API_KEY` (the library's own variable), else `tiktok.apiKey` in the user's config file
 * (`~/.limelight/config.json`, mode 0600). Optional: without a key the sign server's free tier
 * applies. The key is a secret: it is never logged or shown; only whether one is set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ApiKeyLookup {
  key: string | undefined;
  /** Where it came from, for the start-up log line (never the key itself). */
  from: 'LIMELIGHT_TIKTOK_API_KEY' | 'SIGN_API_KEY' | 'config file' | 'none';
}

export function resolveTikTokApiKey(env: NodeJS.ProcessEnv, home: string): ApiKeyLookup {
  const fromEnv = env.LIMELIGHT_TIKTOK_API_KEY?.trim();
  if (fromEnv) return { key: fromEnv, from: 'LIMELIGHT_TIKTOK_API_KEY' };
  const signKey = env.SIGN_API_KEY?.trim();
  if (signKey) return { key: signKey, from: 'SIGN_API_KEY' };
  const fromFile = readConfigKey(join(home, 'config.json'));
  return fromFile ? { key: fromFile, from: 'config file' } : { key: undefined, from: 'none' };
}

function readConfigKey(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const config = JSON.parse(readFileSync(path, 'utf8')) as { tiktok?: { apiKey?: unknown } };
    const key = config.tiktok?.apiKey;
    return typeof key === 'string' && key.trim() ? key.trim() : undefined;
  } catch {
    // A broken config file is reported by the server's own config loader.
    return undefined;
  }
}
