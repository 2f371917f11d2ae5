import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE, parseSceneLayout } from './scene-layout';

describe('scene layout', () => {
  it('reads screens with positions and scales', () => {
    expect(parseSceneLayout('alerts@center,chat@bottom-left*0.8,poll')).toEqual([
      { id: 'alerts', anchor: 'center', scale: 1 },
      { id: 'chat', anchor: 'bottom-left', scale: 0.8 },
      { id: 'poll', anchor: null, scale: 1 },
    ]);
  });

  it('uses the default scene when none is given', () => {
    expect(parseSceneLayout(null).map((p) => p.id)).toEqual(
      DEFAULT_SCENE.split(',').map((item) => item.split('@')[0]),
    );
  });

  it('skips unknown screens, duplicates and positions with a warning', () => {
    const warnings: string[] = [];
    expect(parseSceneLayout('alerts,nope,alerts,chat@moon', warnings)).toEqual([
      { id: 'alerts', anchor: null, scale: 1 },
      { id: 'chat', anchor: null, scale: 1 },
    ]);
    expect(warnings).toEqual([
      'show: unknown screen "nope"',
      'show: alerts listed twice',
      'show: unknown position "moon" for chat',
    ]);
  });
});
