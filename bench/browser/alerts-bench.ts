/**
 * Part 2: the alerts overlay in headless Chromium against the real server: frame intervals idle,
 * under a storm of 50 gifts/s and after it; JS heap and Pixi display objects before and after a
 * flood of alerts.
 */
import type { Browser } from '@playwright/test';
import { heapAfterGcMb, launchBrowser } from '../lib/browser';
import { connectIngest, pushEvents } from '../lib/ingest-client';
import { type LimelightServer, startLimelight } from '../lib/limelight-server';
import { delay, pollUntil } from '../lib/processes';
import { atMost, figure, type PartRecorder } from '../lib/results';
import {
  displayObjects,
  frameFigures,
  measureStage,
  openAlerts,
  playedOut,
  type StageWindow,
} from './alerts-page';
import { giftStorm, stormGift } from './gift-storm';
import { type GiftToGlassOptions, giftToGlass } from './gift-to-glass';
import { buildOverlaysIfStale } from './overlays-build';

export interface AlertsBenchOptions {
  repetitions: number;
  idleMs: number;
  stormMs: number;
  afterMs: number;
  stormPerSecond: number;
  /** Alerts in the memory flood, and how fast they are sent. */
  floodAlerts: number;
  floodPerSecond: number;
  /** `?speed=` of the flood page, so its queue plays out in bench time. */
  floodSpeed: number;
  drainTimeoutMs: number;
  /** Rebuild the pages when sources are newer than the build (quick runs measure what is built). */
  rebuildStale: boolean;
  glass: GiftToGlassOptions;
}

