/**
 * `npm start`: the composition root. Reads flags and the config, builds the application on an
 * HTTP server, starts the source, prints the OBS URLs and pairing links, and shuts down
 * gracefully (journal flushed, sockets closed) on SIGINT/SIGTERM.
 */
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLiveRoom } from '../../shared/engines';
import { createApplication } from '../app/create-application';
import { loadOrCreateConfig, resolveHome } from '../auth/config-file';
import { createLogger } from '../log';
import { mediaSettingsFrom } from '../media/media-settings';
import { bannerLines, readyLine } from './banner';
import { isLoopback, pageHosts } from './lan-hosts';
import { ensureOverlaysBuilt } from './overlays-build';
import { runSource, sourceFor } from './source-runner';
import { ArgsError, parseStartArgs, USAGE } from './start-args';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function main(): Promise<number> {
  let args: ReturnType<typeof parseStartArgs>;
  try {
    args = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const log = createLogger({
    pretty: process.stderr.isTTY === true,
    level: process.env.LIMELIGHT_LOG === 'debug' ? 'debug' : 'info',
  });
  const home = resolveHome(args.config, process.env);
  const { config, path: configPath, created } = loadOrCreateConfig(home);
  if (created)
    log.info('created tokens for owner, moderator, overlay and ingest', { config: configPath });

  const source = sourceFor(args.source, { env: process.env, home, record: args.record });
  const overlaysDir = join(repoRoot, 'dist', 'overlays');
  const overlaysReady = ensureOverlaysBuilt(repoRoot, overlaysDir, args.buildOverlays, log);

  if (!isLoopback(args.host)) {
    process.stderr.write(
      `\n!!! WARNING: listening on ${args.host}: the relay is reachable from your network.\n` +
        '!!! Anyone with a token can control or read your stream; share moderator tokens only.\n\n',
    );
  }

  const httpServer = createServer();
  const app = createApplication(
    httpServer,
    { createRoom: createLiveRoom, tokens: config.tokens, log },
    {
      dataDir: home,
      overlaysDir,
      hosts: pageHosts(args.host),
      media: { settings: mediaSettingsFrom(config.media) },
    },
  );

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
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `port ${args.port} is in use: is Limelight already running? Try --port N.\n`
        : `cannot listen on ${args.host}:${args.port}: ${String(error)}\n`,
    );
    await app.close().catch(() => {});
    return 1;
  }

  const port = app.port();
  const shownHost =
    isLoopback(args.host) || args.host === '0.0.0.0' || args.host === '::'
      ? '127.0.0.1'
      : args.host;
  const baseUrl = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  process.stdout.write(
    `${bannerLines({
      baseUrl,
      tokens: config.tokens,
      configPath,
      dataDir: home,
      sourceLine: source.describe,
      overlaysReady,
      resumedStream: app.resumed?.streamId ?? null,
    }).join('\n')}\n`,
  );
  const stopSource = new AbortController();
  const sourceDone = runSource(source, app.sources, stopSource.signal, log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    stopSource.abort();
    await Promise.race([sourceDone, new Promise((done) => setTimeout(done, 2_000))]);
    await app.close();
    log.info('journal flushed, sockets closed');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Ready only once a stop signal is handled: a pipe write is synchronous on Linux, so a script
  // that signals on this line could otherwise kill the process before the handlers exist.
  process.stdout.write(`${readyLine({ port, host: args.host, pid: process.pid })}\n`);
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
