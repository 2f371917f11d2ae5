import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { identifyGift, readGiftPanel } from './gift-panel';
import { readSigiViewerCount } from './parse-count';
import { readRow } from './read-row';
import { chatRows, findChatContainer } from './selectors';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/tiktok-pages');
const ROSE = 'eba3a9bb85c33e017f3648eaf88d7189';
const LION = '9cc22f7c8ac233e129dec7b981b91b76';

function load(name: string) {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  document.body.innerHTML = html.match(/<body>([\s\S]*)<\/body>/)?.[1] ?? '';
}

describe('readers on the older, non-virtualised layout (live-classic.html)', () => {
  beforeEach(() => load('live-classic.html'));

  it('find the DivChatRoomContent list and read the sender from title, link and badges', () => {
    const container = findChatContainer(document);
    expect(container?.className).toContain('DivChatRoomContent');
    const [chat] = chatRows(container as Element).map(readRow);
    expect(chat).toEqual({
      kind: 'chat',
      sender: {
        name: 'Mia ✨',
        handle: 'mod.mia',
        avatarUrl: 'https://p16-sign.tiktokcdn.com/avatar/mod.webp',
        moderator: true,
        subscriber: true,
        gifterLevel: 20,
      },
      // The text is the block after the user info; the inline picture is an emote.
      text: 'hi all x2 for luck',
      emotes: [
        {
          id: '3c3b3f0f1d9e4a5b8c7d6e5f4a3b2c1d',
          imageUrl:
            'https://p16-webcast.tiktokcdn.com/img/alisg/webcast-sg/emote/3c3b3f0f1d9e4a5b8c7d6e5f4a3b2c1d~tplv-obj.png',
        },
      ],
    });
  });

  it('read an `xN` gift row by its picture hash and alt text', () => {
    const rows = chatRows(findChatContainer(document) as Element).map(readRow);
    expect(rows[1]).toMatchObject({ kind: 'gift', giftHash: LION, giftName: 'Lion', count: 1 });
  });

  it('read the viewer count from SIGI_STATE when the page does not show it', () => {
    expect(readSigiViewerCount(document)).toBe(347);
  });
});

describe('gift identity on the page', () => {
  it('comes from the gift panel (name and price), else the row’s alt text and the catalog', () => {
    load('live-virtualised.html');
    const panel = readGiftPanel(document);
    expect(panel.get(ROSE)).toEqual({ name: 'Rose', coins: 1 });
    expect(identifyGift(ROSE, null, panel)).toMatchObject({ name: 'Rose', coins: 1, id: 5655 });
    // Not in the panel: the alt text names it, the catalog prices it.
    expect(identifyGift(LION, 'Lion', panel)).toMatchObject({ name: 'Lion', coins: 29_999 });
    // Known by nothing: a name from its hash and no coins rather than a guess.
    expect(identifyGift('0123456789abcdef0123456789abcdef', null, panel)).toMatchObject({
      name: 'Gift 01234567',
      coins: 0,
    });
  });
});
