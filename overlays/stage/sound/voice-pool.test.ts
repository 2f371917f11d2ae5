import { describe, expect, it } from 'vitest';
import { VoicePool } from './voice-pool';

describe('VoicePool', () => {
  it('keeps at most its cap playing, stopping the oldest for a new voice', () => {
    const pool = new VoicePool<string>(3);
    expect(pool.add('a')).toEqual([]);
    expect(pool.add('b')).toEqual([]);
    expect(pool.add('c')).toEqual([]);
    expect(pool.add('d')).toEqual(['a']);
    expect(pool.add('e')).toEqual(['b']);
    expect(pool.playing).toBe(3);
    expect(pool.counts).toEqual({ started: 5, stolen: 2, peak: 3 });
  });

  it('frees a slot when a voice ends, and ignores a voice already stopped', () => {
    const pool = new VoicePool<string>(2);
    pool.add('a');
    pool.add('b');
    pool.remove('a');
    pool.remove('a');
    expect(pool.add('c')).toEqual([]);
    expect(pool.add('d')).toEqual(['b']);
    // The stolen voice's own end arrives later: nothing else is dropped.
    pool.remove('b');
    expect(pool.playing).toBe(2);
  });

  it('a storm of 30 voices at once never has more than the cap playing', () => {
    const pool = new VoicePool<number>(3);
    let most = 0;
    for (let i = 0; i < 30; i += 1) {
      for (const stopped of pool.add(i)) pool.remove(stopped);
      most = Math.max(most, pool.playing);
    }
    expect(most).toBe(3);
    expect(pool.counts).toEqual({ started: 30, stolen: 27, peak: 3 });
  });

  it('refuses a cap below one', () => {
    expect(() => new VoicePool(0)).toThrow(RangeError);
  });
});
