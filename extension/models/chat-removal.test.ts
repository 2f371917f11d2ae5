import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../../shared/protocol/channel-data';
import { setup } from '../../tests/support/panel-models';

const line = (id: string, userId = `u-${id}`): ChatLine => ({
  id,
  user: {
    id: userId,
    handle: userId,
    nickname: userId,
    avatarUrl: null,
    moderator: false,
    subscriber: false,
  },
  text: `line ${id}`,
  emotes: [],
  at: Number(id.replace(/\D/g, '')),
});

describe('chat lines TikTok removed', () => {
  it('leave every panel list, unlike lines moderation hid, which stay listed as removed', () => {
    const { models, transport } = setup();
    transport.accept('moderator');
    transport.pushSnapshot({ channels: { chat: { lines: [line('c1'), line('c2'), line('c3')] } } });
    const listed = () => models.moderation.chat.value.map((l) => l.id);

    // A moderator hid c1: off the overlays, still listed (marked) for the moderator.
    transport.pushUpdates([{ channel: 'chat', type: 'chat.remove', data: { ids: ['c1'] } }]);
    expect(listed()).toEqual(['c1', 'c2', 'c3']);
    expect([...models.moderation.removedIds.value]).toEqual(['c1']);

    // TikTok removed c2 and the hidden c1: gone from every list.
    transport.pushUpdates([
      { channel: 'chat', type: 'chat.remove', data: { ids: ['c2', 'c1'], by: 'tiktok' } },
    ]);
    expect(listed()).toEqual(['c3']);
    expect([...models.moderation.removedIds.value]).toEqual([]);
  });

  it('drop every line of the users TikTok named, listed or hidden', () => {
    const { models, transport } = setup();
    transport.accept('moderator');
    transport.pushSnapshot({
      channels: { chat: { lines: [line('c1', 'troll'), line('c2'), line('c3', 'troll')] } },
    });
    transport.pushUpdates([{ channel: 'chat', type: 'chat.remove', data: { ids: ['c1'] } }]);
    // The server names the lines it still had; the panel also drops the troll's hidden c1.
    transport.pushUpdates([
      {
        channel: 'chat',
        type: 'chat.remove',
        data: { ids: ['c3'], by: 'tiktok', userIds: ['troll'] },
      },
    ]);
    expect(models.moderation.chat.value.map((l) => l.id)).toEqual(['c2']);
  });
});
