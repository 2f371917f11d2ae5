import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveRoom } from '../../shared/engines';
import type { LiveRoom } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import { script, T0, viewer } from '../../tests/support/engine-events';
import { loadRecording } from '../sources/recording';
import { type RoomFactory, recoverStream } from './recovery';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A room factory that also keeps every event the room was given. */
function recordingRooms(): { factory: RoomFactory; applied: LiveEvent[] } {
  const applied: LiveEvent[] = [];
  const factory: RoomFactory = (options) => {
    const room: LiveRoom = createLiveRoom(options);
    return {
      ...room,
      applyEvent(event) {
        applied.push(event);
        return room.applyEvent(event);
      },
    };
  };
  return { factory, applied };
}

describe('journal recovery and the event model', () => {
  it('reads every kind back, and fills fields that lines written before them lack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'limelight-recovery-'));
    dirs.push(dir);
    const s = script();
    const host = viewer('host');
    const ana = viewer('ana');
    const newKinds: LiveEvent[] = [
      s.emote(ana, 'e1'),
      s.imDelete(['m1']),
      s.battle('b1', 'scores', [
        [host, 10],
        [viewer('rival'), 4],
      ]),
      s.goalUpdate('g1', 3, 10),
      s.liveIntro(host, 'hi'),
      s.anonymousJoin('Viewer'),
    ];
    // Lines as a journal written before these fields existed has them.
    const oldJoin = { id: 'old-1', source: 'connector', at: T0, kind: 'join', user: ana };
    const oldViewers = { id: 'old-2', source: 'connector', at: T0, kind: 'viewers', count: 7 };
    const entries = [
      { seq: 0, at: T0, type: 'streamStart', streamId: 's-old', startedAt: T0 },
      ...[oldJoin, oldViewers, ...newKinds].map((event, i) => ({
        seq: i + 1,
        at: T0,
        type: 'event',
        event,
      })),
    ];
    const path = join(dir, 's-old.jsonl');
    writeFileSync(path, `${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n`);

    const { factory, applied } = recordingRooms();
    const recovered = recoverStream(path, factory);
    expect(recovered).toMatchObject({ problems: 0, replayed: entries.length });
    expect(applied.map((event) => event.kind)).toEqual([
      'join',
      'viewers',
      'emote',
      'imDelete',
      'battle',
      'goalUpdate',
      'liveIntro',
      'join',
    ]);
    expect(applied[0]).toMatchObject({ via: 'member', displayName: null, memberCount: null });
    expect(applied[1]).toMatchObject({ count: 7, totalViewers: null, topViewers: [] });
    expect(applied.slice(2)).toEqual(newKinds);
    expect(recovered?.room.report()).toMatchObject({ coins: 0, peakViewers: 7 });

    // The file reader (report, --replay) accepts the same lines.
    const loaded = await loadRecording(path);
    expect(loaded.problems).toEqual([]);
    expect(loaded.events.slice(2)).toEqual(newKinds);
  });
});
