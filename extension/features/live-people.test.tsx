import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPanel } from '../../tests/support/mount-panel';
import { metricsState } from '../models/sample-room';
import { Audience, TopGifters, TopViewers } from './live-people';

function mount() {
  const { transport, root } = mountPanel(
    <>
      <dl>
        <Audience />
      </dl>
      <TopGifters />
      <TopViewers />
    </>,
  );
  act(() => {
    transport.accept('owner');
    transport.pushSnapshot({
      channels: {
        metrics: metricsState(),
        leaderboard: {
          top: [
            {
              id: 'u1',
              handle: 'kim',
              nickname: 'Kim',
              avatarUrl: null,
              moderator: true,
              subscriber: true,
              topGifterRank: 2,
              gifterLevel: null,
              badgePictures: [],
              coins: 900,
            },
            { id: 'u2', handle: 'lee', nickname: 'Lee', avatarUrl: null, coins: 10 },
          ],
        },
      },
    });
  });
  return root;
}

const text = (root: HTMLElement, id: string) =>
  root.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Live view: people', () => {
  it("shows each top gifter's badges as chat lines do", () => {
    const root = mount();
    const rows = [...root.querySelectorAll('[data-testid="top-gifter"]')];
    const badges = rows.map((row) =>
      [...row.querySelectorAll('[data-badge]')].map((badge) => badge.textContent),
    );
    expect(badges).toEqual([['MOD', 'SUB', '#2'], []]);
  });

  it("shows joins, subscriptions, TikTok's stated counts and top viewers", () => {
    const root = mount();
    expect(text(root, 'live-audience')).toBe('210 · 2 · 1');
    expect(text(root, 'live-stated')).toBe('12,400 · 640');
    expect(text(root, 'top-viewers')).toContain('Ana @ana_b 1,200 coins');
  });
});
