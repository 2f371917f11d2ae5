import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { BattleView } from '../../shared/protocol/channel-data';
import { mountPanel } from '../../tests/support/mount-panel';
import { BattlePanel } from './battle-panel';

const HOSTILE = '<img src=x onerror="window.__pwned = true">';
const host = (id: string, nickname: string) => ({ id, handle: id, nickname, avatarUrl: null });

function battle(scores: number[], overrides: Partial<BattleView> = {}): BattleView {
  const names = ['Me', HOSTILE, 'Guest'];
  return {
    id: 'b1',
    status: 'running',
    sides: scores.map((score, index) => ({
      hostId: `h${index}`,
      host: host(`h${index}`, names[index] ?? `Side ${index}`),
      score,
      streamer: index === 0,
      result: null,
    })),
    leaderHostId: null,
    winnerHostId: null,
    draw: false,
    startedAt: 0,
    endedAt: null,
    endsAt: null,
    ...overrides,
  };
}

function mount() {
  const { transport, root } = mountPanel(<BattlePanel />);
  return { transport, root };
}

const sides = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-testid="battle-side"]')].map((li) => [
    li.querySelector('.nickname')?.textContent,
    li.getAttribute('data-score'),
    li.getAttribute('data-result'),
  ]);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Live view: BattlePanel', () => {
  it('shows the battle live, the streamer first, then the result', () => {
    const { transport, root } = mount();
    act(() => {
      transport.accept('owner');
      transport.pushSnapshot({ channels: { battle: { current: null, recent: [] } } });
    });
    expect(root.querySelector('[data-testid="battle-none"]')).not.toBeNull();
    act(() => {
      transport.pushUpdates([
        {
          channel: 'battle',
          type: 'battle.state',
          data: { current: battle([120, 40]), recent: [] },
        },
      ]);
    });
    expect(root.querySelector('[data-testid="battle-outcome"]')?.textContent).toBe('Live');
    expect(sides(root)).toEqual([
      ['Me', '120', ''],
      [HOSTILE, '40', ''],
    ]);
    // A hostile host name stays text.
    expect(root.querySelector('img')).toBeNull();

    const ended = battle([120, 300], { status: 'ended', winnerHostId: 'h1' });
    ended.sides = ended.sides.map((side) => ({
      ...side,
      result: side.hostId === 'h1' ? 'win' : 'lose',
    }));
    act(() => {
      transport.pushUpdates([
        { channel: 'battle', type: 'battle.state', data: { current: ended, recent: [ended] } },
      ]);
    });
    expect(root.querySelector('[data-testid="battle-outcome"]')?.textContent).toBe(
      `${HOSTILE} won`,
    );
    expect(sides(root)).toEqual([
      ['Me', '120', 'lose'],
      [HOSTILE, '300', 'win'],
    ]);
  });

  it('lists every side of a multi-guest battle and the earlier battles', () => {
    const { transport, root } = mount();
    const earlier = battle([5, 5], { id: 'b0', status: 'ended', draw: true });
    act(() => {
      transport.accept('moderator');
      transport.pushSnapshot({
        channels: { battle: { current: battle([10, 30, 20], { id: 'b2' }), recent: [earlier] } },
      });
    });
    expect(root.querySelector('[data-testid="battle-outcome"]')?.textContent).toBe(
      'Live · 3 sides',
    );
    expect(sides(root).map((side) => side[1])).toEqual(['10', '30', '20']);
    expect(root.querySelector('[data-testid="battle-recent"]')?.textContent).toContain(
      'Draw: Me 5',
    );
  });
});
