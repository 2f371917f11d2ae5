/**
 * `npm run cluster` as a user runs it: redis-server, two server processes and a proxy come up,
 * the printed URLs go through the proxy, both processes serve behind it and share the stream, and
 * Ctrl+C stops every one of them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateConfig } from '../../overlay-server/auth/config-file';
import type { Ack } from '../../shared/protocol/ack';
import type { StateSnapshot, UpdateBatch } from '../../shared/protocol/channels';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { instantGift, script } from './support/events';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Whether something listens on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function startCluster(home: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'overlay-server/cli/cluster.ts', '--port', '0', '--no-build'],
    // Its own process group: a failing test kills redis-server and both servers with it.
    {
      env: { ...process.env, LIMELIGHT_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  cleanups.push(() => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {}
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    exited,
    output: () => output,
    async printed(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`npm run cluster exited:\n${output}`);
        if (Date.now() > deadline) throw new Error(`not printed ${pattern}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** GET /health on a connection of its own (no keep-alive), so the proxy picks a process. */
function healthOf(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(`${url}/health`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve(JSON.parse(body)));
    }).once('error', reject);
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function client(url: string, ns: string, token: string, channels?: string[]): Socket {
  const socket = io(`${url}${ns}`, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    auth: { token, protocolVersion: PROTOCOL_VERSION, client: 'cluster-command-test', channels },
  });
  cleanups.push(() => socket.disconnect());
  return socket;
}

describe('npm run cluster', () => {
  it('starts redis-server, two processes and a proxy, prints URLs through the proxy, and Ctrl+C stops them all', async () => {
    const home = mkdtempSync(join(tmpdir(), 'limelight-cluster-cmd-'));
    cleanups.push(() => rmSync(home, { recursive: true, force: true }));
    const { tokens } = loadOrCreateConfig(home).config;
    const cluster = startCluster(home);
    const summary = await cluster.printed(
      /Cluster: redis:\/\/127\.0\.0\.1:(\d+) .*a on 127\.0\.0\.1:(\d+) and b on 127\.0\.0\.1:(\d+), all behind (http:\/\/127\.0\.0\.1:(\d+))\./,
    );
    const [, redisPort, portA, portB, url = ''] = summary.map(String);
    expect(cluster.output()).toContain(`${url}/overlays/alerts.html?token=${tokens.overlay}`);
    expect(cluster.output()).toContain(`${url}/pair?token=${tokens.owner}`);

    // Connections through the proxy reach both processes (one connection per request).
    const nodes = new Set<string>();
    for (let i = 0; i < 4; i++) nodes.add(((await healthOf(url)) as { node: string }).node);
    expect([...nodes].sort()).toEqual(['a', 'b']);

    // An overlay and a source on different processes share the stream.
    const overlay = client(url, '/overlay', tokens.overlay, ['alerts']);
    const ingest = client(url, '/ingest', tokens.ingest);
    const seen: Array<StateSnapshot | UpdateBatch> = [];
    overlay.on('snapshot', (snapshot: StateSnapshot) => seen.push(snapshot));
    overlay.on('updates', (batch: UpdateBatch) => seen.push(batch));
    await Promise.all(
      [overlay, ingest].map(
        (socket) =>
          new Promise((resolve, reject) => {
            socket.once('connect', () => resolve(null));
            socket.once('connect_error', reject);
          }),
      ),
    );
    await until(() => seen.some((arrival) => 'channels' in arrival), 'the overlay snapshot');
    const s = script(Date.now());
    const ack = (await ingest
      .timeout(20_000)
      .emitWithAck('event', instantGift(s, 'cleo', 100))) as Ack<unknown>;
    expect(ack).toMatchObject({ ok: true });
    await until(
      () =>
        seen.some((arrival) => 'updates' in arrival && JSON.stringify(arrival).includes('cleo')),
      "cleo's gift on the overlay",
    );

    cluster.child.kill('SIGINT');
    expect(await cluster.exited).toBe(0);
    for (const port of [redisPort, portA, portB, url.split(':').pop()].map(Number)) {
      expect(await listening(port), `port ${port} after Ctrl+C`).toBe(false);
    }
  }, 120_000);
});
