import { describe, expect, it } from 'vitest';
import { PairingLinkError, parsePairingLink } from './pairing-link';

describe('parsePairingLink', () => {
  it('keeps the origin and the token of the printed link', () => {
    expect(parsePairingLink('  http://127.0.0.1:7420/pair?token=Ab_c-d12345678  ')).toEqual({
      origin: 'http://127.0.0.1:7420',
      token: 'Ab_c-d12345678',
    });
  });

  it('keeps the stream a link names', () => {
    expect(
      parsePairingLink('https://live.example.com/pair?token=Ab_c-d12345678&streamer=ben'),
    ).toEqual({ origin: 'https://live.example.com', token: 'Ab_c-d12345678', streamer: 'ben' });
  });

  it.each([
    ['', /Paste/],
    ['http://127.0.0.1:7420/pair?token=Ab_c-d12345678&streamer=../x', /not a stream id/],
    ['127.0.0.1:7420/pair?token=abc', /http/],
    ['ftp://127.0.0.1/pair?token=abcdefghij', /not ftp:/],
    ['http://127.0.0.1:7420/pair', /no token/],
    ['http://127.0.0.1:7420/pair?token=abc', /cut short/],
    ['http://127.0.0.1:7420/pair?token=<script>alert(1)</script>', /cut short or altered/],
  ])('refuses %j with a reason', (link, reason) => {
    expect(() => parsePairingLink(link)).toThrow(PairingLinkError);
    expect(() => parsePairingLink(link)).toThrow(reason);
  });
});
