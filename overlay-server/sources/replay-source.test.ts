import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/events/live-event';
import { simulateStream } from '../../tests/support/simulate-stream';
import { useTempDirs } from '../../tests/support/temp-dirs';
import { createVirtualClock } from './clock';
import { createReplaySource, parseReplaySpeed } from './replay-source';
import { expectedTotals } from './simulator/expected-totals';
import type { SourceProblem, SourceSink, SourceStatus } from './source';

const tempDir = useTempDirs();

const sample = fileURLToPath(
  new URL('../../tests/fixtures/recordings/sample-recording-v2.jsonl', import.meta.url),
);
// The sample's `at` offsets from its first line, in ms.
const SAMPLE_OFFSETS = [0, 1000, 1300, 1600, 1900, 2200, 3200, 4200, 5200, 6200];
const WALL_START = 1_800_000_000_000;

function recordingSink(clock: { now(): number }, onEmit?: (count: number) => void) {
  const emitted: Array<{ event: LiveEvent; wallAt: number }> = [];
  const statuses: SourceStatus[] = [];
  const problems: SourceProblem[] = [];
  const sink: SourceSink = {
    emit: (event) => {
      emitted.push({ event, wallAt: clock.now() });
      onEmit?.(emitted.length);
    },
    status: (status) => statuses.push(status),
    problem: (problem) => problems.push(problem),
  };
  return { sink, emitted, statuses, problems };
}

describe('replay', () => {
  it('keeps the relative timing divided by the speed, and the original times', async () => {
    const clock = createVirtualClock(WALL_START);
    const { sink, emitted, statuses } = recordingSink(clock);
    const replay = createReplaySource({ file: sample, speed: 2, clock });
    await replay.start(sink, new AbortController().signal);

    expect(emitted.map((e) => e.wallAt - WALL_START)).toEqual(SAMPLE_OFFSETS.map((ms) => ms / 2));
    expect(emitted.map((e) => e.event.at)).toEqual(SAMPLE_OFFSETS.map((ms) => 1765000000000 + ms));
    expect(emitted.every((e) => e.event.source === 'replay')).toBe(true);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'live', 'ended']);
    expect(replay.stats()).toEqual({ format: 'raw', events: 10, skipped: 0, problems: 0 });
  });

  it('at max speed never waits; retimed events carry the time they were sent', async () => {
    const clock = createVirtualClock(WALL_START);
    const { sink, emitted } = recordingSink(clock);
    await createReplaySource({ file: sample, speed: 'max', retime: true, clock }).start(
      sink,
      new AbortController().signal,
    );
    expect(clock.sleeps).toEqual([]);
    expect(emitted).toHaveLength(10);
    expect(emitted.every((e) => e.event.at === WALL_START)).toBe(true);
  });

  it('stops when aborted', async () => {
    const clock = createVirtualClock(WALL_START);
    const abort = new AbortController();
    const { sink, emitted, statuses } = recordingSink(clock, (count) => {
      if (count === 3) abort.abort();
    });
    await createReplaySource({ file: sample, clock }).start(sink, abort.signal);
    expect(emitted).toHaveLength(3);
    expect(statuses.at(-1)).toEqual({
      state: 'ended',
      detail: 'stopped: 3 events, 0 duplicates, 0 skipped',
    });
  });

  it('reports bad lines by number, keeps playing, and plays journals too', async () => {
    const dir = tempDir('limelight-replay-');
    const file = join(dir, 'journal.jsonl');
    const event = (seq: number, at: number) =>
      JSON.stringify({
        seq,
        at,
        type: 'event',
        event: { id: `e${seq}`, source: 'simulator', at, kind: 'viewers', count: seq },
      });
    await writeFile(file, [event(1, 1000), '{oops', event(3, 4000), ''].join('\n'));
    const clock = createVirtualClock(WALL_START);
    const { sink, emitted, problems } = recordingSink(clock);
    const replay = createReplaySource({ file, clock });
    await replay.start(sink, new AbortController().signal);
    expect(emitted.map((e) => [e.event.id, e.wallAt - WALL_START])).toEqual([
      ['e1', 0],
      ['e3', 3000],
    ]);
    expect(problems).toEqual([{ line: 2, message: 'not JSON' }]);
    expect(replay.stats().format).toBe('journal');
  });

  it('replays a simulated journal at full speed without losing a coin', async () => {
    const stream = simulateStream({ seed: 12, preset: 'mid', durationMs: 10 * 60_000 });
    const lines = [
      JSON.stringify({
        seq: 0,
        at: stream.startAt,
        type: 'streamStart',
        streamId: 's-x',
        startedAt: stream.startAt,
      }),
      ...stream.events.map((event, i) =>
        JSON.stringify({ seq: i + 1, at: event.at, type: 'event', event }),
      ),
    ];
    const dir = tempDir('limelight-replay-');
    const file = join(dir, 'simulated.jsonl');
    await writeFile(file, `${lines.join('\n')}\n`);
    const clock = createVirtualClock(WALL_START);
    const { sink, emitted } = recordingSink(clock);
    await createReplaySource({ file, speed: 'max', clock }).start(
      sink,
      new AbortController().signal,
    );
    expect(emitted.map((e) => e.event)).toEqual(stream.events);
    expect(expectedTotals(emitted.map((e) => e.event)).coins).toBe(stream.truth.coins);
  });

  it('reports a missing file as an error state', async () => {
    const { sink, statuses } = recordingSink(createVirtualClock(0));
    const replay = createReplaySource({ file: '/nonexistent/stream.jsonl' });
    await expect(replay.start(sink, new AbortController().signal)).rejects.toThrow(/ENOENT/);
    expect(statuses.at(-1)?.state).toBe('error');
    expect(statuses.at(-1)?.detail).toMatch(/^cannot replay stream\.jsonl: ENOENT/);
  });

  it('parses --speed', () => {
    expect(parseReplaySpeed('4')).toBe(4);
    expect(parseReplaySpeed('0.5')).toBe(0.5);
    expect(parseReplaySpeed('0')).toBe('max');
    expect(parseReplaySpeed('max')).toBe('max');
    expect(() => parseReplaySpeed('-1')).toThrow(/--speed/);
    expect(() => parseReplaySpeed('fast')).toThrow(/--speed/);
  });
});
