import { describe, expect, it } from 'vitest';
import { STREAKABLE_GIFT_TYPE } from '../../../shared/events/gift';
import type { EventOfKind, LiveEvent } from '../../../shared/events/live-event';
import { parseLiveEvent } from '../../../shared/events/parse';
import { simulatedEventChunks, simulateStream } from '../../../tests/support/simulate-stream';
import { HOSTILE_NAMES } from './audience';
import { expectedTotals } from './expected-totals';
import type { SimulatorPresetName } from './presets';
import { createStreamSimulator } from './stream-simulator';

const HOUR = 3_600_000;
const ofKind = <K extends LiveEvent['kind']>(events: LiveEvent[], kind: K) =>
  events.filter((e): e is EventOfKind<K> => e.kind === kind);

describe('determinism', () => {
  it('gives the same events for the same seed, and different ones for another seed', () => {
    const a = simulateStream({ seed: 42, preset: 'mid', durationMs: 5 * 60_000 });
    const b = simulateStream({ seed: 42, preset: 'mid', durationMs: 5 * 60_000 });
    const c = simulateStream({ seed: 43, preset: 'mid', durationMs: 5 * 60_000 });
    expect(a.events.length).toBeGreaterThan(1000);
    expect(b.events).toEqual(a.events);
    expect(c.events).not.toEqual(a.events);
    expect(c.events.map((e) => e.kind)).not.toEqual(a.events.map((e) => e.kind));
  });

  it('does not depend on how stream time is sliced into generate windows', () => {
    const whole = createStreamSimulator({ seed: 9, preset: 'huge', startAt: 0 });
    const sliced = createStreamSimulator({ seed: 9, preset: 'huge', startAt: 0 });
    const once = whole.generate(0, 120_000);
    const pieces: LiveEvent[] = [];
    for (let from = 0; from < 120_000; from += 777) {
      pieces.push(...sliced.generate(from, Math.min(from + 777, 120_000)));
    }
    expect(pieces).toEqual(once);
    expect(() => sliced.generate(5, 10)).toThrow(/continue at 120000/);
  });
});

