/**
 * GET /media/image on a real server against a fake CDN on 127.0.0.1 (tests/support/fake-cdn.ts),
 * put on the allow-list by the test's own media options: cache hits, eviction, a restart, and
 * every refusal the route promises, each with its code.
 */
import type { LookupAddress } from 'node:dns';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaSettings } from '../../overlay-server/media/media-settings';
import type { Resolver } from '../../overlay-server/media/pinned-lookup';
import { type FakeCdn, serve, startFakeCdn } from '../support/fake-cdn';
import { solidPng } from '../support/png';
import { type RunningRelay, startRelay } from './support/relay-app';

/**
 * Names under `.test` never resolve through the OS: served pictures prove the connection went
 * to the address this resolver gave and the cache checked.
 */
const ADDRESSES: Record<string, string[]> = {
  'img.cdn.test': ['127.0.0.1'],
  'other.cdn.test': ['127.0.0.1'],
  'private.cdn.test': ['10.20.30.40'],
  'metadata.cdn.test': ['169.254.169.254'],
  'mapped.cdn.test': ['::ffff:192.168.1.1'],
  'mixed.cdn.test': ['127.0.0.1', '10.0.0.5'],
};
const lookups: string[] = [];
const resolver: Resolver = async (host) => {
  lookups.push(host);
  return (ADDRESSES[host] ?? []).map(
    (address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }),
  );
};

const RED = solidPng(8, [220, 30, 40, 255], 0);
const settings = (overrides: Partial<MediaSettings> = {}): MediaSettings => ({
  allowedHosts: ['cdn.test'],
  cacheBytes: 3 * RED.length,
  maxImageBytes: 64 * 1024,
  timeoutMs: 1_500,
  maxRedirects: 3,
  ...overrides,
});

