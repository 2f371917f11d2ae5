/** The two relays under test, each in its own process so its CPU can be read from /proc. */
import type { ChildProcess } from 'node:child_process';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { type LimelightServer, startLimelight, unlimitedHome } from '../lib/limelight-server';
import { spawnTs, stopChild, waitForLine } from '../lib/processes';
import type { Endpoint } from './messages';

export interface RelayUnderTest {
  name: 'bare' | 'full';
  pid: number;
  ingest: Endpoint;
  overlay: Endpoint;
  /** Milliseconds from spawn to ready. */
  readyMs: number;
  stop(): Promise<void>;
}

export async function startBareRelay(): Promise<RelayUnderTest> {
  const started = performance.now();
  const child: ChildProcess = spawnTs('bench/relay/bare-relay.ts', []);
  const { port } = JSON.parse(await waitForLine(child, 'BARE_READY', 30_000)) as { port: number };
  const base = `http://127.0.0.1:${port}`;
  return {
    name: 'bare',
    pid: child.pid ?? -1,
    ingest: { url: `${base}/ingest`, auth: {}, relay: 'bare' },
    overlay: { url: `${base}/overlay`, auth: {}, relay: 'bare' },
    readyMs: performance.now() - started,
    stop: () => stopChild(child),
  };
}

/** Handshake `auth` for a Limelight namespace. */
export const limelightAuth = (token: string, client: string) => ({
  token,
  protocolVersion: PROTOCOL_VERSION,
  client,
});

export async function startFullRelay(): Promise<RelayUnderTest & { server: LimelightServer }> {
  const server = await startLimelight({ home: unlimitedHome('full') });
  return {
    name: 'full',
    server,
    pid: server.pid,
    ingest: {
      url: `${server.baseUrl}/ingest`,
      auth: limelightAuth(server.tokens.ingest, 'bench:producer'),
      relay: 'full',
    },
    overlay: {
      url: `${server.baseUrl}/overlay`,
      auth: limelightAuth(server.tokens.overlay, 'overlay:bench'),
      relay: 'full',
    },
    readyMs: server.readyMs,
    stop: () => server.stop(),
  };
}
