/**
 * `npm run doctor`: each check seen failing (and passing) on real files, ports and programs, and
 * the command as users run it, naming what to fix and exiting 1.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkChromium,
  checkConfigFolder,
  checkConnector,
  checkNode,
  checkPort,
  checkTikTokKey,
} from '../../scripts/doctor/checks';
import { type RunningRelay, startRelay } from './support/relay-app';

const run = promisify(execFile);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'limelight-doctor-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A private config folder with a valid config.json, as the first start leaves it. */
function configFolder(extra: object = {}): string {
  const home = join(tempDir(), 'home');
  mkdirSync(home, { mode: 0o700 });
  const tokens = {
    owner: 'o'.repeat(43),
    moderator: 'm'.repeat(43),
    overlay: 'v'.repeat(43),
    ingest: 'i'.repeat(43),
  };
  writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, tokens, ...extra }), {
    mode: 0o600,
  });
  return home;
}

async function busyPort(): Promise<number> {
  // Another program: it accepts connections and never answers (the doctor's probe times out).
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(
    () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  );
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function fakeChromium(script: string): string {
  const path = join(tempDir(), 'chromium');
  writeFileSync(path, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return path;
}

describe('doctor checks', () => {
  it('Node: fails below the declared range and says what to install', () => {
    expect(checkNode('20.19.0', '>=20.19')).toMatchObject({ status: 'ok' });
    expect(checkNode('18.20.4', '>=20.19')).toMatchObject({
      status: 'fail',
      found: '18.20.4 is too old (Limelight needs 20.19 or later)',
      fix: expect.stringContaining('install Node 22 LTS'),
    });
  });

  it('TikTok connector: loads here, and fails with what to do when it cannot load', async () => {
    expect(await checkConnector(() => import('tiktok-live-connector'))).toMatchObject({
      status: 'ok',
    });
    const broken = await checkConnector(() =>
      Promise.reject(new Error("Cannot find package 'got'")),
    );
    expect(broken).toMatchObject({ status: 'fail', fix: expect.stringContaining('npm install') });
    expect(broken.found).toContain("Cannot find package 'got'");
  });

  it('Chromium: a working binary is ok; a missing or broken one fails; none at all warns', () => {
    const working = fakeChromium('echo "Chromium 156.0.1 built on Debian"');
    expect(checkChromium(working, true)).toMatchObject({
      status: 'ok',
      found: `Chromium 156.0.1 built on Debian at ${working}`,
    });
    expect(checkChromium('/nonexistent/chromium', true)).toMatchObject({
      status: 'fail',
      found: 'LIMELIGHT_CHROMIUM=/nonexistent/chromium does not exist',
      fix: expect.stringContaining('LIMELIGHT_CHROMIUM'),
    });
    expect(checkChromium(fakeChromium('exit 3'), false)).toMatchObject({
      status: 'fail',
      found: expect.stringContaining('does not run'),
    });
    expect(checkChromium(undefined, false)).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('apt-get install chromium'),
    });
  });

  it('port: free is ok; taken by another program or by Limelight fails with how to go on', async () => {
    const port = await busyPort();
    expect(await checkPort('127.0.0.1', port)).toMatchObject({
      status: 'fail',
      found: `in use by another program on 127.0.0.1:${port}`,
      fix: expect.stringContaining('--port N'),
    });
    const relay: RunningRelay = await startRelay();
    cleanups.push(() => relay.stop());
    expect(await checkPort('127.0.0.1', relay.port)).toMatchObject({
      status: 'fail',
      found: `in use: Limelight is already running on 127.0.0.1:${relay.port}`,
    });
    const freed = await busyPort();
    await cleanups.pop()?.();
    expect(await checkPort('127.0.0.1', freed)).toMatchObject({ status: 'ok' });
  });

  it('config folder: private is ok; open modes and a broken file fail with the command to run', () => {
    const home = configFolder();
    expect(checkConfigFolder(home, process.getuid?.() ?? null)).toMatchObject({ status: 'ok' });
    expect(checkConfigFolder(join(home, 'not-yet'), null)).toMatchObject({ status: 'ok' });

    chmodSync(home, 0o755);
    chmodSync(join(home, 'config.json'), 0o644);
    const open = checkConfigFolder(home, null);
    expect(open.status).toBe('fail');
    expect(open.found).toContain('is open to others (mode 0755)');
    expect(open.found).toContain('config.json is readable by others (mode 0644)');
    expect(open.fix).toBe(`chmod 700 ${home}; chmod 600 ${join(home, 'config.json')}`);

    const broken = configFolder();
    writeFileSync(join(broken, 'config.json'), '{"version": 1, "tokens": ', { mode: 0o600 });
    expect(checkConfigFolder(broken, null)).toMatchObject({
      status: 'fail',
      found: expect.stringContaining('config.json is not valid JSON'),
    });
    expect(checkConfigFolder(home, (process.getuid?.() ?? 0) + 1)).toMatchObject({
      status: 'fail',
      found: expect.stringContaining('belongs to another user'),
    });
  });

  it('TikTok key: none or a whole key is ok; a mangled or empty one fails; the key is never shown', () => {
    const home = configFolder();
    expect(checkTikTokKey({}, home)).toMatchObject({
      status: 'ok',
      found: expect.stringContaining('none set'),
    });
    const key = 'euler_abcdefghijklmnopqrstuvwxyz012345';
    const good = checkTikTokKey({ LIMELIGHT_TIKTOK_API_KEY: key }, home);
    expect(good).toMatchObject({ status: 'ok' });
    expect(good.found).not.toContain(key);

    const quoted = checkTikTokKey({ LIMELIGHT_TIKTOK_API_KEY: `"${key}"` }, home);
    expect(quoted).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('without quotes'),
    });
    expect(quoted.found).not.toContain(key);
    expect(checkTikTokKey({ SIGN_API_KEY: '   ' }, home)).toMatchObject({
      status: 'fail',
      found: 'SIGN_API_KEY is set but empty or not text',
    });
    expect(checkTikTokKey({}, configFolder({ tiktok: { apiKey: 12345 } }))).toMatchObject({
      status: 'fail',
      found: 'tiktok.apiKey in config.json is set but empty or not text',
    });
  });
});

describe('npm run doctor', () => {
  it('lists every check, says what to fix, and exits 1 when something fails', async () => {
    const port = await busyPort();
    const home = configFolder();
    chmodSync(home, 0o755);
    const attempt = run(
      process.execPath,
      ['--import', 'tsx', 'scripts/doctor/doctor.ts', '--port', String(port), '--config', home],
      { env: { ...process.env, LIMELIGHT_CHROMIUM: '/nonexistent/chromium' } },
    );
    const failure = (await attempt.then(
      () => null,
      (error: unknown) => error,
    )) as { code: number; stdout: string } | null;
    expect(failure?.code).toBe(1);
    const out = failure?.stdout ?? '';
    expect(out).toMatch(/^ {2}ok {4}Node\.js: /m);
    expect(out).toMatch(/^ {2}ok {4}TikTok connector: /m);
    expect(out).toContain(
      '  FAIL  Chromium: LIMELIGHT_CHROMIUM=/nonexistent/chromium does not exist',
    );
    expect(out).toContain(`  FAIL  port ${port}: in use by another program on 127.0.0.1:${port}`);
    expect(out).toContain(`        fix: chmod 700 ${home}`);
    expect(out).toMatch(/^ {2}ok {4}TikTok key: none set/m);
    expect(out).toContain('3 things to fix before `npm start`.');
  }, 60_000);
});