let cdn: FakeCdn;
let relay: RunningRelay;
let dataDir: string;
beforeAll(async () => {
  cdn = await startFakeCdn();
  dataDir = mkdtempSync(join(tmpdir(), 'limelight-media-it-'));
  relay = await startRelay({
    dataDir,
    media: { settings: settings(), loopbackForTests: true, resolve: resolver },
  });
});
afterAll(async () => {
  await relay.stop();
  await cdn.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const mediaUrl = (base: string, src: string, token: string | null) =>
  `${base}/media/image?src=${encodeURIComponent(src)}${token === null ? '' : `&token=${token}`}`;

/** Loads `src` through a relay's media route, with its overlay token unless told otherwise. */
async function load(src: string, token?: string | null, at = relay) {
  const response = await fetch(
    mediaUrl(at.baseUrl, src, token === undefined ? at.tokens.overlay : token),
  );
  const body = Buffer.from(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.startsWith('application/json')
    ? (JSON.parse(body.toString()) as { code: string; message: string })
    : null;
  return { response, body, json };
}

async function refused(src: string, status: number, code: string, message?: RegExp) {
  const { response, json } = await load(src);
  expect(response.status, JSON.stringify(json)).toBe(status);
  expect(json?.code).toBe(code);
  if (message) expect(json?.message).toMatch(message);
}

describe('the media cache', () => {
  it('serves a CDN picture same-origin with its type and cache headers, then from disk', async () => {
    cdn.route('/rose.png', serve(RED, 'application/octet-stream'));
    const src = cdn.url('/rose.png', 'img.cdn.test');
    const first = await load(src);
    expect(first.response.status).toBe(200);
    expect(first.body.equals(RED)).toBe(true);
    // The type comes from the bytes, not from the upstream's generic header.
    expect(first.response.headers.get('content-type')).toBe('image/png');
    expect(first.response.headers.get('content-length')).toBe(String(RED.length));
    expect(first.response.headers.get('cache-control')).toBe('private, max-age=604800, immutable');
    expect(first.response.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = first.response.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);

    for (const role of ['owner', 'moderator', 'overlay'] as const) {
      const again = await load(src, relay.tokens[role]);
      expect(again.response.status).toBe(200);
      expect(again.body.equals(RED)).toBe(true);
    }
    expect(cdn.hits('/rose.png')).toBe(1);

    const revalidated = await fetch(mediaUrl(relay.baseUrl, src, relay.tokens.overlay), {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    const head = await fetch(mediaUrl(relay.baseUrl, src, relay.tokens.overlay), {
      method: 'HEAD',
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/png');
    expect(cdn.hits('/rose.png')).toBe(1);
  });

  it('connects to the address it checked: one lookup per fetch, through the cache’s resolver', async () => {
    cdn.route('/pinned.png', serve(RED, 'image/png'));
    lookups.length = 0;
    expect((await load(cdn.url('/pinned.png', 'other.cdn.test'))).response.status).toBe(200);
    expect(lookups).toEqual(['other.cdn.test']);
  });

  it("resolves real names through the system's resolver (localhost, on the test allowance)", async () => {
    const local = await startRelay({
      media: { settings: settings({ allowedHosts: ['localhost'] }), loopbackForTests: true },
    });
    try {
      cdn.route('/local.png', serve(RED, 'image/png'));
      const { response, body } = await load(cdn.url('/local.png', 'localhost'), undefined, local);
      expect(response.status).toBe(200);
      expect(body.equals(RED)).toBe(true);
    } finally {
      await local.stop();
    }
  });

  it('fetches once for many concurrent requests of a picture not yet cached', async () => {
    let answer: (() => void) | null = null;
    cdn.route('/slow-start.png', (_req, res) => {
      answer = () => serve(RED, 'image/png')(_req, res);
    });
    const src = cdn.url('/slow-start.png', 'img.cdn.test');
    const loads = Array.from({ length: 6 }, () => load(src));
    await expect.poll(() => cdn.hits('/slow-start.png')).toBe(1);
    (answer as (() => void) | null)?.();
    const results = await Promise.all(loads);
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(cdn.hits('/slow-start.png')).toBe(1);
  });

  it('evicts the least recently used picture past its size cap; a restart keeps the rest', async () => {
    const home = mkdtempSync(join(tmpdir(), 'limelight-media-evict-'));
    const options = {
      dataDir: home,
      media: { settings: settings(), loopbackForTests: true, resolve: resolver },
    };
    let app = await startRelay(options);
    try {
      for (const name of ['e1', 'e2', 'e3', 'e4']) {
        cdn.route(`/${name}.png`, serve(RED, 'image/png'));
      }
      const src = (name: string) => cdn.url(`/${name}.png`, 'img.cdn.test');
      for (const name of ['e1', 'e2', 'e3', 'e1', 'e4']) await load(src(name), undefined, app);
      expect(readdirSync(join(home, 'media-cache'))).toHaveLength(3);
      await load(src('e1'), undefined, app);
      expect(cdn.hits('/e1.png')).toBe(1);
      await load(src('e2'), undefined, app);
      expect(cdn.hits('/e2.png')).toBe(2); // e2 was the least recently used: evicted

      await app.stop();
      app = await startRelay(options);
      for (const name of ['e1', 'e2', 'e4']) {
        expect((await load(src(name), undefined, app)).response.status).toBe(200);
      }
      expect([cdn.hits('/e1.png'), cdn.hits('/e2.png'), cdn.hits('/e4.png')]).toEqual([1, 2, 1]);
    } finally {
      await app.stop();
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('the media cache refuses', () => {
  it('without a token of a role that may load pictures', async () => {
    cdn.route('/token.png', serve(RED, 'image/png'));
    const src = cdn.url('/token.png', 'img.cdn.test');
    const none = await load(src, null);
    expect([none.response.status, none.json?.code]).toEqual([401, 'UNAUTHORIZED']);
    const wrong = await load(src, 'not-a-token-at-all');
    expect([wrong.response.status, wrong.json?.code]).toEqual([401, 'UNAUTHORIZED']);
    const ingest = await load(src, relay.tokens.ingest);
    expect([ingest.response.status, ingest.json?.code]).toEqual([403, 'FORBIDDEN']);
    expect(cdn.hits('/token.png')).toBe(0);
    const missing = await fetch(`${relay.baseUrl}/media/image?token=${relay.tokens.overlay}`);
    expect(missing.status).toBe(400);
  });

  it('hosts off the allow-list and IP literals, before any lookup', async () => {
    lookups.length = 0;
    await refused('https://evil.example.com/x.png', 403, 'HOST_REFUSED', /allow-list/);
    await refused(cdn.url('/rose.png', '127.0.0.1'), 403, 'HOST_REFUSED', /IP address/);
    await refused(`http://[::1]:${cdn.port}/rose.png`, 403, 'HOST_REFUSED', /IP address/);
    await refused('javascript:alert(1)', 400, 'BAD_PAYLOAD');
    expect(lookups).toEqual([]);
  });

  it('private, link-local and mapped addresses after resolution, and an answer mixing them in', async () => {
    for (const host of [
      'private.cdn.test',
      'metadata.cdn.test',
      'mapped.cdn.test',
      'mixed.cdn.test',
    ]) {
      await refused(cdn.url('/rose.png', host), 403, 'ADDRESS_REFUSED', /resolves to a/);
    }
    await refused(cdn.url('/rose.png', 'nowhere.cdn.test'), 502, 'UPSTREAM_FAILED', /resolve/);
  });

  it('loopback after resolution, without the test allowance', async () => {
    const strict = await startRelay({ media: { settings: settings(), resolve: resolver } });
    try {
      const { response, json } = await load('http://img.cdn.test/rose.png', undefined, strict);
      expect([response.status, json?.code]).toEqual([403, 'ADDRESS_REFUSED']);
      expect(json?.message).toMatch(/loopback/);
      // The fake CDN's port is refused too: only a scheme's own port passes normal settings.
      const port = await load(cdn.url('/rose.png', 'img.cdn.test'), undefined, strict);
      expect([port.response.status, port.json?.code]).toEqual([403, 'HOST_REFUSED']);
    } finally {
      await strict.stop();
    }
  });

  it('redirects that leave the list or the public internet; follows a few that stay', async () => {
    const redirect = (to: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    cdn.route('/hop.png', redirect('/rose.png'));
    const hop = await load(cdn.url('/hop.png', 'img.cdn.test'));
    expect(hop.response.status).toBe(200);
    expect(hop.body.equals(RED)).toBe(true);

    cdn.route('/to-evil.png', redirect('https://evil.example.com/x.png'));
    await refused(cdn.url('/to-evil.png', 'img.cdn.test'), 403, 'HOST_REFUSED', /redirected off/);
    cdn.route('/to-ip.png', redirect(`http://127.0.0.1:${cdn.port}/rose.png`));
    await refused(cdn.url('/to-ip.png', 'img.cdn.test'), 403, 'HOST_REFUSED', /IP address/);
    cdn.route('/to-private.png', redirect(cdn.url('/rose.png', 'private.cdn.test')));
    await refused(cdn.url('/to-private.png', 'img.cdn.test'), 403, 'ADDRESS_REFUSED');
    cdn.route('/loop.png', redirect('/loop.png'));
    await refused(cdn.url('/loop.png', 'img.cdn.test'), 502, 'UPSTREAM_FAILED', /3 redirects/);
    expect(cdn.hits('/loop.png')).toBe(4);
  });

  it('what is not a picture, by its type or by its bytes', async () => {
    cdn.route('/page.png', serve(RED, 'text/html; charset=utf-8'));
    await refused(cdn.url('/page.png', 'img.cdn.test'), 502, 'NOT_AN_IMAGE', /text\/html/);
    cdn.route('/svg.png', serve('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'));
    await refused(cdn.url('/svg.png', 'img.cdn.test'), 502, 'NOT_AN_IMAGE');
    cdn.route('/disguised.png', serve('<!doctype html><script>alert(1)</script>', 'image/png'));
    await refused(cdn.url('/disguised.png', 'img.cdn.test'), 502, 'NOT_AN_IMAGE', /no picture/);
    cdn.route('/gone.png', (_req, res) => {
      res.writeHead(404);
      res.end();
    });
    await refused(cdn.url('/gone.png', 'img.cdn.test'), 502, 'UPSTREAM_FAILED', /404/);
  });

  it('bodies over the limit, cut off while streaming', async () => {
    let sent = 0;
    let hungUp = false;
    cdn.route('/endless.png', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.concat([RED, Buffer.alloc(16 * 1024)]);
      const more = () => {
        while (!hungUp && res.write(chunk)) sent += chunk.length;
      };
      res.on('drain', more);
      res.on('close', () => {
        hungUp = true;
      });
      more();
    });
    await refused(cdn.url('/endless.png', 'img.cdn.test'), 502, 'TOO_LARGE', /over 64 KB/);
    await expect.poll(() => hungUp).toBe(true);
    expect(sent).toBeLessThan(2 * 1024 * 1024);

    cdn.route('/declared.png', (_req, res) => {
      res.writeHead(200, {
        'content-type': 'image/png',
        'content-length': String(10 * 1024 * 1024),
      });
      res.write(RED);
    });
    await refused(cdn.url('/declared.png', 'img.cdn.test'), 502, 'TOO_LARGE');
  });

  it('slow servers, after the timeout', async () => {
    cdn.route('/silent.png', () => {});
    await refused(cdn.url('/silent.png', 'img.cdn.test'), 504, 'UPSTREAM_TIMEOUT', /1500 ms/);
    cdn.route('/trickle.png', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(RED.subarray(0, 10));
    });
    await refused(cdn.url('/trickle.png', 'img.cdn.test'), 504, 'UPSTREAM_TIMEOUT');
  });
});
