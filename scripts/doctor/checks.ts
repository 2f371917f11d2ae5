/**
 * `npm run doctor`'s checks. Each one looks at one thing a first start or `npm test` needs and
 * answers ok, warn (works, with a catch) or fail, with what to do about it. They take what they
 * look at as arguments (a version string, a folder, a port), so each can be shown failing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import semver from 'semver';
import { CONFIG_FILE_NAME } from '../../overlay-server/auth/config-file';

export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One check's answer: a line saying what was found, and what to do when it is not ok. */
export interface CheckResult {
  name: string;
  status: CheckStatus;
  found: string;
  fix?: string;
}

export function checkNode(version: string, required: string): CheckResult {
  const name = 'Node.js';
  const needs = `Limelight needs ${required.replace(/^>=\s*/, '')} or later`;
  if (semver.satisfies(version, required))
    return { name, status: 'ok', found: `${version} (${needs})` };
  return {
    name,
    status: 'fail',
    found: `${version} is too old (${needs})`,
    fix: 'install Node 22 LTS (or 20.19 or later), then run `npm install` again',
  };
}

/** The connector's own class loads and starts on this Node (its HTTP client declares Node ≥ 22). */
export async function checkConnector(load: () => Promise<unknown>): Promise<CheckResult> {
  const name = 'TikTok connector';
  try {
    const { TikTokLiveConnection } = (await load()) as {
      TikTokLiveConnection: new (user: string, options: object) => unknown;
    };
    new TikTokLiveConnection('limelight', {});
    return { name, status: 'ok', found: 'tiktok-live-connector loads on this Node' };
  } catch (error) {
    return {
      name,
      status: 'fail',
      found: `tiktok-live-connector does not load: ${error instanceof Error ? error.message : String(error)}`,
      fix: 'run `npm install` again; `--tiktok @user` needs it (the demo stream does not)',
    };
  }
}

/** Chromium runs the browser tests of `npm test`; streaming does not need it. */
export function checkChromium(path: string | undefined, fromEnv: boolean): CheckResult {
  const name = 'Chromium';
  if (!path) {
    return {
      name,
      status: 'warn',
      found: 'none found (only `npm test` needs it, for the browser tests)',
      fix: 'apt-get install chromium (npm test does it when run as root), or set LIMELIGHT_CHROMIUM',
    };
  }
  const where = fromEnv ? `LIMELIGHT_CHROMIUM=${path}` : path;
  const run = existsSync(path)
    ? spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 })
    : null;
  if (run?.status === 0) {
    return { name, status: 'ok', found: `${run.stdout.trim()} at ${path}` };
  }
  return {
    name,
    status: 'fail',
    found: `${where} ${run ? 'does not run' : 'does not exist'}`,
    fix: fromEnv
      ? 'point LIMELIGHT_CHROMIUM at a Chromium binary, or unset it'
      : 'reinstall it: apt-get install --reinstall chromium',
  };
}

/** Is the port free to listen on? If not, is it Limelight already running there? */
export async function checkPort(host: string, port: number): Promise<CheckResult> {
  const name = `port ${port}`;
  const error = await new Promise<NodeJS.ErrnoException | null>((done) => {
    const probe = createServer();
    probe.once('error', (failure: NodeJS.ErrnoException) => done(failure));
    probe.listen(port, host, () => probe.close(() => done(null)));
  });
  if (!error) return { name, status: 'ok', found: `free on ${host}` };
  if (error.code !== 'EADDRINUSE') {
    return {
      name,
      status: 'fail',
      found: `cannot listen on ${host}:${port} (${error.code})`,
      fix: port < 1024 ? 'use a port above 1023: --port 7420' : 'start with --port N',
    };
  }
  const limelight = await fetch(
    `http://${host.includes(':') ? `[${host}]` : host}:${port}/health`,
    {
      signal: AbortSignal.timeout(2_000),
    },
  )
    .then(async (response) => 'sources' in ((await response.json()) as object))
    .catch(() => false);
  return {
    name,
    status: 'fail',
    found: limelight
      ? `in use: Limelight is already running on ${host}:${port}`
      : `in use by another program on ${host}:${port}`,
    fix: limelight
      ? 'use the running one, or stop it (Ctrl+C where it runs) before starting again'
      : 'start Limelight with --port N (e.g. --port 7421), or stop the other program',
  };
}

