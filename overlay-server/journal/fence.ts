/**
 * Fencing for a stream's journal when server processes share it (a cluster): exactly one writer
 * at a time, and a writer that lost its turn (paused past its Redis lease, cut off from Redis)
 * can never have a write acknowledged.
 *
 * Each writer holds a fence number from Redis (increasing, one per lease taken). On taking the
 * stream it creates `fences/fence-<n>` in the stream's folder (and every missing number below,
 * so the file after any older fence exists), then appends a `writer` marker to the journal and
 * only then reads the journal to rebuild the room. Every journal line carries its writer's
 * fence. Before a write and again after it, before the caller may acknowledge, a writer checks
 * that `fence-<its fence + 1>` does not exist; when it does, the write throws `FencedOut` and
 * nothing it wrote is acknowledged. Readers ignore any line whose fence is lower than one
 * already seen (lines a stale writer managed to append after the new writer's marker). Lines
 * before the marker were read by the new writer, so an acknowledged line is never lost.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A write refused because another process has since become the stream's writer. */
export class FencedOut extends Error {
  constructor(readonly fence: number) {
    super(`another server process took this stream over (this writer's fence is ${fence})`);
  }
}

export interface JournalFence {
  readonly fence: number;
  /** Which process holds it, for the journal's `writer` line. */
  readonly holder: string;
  /** Throws `FencedOut` when a newer writer exists. */
  check(): void;
}

const FENCE_FILE = /^fence-(\d+)$/;

export function fencesDir(streamerDir: string): string {
  return join(streamerDir, 'fences');
}

/** The highest fence any writer of this stream claimed (0 when none did). */
export function highestFence(streamerDir: string): number {
  const dir = fencesDir(streamerDir);
  if (!existsSync(dir)) return 0;
  let highest = 0;
  for (const name of readdirSync(dir)) {
    const match = FENCE_FILE.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/**
 * Claims `fence` for this process: fails (throws `FencedOut`) when a higher fence was already
 * claimed, which means this lease is itself stale.
 */
export function claimFence(streamerDir: string, fence: number, holder: string): JournalFence {
  const dir = fencesDir(streamerDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const highest = highestFence(streamerDir);
  if (highest > fence) throw new FencedOut(fence);
  for (let n = highest + 1; n <= fence; n++) {
    try {
      const fd = openSync(join(dir, `fence-${n}`), 'wx', 0o600);
      writeSync(fd, `${JSON.stringify({ holder: n === fence ? holder : null, at: Date.now() })}\n`);
      closeSync(fd);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const next = join(dir, `fence-${fence + 1}`);
  return {
    fence,
    holder,
    check() {
      if (existsSync(next)) throw new FencedOut(fence);
    },
  };
}
