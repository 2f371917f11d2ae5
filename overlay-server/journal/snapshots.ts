/**
 * Periodic room snapshots beside each journal (`<streamId>.snapshot.json`), written to a temp
 * file and renamed so a crash leaves either the old snapshot or the new one, never half of one.
 * Restart = load the snapshot, then replay only the journal after `journalBytes`.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface RoomSnapshot {
  version: 1;
  streamId: string;
  startedAt: number;
  /** Seq of the last journal entry the state includes. */
  seq: number;
  /** Stream time of that entry. */
  at: number;
  /** Journal byte offset just after that entry. */
  journalBytes: number;
  /** `room.exportState()`. */
  state: unknown;
  /** The most recent message ids, oldest first, so replays after the restart are still dropped. */
  recentIds: string[];
  /** Its writer's fence in a cluster (journal/fence.ts); absent for a single server. */
  fence?: number;
}

export function snapshotPath(journalPath: string): string {
  return journalPath.replace(/\.jsonl$/, '.snapshot.json');
}

/** `beforeRename` may throw to keep the old snapshot (a fenced-out writer's check). */
export function writeSnapshot(
  journalPath: string,
  snapshot: RoomSnapshot,
  beforeRename: () => void = () => {},
): void {
  const path = snapshotPath(journalPath);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(snapshot), { mode: 0o600 });
  try {
    beforeRename();
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  renameSync(temp, path);
}

/** The snapshot, or null when there is none or it cannot be read (then the whole journal replays). */
export function readSnapshot(journalPath: string): RoomSnapshot | null {
  const path = snapshotPath(journalPath);
  if (!existsSync(path)) return null;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<RoomSnapshot>;
    if (
      value.version !== 1 ||
      typeof value.seq !== 'number' ||
      typeof value.journalBytes !== 'number'
    ) {
      return null;
    }
    return value as RoomSnapshot;
  } catch {
    return null;
  }
}
