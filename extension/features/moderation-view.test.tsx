import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatLine } from '../../shared/protocol/channel-data';
import { createPanelModels } from '../models/panel-models';
import { createMemoryStore } from '../storage/memory-store';
import { createMemoryTransport } from '../transport/memory-transport';
import { PanelProvider } from '../ui/context';
import { ModerationView } from './moderation-view';

const EMOTE = 'https://p16-webcast.tiktokcdn.com/emote/fire.png';
const RANK = 'https://p19-webcast.tiktokcdn.com/ranklist_top_gifter_1.png';
const line: ChatLine = {
  id: 'c1',
  user: {
    id: 'u1',
    handle: 'kim',
    nickname: '<b>Kim</b>',
    avatarUrl: null,
    moderator: true,
    subscriber: false,
    topGifterRank: 1,
    gifterLevel: 23,
    badgePictures: [{ kind: 'topGifter', imageUrl: RANK }],
  },
  text: 'gg <i>wp</i>',
  emotes: [{ id: 'fire', imageUrl: EMOTE, at: 3 }],
  at: 1,
};

async function mount(paired: boolean) {
  const transport = createMemoryTransport();
  const models = createPanelModels({
    transport,
    store: createMemoryStore(),
    fetchReport: async () => null,
  });
  if (paired) await models.connection.pair('http://127.0.0.1:7420/pair?token=Moderator_token-123');
  const root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <PanelProvider models={models}>
        <ModerationView />
      </PanelProvider>,
      root,
    );
    transport.accept('moderator');
    transport.pushSnapshot({ channels: { chat: { lines: [line] } } });
  });
  const item = root.querySelector('[data-testid="moderation-chat"] li');
  if (!item) throw new Error('no chat line listed');
  return item;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('moderation chat list', () => {
  it('shows badges before the name and the emote between its words, pictures through the server', async () => {
    const item = await mount(true);
    const badges = [...item.querySelectorAll('[data-badge]')].map((b) => b.textContent);
    expect(badges).toEqual(['MOD', '#1', 'Lv23']);
    const pictures = [...item.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    const via = (src: string) =>
      `http://127.0.0.1:7420/media/image?src=${encodeURIComponent(src)}&token=Moderator_token-123`;
    expect(pictures).toEqual([via(RANK), via(EMOTE)]);
    // Reading order: badges, name, then "gg ", the emote, "<i>wp</i>" — all as text.
    const text = item.textContent ?? '';
    expect(text.indexOf('MOD')).toBeLessThan(text.indexOf('<b>Kim</b>'));
    expect(text).toContain('<b>Kim</b>: gg :fire:<i>wp</i>');
    expect(item.querySelector('b, i')).toBeNull();
  });

  it('shows its own badges and the emote name when there is no server to ask', async () => {
    const item = await mount(false);
    expect(item.querySelectorAll('img')).toHaveLength(0);
    expect([...item.querySelectorAll('[data-badge]')].map((b) => b.textContent)).toEqual([
      'MOD',
      '#1',
      'Lv23',
    ]);
    expect(item.textContent).toContain('gg :fire:<i>wp</i>');
  });
});
