import { afterEach, describe, expect, it } from 'vitest';
import { pictureRequestUrl, usePictureToken } from './picture-route';

afterEach(() => usePictureToken(null));

describe('picture URLs on an overlay page', () => {
  const gift = 'https://p19-webcast.tiktokcdn.com/img/rose.png~tplv-obj.png?a=1&b=2';

  it('loads TikTok pictures through the media cache with the page token', () => {
    usePictureToken('tok/en+');
    expect(pictureRequestUrl(gift, 'tiktok')).toBe(
      `/media/image?src=${encodeURIComponent(gift)}&token=tok%2Fen%2B`,
    );
  });

  it('loads none without a server (demo): the fallbacks are drawn', () => {
    expect(pictureRequestUrl(gift, 'tiktok')).toBeNull();
  });

  it("loads a streamer's own URL as is, and never anything but http(s)", () => {
    usePictureToken('t');
    expect(pictureRequestUrl('https://brand.example/logo.png', 'direct')).toBe(
      'https://brand.example/logo.png',
    );
    expect(pictureRequestUrl('javascript:alert(1)', 'tiktok')).toBeNull();
    expect(pictureRequestUrl('data:image/png;base64,AAAA', 'direct')).toBeNull();
    expect(pictureRequestUrl(null, 'tiktok')).toBeNull();
  });
});
