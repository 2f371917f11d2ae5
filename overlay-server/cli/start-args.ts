/** `npm start -- [flags]`: the flags, parsed and checked, with a usage text. */
import { parseArgs } from 'node:util';

/** The documented default port. */
export const DEFAULT_PORT = 7420;
export const DEFAULT_HOST = '127.0.0.1';

export type SourceChoice =
  | { kind: 'simulator'; seed: number; preset: 'small' | 'mid' | 'huge'; speed: number }
  | { kind: 'replay'; file: string; speed: string }
  | { kind: 'tiktok'; user: string }
  | { kind: 'none' };

export interface StartArgs {
  port: number;
  host: string;
  /** Config and data folder from `--config`, else undefined (then LIMELIGHT_HOME or ~/.limelight). */
  config: string | undefined;
  source: SourceChoice;
  /** `--record FILE` (with `--tiktok`): raw connector events written as a recording. */
  record: string | undefined;
  /** Build the overlay pages when they are missing. */
  buildOverlays: boolean;
  /** `--overlays DIR`: where the overlay pages are served from (and built); else dist/overlays. */
  overlaysDir: string | undefined;
  /** Print the machine-readable `LIMELIGHT_READY {...}` line once listening (scripts, tests). */
  readyLine: boolean;
  /** Log lines as JSON on the console (`--log-json` or LIMELIGHT_LOG_FORMAT=json). */
  logJson: boolean;
  /** `--strict` (with `--replay`): exit with code 1 once the file is read if any line was skipped. */
  strict: boolean;
  /** `--redis URL`: one process of a cluster sharing rooms and streams through Redis. */
  redis: string | undefined;
  /** `--node NAME`: this process's name in a cluster. */
  node: string | undefined;
  /** `--lease-ms N`: how long a stream's writer lease lives unrenewed (cluster). */
  leaseMs: number | undefined;
  /** `--public-url URL`: the address users reach the server at through a reverse proxy. */
  publicUrl: string | undefined;
  /** `--trust-proxy LIST`: proxy addresses whose X-Forwarded-For names the client. */
  trustProxy: string[];
  help: boolean;
}

export const USAGE = `Usage: npm start -- [options]

  --port N           port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST        address to listen on (default ${DEFAULT_HOST}); another address opens the
                     relay to your network (moderators on the LAN) — tokens still apply
  --replay FILE      replay a journal or a raw tiktok-live-connector recording instead of the
                     simulated stream; what became of every line is printed when it is read
  --strict           with --replay: exit with code 1 once the file is read if any line of it
                     was skipped
  --speed N          replay (or simulated stream) speed: 1 real time (default), 10 ten
                     times faster, max (replay only: as fast as possible)
  --seed N           simulated stream seed (default 1)
  --preset NAME      simulated stream size: small, mid (default) or huge
  --no-source        no built-in source: events arrive only on /ingest
  --tiktok @user     a real TikTok LIVE through tiktok-live-connector (sign-server key, optional:
                     LIMELIGHT_TIKTOK_API_KEY or SIGN_API_KEY, or tiktok.apiKey in the config file)
  --record FILE      with --tiktok: also write the raw events as a recording (report, --replay)
  --config DIR       config and data folder (default $LIMELIGHT_HOME or ~/.limelight)
  --no-build         do not build the overlay pages when they are missing
  --overlays DIR     serve the overlay pages from DIR (default dist/overlays), built there
                     when missing
  --log-json         log lines as JSON on the console (also LIMELIGHT_LOG_FORMAT=json); the
                     log file (logs/limelight.log in the config folder) is always JSON
  --ready-line       print one machine-readable line, LIMELIGHT_READY {"port":…,"host":…,
                     "pid":…}, on stdout once the server listens (for scripts)
  --public-url URL   where users reach the server through a reverse proxy with TLS, e.g.
                     https://live.example.com: its pages' origin is allowed and the printed
                     URLs use it (docs/deployment.md)
  --trust-proxy LIST proxy addresses (comma-separated) whose X-Forwarded-For header names the
                     client, for logs and the limit on failed handshakes
  --redis URL        run as one process of a cluster: rooms and streams shared through Redis,
                     each stream written by one process (npm run cluster starts one locally);
                     the config folder must be shared by every process
  --node NAME        this process's name in the cluster (default host:pid)
  --lease-ms N       a stream moves to another process N ms after its writer died (default
                     10000)
  --help             this text`;

