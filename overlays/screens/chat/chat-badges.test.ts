import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../../../shared/protocol/channel-data';
import { badgesOf } from './chat-badges';

const user = (extra: Partial<ChatLine['user']>): ChatLine['user'] => ({
  id: 'u',
  handle: 'u',
  nickname: 'U',
  avatarUrl: null,
  moderator: false,
  subscriber: false,
  ...extra,
});

describe('chat badges', () => {
  it("lists the viewer's badges in TikTok's order, with TikTok's picture where it gave one", () => {
    const rank = 'https://p19-webcast.tiktokcdn.com/ranklist_top_gifter_2.png';
    expect(
      badgesOf(
        user({
          gifterLevel: 31,
          topGifterRank: 2,
          subscriber: true,
          moderator: true,
          badgePictures: [{ kind: 'topGifter', imageUrl: rank }],
        }),
      ),
    ).toEqual([
      { kind: 'moderator', value: null, imageUrl: null },
      { kind: 'subscriber', value: null, imageUrl: null },
      { kind: 'topGifter', value: 2, imageUrl: rank },
      { kind: 'gifterLevel', value: 31, imageUrl: null },
    ]);
  });

  it('shows none for a viewer without roles, or from an older server that sent none', () => {
    expect(badgesOf(user({}))).toEqual([]);
    expect(badgesOf(user({ topGifterRank: null, gifterLevel: 0 }))).toEqual([]);
  });
});
