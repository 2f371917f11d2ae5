/**
 * The HTTP side on a real server: overlay pages served with their content types and nothing
 * outside their folder, the pairing page, /health, and the token rules of the report API.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantGift, script } from './support/events';
import { type RunningRelay, request, startRelay } from './support/relay-app';

let relay: RunningRelay;
let pages: string;
beforeAll(async () => {
  pages = mkdtempSync(join(tmpdir(), 'limelight-pages-'));
  mkdirSync(join(pages, 'overlays', 'assets'), { recursive: true });
  writeFileSync(join(pages, 'overlays', 'alerts.html'), '<!doctype html><title>alerts</title>');
  writeFileSync(join(pages, 'overlays', 'assets', 'alerts.js'), 'export {};');
  writeFileSync(join(pages, 'secret.txt'), 'do not serve');
  relay = await startRelay({ overlaysDir: join(pages, 'overlays') });
});
afterAll(async () => {
  await relay.stop();
  rmSync(pages, { recursive: true, force: true });
});

/** A raw GET, so paths like `/overlays/../x` reach the server as written. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: relay.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('http', () => {
  it('serves overlay pages with their content types', async () => {
    const page = await fetch(`${relay.baseUrl}/overlays/alerts.html?token=${relay.tokens.overlay}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await fetch(`${relay.baseUrl}/overlays/assets/alerts.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/overlays/../secret.txt',
    '/overlays/..%2fsecret.txt',
    '/overlays/%2e%2e%2fsecret.txt',
    '/overlays/assets/..%2f..%2fsecret.txt',
  ])('does not serve %s', async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('do not serve');
  });

  it('shows the pairing page without echoing markup', async () => {
    const ok = await fetch(`${relay.baseUrl}/pair?token=${relay.tokens.owner}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('pairs the Limelight extension as <strong>owner</strong>');
    const hostile = await fetch(
      `${relay.baseUrl}/pair?token=${encodeURIComponent('<script>alert(1)</script>')}`,
    );
    expect(hostile.status).toBe(401);
    expect(await hostile.text()).not.toContain('<script>alert');
  });

  it('reports health: uptime, sources, event rates and clients per namespace', async () => {
    const ingest = await relay.connect('/ingest', 'ingest');
    await relay.connect('/overlay', 'overlay');
    const s = script(Date.now());
    await request(ingest, 'events', [instantGift(s, 'ana', 5)]);
    const health = (await fetch(`${relay.baseUrl}/health`).then((r) => r.json())) as Record<
      string,
      unknown
    >;
    expect(health).toMatchObject({
      ok: true,
      clients: { '/ingest': 1, '/overlay': 1, '/control': 0 },
    });
    expect(health.uptimeSeconds).toBeTypeOf('number');
    expect(health.lastEventAgeMs).toBeTypeOf('number');
    expect((health.eventsPerSecond as Record<string, number>).gift).toBeGreaterThan(0);
    expect(health.stream).toMatchObject({ id: expect.stringMatching(/^s-/) });
  });

  it('asks for an owner or moderator token on the report API', async () => {
    expect((await fetch(`${relay.baseUrl}/api/streams`)).status).toBe(401);
    expect((await fetch(`${relay.baseUrl}/api/streams?token=${relay.tokens.overlay}`)).status).toBe(
      403,
    );
    const listed = await fetch(`${relay.baseUrl}/api/streams`, {
      headers: { authorization: `Bearer ${relay.tokens.moderator}` },
    });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { streams: unknown[] }).streams.length).toBeGreaterThan(0);
    const csv = await fetch(
      `${relay.baseUrl}/api/streams/current/report?format=csv&token=${relay.tokens.owner}`,
    );
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toMatch(/^key,value\n/);
    expect(
      (
        await fetch(
          `${relay.baseUrl}/api/streams/..%2f..%2fconfig/report?token=${relay.tokens.owner}`,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await fetch(
          `${relay.baseUrl}/api/streams/current/report?format=xml&token=${relay.tokens.owner}`,
        )
      ).status,
    ).toBe(400);
  });
});