export class ArgsError extends Error {}

export function parseStartArgs(argv: string[], env: NodeJS.ProcessEnv = {}): StartArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new ArgsError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new ArgsError(`--port: expected 0–65535, got ${values.port}`);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(seed))
    throw new ArgsError(`--seed: expected an integer, got ${values.seed}`);
  const preset = values.preset ?? 'mid';
  if (preset !== 'small' && preset !== 'mid' && preset !== 'huge') {
    throw new ArgsError(`--preset: expected small, mid or huge, got ${preset}`);
  }
  const chosen = [
    values.replay !== undefined,
    values.tiktok !== undefined,
    values['no-source'] === true,
  ].filter(Boolean);
  if (chosen.length > 1) throw new ArgsError('choose one of --replay, --tiktok and --no-source');
  const simulatorSpeed = Number(values.speed ?? 1);
  if (values.replay === undefined && !(simulatorSpeed > 0)) {
    throw new ArgsError(`--speed: expected a positive number, got ${values.speed}`);
  }
  let source: SourceChoice = { kind: 'simulator', seed, preset, speed: simulatorSpeed };
  if (values.replay !== undefined)
    source = { kind: 'replay', file: values.replay, speed: values.speed ?? '1' };
  else if (values.tiktok !== undefined) source = { kind: 'tiktok', user: values.tiktok };
  else if (values['no-source']) source = { kind: 'none' };
  if (values.record !== undefined && source.kind !== 'tiktok')
    throw new ArgsError('--record goes with --tiktok (a replay or simulation is already recorded)');
  if (values.strict === true && source.kind !== 'replay')
    throw new ArgsError('--strict goes with --replay (it judges the lines of a file)');
  if (values.redis !== undefined) {
    const own = [values.replay, values.tiktok, values.seed, values.preset, values.speed];
    if (own.some((value) => value !== undefined))
      throw new ArgsError('in a cluster (--redis) sources send their events to /ingest');
    source = { kind: 'none' };
  }
  const leaseMs = values['lease-ms'] === undefined ? undefined : Number(values['lease-ms']);
  if (leaseMs !== undefined && !(Number.isInteger(leaseMs) && leaseMs >= 300))
    throw new ArgsError(`--lease-ms: expected at least 300, got ${values['lease-ms']}`);
  if (values['public-url'] !== undefined && !/^https?:\/\/[^/]+\/?$/.test(values['public-url']))
    throw new ArgsError(
      `--public-url: expected an origin like https://live.example.com, got ${values['public-url']}`,
    );
  return {
    port,
    host: values.host ?? DEFAULT_HOST,
    config: values.config,
    source,
    record: values.record,
    buildOverlays: values['no-build'] !== true,
    overlaysDir: values.overlays,
    readyLine: values['ready-line'] === true,
    logJson: values['log-json'] === true || env.LIMELIGHT_LOG_FORMAT === 'json',
    strict: values.strict === true,
    redis: values.redis,
    node: values.node,
    leaseMs,
    publicUrl: values['public-url']?.replace(/\/$/, ''),
    trustProxy: (values['trust-proxy'] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    help: values.help === true,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      replay: { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      preset: { type: 'string' },
      tiktok: { type: 'string' },
      record: { type: 'string' },
      config: { type: 'string' },
      overlays: { type: 'string' },
      'log-json': { type: 'boolean' },
      redis: { type: 'string' },
      node: { type: 'string' },
      'lease-ms': { type: 'string' },
      'public-url': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'ready-line': { type: 'boolean' },
      'no-source': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      strict: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
