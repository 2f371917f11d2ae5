/**
 * Part 3: recovery. Time from start to `LIMELIGHT_READY` on a home whose journal holds a long
 * simulated stream (after a SIGKILL in the middle of a stream of gifts, which resumes it, and
 * after a clean stop, which ends it), and whether every acknowledged coin survived.
 */
import { connectIngest } from '../lib/ingest-client';
import {
  getJson,
  type LimelightServer,
  startLimelight,
  unlimitedHome,
} from '../lib/limelight-server';
import { delay } from '../lib/processes';
import { atMost, exactly, figure, type PartRecorder } from '../lib/results';
import { feedStream, type SimulatedStream, simulateForBench } from './simulated-journal';
import type { SoakOutcome } from './soak';

/** A non-streak gift (type 2 commits at once) of a known price, so acked coins are exact. */
const KILL_GIFT = { id: 9_990_001, name: 'Bench Crown', coins: 7, type: 2, imageUrl: null };

export interface RecoveryOptions {
  /** Restarts measured after a clean stop, and SIGKILL rounds. */
  restarts: number;
  kills: number;
  /** How long gifts flow before the kill, ms. */
  killAfterMs: number;
  /** Stream length when the soak has not left a journal to reuse. */
  fallbackDurationMs: number;
}

export async function recoveryBench(
  part: PartRecorder,
  options: RecoveryOptions,
  fromSoak: SoakOutcome | null,
): Promise<void> {
  const journal = fromSoak ?? (await buildJournal(options.fallbackDurationMs));
  const { home, stream } = journal;
  part.note(
    `Journal: ${stream.events.length.toLocaleString('en-US')} simulated events, ${stream.streamHours.toFixed(2)} h of stream time, left running (no stream end).`,
  );
  let expected = stream.expectedCoins;

  // SIGKILL rounds first: each start resumes the unfinished stream.
  const killReady: number[] = [];
  const killLost: number[] = [];
  const overCounted: number[] = [];
  for (let round = 0; round < options.kills; round++) {
    const server = await startLimelight({ home, timeoutMs: 120_000 });
    const flow = await giftsUntilKilled(server, round, options.killAfterMs);
    const restarted = await startLimelight({ home, timeoutMs: 120_000 });
    killReady.push(restarted.readyMs);
    const reported = await reportedCoins(restarted);
    // Acked gifts must all be there; unacked ones may or may not have been committed.
    killLost.push(Math.max(0, expected + flow.ackedCoins - reported));
    overCounted.push(Math.max(0, reported - (expected + flow.sentCoins)));
    part.note(
      `SIGKILL round ${round + 1}: ${flow.acked} gifts acked (${flow.ackedCoins} coins), ${flow.sent} sent, ${flow.inFlight} in flight at the kill; ` +
        `after restart ${reported.toLocaleString('en-US')} coins, expected ≥ ${(expected + flow.ackedCoins).toLocaleString('en-US')}.`,
    );
    // The next round starts from what the journal holds now, still unfinished.
    expected = reported;
    await restarted.kill();
  }
  part.add(
    figure('start to ready on the journal after SIGKILL', 'ms', killReady, atMost(5000, '≤ 5 s †')),
  );
  part.add(figure('acknowledged coins lost to SIGKILL', 'coins', killLost, exactly(0, '0')));
  part.add(figure('coins counted beyond what was sent', 'coins', overCounted, exactly(0, '0')));

  // Then clean stops: the first one ends the long stream; later starts find it ended (read for
  // the owner's settings, not resumed) and its report rebuilt from the journal keeps every coin.
  const cleanReady: number[] = [];
  const cleanLost: number[] = [];
  let streamId: string | null = null;
  for (let i = 0; i < options.restarts; i++) {
    const server = await startLimelight({ home, timeoutMs: 120_000 });
    cleanReady.push(server.readyMs);
    streamId ??= await currentStreamId(server);
    cleanLost.push(expected - (await reportedCoins(server, streamId)));
    await server.stop();
  }
  part.add(
    figure(
      'start to ready on the journal (after a clean stop)',
      'ms',
      cleanReady,
      atMost(5000, '≤ 5 s †'),
    ),
  );
  part.add(figure('coins lost across a clean restart', 'coins', cleanLost, exactly(0, '0')));
}

async function buildJournal(
  durationMs: number,
): Promise<{ home: string; stream: SimulatedStream }> {
  const stream = await simulateForBench(durationMs);
  // Budgets lifted: the part measures memory and recovery, not the /ingest rate limit.
  const home = unlimitedHome('recovery');
  const server = await startLimelight({ home });
  try {
    await feedStream(server, stream);
  } finally {
    // Killed, not stopped: the stream must stay unfinished to be resumed (every batch was acked).
    await server.kill();
  }
  return { home, stream };
}

async function currentStreamId(server: LimelightServer): Promise<string> {
  const { streams } = (await getJson(server, '/api/streams')) as {
    streams: Array<{ streamId: string; current: boolean }>;
  };
  const current = streams.find((s) => s.current);
  if (!current) throw new Error('no stream was resumed');
  return current.streamId;
}

async function reportedCoins(server: LimelightServer, streamId = 'current'): Promise<number> {
  const report = (await getJson(server, `/api/streams/${streamId}/report`)) as { coins?: unknown };
  if (typeof report.coins !== 'number') throw new Error('the current report has no coins');
  return report.coins;
}

/**
 * Sends gifts one by one with acks (~2,000/s) and SIGKILLs the server right after a burst, so
 * gifts are in flight (sent, not yet acknowledged, some maybe half-written) when it dies.
 */
async function giftsUntilKilled(
  server: LimelightServer,
  round: number,
  killAfterMs: number,
): Promise<{
  sent: number;
  acked: number;
  inFlight: number;
  sentCoins: number;
  ackedCoins: number;
}> {
  const socket = await connectIngest(server.baseUrl, server.tokens.ingest);
  let sent = 0;
  let acked = 0;
  let killed = false;
  const started = performance.now();
  // Bounded: at most 100,000 gifts.
  while (sent < 100_000) {
    for (let i = 0; i < 20; i++) {
      socket.emit('event', killGift(round, sent++), (ack: { ok?: boolean }) => {
        if (ack?.ok && !killed) acked++;
      });
    }
    if (performance.now() - started >= killAfterMs) break;
    await delay(10);
  }
  // Count only what was acked before the kill: read the tally, then kill at once.
  const ackedBeforeKill = acked;
  killed = true;
  server.child.kill('SIGKILL');
  await server.kill();
  socket.close();
  return {
    sent,
    acked: ackedBeforeKill,
    inFlight: sent - ackedBeforeKill,
    sentCoins: sent * KILL_GIFT.coins,
    ackedCoins: ackedBeforeKill * KILL_GIFT.coins,
  };
}

function killGift(round: number, seq: number): Record<string, unknown> {
  const viewer = seq % 300;
  return {
    id: `bench-kill-${round}-${seq}-${Date.now()}`,
    source: 'test',
    kind: 'gift',
    at: Date.now(),
    user: {
      id: String(7_200_000_000_000_000 + viewer),
      handle: `bench_gifter_${viewer}`,
      nickname: `Gifter ${viewer}`,
    },
    gift: KILL_GIFT,
    repeatCount: 1,
    repeatEnd: true,
    groupId: `kill-${round}-${seq}`,
  };
}
