/**
 * The engine registry is the one list of a room's engines: whatever it registers is saved in
 * snapshots (and restored from them), drawn on its channels (which the panel subscribes to, as it
 * subscribes to every channel), and reported. Each case walks the registry, so an engine added to
 * it is covered here without editing this file or any other list.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { script, T0, viewer } from '../../tests/support/engine-events';
import { CHANNELS, isRoomChannel, type RoomChannel } from '../protocol/channels';
import {
  ALWAYS_SAVED,
  ENGINE_NAMES,
  ENGINES,
  type EngineName,
  type EngineViews,
} from './engine-registry';
import { createLiveRoom } from './live-room';
import type { StreamReport } from './live-room-contract';
import type { LiveRoomState } from './room-state';

const newRoom = (state?: unknown) =>
  createLiveRoom({ streamId: 's1', startedAt: T0, ...(state ? { state } : {}) });

/** A room that saw a little of everything, so no engine's state is trivially empty. */
function busyRoom() {
  const room = newRoom();
  const s = script();
  const fan = viewer('fan');
  room.applyEvent(s.chat(fan, 'hello'));
  room.applyEvent(s.gift(fan, { count: 3, end: true }));
  room.applyEvent(s.follow(fan));
  room.advance(s.now + 20_000);
  return room;
}

const channelsOf = (name: EngineName) => Object.keys(ENGINES[name].views) as RoomChannel[];

describe('engine registry', () => {
  it('lists every engine once, moderation first (chat and actions use it)', () => {
    expect(ENGINE_NAMES[0]).toBe('moderation');
    expect(new Set(ENGINE_NAMES).size).toBe(ENGINE_NAMES.length);
    expect(ENGINE_NAMES).toEqual(expect.arrayContaining(['polls', 'qna', 'sponsor', 'battles']));
  });

  it.each(ENGINE_NAMES)('%s is saved in snapshots and restored from them', (name) => {
    const room = busyRoom();
    const state = room.exportState() as LiveRoomState;
    expect(state[name], `${name} in the snapshot`).toBeTypeOf('object');
    const restored = newRoom(JSON.parse(JSON.stringify(state)));
    expect((restored.exportState() as LiveRoomState)[name]).toEqual(state[name]);
  });

  it.each(ENGINE_NAMES)('%s draws its channels, which are room channels panels get', (name) => {
    const room = busyRoom();
    for (const channel of channelsOf(name)) {
      expect(CHANNELS).toContain(channel);
      expect(isRoomChannel(channel)).toBe(true);
      const view = (ENGINES[name].views as Record<string, (engine: never) => unknown>)[channel];
      expect(view).toBeTypeOf('function');
      expect(room.snapshot([channel])[channel], `${channel} of ${name}`).toBeDefined();
    }
  });

  it.each(ENGINE_NAMES.filter((name) => 'report' in ENGINES[name]))(
    '%s adds its part to the stream report',
    (name) => {
      const report = busyRoom().report();
      const fresh = newRoom().report();
      const entry = ENGINES[name] as unknown as {
        report(engine: unknown, context: unknown): Partial<StreamReport>;
      };
      const keys = Object.keys(entry.report(freshEngine(name), contextFor()));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(report, key).toHaveProperty(key);
        expect(fresh, key).toHaveProperty(key);
      }
    },
  );

  it('refuses a snapshot without an engine every snapshot has; starts an added-later one fresh', () => {
    const state = busyRoom().exportState() as Record<string, unknown>;
    for (const name of ENGINE_NAMES) {
      const without = { ...state };
      delete without[name];
      if (ALWAYS_SAVED.includes(name)) {
        expect(() => newRoom(without), name).toThrow(`state lacks ${name}`);
      } else {
        const restored = newRoom(without).exportState() as Record<string, unknown>;
        const fresh = newRoom().exportState() as Record<string, unknown>;
        expect(restored[name], name).toEqual(fresh[name]);
      }
    }
  });

  it('together with the ledger views, draws exactly the room channels (checked by the compiler)', () => {
    expectTypeOf<keyof EngineViews | 'leaderboard' | 'earnings'>().toEqualTypeOf<RoomChannel>();
    const drawn = new Set([...ENGINE_NAMES.flatMap(channelsOf), 'leaderboard', 'earnings']);
    expect([...drawn].sort()).toEqual(CHANNELS.filter(isRoomChannel).sort());
  });
});

/** A fresh engine of `name`, made as a new room makes it. */
function freshEngine(name: EngineName): unknown {
  const revenueModel = newRoom().report().revenueModel;
  const facts = {
    streamId: 's1',
    startedAt: T0,
    now: T0,
    endedAt: null,
    revenueModel,
    moderatorsSeeEarnings: false,
    config: {},
    questions: 0,
    treasureChestCoins: 0,
  };
  const base = { facts, config: {}, actionSetup: undefined };
  const moderation = ENGINES.moderation.create(undefined, undefined as never);
  const create = ENGINES[name].create as (saved: undefined, context: unknown) => unknown;
  return create(undefined, { ...base, moderation: () => moderation });
}

function contextFor() {
  const totals = {
    durationMs: 0,
    viewerMs: 0,
    chatMessages: 0,
    likes: 0,
    coins: 0,
    follows: 0,
    shares: 0,
  };
  return { totals, revenueModel: newRoom().report().revenueModel };
}