export async function alertsBench(part: PartRecorder, options: AlertsBenchOptions): Promise<void> {
  buildOverlaysIfStale(part, options.rebuildStale);
  const server = await startLimelight();
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    await framesUnderStorm(part, server, browser, options);
    const socket = await connectIngest(server.baseUrl, server.tokens.ingest);
    try {
      await giftToGlass(part, server, browser, socket, options.glass);
    } finally {
      socket.close();
    }
    await memoryAfterFlood(part, server, browser, options);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

async function framesUnderStorm(
  part: PartRecorder,
  server: LimelightServer,
  browser: Browser,
  options: AlertsBenchOptions,
): Promise<void> {
  const page = await openAlerts(browser, server);
  const socket = await connectIngest(server.baseUrl, server.tokens.ingest);
  const phases = {
    idle: [] as StageWindow[],
    storm: [] as StageWindow[],
    rightAfter: [] as StageWindow[],
    after: [] as StageWindow[],
  };
  const playOutSeconds: number[] = [];
  // A storm leaves a backlog the page plays at its own pace (~25 s after a 5 s storm here).
  const playOutTimeoutMs = Math.max(options.drainTimeoutMs, 10 * options.stormMs);
  let idleObjects = 0;
  let stormPeakObjects = 0;
  try {
    for (let rep = 0; rep < options.repetitions; rep++) {
      // Idle means idle: a later repetition waits for the previous storm's backlog to play out.
      if (!(await pollUntil(() => playedOut(page), playOutTimeoutMs, 250))) {
        part.note(`repetition ${rep + 1}: idle measured while the page still played alerts`);
      }
      idleObjects = await displayObjects(page);
      phases.idle.push(await measureStage(page, options.idleMs));
      const storm = giftStorm(socket, `storm${rep}`, options.stormPerSecond, options.stormMs);
      const sampler = setInterval(() => {
        displayObjects(page)
          .then((n) => {
            stormPeakObjects = Math.max(stormPeakObjects, n);
          })
          .catch(() => {});
      }, 250);
      phases.storm.push(await measureStage(page, options.stormMs));
      clearInterval(sampler);
      const { sent, acked } = await storm;
      const stormEnded = performance.now();
      if (acked < sent)
        part.note(`storm ${rep + 1}: ${sent - acked} of ${sent} gifts not acknowledged`);
      // Right after the storm the page is still playing its backlog: shown, not judged.
      phases.rightAfter.push(await measureStage(page, options.afterMs));
      // "Back to idle after" is judged once the page says the backlog has played out.
      const played = await pollUntil(() => playedOut(page), playOutTimeoutMs, 250);
      playOutSeconds.push(played ? (performance.now() - stormEnded) / 1000 : Number.NaN);
      if (!played) {
        part.note(
          `storm ${rep + 1}: the backlog had not played out ${playOutTimeoutMs / 1000} s after the storm; "after" measured anyway`,
        );
      }
      phases.after.push(await measureStage(page, options.afterMs));
    }
  } finally {
    socket.close();
    await page.close();
  }
  const byPhase = {
    idle: phases.idle.map(frameFigures),
    storm: phases.storm.map(frameFigures),
    'right after': phases.rightAfter.map(frameFigures),
    after: phases.after.map(frameFigures),
  };
  for (const phase of ['idle', 'storm', 'right after', 'after'] as const) {
    const runs = byPhase[phase];
    // Absolute intervals are shown, judged only as ratios to idle below: SwiftShader on 2 shared
    // cores cannot hold 60 fps even idle, so an absolute 60 fps target would judge the machine.
    part.add(
      figure(
        `frame interval ${phase}: p50`,
        'ms',
        runs.map((r) => r.p50),
      ),
    );
    part.add(
      figure(
        `frame interval ${phase}: p95`,
        'ms',
        runs.map((r) => r.p95),
      ),
    );
    part.add(
      figure(
        `frames over 50 ms ${phase}`,
        'frames',
        runs.map((r) => r.over50),
      ),
    );
    part.add(
      figure(
        `JavaScript per frame ${phase}`,
        'ms',
        runs.map((r) => r.script),
        atMost(4, '≤ 4 ms (a quarter frame) †'),
      ),
    );
    part.add(
      figure(
        `renderer main thread busy ${phase}`,
        '%',
        runs.map((r) => r.busy),
      ),
    );
    // rAF keeps ticking when the stage skips drawing still frames: this says what was drawn.
    part.add(
      figure(
        `frames drawn ${phase}`,
        'frames/s',
        runs.map((r) => r.drawn),
      ),
    );
  }
  part.add(figure('storm backlog played out after the storm', 's', playOutSeconds));
  // docs/targets.md: "frame time under a gift storm stays bounded (storm mode merges)" — read against
  // the same page's idle frames in the same run (same machine, same renderer, same load).
  const ratio = (phase: 'storm' | 'after', q: 'p50' | 'p95') =>
    byPhase[phase].map((r, i) => r[q] / (byPhase.idle[i]?.[q] ?? Number.NaN));
  part.add(
    figure(
      'frame interval storm p95 / idle p95',
      '×',
      ratio('storm', 'p95'),
      atMost(2, '≤ 2× idle (bounded under a storm) †'),
    ),
  );
  part.add(
    figure(
      'frame interval after p50 / idle p50',
      '×',
      ratio('after', 'p50'),
      atMost(1.25, '≤ 1.25× idle (back to idle after) †'),
    ),
  );
  part.note(
    `Storm: ${options.stormPerSecond} one-shot gifts/s for ${options.stormMs / 1000} s (mostly 1-coin, a few up to 500) at ` +
      `1920×1080, headless Chromium with SwiftShader WebGL (software rendering: absolute frame times are pessimistic).`,
  );
  part.note(
    '"right after" is the window just after the storm, while the page still plays the alerts it queued; ' +
      '"after" starts once the page reports nothing playing and nothing waiting (its delay is "played out after the storm"). ' +
      'Frame intervals are rAF intervals in the (visible, focused) page; "frames drawn" counts what the stage actually drew.',
  );
  if (stormPeakObjects <= idleObjects) {
    part.note(
      `The overlay drew nothing for the storm (display objects ${idleObjects} idle, peak ${stormPeakObjects}): ` +
        'the frame figures are of an idle page. Is the server sending the `alerts` channel yet?',
    );
  } else {
    part.note(`Display objects: ${idleObjects} idle, peak ${stormPeakObjects} during the storm.`);
  }
}

async function memoryAfterFlood(
  part: PartRecorder,
  server: LimelightServer,
  browser: Browser,
  options: AlertsBenchOptions,
): Promise<void> {
  const page = await openAlerts(browser, server, `&speed=${options.floodSpeed}`);
  const socket = await connectIngest(server.baseUrl, server.tokens.ingest);
  try {
    await delay(1000);
    // The server replays the storm part's leftover queue to this new page: let it play out, or
    // the baseline would count a card on screen (38 objects instead of 4).
    if (!(await pollUntil(() => playedOut(page), options.drainTimeoutMs, 250))) {
      part.note('Flood baseline taken while the page still played replayed alerts.');
    }
    const heapBefore = await heapAfterGcMb(page);
    const objectsBefore = await displayObjects(page);
    const gifts = Array.from({ length: options.floodAlerts }, (_, i) => stormGift('flood', i));
    const started = performance.now();
    await pushEvents(socket, gifts, { batchSize: 50, maxPerSecond: options.floodPerSecond });
    // The queue plays out (storm mode merges); wait until the scene is back near its baseline.
    const drained = await pollUntil(
      async () => (await displayObjects(page)) <= objectsBefore + 2,
      options.drainTimeoutMs,
      250,
    );
    const drainSeconds = (performance.now() - started) / 1000;
    await delay(500);
    const heapAfter = await heapAfterGcMb(page);
    const objectsAfter = await displayObjects(page);
    part.add(
      figure(
        `JS heap before ${options.floodAlerts.toLocaleString('en-US')} alerts (after GC)`,
        'MB',
        [heapBefore],
      ),
    );
    part.add(
      figure(
        `JS heap after ${options.floodAlerts.toLocaleString('en-US')} alerts (after GC)`,
        'MB',
        [heapAfter],
      ),
    );
    part.add(
      figure(
        'JS heap growth',
        'MB',
        [heapAfter - heapBefore],
        atMost(Math.max(2, heapBefore * 0.1), '≤ 10% of baseline or 2 MB †'),
      ),
    );
    part.add(figure('Pixi display objects before', 'objects', [objectsBefore]));
    part.add(
      figure(
        'Pixi display objects after',
        'objects',
        [objectsAfter],
        atMost(objectsBefore + 2, '≤ baseline + 2 †'),
      ),
    );
    part.note(
      `Flood: ${options.floodAlerts.toLocaleString('en-US')} gifts at ${options.floodPerSecond}/s into a page with ` +
        `\`?speed=${options.floodSpeed}\`; ${drained ? 'back to baseline' : 'NOT back to baseline'} ${drainSeconds.toFixed(0)} s after the first.`,
    );
  } finally {
    socket.close();
    await page.close();
  }
}
