import { describe, expect, it } from 'vitest';
import { parseParams } from './params';

describe('parseParams', () => {
  it('has defaults that suit OBS: no preview, no demo, tier 1, speed 1', () => {
    const { params, warnings } = parseParams('?token=abc');
    expect(params).toMatchObject({
      token: 'abc',
      theme: 'dark',
      accent: null,
      anchor: null,
      scale: 1,
      preview: false,
      demo: false,
      minTier: 1,
      speed: 1,
      lines: 8,
    });
    expect(warnings).toEqual([]);
  });

  it('reads the stream a page shows; a malformed one is kept (the server refuses it) and warned about', () => {
    expect(parseParams('?token=abc').params.stream).toBeNull();
    expect(parseParams('?token=abc&stream=ben').params.stream).toBe('ben');
    const odd = parseParams('?token=abc&stream=Ben%20K');
    expect(odd.params.stream).toBe('Ben K');
    expect(odd.warnings).toEqual([
      'stream=Ben K: a stream is lower-case letters, digits and dashes',
    ]);
  });

  it('reads flags without values and honours explicit false', () => {
    expect(parseParams('?preview&demo').params).toMatchObject({ preview: true, demo: true });
    expect(parseParams('?preview=0&demo=false').params).toMatchObject({
      preview: false,
      demo: false,
    });
  });

  it('reads theme, accent (6 or 3 hex digits, with or without #), position and size', () => {
    const { params } = parseParams('?theme=neon&accent=%23ff3366&pos=bottom-left&scale=1.5&x=10');
    expect(params).toMatchObject({
      theme: 'neon',
      accent: 0xff3366,
      anchor: 'bottom-left',
      scale: 1.5,
      x: 10,
      y: null,
    });
    expect(parseParams('?accent=0f0').params.accent).toBe(0x00ff00);
  });

  it('falls back with a warning on bad values instead of failing', () => {
    const { params, warnings } = parseParams('?theme=pink&accent=nope&scale=abc&minTier=9');
    expect(params).toMatchObject({ theme: 'dark', accent: null, scale: 1, minTier: 5 });
    expect(warnings).toEqual([
      'theme=pink: expected one of dark, light, neon',
      'accent=nope: expected a hex colour like ff3366',
      'scale=abc: not a number, using 1',
      'minTier=9: outside 1–5, using 5',
    ]);
  });

  it('reads the alert filter, speed, chat lines and the scene list', () => {
    const { params } = parseParams('?minTier=3&speed=50&lines=12&show=alerts@top,chat');
    expect(params).toMatchObject({ minTier: 3, speed: 50, lines: 12, show: 'alerts@top,chat' });
  });
});
