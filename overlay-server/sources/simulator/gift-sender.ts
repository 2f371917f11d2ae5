/**
 * Simulated gift sends, the way TikTok delivers them: a type-1 gift is a streak of provisional
 * frames (`repeatEnd` false, the count growing, sometimes by several taps at once) and, once
 * the combo window closes, an end frame repeating the final count; a single tap therefore
 * arrives twice. Other gifts arrive once. Coins are counted into the truth on the end frame.
 */
import type { EventSource } from '../../../shared/events/base';
import type { GiftEvent } from '../../../shared/events/gift';
import { STREAKABLE_GIFT_TYPE } from '../../../shared/events/gift';
import type { LiveEvent } from '../../../shared/events/live-event';
import type { User } from '../../../shared/events/user';
import type { Random } from '../../../shared/random/prng';
import type { Audience } from './audience';
import type { EventQueue } from './event-queue';
import type { SimulatorTruth } from './expected-totals';
import { pickGift, streakLength } from './gift-mix';

/** What the gift sender shares with the rest of the simulation. */
export interface GiftSenderContext {
  random: Random;
  audience: Audience;
  queue: EventQueue;
  truth: SimulatorTruth;
  source: EventSource;
  newId(): string;
  push(event: LiveEvent): void;
  /** Share of sends that go to a guest of a multi-guest room. */
  guestGiftShare: number;
  /** Prefix that makes group ids unique to this stream. */
  groupPrefix: string;
}

export interface GiftSender {
  /** Starts one send at `at`: a streak schedules its own later frames. */
  send(at: number): void;
  /** The stream ends: open streaks get their end frame at `at`, and scheduled frames are dropped. */
  endOpenStreaks(at: number): void;
}

interface OpenStreak {
  user: User;
  gift: GiftEvent['gift'];
  toUser: GiftEvent['toUser'];
  groupId: string;
  count: number;
}

const GUESTS = [
  { id: '7199999999999990001', handle: 'guest.sara', nickname: 'Sara (guest) 🎤' },
  { id: '7199999999999990002', handle: 'guest.leo', nickname: 'Leo <guest>' },
];

export function createGiftSender(ctx: GiftSenderContext): GiftSender {
  const { random, queue, truth } = ctx;
  const open = new Map<string, OpenStreak>();
  let groups = 0;
  let ended = false;

  const frame = (at: number, streak: OpenStreak, repeatEnd: boolean) =>
    ctx.push({
      id: ctx.newId(),
      source: ctx.source,
      at,
      kind: 'gift',
      user: streak.user,
      gift: streak.gift,
      repeatCount: streak.count,
      repeatEnd,
      groupId: streak.groupId,
      toUser: streak.toUser,
    });
  const commit = (streak: OpenStreak) => {
    const coins = streak.count * streak.gift.coins;
    truth.gifts++;
    truth.coins += coins;
    if (streak.toUser) truth.guestCoins += coins;
  };

  const streakOn = (streak: OpenStreak, taps: number) => {
    const tap = (at: number) => {
      if (ended) return;
      frame(at, streak, false);
      if (streak.count < taps) {
        // Frames batch taps now and then: the count may jump by a few.
        streak.count = Math.min(taps, streak.count + (random.chance(0.7) ? 1 : random.int(2, 4)));
        queue.schedule(at + random.int(120, 450), tap);
        return;
      }
      queue.schedule(at + random.int(800, 2500), (endAt) => {
        if (ended) return;
        open.delete(streak.groupId);
        frame(endAt, streak, true);
        commit(streak);
      });
    };
    return tap;
  };

  return {
    send(at) {
      const streak: OpenStreak = {
        user: ctx.audience.pickActive(random),
        gift: pickGift(random),
        toUser: random.chance(ctx.guestGiftShare) ? random.pick(GUESTS) : null,
        groupId: `${ctx.groupPrefix}${groups++}`,
        count: 1,
      };
      if (streak.gift.type !== STREAKABLE_GIFT_TYPE) {
        frame(at, streak, true);
        commit(streak);
        return;
      }
      open.set(streak.groupId, streak);
      streakOn(streak, streakLength(random))(at);
    },
    endOpenStreaks(at) {
      for (const streak of open.values()) {
        frame(at, streak, true);
        commit(streak);
      }
      open.clear();
      ended = true;
    },
  };
}
