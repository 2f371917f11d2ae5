import { describe, expect, it } from 'vitest';
import {
  alertsOnTop,
  DEFAULT_SCENE,
  overlappingBoxes,
  parseSceneLayout,
  sceneBoxes,
} from './scene-layout';

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

describe('scene boxes', () => {
  const sizes = { alerts: { width: 1000, height: 400 }, chat: { width: 500, height: 600 } };
  const sizeOf = (id: string) => sizes[id as keyof typeof sizes] ?? { width: 100, height: 100 };

  it('places each box by its anchor and scale, and finds the ones that overlap', () => {
    const boxes = sceneBoxes(
      parseSceneLayout('alerts@center,chat@bottom-left'),
      sizeOf,
      () => 'center',
    );
    expect(boxes[0]).toEqual({ id: 'alerts', x: 460, y: 340, width: 1000, height: 400 });
    expect(boxes[1]).toEqual({ id: 'chat', x: 48, y: 432, width: 500, height: 600 });
    expect(overlappingBoxes(boxes)).toEqual([['alerts', 'chat']]);
    const apart = sceneBoxes(
      parseSceneLayout('alerts@center*0.5,chat@bottom-left'),
      sizeOf,
      () => 'center',
    );
    expect(overlappingBoxes(apart)).toEqual([]);
  });

  it('counts boxes that only touch as apart', () => {
    expect(
      overlappingBoxes([
        { id: 'goal', x: 0, y: 0, width: 100, height: 100 },
        { id: 'poll', x: 100, y: 0, width: 100, height: 100 },
      ]),
    ).toEqual([]);
  });

  it('draws the alerts last, so nothing covers an alert card', () => {
    const order = alertsOnTop(parseSceneLayout('alerts@center,chat,poll')).map((p) => p.id);
    expect(order).toEqual(['chat', 'poll', 'alerts']);
  });
});
