/**
 * The wire schemas round-trip every channel: each channel's state and each increment, sent
 * through JSON as Socket.IO sends it, parses back equal to itself (no field lost, none added).
 * The channel list comes from the protocol (CHANNELS), so a channel without a schema fails here;
 * the schemas' output types are the protocol's types, so a field added to one and not the other
 * does not compile.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod/mini';
import { INCREMENT_SAMPLES, STATE_SAMPLES } from '../../../tests/support/channel-samples';
import type { ChannelStates, StateUpdate, TypedUpdate } from '../channel-data';
import { CHANNELS, type Channel } from '../channels';
import type {
  CHANNEL_STATE_SCHEMAS,
  channelStateSchema,
  channelUpdateSchema,
} from './channel-updates';
import {
  parseChannelState,
  parseChannelUpdate,
  parseSnapshot,
  parseUpdateBatch,
} from './read-wire';

/** Mutually assignable, and the same field names at every depth (optional ones included). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type FieldNames<T> = T extends readonly (infer Item)[]
  ? FieldNames<Item>
  : T extends object
    ? { [K in keyof T]-?: [K, FieldNames<T[K]>] }[keyof T]
    : never;
type SameShape<A, B> = Same<A, B> extends true ? Same<FieldNames<A>, FieldNames<B>> : false;

const overTheWire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('channel schemas', () => {
  it('are typed as the protocol: state schemas, the state union and the update union', () => {
    type Schemas = { [C in Channel]: z.output<(typeof CHANNEL_STATE_SCHEMAS)[C]> };
    expectTypeOf<SameShape<Schemas, ChannelStates>>().toEqualTypeOf<true>();
    expectTypeOf<
      SameShape<z.output<typeof channelStateSchema>, StateUpdate>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      SameShape<z.output<typeof channelUpdateSchema>, TypedUpdate>
    >().toEqualTypeOf<true>();
    // The check bites: a field the protocol has and a schema lacks (even optional) is told apart.
    expectTypeOf<SameShape<{ a: { b?: 1 }[] }, { a: { b?: 1; c?: 2 }[] }>>().toEqualTypeOf<false>();
  });

  it.each(CHANNELS.map((channel) => ({ channel })))(
    '$channel: its state round-trips',
    ({ channel }) => {
      const sample = STATE_SAMPLES[channel];
      const read = parseChannelState(channel, overTheWire(sample));
      expect(read).toEqual({
        ok: true,
        value: { channel, type: `${channel}.state`, data: sample },
      });
      expect(
        parseChannelUpdate(overTheWire({ channel, type: `${channel}.state`, data: sample })),
      ).toEqual(read);
    },
  );

  it.each(Object.values(INCREMENT_SAMPLES))('$type: the increment round-trips', (update) => {
    expect(parseChannelUpdate(overTheWire(update))).toEqual({ ok: true, value: update });
  });

  it('refuses a payload that does not fit, naming the field', () => {
    const { queue, ...noQueue } = STATE_SAMPLES.alerts;
    expect(queue).toHaveLength(1);
    const read = parseChannelState('alerts', noQueue);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/^data\.queue: invalid_type/);
    const badTier = { ...INCREMENT_SAMPLES['alert.upsert'].data, tier: 6 };
    expect(parseChannelUpdate({ channel: 'alerts', type: 'alert.upsert', data: badTier }).ok).toBe(
      false,
    );
    // A state under another channel's name is not that channel's state.
    expect(parseChannelState('poll', STATE_SAMPLES.alerts).ok).toBe(false);
    expect(parseChannelUpdate({ channel: 'chat', type: 'alert.skip', data: { id: 'a' } }).ok).toBe(
      false,
    );
  });

  it('drops keys the protocol does not have', () => {
    const read = parseChannelState('clips', { clips: [], secret: 'x' });
    expect(read).toEqual({
      ok: true,
      value: { channel: 'clips', type: 'clips.state', data: { clips: [] } },
    });
  });
});

describe('snapshot and update batch', () => {
  it('keep what fits and name what does not', () => {
    const snapshot = parseSnapshot(
      overTheWire({
        streamId: 's1',
        seq: 7,
        channels: { poll: STATE_SAMPLES.poll, goals: { goals: 'many' } },
        withheld: ['earnings'],
      }),
    );
    expect(snapshot).toEqual({
      ok: true,
      value: {
        streamId: 's1',
        seq: 7,
        states: [{ channel: 'poll', type: 'poll.state', data: STATE_SAMPLES.poll }],
        withheld: ['earnings'],
        problems: ['goals: data.goals: invalid_type (expected array)'],
      },
    });
    const batch = parseUpdateBatch({
      seq: 9,
      updates: [INCREMENT_SAMPLES['chat.line'], { channel: 'chat', type: 'chat.line' }],
    });
    expect(batch).toEqual({
      ok: true,
      value: {
        seq: 9,
        updates: [INCREMENT_SAMPLES['chat.line']],
        problems: ['updates.1: data: invalid_type (expected object)'],
      },
    });
    expect(parseUpdateBatch({ updates: [] })).toMatchObject({ ok: false });
    expect(parseSnapshot(null)).toMatchObject({ ok: false });
  });
});
