import { describe, expect, it } from 'vitest';
import { DEFAULT_SOUND_SETTINGS } from '../../../shared/protocol/sounds';
import { sampleAlert } from '../../demo/sample-alert';
import { AlertSequencer } from './alert-sequencer';
import { AlertSounds, type SoundOutput } from './alert-sounds';

function recorder() {
  const played: string[] = [];
  const preloaded: string[] = [];
  const mixes: Array<{ volume: number; muted: boolean }> = [];
  const output: SoundOutput = {
    preload: async (id) => {
      preloaded.push(id);
    },
    play: (id) => {
      played.push(id);
      return true;
    },
    setMix: (mix) => mixes.push({ volume: mix.volume, muted: mix.muted }),
  };
  return { output, played, preloaded, mixes };
}

describe('AlertSounds', () => {
  it('a streak ×1 → ×10 that levels up a tier on screen plays one sound, its first tier', () => {
    const { output, played } = recorder();
    const sounds = new AlertSounds(output);
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    // Perfume, 20 coins: ×1–×4 is tier 2, ×5 (100 coins) crosses into tier 3.
    for (let count = 1; count <= 10; count += 1) {
      const view = sampleAlert({ id: 'streak', coins: 20 * count, count, settled: count === 10 });
      sounds.follow(sequencer.upsert(view, count * 100));
    }
    for (let now = 1_000; now < 20_000; now += 16) sounds.follow(sequencer.tick(now));
    expect(sequencer.stats).toMatchObject({ started: 1, ended: 1, updated: 9 });
    expect(played).toEqual(['tier-2']);
  });

  it('every alert of a backlog plays as its card starts', () => {
    const { output, played } = recorder();
    const sounds = new AlertSounds(output);
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    sounds.follow(sequencer.upsert(sampleAlert({ id: 'a', coins: 1 }), 0));
    sounds.follow(sequencer.upsert(sampleAlert({ id: 'b', coins: 5_000 }), 1));
    expect(played).toEqual(['tier-1']);
    for (let now = 16; now < 30_000; now += 16) sounds.follow(sequencer.tick(now));
    expect(played).toEqual(['tier-1', 'tier-4']);
  });

  it('a gift sound before a tier override before the bundled sound; one that is gone falls back', () => {
    const { output, played, preloaded, mixes } = recorder();
    const sounds = new AlertSounds(output);
    expect(preloaded).toEqual(['tier-1', 'tier-2', 'tier-3', 'tier-4', 'tier-5']);
    const uploaded = { name: 'x.wav', type: 'audio/wav', bytes: 100 };
    sounds.apply({
      sounds: [
        { id: 'a'.repeat(32).concat('.wav'), ...uploaded },
        { id: 'b'.repeat(32).concat('.ogg'), ...uploaded },
      ],
      settings: {
        volume: 0.5,
        muted: true,
        tiers: { '1': 'b'.repeat(32).concat('.ogg'), '2': 'gone.wav' },
        gifts: { Lion: 'a'.repeat(32).concat('.wav') },
      },
    });
    expect(mixes.at(-1)).toEqual({ volume: 0.5, muted: true });
    expect(preloaded).toContain('a'.repeat(32).concat('.wav'));
    const start = (alert: ReturnType<typeof sampleAlert>) =>
      sounds.follow([{ type: 'start', alert }]);
    start(
      sampleAlert({
        id: '1',
        coins: 29_999,
        gift: { name: 'Lion', imageUrl: null, coinsPerUnit: 29_999 },
      }),
    );
    start(sampleAlert({ id: '2', coins: 1 }));
    start(sampleAlert({ id: '3', coins: 20 }));
    start(sampleAlert({ id: '4', coins: 100, gift: null, kind: 'follow' }));
    expect(played).toEqual([
      'a'.repeat(32).concat('.wav'),
      'b'.repeat(32).concat('.ogg'),
      'tier-2',
      'tier-3',
    ]);
    expect(DEFAULT_SOUND_SETTINGS.muted).toBe(false);
  });
});
