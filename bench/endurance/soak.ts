/**
 * Part 4: soak. A simulated stream of many hours, replayed into the server at high speed: the
 * server's memory against stream time (slope in MB per hour of stream) and nothing lost (coins
 * sent = coins in `/api/streams/current/report`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getJson,
  type LimelightServer,
  startLimelight,
  unlimitedHome,
} from '../lib/limelight-server';
import { rssMbOf } from '../lib/processes';
import { everyRunAtMost, exactly, figure, type PartRecorder } from '../lib/results';
import { slopeOf } from '../lib/stats';
import {
  feedStream,
  SIMULATION_SEED,
  type SimulatedStream,
  simulateForBench,
} from './simulated-journal';

/** What the soak leaves for the recovery part: a home whose journal holds the whole stream. */
export interface SoakOutcome {
  home: string;
  stream: SimulatedStream;
}

interface MemorySample {
  wall: number;
  streamHours: number;
  rssMb: number;
}

export async function soakBench(part: PartRecorder, durationMs: number): Promise<SoakOutcome> {
  const stream = await simulateForBench(durationMs);
  part.note(
    `Simulated \`mid\` stream, seed ${SIMULATION_SEED}: ${stream.events.length.toLocaleString('en-US')} events over ` +
      `${stream.streamHours.toFixed(2)} h of stream time, fed through /ingest in acknowledged batches of 1,000 (≤ 15,000 events/s).`,
  );
  // Budgets lifted: the part measures memory and recovery, not the /ingest rate limit.
  const home = unlimitedHome('soak');
  const memoryFile = join(home, 'bench-memory.jsonl');
  const server = await startLimelight({
    home,
    nodeArgs: ['--import', './bench/lib/memory-probe.ts'],
    env: { LIMELIGHT_BENCH_MEMORY_FILE: memoryFile },
  });
  const samples: MemorySample[] = [];
  let progressHours = 0;
  const sampler = setInterval(() => {
    try {
      samples.push({ wall: Date.now(), streamHours: progressHours, rssMb: rssMbOf(server.pid) });
    } catch {
      // The server is gone; the feed fails and says so.
    }
  }, 250);
  try {
    const fed = await feedStream(server, stream, (p) => {
      progressHours = p.streamHours;
    });
    clearInterval(sampler);
    const report = (await getJson(server, '/api/streams/current/report')) as { coins?: number };
    const heap = heapSamples(memoryFile, samples);
    soakFigures(part, stream, fed, samples, heap, report.coins ?? Number.NaN, server);
  } finally {
    clearInterval(sampler);
    // Killed, not stopped: a clean stop ends the stream, and the recovery part resumes this one.
    // Every fed batch was acknowledged, so it is all in the journal.
    await server.kill();
  }
  return { home, stream };
}

/** Heap samples from the probe file, placed on the stream-time axis by their wall time. */
function heapSamples(file: string, rss: MemorySample[]): Array<{ x: number; y: number }> {
  if (!existsSync(file)) return [];
  const points: Array<{ x: number; y: number }> = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const sample = JSON.parse(line) as { wall: number; heapUsed: number };
    const at = latestBefore(rss, sample.wall);
    if (at) points.push({ x: at.streamHours, y: sample.heapUsed / 2 ** 20 });
  }
  return points;
}

function latestBefore(samples: MemorySample[], wall: number): MemorySample | undefined {
  let found: MemorySample | undefined;
  for (const sample of samples) if (sample.wall <= wall) found = sample;
  return found;
}

function soakFigures(
  part: PartRecorder,
  stream: SimulatedStream,
  fed: { accepted: number; duplicates: number; rejected: number; seconds: number },
  samples: MemorySample[],
  heap: Array<{ x: number; y: number }>,
  reportedCoins: number,
  server: LimelightServer,
): void {
  const rssPoints = samples.map((s) => ({ x: s.streamHours, y: s.rssMb }));
  // The first quarter holds start-up growth (JIT, caches filling): the steady slope is after it.
  const steady = (points: Array<{ x: number; y: number }>) =>
    points.filter((p) => p.x >= stream.streamHours / 4);
  part.add(figure('events fed', 'events/s', [stream.events.length / fed.seconds]));
  part.add(
    figure('stream time fed per wall second', 'stream min/s', [
      (stream.streamHours * 60) / fed.seconds,
    ]),
  );
  part.add(figure('server RSS at start', 'MB', [samples[0]?.rssMb ?? Number.NaN]));
  part.add(figure('server RSS at end', 'MB', [samples.at(-1)?.rssMb ?? Number.NaN]));
  part.add(figure('server RSS peak', 'MB', [Math.max(...samples.map((s) => s.rssMb))]));
  part.add(
    figure('server RSS slope (after the first quarter)', 'MB/stream h', [
      slopeOf(steady(rssPoints)),
    ]),
  );
  if (heap.length) {
    part.add(figure('server heap used at end', 'MB', [heap.at(-1)?.y ?? Number.NaN]));
    part.add(
      figure('server heap slope (after the first quarter)', 'MB/stream h', [slopeOf(steady(heap))]),
    );
  } else {
    part.note('not measured: heap (the memory probe wrote nothing).');
  }
  part.add(
    figure('events rejected by the server', 'events', [fed.rejected], everyRunAtMost(0, '0')),
  );
  part.add(
    figure(
      'coins lost (sent − reported)',
      'coins',
      [stream.expectedCoins - reportedCoins],
      exactly(0, '0'),
    ),
  );
  part.note(
    `Coins sent ${stream.expectedCoins.toLocaleString('en-US')}, reported ${reportedCoins.toLocaleString('en-US')} ` +
      `(accepted ${fed.accepted.toLocaleString('en-US')}, duplicates ${fed.duplicates}, rejected ${fed.rejected}); ` +
      `server ready in ${server.readyMs.toFixed(0)} ms on an empty home.`,
  );
  part.note(
    `RSS over stream time (h → MB): ${thin(rssPoints, 8)
      .map((p) => `${p.x.toFixed(1)} → ${p.y.toFixed(0)}`)
      .join(', ')}.`,
  );
}

function thin<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from(
    { length: count },
    (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))] as T,
  );
}
