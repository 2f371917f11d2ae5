/**
 * The real server as users start it (`overlay-server/cli/start.ts`), in its own process with its
 * own LIMELIGHT_HOME, on 127.0.0.1 and an ephemeral port.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateConfig } from '../../overlay-server/auth/config-file';
import type { Role } from '../../shared/protocol/roles';
import { killChild, outputOf, spawnTs, stopChild, waitForLine } from './processes';
import { NotMeasured } from './results';

export const START_SCRIPT = 'overlay-server/cli/start.ts';

export interface LimelightServer {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  home: string;
  tokens: Record<Role, string>;
  /** Milliseconds from spawn to the `LIMELIGHT_READY` line (asked for with `--ready-line`). */
  readyMs: number;
  /** Everything the server printed before it was ready (OBS URLs, pairing link). */
  banner: string[];
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Flags for a server with no source of its own: the bench's producer is the only one. */
export const SOURCELESS_ARGS: string[] = ['--no-source', '--no-build'];

export interface StartOptions {
  /** Reuse a home (journal, config) to measure a restart; a fresh temp dir otherwise. */
  home?: string;
  args?: string[];
  /** Extra Node flags for the server process (e.g. a preloaded memory probe). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export function requireServer(): void {
  if (!existsSync(START_SCRIPT)) throw new NotMeasured(`${START_SCRIPT} has not landed`);
}

const homes: string[] = [];

/** A new LIMELIGHT_HOME in the temp dir; removed by `removeHomes` when the run ends. */
export function freshHome(label: string): string {
  const home = mkdtempSync(join(tmpdir(), `limelight-bench-${label}-`));
  homes.push(home);
  return home;
}

/**
 * Per-token budgets no bench load reaches. The relay figures measure what the relay costs, not
 * its rate limits (docs/deployment.md): with the default /ingest budget of 500 events/s a
 * 5,000 events/s run would measure refusals.
 */
export const UNLIMITED_RATE = { perSecond: 1_000_000, burst: 1_000_000 };

/** A fresh home whose config.json (tokens made as on a first start) lifts every namespace's budget. */
export function unlimitedHome(label: string): string {
  const home = freshHome(label);
  const { config, path } = loadOrCreateConfig(home);
  const limits = { ingest: UNLIMITED_RATE, control: UNLIMITED_RATE, overlay: UNLIMITED_RATE };
  writeFileSync(path, JSON.stringify({ ...config, limits }, null, 2));
  return home;
}

/** Deletes every home the run created (journals of long streams take hundreds of MB). */
export function removeHomes(): void {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
}

export async function startLimelight(options: StartOptions = {}): Promise<LimelightServer> {
  requireServer();
  const home = options.home ?? freshHome('server');
  const started = performance.now();
  const child = spawnTs(
    START_SCRIPT,
    [
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--ready-line',
      ...SOURCELESS_ARGS,
      ...(options.args ?? []),
    ],
    { ...process.env, ...options.env, LIMELIGHT_HOME: home, NODE_ENV: 'production' },
    options.nodeArgs,
  );
  let readyLine: string;
  try {
    readyLine = await waitForLine(child, 'LIMELIGHT_READY', options.timeoutMs ?? 60_000);
  } catch (error) {
    await killChild(child);
    throw error;
  }
  const readyMs = performance.now() - started;
  const ready = JSON.parse(readyLine) as { port: number };
  const config = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as {
    tokens: Record<Role, string>;
  };
  return {
    child,
    pid: child.pid ?? -1,
    port: ready.port,
    baseUrl: `http://127.0.0.1:${ready.port}`,
    home,
    tokens: config.tokens,
    readyMs,
    banner: outputOf(child).head,
    stop: () => stopChild(child),
    kill: () => killChild(child),
  };
}

/** GETs a JSON endpoint of the server (with the owner token), bounded in time. */
export async function getJson(server: LimelightServer, path: string): Promise<unknown> {
  const url = new URL(path, server.baseUrl);
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${server.tokens.owner}` },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.json();
}