describe('events', () => {
  it('are all valid LiveEvents, already normalized, in time order with unique ids', () => {
    const minutes = { small: 30, mid: 5, huge: 1 } as const;
    for (const preset of ['small', 'mid', 'huge'] as const) {
      const durationMs = minutes[preset] * 60_000;
      const { events } = simulateStream({ seed: 5, preset, durationMs });
      const parsed = events.map((event) => {
        const result = parseLiveEvent(event);
        if (!result.ok) throw new Error(`${preset} ${event.kind}: ${result.message}`);
        return result.value;
      });
      expect(parsed).toEqual(events);
      expect(events.every((e, i) => i === 0 || (events[i - 1]?.at ?? 0) <= e.at)).toBe(true);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(events[0]?.kind).toBe('streamStart');
      expect(events.at(-1)?.kind).toBe('streamEnd');
    }
  });

  it('add up: what the simulator sent is what the events commit', () => {
    const stream = simulateStream({ seed: 11, preset: 'mid', durationMs: 20 * 60_000 });
    const totals = expectedTotals(stream.events);
    expect(stream.truth.coins).toBeGreaterThan(0);
    expect(stream.truth.guestCoins).toBeGreaterThan(0);
    expect({
      ...totals,
      giftsByName: undefined,
      byKind: undefined,
      uniqueChatters: undefined,
    }).toEqual({
      ...stream.truth,
      giftsByName: undefined,
      byKind: undefined,
      uniqueChatters: undefined,
    });
  });

  it('send streaks as provisional frames then one end frame; single taps twice; big gifts once', () => {
    const { events } = simulateStream({ seed: 3, preset: 'mid', durationMs: HOUR / 2 });
    const gifts = ofKind(events, 'gift');
    const streaks = new Map<string, EventOfKind<'gift'>[]>();
    for (const gift of gifts.filter((g) => g.gift.type === STREAKABLE_GIFT_TYPE)) {
      const key = `${gift.user.id}|${gift.gift.id}|${gift.groupId}`;
      streaks.set(key, [...(streaks.get(key) ?? []), gift]);
    }
    let singleTaps = 0;
    for (const frames of streaks.values()) {
      const counts = frames.map((f) => f.repeatCount);
      expect(frames.map((f) => f.repeatEnd)).toEqual([...frames.slice(1).map(() => false), true]);
      expect(counts).toEqual([...counts].sort((x, y) => x - y));
      if (counts.length === 2 && counts[1] === 1) singleTaps++;
    }
    expect(singleTaps).toBeGreaterThan(50);
    expect(
      Math.max(...[...streaks.values()].map((f) => f.at(-1)?.repeatCount ?? 0)),
    ).toBeGreaterThan(20);
    const once = gifts.filter((g) => g.gift.type !== STREAKABLE_GIFT_TYPE);
    expect(once.every((g) => g.repeatEnd && g.repeatCount === 1)).toBe(true);
    expect(once.some((g) => g.gift.coins >= 1000)).toBe(true);
    expect(gifts.some((g) => g.toUser !== null)).toBe(true);
  });

  it('carry poll votes, questions, hostile names, a growing like total and drifting viewers', () => {
    const { events } = simulateStream({ seed: 8, preset: 'mid', durationMs: HOUR / 2 });
    const texts = ofKind(events, 'chat').map((c) => c.text);
    for (const vote of ['1', '2', 'A', 'B']) expect(texts).toContain(vote);
    expect(texts.some((t) => t.startsWith('Q: '))).toBe(true);
    expect(texts.some((t) => t.endsWith('?') && !t.startsWith('Q: '))).toBe(true);
    const names = new Set(events.flatMap((e) => ('user' in e && e.user ? [e.user.nickname] : [])));
    expect(names.has('<img src=x onerror=alert(1)>')).toBe(true);
    expect(HOSTILE_NAMES.filter((n) => names.has(n)).length).toBeGreaterThan(3);
    expect([...names].some((n) => /\p{Extended_Pictographic}/u.test(n))).toBe(true);
    expect([...names].some((n) => n.length > 60)).toBe(true);
    const likeTotals = ofKind(events, 'like').map((l) => l.roomTotal ?? 0);
    expect(likeTotals).toEqual([...likeTotals].sort((x, y) => x - y));
    const viewerCounts = new Set(ofKind(events, 'viewers').map((v) => v.count));
    expect(viewerCounts.size).toBeGreaterThan(20);
    for (const kind of ['join', 'follow', 'share', 'subscribe', 'question'] as const) {
      expect(ofKind(events, kind).length, kind).toBeGreaterThan(0);
    }
  });
});

/** docs/domain-rules.md "Event rates", per second: [min, max]. Gifts include streak frames. */
const RATES: Record<
  SimulatorPresetName,
  Record<'chat' | 'gift' | 'like' | 'join', [number, number]>
> = {
  small: { chat: [0.05, 0.5], gift: [0.02, 0.3], like: [0.1, 2], join: [0.2, 1] },
  mid: { chat: [1, 10], gift: [0.5, 5], like: [2, 20], join: [2, 20] },
  huge: { chat: [10, 50], gift: [5, 30], like: [10, 50], join: [20, 200] },
};

describe('preset rates over a simulated hour', () => {
  for (const preset of ['small', 'mid', 'huge'] as const) {
    it(`${preset} stays within the published ranges, with bursts`, () => {
      const counts: Record<string, number> = {};
      const perSecond = new Map<number, number>();
      for (const chunk of simulatedEventChunks({ seed: 21, preset, durationMs: HOUR })) {
        for (const event of chunk) {
          counts[event.kind] = (counts[event.kind] ?? 0) + 1;
          const second = Math.floor(event.at / 1000);
          perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
        }
      }
      for (const [kind, [min, max]] of Object.entries(RATES[preset])) {
        const rate = (counts[kind] ?? 0) / 3600;
        expect(rate, `${preset} ${kind}/s`).toBeGreaterThanOrEqual(min);
        expect(rate, `${preset} ${kind}/s`).toBeLessThanOrEqual(max);
      }
      if (preset !== 'small') expect(Math.max(...perSecond.values())).toBeGreaterThanOrEqual(100);
    });
  }
});
