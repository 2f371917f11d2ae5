/**
 * `npm start`: the composition root. Reads flags and the config, builds the overlay pages on the
 * first start, builds the application on an HTTP server, starts the source and prints the OBS
 * URLs and pairing links. The console gets short human lines (JSON with `--log-json`); the log
 * file in the config folder gets every line as JSON. SIGINT/SIGTERM stop cleanly and end the
 * stream; a console that goes away (EPIPE, a closed terminal) does not stop the server.
 */
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLiveRoom } from '../../shared/engines';
import { createApplication } from '../app/create-application';
import { loadOrCreateConfig, rateBudgetsOf, resolveHome } from '../auth/config-file';
import { createTokenFileStore } from '../auth/token-file-store';
import { TokenRegistry } from '../auth/token-registry';
import { type Cluster, connectCluster } from '../cluster/connect-cluster';
import { journalPathFor } from '../journal/streams-dir';
import { createLogger, type LogLevel } from '../log';
import { mediaSettingsFrom } from '../media/media-settings';
import { formatInputSummary } from '../sources/input-summary';
import { bannerLines, readyLine } from './banner';
import { createConsoleOut } from './console-out';
import { isLoopback, pageHosts } from './lan-hosts';
import { openLogFile } from './log-file';
import { ensureOverlaysBuilt } from './overlays-build';
import { runSource, sourceFor } from './source-runner';
import { ArgsError, parseStartArgs, USAGE } from './start-args';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function main(): Promise<number> {
  let args: ReturnType<typeof parseStartArgs>;
  try {
    args = parseStartArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const home = resolveHome(args.config, process.env);
  const { config, path: configPath, created } = loadOrCreateConfig(home);
  const level: LogLevel = process.env.LIMELIGHT_LOG === 'debug' ? 'debug' : 'info';
  const logFile = openLogFile(home);
  const fileLog = createLogger({ sinks: [logFile.sink(level)] });
  const out = createConsoleOut(
    { stdout: process.stdout, stderr: process.stderr },
    (stream, error) =>
      fileLog.warn(`the console's ${stream} closed; still serving, logging to this file only`, {
        error: error.message,
        pid: process.pid,
      }),
  );
  const log = createLogger({
    sinks: [
      logFile.sink(level),
      { level, format: args.logJson ? 'json' : 'human', write: (line) => out.err(`${line}\n`) },
    ],
  });
  /** A line for the person at the console; the file gets it too (never with a token in it). */
  const say = (line: string) => {
    out.out(`${line}\n`);
    fileLog.info(line);
  };
  if (created) say(`Created the tokens for each role in ${configPath} (only you can read it).`);

  const overlaysDir = resolve(args.overlaysDir ?? join(repoRoot, 'dist', 'overlays'));
  const overlaysReady = ensureOverlaysBuilt({
    repoRoot,
    overlaysDir,
    build: args.buildOverlays,
    say,
  });
  if (!isLoopback(args.host)) {
    say(`Warning: listening on ${args.host}: the relay is reachable from your network.`);
    say('  Anyone with a token can control or read your stream; share moderator tokens only.');
  }

  let cluster: Cluster | null = null;
  if (args.redis) {
    try {
      cluster = await connectCluster({
        redisUrl: args.redis,
        node: args.node,
        leaseMs: args.leaseMs,
        log,
      });
    } catch (error) {
      say(`${error instanceof Error ? error.message : String(error)}`);
      say('  Start redis-server first (npm run cluster starts one), or check --redis.');
      return 1;
    }
  }
  const tokens = new TokenRegistry(
    config.tokens,
    cluster ? cluster.tokenStore : createTokenFileStore(home),
  );
  await tokens.refresh();

  const httpServer = createServer();
  const app = createApplication(
    httpServer,
    {
      createRoom: createLiveRoom,
      tokens: config.tokens,
      registry: tokens,
      log,
      cluster: cluster ?? undefined,
    },
    {
      dataDir: home,
      overlaysDir,
      hosts: pageHosts(args.host),
      publicOrigins: args.publicUrl ? [args.publicUrl] : [],
      trustedProxies: args.trustProxy,
      media: { settings: mediaSettingsFrom(config.media) },
      rateBudgets: rateBudgetsOf(config),
    },
  );
  const source = sourceFor(cluster ? { kind: 'none' } : args.source, {
    env: process.env,
    home,
    record: args.record,
    resumed:
      app.resumed && !cluster
        ? { seq: app.relay.seq, likeTotal: app.relay.report()?.likes ?? 0 }
        : undefined,
  });

  try {
    await new Promise<void>((done, failed) => {
      httpServer.once('error', failed);
      httpServer.listen(args.port, args.host, () => {
        httpServer.off('error', failed);
        done();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    say(
      code === 'EADDRINUSE'
        ? `Port ${args.port} is in use: is Limelight already running? Stop it, or start with --port N (npm run doctor checks).`
        : `Cannot listen on ${args.host}:${args.port}: ${String(error)}`,
    );
    await app.close().catch(() => {});
    await cluster?.close();
    return 1;
  }

  const port = app.port();
  const shownHost =
    isLoopback(args.host) || args.host === '0.0.0.0' || args.host === '::'
      ? '127.0.0.1'
      : args.host;
  const baseUrl =
    args.publicUrl ?? `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  fileLog.info('listening', { url: baseUrl, pid: process.pid, node: process.version });
  const banner = bannerLines({
    baseUrl,
    tokens: config.tokens,
    configPath,
    dataDir: home,
    logPath: logFile.path,
    sourceLine: source.describe,
    overlaysReady,
    resumedStream: app.resumed?.streamId ?? null,
    cluster: cluster ? { node: cluster.node, redis: args.redis ?? '' } : null,
  });
  out.out(`${banner.join('\n')}\n`);
  const stopSource = new AbortController();
  let stopping = false;
  const sourceDone = (
    source.runner ? runSource(source, app.sources, stopSource.signal, log) : Promise.resolve()
  ).then(() => {
    // A replay read to its end: what became of every line, as `npm run report` prints it.
    if (!source.input || stopping) return;
    const summary = source.input.summary();
    const text = formatInputSummary(summary, source.input.name);
    out.err(text);
    fileLog.info('replay input', { summary: text });
    if (args.strict && summary.skipped.count > 0) {
      out.err(`--strict: ${summary.skipped.count} skipped lines\n`);
      void shutdown('--strict', 1);
    }
  });

  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    stopSource.abort();
    await Promise.race([sourceDone, new Promise((done) => setTimeout(done, 2_000))]);
    // A cluster process hands its streams over instead: another process resumes them.
    await app.close(cluster ? {} : { endStream: 'stopped' });
    await cluster?.close();
    const ended = app.endedStream();
    log.info('journal flushed, sockets closed', { endedStream: ended ?? undefined });
    if (ended)
      say(`Stream ${ended} ended. Its report: npm run report -- ${journalPathFor(home, ended)}`);
    logFile.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A closed terminal sends SIGHUP: keep serving (OBS and the panel still use the relay).
  process.on('SIGHUP', () =>
    fileLog.warn('the terminal closed (SIGHUP); still serving', {
      stopWith: `kill ${process.pid}`,
    }),
  );
  // Ready only once a stop signal is handled: a pipe write is synchronous on Linux, so a script
  // that signals on this line could otherwise kill the process before the handlers exist.
  if (args.readyLine) out.out(`${readyLine({ port, host: args.host, pid: process.pid })}\n`);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(
      `limelight failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
