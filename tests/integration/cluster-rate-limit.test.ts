/**
 * One token's rate budget across a cluster: two server processes on a real redis-server, one
 * ingest token flooding both at once. The budget is kept in Redis, so together they accept what
 * one server would (the rest refused RATE_LIMITED), and every event they accepted is in the
 * stream's report: refused ones were never taken, accepted ones never lost.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateConfig } from '../../overlay-server/auth/config-file';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { Ack } from '../../shared/protocol/ack';
import { useRedis } from '../support/redis-server';
import { tokensCli } from '../support/tokens-cli';
import { instantGift, script } from './support/events';
import { type ServerProcess, spawnServer } from './support/server-process';
import { connectTo, stopAll } from './support/server-sockets';

const redis = useRedis();

const servers: ServerProcess[] = [];
const sockets: Socket[] = [];
let home = '';
afterEach(async () => {
  await stopAll(servers, sockets, home);
  home = '';
});

/** `npm run tokens` against the cluster's Redis, as an operator runs it. */
async function issueToken(args: string[]): Promise<{ id: string; secret: string }> {
  const printed = await tokensCli([
    'issue',
    ...args,
    '--json',
    '--redis',
    redis().url,
    '--config',
    home,
  ]);
  return JSON.parse(printed) as { id: string; secret: string };
}

/** Connects once the process has read the token from Redis (it hears of it at once, or within a second). */
async function connectWhenKnown(server: ServerProcess, token: string): Promise<Socket> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      return await connectTo(server, '/ingest', token, 'flood', sockets);
    } catch (error) {
      const code = (error as { data?: { code?: string } }).data?.code;
      if (code !== 'UNAUTHORIZED' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('per-token rate budgets in a cluster', () => {
  it('are one budget across processes: a token flooding A and B together gets no more than one budget', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-cluster-rate-'));
    loadOrCreateConfig(home);
    const started = await Promise.all(
      ['A', 'B'].map((node) =>
        spawnServer(home, ['--no-source', '--redis', redis().url, '--node', node]),
      ),
    );
    servers.push(...started);
    const [a, b] = started as [ServerProcess, ServerProcess];
    // Burst 100, refilled by one event every 100 s: the flood below sees the burst alone.
    const { secret } = await issueToken([
      '--role',
      'ingest',
      '--stream',
      'default',
      '--rate',
      '0.01/s,100',
    ]);
    const onA = await connectWhenKnown(a, secret);
    const onB = await connectWhenKnown(b, secret);

    const s = script(Date.now());
    const acks = await Promise.all(
      Array.from(
        { length: 300 },
        (_, i) =>
          (i % 2 === 0 ? onA : onB)
            .timeout(15_000)
            .emitWithAck('event', instantGift(s, `flood${i}`, 1)) as Promise<Ack<unknown>>,
      ),
    );
    const accepted = acks.filter((ack) => ack.ok).length;
    const refused = acks.filter((ack) => !ack.ok && ack.code === 'RATE_LIMITED').length;
    // The two handshakes took one each: 98 events of the burst are left for the flood. Two
    // budgets (one per process, as before they were shared) would have taken 198.
    expect({ accepted, refused }).toEqual({ accepted: 98, refused: 202 });
    // Both processes took part: each accepted some of it.
    const acceptedOn = (parity: number) =>
      acks.filter((ack, i) => ack.ok && i % 2 === parity).length;
    expect(acceptedOn(0)).toBeGreaterThan(0);
    expect(acceptedOn(1)).toBeGreaterThan(0);

    const response = await fetch(`${a.baseUrl}/api/streams/current/report`, {
      headers: { authorization: `Bearer ${a.tokens.owner}` },
    });
    const report = (await response.json()) as StreamReport;
    expect(report.coins).toBe(accepted);
  }, 60_000);
});
