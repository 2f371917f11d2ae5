/**
 * `npm start` as users run it: the banner with OBS URLs and pairing links, the config file only
 * the user can read, `--tiktok` running the connector source (its key never printed), and
 * `--record` refused without it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer, stopServer } from './support/server-process';

const run = promisify(execFile);
let server: ServerProcess | null = null;
let home = '';
afterEach(async () => {
  if (server) await stopServer(server);
  server = null;
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints the OBS URLs and pairing links and keeps tokens in a private config', async () => {
    home = join(mkdtempSync(join(tmpdir(), 'limelight-start-')), 'home');
    server = await spawnServer(home);
    const out = server.output();
    const base = `http://127.0.0.1:${server.port}`;
    for (const page of [
      'alerts',
      'chat',
      'poll',
      'qna',
      'sponsor',
      'goal',
      'leaderboard',
      'battle',
      'scene',
    ]) {
      expect(out).toContain(`${base}/overlays/${page}.html?token=${server.tokens.overlay}`);
    }
    expect(out).toContain(`${base}/pair?token=${server.tokens.owner}`);
    expect(out).toContain(`${base}/pair?token=${server.tokens.moderator}`);
    expect(statSync(join(home, 'config.json')).mode & 0o777).toBe(0o600);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    // Logs (stderr, JSON lines) never carry a token.
    const logLines = out.split('\n').filter((line) => line.startsWith('{"time"'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const token of Object.values(server.tokens)) {
      expect(logLines.some((line) => line.includes(token))).toBe(false);
    }
    // SIGTERM: a graceful stop that flushes the journal.
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('journal flushed');
  });

  it('runs --tiktok @user as the connector source, shows its state, and never prints the key', async () => {
    home = join(mkdtempSync(join(tmpdir(), 'limelight-start-')), 'home');
    const key = 'euler_test_key_never_printed_42';
    server = await spawnServer(home, ['--tiktok', '@someone'], { LIMELIGHT_TIKTOK_API_KEY: key });
    expect(server.output()).toContain(
      'TikTok LIVE of @someone (key from LIMELIGHT_TIKTOK_API_KEY)',
    );
    // TikTok cannot be reached from here: the connector says so on /health (connecting, then
    // offline or error), and keeps retrying.
    const base = `http://127.0.0.1:${server.port}`;
    await expect
      .poll(
        async () => {
          const health = (await (await fetch(`${base}/health`)).json()) as {
            sources: Array<{ source: string; detail: string | null }>;
          };
          return health.sources.find((s) => s.source === 'connector')?.detail ?? '';
        },
        { timeout: 30_000 },
      )
      .toMatch(/@someone|cannot reach TikTok|retrying/);
    expect(server.output()).not.toContain(key);
  }, 60_000);

  it('refuses --record without --tiktok with a non-zero exit', async () => {
    const attempt = run(process.execPath, [
      '--import',
      'tsx',
      'overlay-server/cli/start.ts',
      '--record',
      'x.jsonl',
    ]);
    await expect(attempt).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--record goes with --tiktok'),
    });
  });
});
