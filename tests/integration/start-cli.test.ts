/**
 * `npm start` as users run it: the exact first screen of a first start in an empty home (the
 * overlay build's progress, no JSON, no Vite warning, no machine line), the config file only the
 * user can read, the log file that never carries a token, JSON logs and the ready line only when
 * asked, `--tiktok @user` running the connector source (its key never printed), and `--record`
 * refused without it.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import { ROLE_ABILITIES } from '../../shared/protocol/role-abilities';
import { useTempDirs } from '../support/temp-dirs';
import { type ServerProcess, spawnServer, stopServer } from './support/server-process';

const run = promisify(execFile);
// Registered before the server's stop below: after-hooks run in reverse order, so a folder goes
// once its server stopped writing to it.
const tempDir = useTempDirs();
let server: ServerProcess | null = null;
afterEach(async () => {
  if (server) await stopServer(server);
  server = null;
});

/** The first screen with what changes from run to run (port, temp paths, tokens, timings) named. */
function normalized(screen: string, root: string, tokens: Record<string, string>): string {
  let text = screen.replaceAll(root, '<tmp>').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>');
  for (const [role, token] of Object.entries(tokens)) text = text.replaceAll(token, `<${role}>`);
  return text.replace(/in \d+\.\d s\./, 'in <s> s.');
}

const EXPECTED_FIRST_SCREEN = [
  'Created the tokens for each role in <tmp>/home/config.json (only you can read it).',
  `Building the overlay pages for OBS (first start only): ${OVERLAY_PAGES.join(', ')} into <tmp>/overlays…`,
  `Built ${OVERLAY_PAGES.length} overlay pages in <s> s.`,
  '',
  'Limelight relay on http://127.0.0.1:<port>',
  '  source: simulated mid stream, seed 1 (--replay FILE for a recording)',
  '  config: <tmp>/home/config.json (tokens; keep it private)',
  '  data:   <tmp>/home/streams',
  '  log:    <tmp>/home/logs/limelight.log',
  '',
  'OBS browser sources (one per overlay):',
  ...OVERLAY_PAGES.map(
    (page) => `  ${page.padEnd(12)} http://127.0.0.1:<port>/overlays/${page}.html?token=<overlay>`,
  ),
  '',
  'Pair the extension: open the side panel, choose "Pair with server", paste a link:',
  '  owner      http://127.0.0.1:<port>/pair?token=<owner>',
  `             ${ROLE_ABILITIES.owner}`,
  '  moderator  http://127.0.0.1:<port>/pair?token=<moderator>',
  `             ${ROLE_ABILITIES.moderator}`,
  '',
  'Reports: http://127.0.0.1:<port>/api/streams (owner or moderator token)',
  'Health:  http://127.0.0.1:<port>/health',
  'More tokens (moderators, other streams, expiry, revoking): npm run tokens -- help',
  'Stop with Ctrl+C: the stream ends and its report stays in the data folder.',
  '',
  '',
].join('\n');

describe('npm start', () => {
  it('shows a first start in an empty home as a person reads it, and stops cleanly', async () => {
    const root = tempDir('limelight-first-');
    // As `npm start` runs it, with no flag but a free port and a private overlay build folder.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'overlay-server/cli/start.ts',
        '--port',
        '0',
        '--overlays',
        join(root, 'overlays'),
      ],
      {
        env: { ...process.env, LIMELIGHT_HOME: join(root, 'home'), LIMELIGHT_LOG_FORMAT: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    // Past the banner: the simulated stream has started (a log line after the first screen).
    await expect.poll(() => screen, { timeout: 60_000 }).toMatch(/stream started/);

    const { tokens } = JSON.parse(readFileSync(join(root, 'home', 'config.json'), 'utf8')) as {
      tokens: Record<string, string>;
    };
    const [firstScreen = ''] = screen.split(/(?<=Stop with Ctrl\+C[^\n]*\n\n)/);
    expect(normalized(firstScreen, root, tokens)).toBe(EXPECTED_FIRST_SCREEN);
    for (const line of screen.split('\n')) {
      expect(line.trim().startsWith('{'), line).toBe(false);
    }
    expect(screen).not.toMatch(/configLoader|\(!\)|LIMELIGHT_READY|WARN/);
    expect(screen).toMatch(/^\d\d:\d\d:\d\d {2}stream started \(streamId: s-/m);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(screen).toMatch(/Stream s-\S+ ended\. Its report: npm run report -- /);
    // The log file has every line as JSON, and never a token.
    const logLines = readFileSync(join(root, 'home', 'logs', 'limelight.log'), 'utf8')
      .trim()
      .split('\n');
    const messages = logLines.map((line) => (JSON.parse(line) as { message: string }).message);
    expect(messages).toEqual(expect.arrayContaining(['listening', 'stream started', 'stopping']));
    for (const token of Object.values(tokens)) {
      expect(logLines.some((line) => line.includes(token))).toBe(false);
    }
    expect(statSync(join(root, 'home', 'logs', 'limelight.log')).mode & 0o777).toBe(0o600);
  }, 90_000);

  it('keeps tokens in a private config, and prints JSON logs and the ready line when asked', async () => {
    const home = join(tempDir('limelight-start-'), 'home');
    server = await spawnServer(home, [
      '--no-source',
      '--log-json',
      '--overlays',
      join(home, 'no-overlays'),
    ]);
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
    expect(out).toMatch(/^LIMELIGHT_READY \{"port":\d+,"host":"127\.0\.0\.1","pid":\d+\}$/m);
    expect(statSync(join(home, 'config.json')).mode & 0o777).toBe(0o600);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    // --no-build: the missing pages are a warning in plain words, not a JSON line or a crash.
    expect(out).toContain('Warning: the overlay pages are not built');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const logLines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{"time"'));
    expect(logLines.map((line) => JSON.parse(line).message)).toContain(
      'journal flushed, sockets closed',
    );
    for (const token of Object.values(server.tokens)) {
      expect(logLines.some((line) => line.includes(token))).toBe(false);
    }
  });

  it('runs --tiktok @user as the connector source, shows its state, and never prints the key', async () => {
    const home = join(tempDir('limelight-start-'), 'home');
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
    expect(readFileSync(join(home, 'logs', 'limelight.log'), 'utf8')).not.toContain(key);
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
