import { describe, expect, it } from 'vitest';
import { DemoPlayer, type DemoScript } from './demo-player';

const script: DemoScript = {
  initial: {},
  steps: [
    { afterMs: 100, updates: [{ channel: 'chat', type: 'chat.line', data: { id: 'a' } }] },
    { afterMs: 100, updates: [{ channel: 'chat', type: 'chat.remove', data: { ids: ['a'] } }] },
  ],
};

describe('DemoPlayer', () => {
  it('plays steps on time, scaled by speed', () => {
    const player = new DemoPlayer(script, 2, 0);
    expect(player.due(49)).toEqual([]);
    expect(player.due(50).map((update) => update.type)).toEqual(['chat.line']);
    expect(player.due(100).map((update) => update.type)).toEqual(['chat.remove']);
  });

  it('loops with ids made unique per loop, removals included', () => {
    const player = new DemoPlayer(script, 1, 0);
    player.due(200);
    expect(player.due(400).map((update) => update.data)).toEqual([{ id: 'a~1' }, { ids: ['a~1'] }]);
  });

  it('never floods after a long pause', () => {
    const player = new DemoPlayer(script, 1, 0);
    expect(player.due(1_000_000).length).toBeLessThanOrEqual(20);
  });
});