/** The config folder holds the tokens: only its owner may read it. */
export function checkConfigFolder(home: string, uid: number | null): CheckResult {
  const name = 'config folder';
  if (!existsSync(home)) {
    return { name, status: 'ok', found: `${home} does not exist yet: the first start creates it` };
  }
  const problems: string[] = [];
  const fixes: string[] = [];
  const folder = statSync(home);
  if (!folder.isDirectory()) {
    return {
      name,
      status: 'fail',
      found: `${home} is not a folder`,
      fix: `move it away, or start with --config DIR`,
    };
  }
  if (uid !== null && folder.uid !== uid) {
    problems.push(`${home} belongs to another user (uid ${folder.uid})`);
    fixes.push(`chown -R $(id -u) ${home}`);
  }
  if (folder.mode & 0o077) {
    problems.push(`${home} is open to others (mode ${octal(folder.mode)})`);
    fixes.push(`chmod 700 ${home}`);
  }
  const file = join(home, CONFIG_FILE_NAME);
  if (existsSync(file)) {
    const mode = statSync(file).mode;
    if (mode & 0o077) {
      problems.push(
        `${CONFIG_FILE_NAME} is readable by others (mode ${octal(mode)}): it holds the tokens`,
      );
      fixes.push(`chmod 600 ${file}`);
    }
    const tokens = readTokens(file);
    if (typeof tokens === 'string') {
      problems.push(`${CONFIG_FILE_NAME} ${tokens}`);
      fixes.push(`fix it, or move it away (the next start makes new tokens; pair again)`);
    }
  }
  if (problems.length === 0) {
    return { name, status: 'ok', found: `${home} (0700), ${CONFIG_FILE_NAME} private` };
  }
  return { name, status: 'fail', found: problems.join('; '), fix: fixes.join('; ') };
}

function readTokens(file: string): true | string {
  try {
    const config = JSON.parse(readFileSync(file, 'utf8')) as { tokens?: Record<string, unknown> };
    const roles = ['owner', 'moderator', 'overlay', 'ingest'];
    const missing = roles.filter((role) => typeof config.tokens?.[role] !== 'string');
    return missing.length ? `has no token for ${missing.join(', ')}` : true;
  } catch (error) {
    return `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/**
 * The sign-server key `--tiktok` uses: where it comes from, and whether it looks pasted whole.
 * Optional: without one the sign server's free tier applies. Never printed.
 */
export function checkTikTokKey(env: NodeJS.ProcessEnv, home: string): CheckResult {
  const name = 'TikTok key';
  const places: Array<[string, unknown]> = [
    ['LIMELIGHT_TIKTOK_API_KEY', env.LIMELIGHT_TIKTOK_API_KEY],
    ['SIGN_API_KEY', env.SIGN_API_KEY],
    ['tiktok.apiKey in config.json', configKey(join(home, CONFIG_FILE_NAME))],
  ];
  const set = places.find(([, value]) => value !== undefined && value !== '');
  if (!set) {
    return {
      name,
      status: 'ok',
      found: "none set: `--tiktok @user` uses the sign server's free tier (fewer connections)",
    };
  }
  const [where, value] = set;
  if (typeof value !== 'string' || value.trim() === '') {
    return {
      name,
      status: 'fail',
      found: `${where} is set but empty or not text`,
      fix: `set it to the key itself, or remove it`,
    };
  }
  const key = value.trim();
  if (/\s|["'<>]/.test(key)) {
    return {
      name,
      status: 'fail',
      found: `${where} has spaces or quotes inside (${key.length} characters): not a key as pasted`,
      fix: 'paste the key again, exactly as the sign server shows it, without quotes',
    };
  }
  return { name, status: 'ok', found: `set in ${where} (${key.length} characters, not shown)` };
}

function configKey(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    const config = JSON.parse(readFileSync(file, 'utf8')) as { tiktok?: { apiKey?: unknown } };
    return config.tiktok?.apiKey;
  } catch {
    // The config folder check says the file is broken.
    return undefined;
  }
}
