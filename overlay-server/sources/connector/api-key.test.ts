import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/support/temp-dirs';
import { resolveTikTokApiKey } from './api-key';
import { createTikTokSource } from './index';

const tempDir = useTempDirs();

function homeWith(config: unknown): string {
  const home = tempDir('limelight-key-');
  writeFileSync(join(home, 'config.json'), JSON.stringify(config));
  return home;
}

describe('TikTok sign-server key', () => {
  it('comes from LIMELIGHT_TIKTOK_API_KEY, then SIGN_API_KEY, then the config file', () => {
    const home = homeWith({ version: 1, tiktok: { apiKey: 'from-file' } });
    expect(resolveTikTokApiKey({ LIMELIGHT_TIKTOK_API_KEY: 'a', SIGN_API_KEY: 'b' }, home)).toEqual(
      {
        key: 'a',
        from: 'LIMELIGHT_TIKTOK_API_KEY',
      },
    );
    expect(resolveTikTokApiKey({ SIGN_API_KEY: 'b' }, home)).toEqual({
      key: 'b',
      from: 'SIGN_API_KEY',
    });
    expect(resolveTikTokApiKey({}, home)).toEqual({ key: 'from-file', from: 'config file' });
    expect(resolveTikTokApiKey({}, homeWith({ version: 1 }))).toEqual({
      key: undefined,
      from: 'none',
    });
  });

  it('is never part of what the source reports about itself', () => {
    const secret = 'euler_live_secret_0123456789';
    const source = createTikTokSource({
      handle: '@host',
      env: { LIMELIGHT_TIKTOK_API_KEY: secret },
      home: homeWith({ version: 1 }),
    });
    expect(source.apiKeyFrom).toBe('LIMELIGHT_TIKTOK_API_KEY');
    expect(JSON.stringify(source)).not.toContain(secret);
  });

  it('refuses a handle that is not a TikTok user name', () => {
    expect(() =>
      createTikTokSource({ handle: '@bad name/<x>', env: {}, home: homeWith({ version: 1 }) }),
    ).toThrow(/--tiktok needs a TikTok handle/);
  });
});
