import { describe, expect, it } from 'vitest';
import { script, T0, viewer } from '../../tests/support/engine-events';
import type { ChatLine } from '../protocol/channel-data';
import { createLiveRoom } from './live-room';

describe('chat feed', () => {
  it("hands overlays the viewer's badges, TikTok's badge pictures and each emote's place", () => {
    const room = createLiveRoom({ streamId: 's', startedAt: T0 });
    const s = script();
    const fan = viewer('fan', {
      roles: {
        moderator: true,
        subscriber: true,
        follower: true,
        topGifterRank: 2,
        gifterLevel: 17,
      },
      badgePictures: [{ kind: 'topGifter', imageUrl: 'https://p19-webcast.tiktokcdn.com/t.png' }],
    });
    const event = s.chat(fan, 'gg wp');
    if (event.kind !== 'chat') throw new Error('not a chat event');
    event.emotes = [{ id: 'e1', imageUrl: 'https://p16-webcast.tiktokcdn.com/e1.png', at: 2 }];
    const line = room.applyEvent(event).find((u) => u.type === 'chat.line')?.data as ChatLine;
    expect(line.user).toMatchObject({
      moderator: true,
      subscriber: true,
      topGifterRank: 2,
      gifterLevel: 17,
      badgePictures: [{ kind: 'topGifter', imageUrl: 'https://p19-webcast.tiktokcdn.com/t.png' }],
    });
    expect(line.emotes).toEqual([
      { id: 'e1', imageUrl: 'https://p16-webcast.tiktokcdn.com/e1.png', at: 2 },
    ]);
    expect(room.snapshot(['chat']).chat?.lines[0]).toEqual(line);
  });
});
