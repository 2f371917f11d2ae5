import { describe, expect, it } from 'vitest';
import { refusedAddress } from './address-policy';
import { sniffImage, typeHeaderAllowed } from './image-kind';
import { checkImageUrl } from './image-url-policy';
import { MediaRefusal } from './media-refusal';
import { DEFAULT_MEDIA_HOSTS, mediaConfigSchema, mediaSettingsFrom } from './media-settings';

const policy = { allowedHosts: DEFAULT_MEDIA_HOSTS };

function refusal(run: () => unknown): { code: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof MediaRefusal)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('picture URLs', () => {
  it.each([
    'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/a~c5_100x100.webp?x-expires=1',
    'https://p16-sign.tiktokcdn-us.com/avatar/mod.kim.webp',
    'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/rose.png~tplv-obj.png',
    'https://p16-webcast.tiktokcdn-eu.com/emote/1.png',
    'http://tiktokcdn.com/plain-http.png',
    'https://P16-SIGN.TIKTOKCDN.COM./trailing-dot.png',
    'https://sf16-website.ibyteimg.com/x.png',
  ])('lets TikTok CDN pictures through: %s', (url) => {
    expect(refusal(() => checkImageUrl(url, policy))).toBeNull();
  });

  it.each([
    ['https://evil.example.com/x.png', 'HOST_REFUSED', /not on the media allow-list/],
    ['https://tiktokcdn.com.evil.com/x.png', 'HOST_REFUSED', /allow-list/],
    ['https://eviltiktokcdn.com/x.png', 'HOST_REFUSED', /allow-list/],
    ['https://127.0.0.1/x.png', 'HOST_REFUSED', /IP address/],
    ['https://2130706433/x.png', 'HOST_REFUSED', /IP address.*127\.0\.0\.1/],
    ['https://0x7f.1/x.png', 'HOST_REFUSED', /IP address/],
    ['https://[::1]/x.png', 'HOST_REFUSED', /IP address/],
    ['https://[::ffff:169.254.169.254]/x.png', 'HOST_REFUSED', /IP address/],
    ['https://user:pw@p16.tiktokcdn.com/x.png', 'HOST_REFUSED', /credentials/],
    ['https://p16.tiktokcdn.com:8443/x.png', 'HOST_REFUSED', /port 8443/],
    ['ftp://p16.tiktokcdn.com/x.png', 'BAD_PAYLOAD', /http/],
    ['file:///etc/passwd', 'BAD_PAYLOAD', /http/],
    ['not a url', 'BAD_PAYLOAD', /not a URL/],
  ])('refuses %s', (url, code, message) => {
    const refused = refusal(() => checkImageUrl(url, policy));
    expect(refused?.code).toBe(code);
    expect(refused?.message).toMatch(message);
  });

  it('allows other ports only with the test allowance', () => {
    const url = 'http://img.cdn.test:4321/x.png';
    expect(refusal(() => checkImageUrl(url, { allowedHosts: ['cdn.test'] }))?.code).toBe(
      'HOST_REFUSED',
    );
    expect(refusal(() => checkImageUrl(url, { allowedHosts: ['cdn.test'], anyPort: true }))).toBe(
      null,
    );
  });
});

describe('resolved addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'shared (carrier NAT)'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['fd00::1', 'private (unique local)'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:c0a8:1::1', '6to4'],
  ])('refuses %s (%s)', (address, why) => {
    expect(refusedAddress(address)).toBe(why);
  });

  it.each([
    '23.45.67.89',
    '2a03:2880:f12f:83:face:b00c::25de',
    '64:ff9b::8.8.8.8',
    '::ffff:8.8.4.4',
  ])('admits the public address %s', (address) => {
    expect(refusedAddress(address)).toBeNull();
  });

  it('admits loopback, and only loopback, with the test allowance', () => {
    expect(refusedAddress('127.0.0.1', true)).toBeNull();
    expect(refusedAddress('::1', true)).toBeNull();
    expect(refusedAddress('10.0.0.1', true)).toBe('private');
    expect(refusedAddress('169.254.169.254', true)).toBe('link-local');
  });
});

describe('picture bytes', () => {
  const bytes = (...parts: Array<number[] | string>) =>
    Buffer.concat(
      parts.map((part) =>
        typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
      ),
    );

  it.each([
    [bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]), 'image/png'],
    [bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF\0\0\0\0\0\0'), 'image/jpeg'],
    [bytes('GIF89a', [1, 0, 1, 0, 0, 0]), 'image/gif'],
    [bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    [bytes([0, 0, 0, 28], 'ftypavif', [0, 0, 0, 0]), 'image/avif'],
  ])('knows a picture by its first bytes (%#)', (data, type) => {
    expect(sniffImage(data)?.contentType).toBe(type);
  });

  it.each([
    '<!doctype html><html>',
    '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    '{"json": true}',
    'GIF8',
  ])('refuses what is not a picture: %s', (text) => {
    expect(sniffImage(Buffer.from(text))).toBeNull();
  });

  it.each([
    [undefined, true],
    ['image/png', true],
    ['image/webp; charset=binary', true],
    ['application/octet-stream', true],
    ['image/svg+xml', false],
    ['text/html; charset=utf-8', false],
    ['application/json', false],
  ])('an upstream type %s may be a picture: %s', (header, allowed) => {
    expect(typeHeaderAllowed(header)).toBe(allowed);
  });
});

describe('media settings', () => {
  it('defaults to TikTok CDNs, and config.json may change each limit', () => {
    expect(mediaSettingsFrom(undefined)).toMatchObject({
      allowedHosts: DEFAULT_MEDIA_HOSTS,
      cacheBytes: 128 * 1024 * 1024,
      maxImageBytes: 2 * 1024 * 1024,
      timeoutMs: 8_000,
      maxRedirects: 3,
    });
    const config = mediaConfigSchema.parse({
      allowedHosts: [' Example-CDN.com '],
      cacheMegabytes: 16,
      maxImageKilobytes: 512,
      timeoutSeconds: 2.5,
      maxRedirects: 0,
    });
    expect(mediaSettingsFrom(config)).toEqual({
      allowedHosts: ['example-cdn.com'],
      cacheBytes: 16 * 1024 * 1024,
      maxImageBytes: 512 * 1024,
      timeoutMs: 2_500,
      maxRedirects: 0,
    });
  });

  it.each([
    [{ allowedHosts: ['127.0.0.1'] }, /host name/],
    [{ allowedHosts: ['*.tiktokcdn.com'] }, /host name/],
    [{ allowedHosts: [] }, /too_small|>=1/i],
    [{ loopbackForTests: true }, /unrecognized/i],
    [{ cacheMegabytes: 1 }, />=8/],
  ])('refuses a bad media config (%o)', (config, message) => {
    const parsed = mediaConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.message).toMatch(message);
  });
});
