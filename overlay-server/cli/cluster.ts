/**
 * `npm run cluster`: a cluster to try on one machine. It starts the system's redis-server on a
 * free port (nothing kept on disk), two server processes (`npm start -- --redis …`) sharing the
 * config folder, and a proxy in front of them on the usual port; prints the URLs as `npm start`
 * does (they go through the proxy); Ctrl+C stops the processes, the proxy and redis-server.
 * docs/deployment.md describes a real deployment.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadOrCreateConfig, resolveHome } from '../auth/config-file';
import { type RunningRedis, startRedis } from '../cluster/local-redis';
import { readyLine } from './banner';
import { type ClusterProxy, startClusterProxy } from './cluster-proxy';
import { DEFAULT_PORT } from './start-args';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const NODES = ['a', 'b'] as const;

const USAGE = `Usage: npm run cluster -- [options]

  --port N       the proxy's port, where every URL points (default ${DEFAULT_PORT}; 0: a free one)
  --config DIR   the config folder both processes share (default $LIMELIGHT_HOME or ~/.limelight)
  --no-build     do not build the overlay pages when they are missing
  --ready-line   print LIMELIGHT_READY {"port":…} once everything listens (for scripts)

Needs redis-server on PATH (Debian/Ubuntu: sudo apt-get install redis-server).`;

interface ServerChild {
  node: string;
  child: ChildProcess;
  port: number;
  exited: Promise<void>;
}

/** Starts one server process; resolves once it printed its ready line. */
function startServer(node: string, args: string[], showBanner: boolean): Promise<ServerChild> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'overlay-server/cli/start.ts', '--port', '0', '--ready-line', ...args],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${node}] ${chunk}`));
  return new Promise((ready, failed) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^LIMELIGHT_READY (.*)$/.exec(line);
        if (match) ready({ node, child, exited, port: JSON.parse(match[1] ?? '{}').port });
        else if (showBanner) process.stdout.write(`${line}\n`);
      }
    });
    void exited.then(() => failed(new Error(`server process ${node} exited before it was ready`)));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      port: { type: 'string' },
      config: { type: 'string' },
      'no-build': { type: 'boolean' },
      'ready-line': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const home = resolveHome(values.config, process.env);
  // Created once here, before two processes could race to create it.
  loadOrCreateConfig(home);

  let redis: RunningRedis | null = null;
  let proxy: ClusterProxy | null = null;
  const servers: ServerChild[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((server) => server.exited));
    await proxy?.close();
    await redis?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    redis = await startRedis();
    proxy = await startClusterProxy(Number(values.port ?? DEFAULT_PORT));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await redis?.stop();
    return 1;
  }
  const publicUrl = `http://127.0.0.1:${proxy.port}`;
  const shared = ['--config', home, '--redis', redis.url, '--public-url', publicUrl];
  try {
    for (const [index, node] of NODES.entries()) {
      // The first process builds the overlay pages if needed; the second finds them built.
      const build = index === 0 && !values['no-build'] ? [] : ['--no-build'];
      const server = await startServer(node, [...shared, '--node', node, ...build], index === 0);
      servers.push(server);
      void server.exited.then(() => {
        if (!stopping)
          process.stderr.write(`Server process ${node} stopped; its streams move to the other.\n`);
      });
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
    return 1;
  }
  proxy.route(servers.map((server) => server.port));
  process.stdout.write(
    [
      '',
      `Cluster: ${redis.url} (redis-server, nothing kept on disk), server processes ${servers
        .map((server) => `${server.node} on 127.0.0.1:${server.port}`)
        .join(' and ')}, all behind ${publicUrl}.`,
      'Sources send events to /ingest at that address (npm start -- --redis … runs no source).',
      'Ctrl+C stops both processes, the proxy and redis-server.',
      '',
    ].join('\n'),
  );
  if (values['ready-line'])
    process.stdout.write(
      `${readyLine({ port: proxy.port, host: '127.0.0.1', pid: process.pid })}\n`,
    );
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`npm run cluster failed: ${String(error)}\n`);
    process.exit(1);
  },
);
