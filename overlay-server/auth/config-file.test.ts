import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaSettingsFrom } from '../media/media-settings';
import { loadOrCreateConfig } from './config-file';
import { newRoleTokens } from './tokens';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});
function homeWith(config: unknown): string {
  const home = mkdtempSync(join(tmpdir(), 'limelight-config-'));
  homes.push(home);
  writeFileSync(join(home, 'config.json'), JSON.stringify(config));
  return home;
}

describe('config.json', () => {
  it('reads the media section (optional; defaults otherwise)', () => {
    const tokens = newRoleTokens();
    const plain = loadOrCreateConfig(homeWith({ version: 1, tokens }));
    expect(mediaSettingsFrom(plain.config.media).allowedHosts).toContain('tiktokcdn.com');
    const custom = loadOrCreateConfig(
      homeWith({
        version: 1,
        tokens,
        media: { allowedHosts: ['my-cdn.example'], maxRedirects: 1 },
      }),
    );
    expect(mediaSettingsFrom(custom.config.media)).toMatchObject({
      allowedHosts: ['my-cdn.example'],
      maxRedirects: 1,
    });
  });

  it('refuses to start on a media section it cannot use, naming the key', () => {
    const home = homeWith({
      version: 1,
      tokens: newRoleTokens(),
      media: { allowedHosts: ['169.254.169.254'] },
    });
    expect(() => loadOrCreateConfig(home)).toThrow(/not a valid Limelight config.*allowedHosts/s);
  });
});
