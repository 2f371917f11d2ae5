import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SoundsState } from '../../shared/protocol/sounds';
import { SoundLibrary } from './sound-library';

const WAV = Buffer.concat([
  Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'),
  Buffer.alloc(64),
]);
const homes: string[] = [];
const home = () => {
  const dir = mkdtempSync(join(tmpdir(), 'limelight-sounds-'));
  homes.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SoundLibrary', () => {
  it('keeps uploads and settings across a restart, and a reload publishes them', () => {
    const dir = home();
    const first = new SoundLibrary(dir);
    const put = first.put(WAV, 'ding.wav');
    if (!put.ok) throw new Error(put.message);
    const id = put.state.sounds[0]?.id ?? '';
    expect(first.configure({ volume: 0.4, muted: false, tiers: { '2': id }, gifts: {} }).ok).toBe(
      true,
    );
    const heard: SoundsState[] = [];
    const second = new SoundLibrary(dir, (state) => heard.push(state));
    expect(second.state().settings.tiers).toEqual({ '2': id });
    expect(second.has(id) && second.has('tier-5') && !second.has('tier-6')).toBe(true);
    // Another process changed the folder: a reload reads it and publishes it.
    first.remove(id);
    second.reload();
    expect(heard.at(-1)).toEqual({
      sounds: [],
      settings: { volume: 0.4, muted: false, tiers: {}, gifts: {} },
    });
  });

  it('starts empty, with a warning, from a damaged index', () => {
    const dir = home();
    new SoundLibrary(dir);
    writeFileSync(join(dir, 'sounds', 'sounds.json'), '{"version": 1, "sounds": "no"}');
    const warnings: string[] = [];
    const library = new SoundLibrary(dir, undefined, (message) => warnings.push(message));
    expect(library.state().sounds).toEqual([]);
    expect(library.state().settings.volume).toBe(1);
    expect(warnings).toHaveLength(1);
  });
});
