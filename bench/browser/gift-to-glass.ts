/**
 * Gift-to-glass: from a gift's emit on `/ingest` to the first frame the alerts page draws after
 * applying the update batch that carries it. The ingest ack names that batch (`seq`); the page's
 * own frame hook (`__limelight.drawnUpdates`) says when it was first drawn. The page's clock is
 * set against the bench's by round trips (the offset of the shortest one), so the figure spans
 * two processes on one machine.
 */
import type { Browser, Page } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import type { LimelightServer } from '../lib/limelight-server';
import { machineInfo } from '../lib/machine';
import { delay, pollUntil } from '../lib/processes';
import { atMost, figure, type PartRecorder } from '../lib/results';
import { summarizeLatencies } from '../lib/stats';
import { openAlerts, playedOut } from './alerts-page';
import { stormGift } from './gift-storm';

export interface GiftToGlassOptions {
  /** Gifts sent one at a time, each once the page has nothing playing. */
  idleGifts: number;
  stormPerSecond: number;
  stormMs: number;
  /** `?speed=` of the page, so idle gifts follow each other in bench time. */
  speed: number;
  drainTimeoutMs: number;
}

/** One display frame at 60 Hz, what the targets count in. */
const FRAME_MS = 1000 / 60;

interface Sent {
  sentAt: number;
  seq: number | null;
}

const wallNow = () => performance.timeOrigin + performance.now();

/** Page wall clock minus bench wall clock, from the shortest of a few round trips. */
async function clockOffset(page: Page): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < 15; i++) {
    const before = wallNow();
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = wallNow();
    if (after - before < best.rtt)
      best = { rtt: after - before, offset: inPage - (before + after) / 2 };
  }
  return best.offset;
}

function sendGift(socket: Socket, gift: Record<string, unknown>, into: Sent[]): Promise<void> {
  const sent: Sent = { sentAt: wallNow(), seq: null };
  into.push(sent);
  return new Promise((resolve) => {
    socket.timeout(10_000).emit('event', gift, (error: Error | null, ack: unknown) => {
      const envelope = ack as { ok?: boolean; data?: { seq?: number } } | undefined;
      if (!error && envelope?.ok && typeof envelope.data?.seq === 'number') {
        sent.seq = envelope.data.seq;
      }
      resolve();
    });
  });
}

/** The WebGL renderer the page gets (software here: SwiftShader). */
const webglRenderer = (page: Page) =>
  page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no WebGL';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });

function machineLine(): string {
  const m = machineInfo();
  return `${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, ${m.platform}, headless Chromium`;
}

const drawnSince = (page: Page, seq: number) =>
  page.evaluate((after) => window.__limelight?.drawnUpdates(after) ?? [], seq);

/** Latency of each gift to the first drawn frame of a batch at or after its `seq`, page clock mapped. */
async function latencies(page: Page, sent: Sent[], offset: number): Promise<number[]> {
  const seqs = sent.flatMap((s) => (s.seq === null ? [] : [s.seq]));
  if (seqs.length === 0) return [];
  const lowest = Math.min(...seqs);
  const highest = Math.max(...seqs);
  let drawn = await drawnSince(page, lowest - 1);
  await pollUntil(
    async () => {
      drawn = await drawnSince(page, lowest - 1);
      return drawn.some((entry) => entry.seq >= highest);
    },
    10_000,
    50,
  );
  return sent.flatMap(({ seq, sentAt }) => {
    if (seq === null) return [];
    const first = drawn.find((entry) => entry.seq >= seq);
    return first ? [first.drawnAt - offset - sentAt] : [];
  });
}

export async function giftToGlass(
  part: PartRecorder,
  server: LimelightServer,
  browser: Browser,
  socket: Socket,
  options: GiftToGlassOptions,
): Promise<void> {
  const page = await openAlerts(browser, server, `&speed=${options.speed}`);
  try {
    await pollUntil(() => playedOut(page), options.drainTimeoutMs, 100);
    const offset = await clockOffset(page);
    const renderer = await webglRenderer(page);
    const idle: Sent[] = [];
    for (let i = 0; i < options.idleGifts; i++) {
      await pollUntil(() => playedOut(page), options.drainTimeoutMs, 50);
      // Idle: nothing drawn for a while, the stage skipping frames as it does between alerts.
      await delay(250);
      await sendGift(socket, stormGift('glass-idle', i), idle);
      // Drawn before the next wait for quiet, so the next gift never lands on this one's card.
      const seq = idle.at(-1)?.seq;
      if (seq != null) {
        await pollUntil(
          async () => (await drawnSince(page, seq - 1)).some((entry) => entry.seq >= seq),
          options.drainTimeoutMs,
          20,
        );
      }
    }
    const idleMs = await latencies(page, idle, offset);
    await pollUntil(() => playedOut(page), options.drainTimeoutMs, 100);
    const storm: Sent[] = [];
    const pending: Promise<void>[] = [];
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < options.stormMs) {
      const due = Math.floor(((performance.now() - started) * options.stormPerSecond) / 1000) + 1;
      while (n < due) pending.push(sendGift(socket, stormGift('glass-storm', n++), storm));
      await delay(5);
    }
    await Promise.all(pending);
    const stormMs = await latencies(page, storm, offset);
    report(
      part,
      'idle',
      idle.length,
      idleMs,
      atMost(FRAME_MS + 5, '≤ 1 frame + 5 ms (21.7 ms)'),
      'p50',
    );
    report(part, 'storm', storm.length, stormMs, atMost(3 * FRAME_MS, '≤ 3 frames (50 ms)'), 'p99');
    part.note(
      `Gift-to-glass: a gift's \`event\` emit on /ingest (bench clock) to the first frame the alerts page drew after applying the ` +
        `update batch its ack names (the page's \`__limelight.drawnUpdates\` hook, stamped right after that frame's render call); ` +
        `page clock mapped onto the bench's by the shortest of 15 round trips (offset ${offset.toFixed(2)} ms). ` +
        `Idle: ${options.idleGifts} gifts one at a time, each once nothing plays; storm: ${options.stormPerSecond} gifts/s for ` +
        `${options.stormMs / 1000} s; page at \`?speed=${options.speed}\` so idle gifts follow each other quickly. ` +
        `In the storm a gift shows as the merged card's count, or waits in the queue behind the card on screen: ` +
        `the frame measured is the one that drew the update carrying it. Frame = 1/60 s.`,
    );
    const software = /swiftshader|llvmpipe|software/i.test(renderer);
    part.note(
      `Machine: ${machineLine()}; WebGL: ${software ? 'SwiftShader (software)' : 'hardware'} — the page's renderer says "${renderer}".`,
    );
  } finally {
    await page.close();
  }
}

function report(
  part: PartRecorder,
  phase: 'idle' | 'storm',
  sent: number,
  runs: number[],
  target: ReturnType<typeof atMost>,
  judged: 'p50' | 'p99',
): void {
  const summary = summarizeLatencies(Float64Array.from(runs));
  for (const q of ['p50', 'p99'] as const) {
    part.add(
      figure(`gift-to-glass ${phase}: ${q}`, 'ms', [summary[q]], q === judged ? target : undefined),
    );
  }
  part.add(figure(`gift-to-glass ${phase}: gifts not timed`, 'gifts', [sent - runs.length]));
}
