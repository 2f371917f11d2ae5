/**
 * The simulated TikTok LIVE stream, in stream time. A discrete-event simulation: every kind of
 * happening is a Poisson process (scaled by a drifting activity level) that schedules its next
 * occurrence on one agenda; gift streaks schedule their own frames (gift-sender.ts). `generate(from, to)` plays
 * the agenda forward, so the same seed and start give the same events however time is sliced.
 */
import type { EventSource } from '../../../shared/events/base';
import type { LiveEvent } from '../../../shared/events/live-event';
import { createRandom, type Random } from '../../../shared/random/prng';
import { type Audience, createAudience } from './audience';
import { chatLine, qnaQuestion } from './chat-lines';
import { EventQueue } from './event-queue';
import type { SimulatorTruth } from './expected-totals';
import { createGiftSender } from './gift-sender';
import { SIMULATOR_PRESETS, type SimulatorPreset, type SimulatorPresetName } from './presets';

/** A fixed default start, so `simulateStream` is reproducible without arguments. */
export const DEFAULT_SIMULATION_START = 1_765_000_000_000;

export interface StreamSimulatorOptions {
  seed: number;
  preset: SimulatorPresetName | SimulatorPreset;
  /** Stream time of the first event, epoch ms. Default `DEFAULT_SIMULATION_START`. */
  startAt?: number;
  /** Stamped on every event. Default `simulator`. */
  source?: EventSource;
  /** Host handle for the `streamStart` event. */
  host?: string;
  /**
   * This is a later segment of a stream already running (the server came back after a crash):
   * no `streamStart`, and the room's like total goes on from `likeTotal` instead of 0 (the room
   * keeps the highest total it saw, so starting over would freeze it).
   */
  continues?: { likeTotal: number };
  /** Who is in the room; default `seed`. A later segment keeps its stream's people. */
  audienceSeed?: number;
}

export interface StreamSimulator {
  readonly startAt: number;
  /** Stream time up to which events have been generated (exclusive). */
  readonly cursor: number;
  /** Events with `fromMs ≤ at < toMs`. Calls must be contiguous: `fromMs` is the last `toMs`. */
  generate(fromMs: number, toMs: number): LiveEvent[];
  /** Generates up to `at`, ends open streaks there, and ends the stream. No events after it. */
  finish(at: number): LiveEvent[];
  truth(): SimulatorTruth;
}

export function createStreamSimulator(options: StreamSimulatorOptions): StreamSimulator {
  const preset =
    typeof options.preset === 'string' ? SIMULATOR_PRESETS[options.preset] : options.preset;
  const startAt = options.startAt ?? DEFAULT_SIMULATION_START;
  const source = options.source ?? 'simulator';
  const random: Random = createRandom(options.seed);
  const audience: Audience = createAudience(options.audienceSeed ?? options.seed, preset.audience);
  const queue = new EventQueue();
  const idPrefix = `sim-${options.seed >>> 0}-${startAt.toString(36)}-`;
  let nextId = 0;
  let cursor = startAt;
  let finished = false;
  let out: LiveEvent[] = [];
  let activity = 1;
  let viewers = Math.max(1, Math.round(preset.viewers * 0.5));
  let likeTotal = options.continues?.likeTotal ?? 0;
  const followed = new Set<string>();
  const truth: SimulatorTruth = {
    coins: 0,
    guestCoins: 0,
    gifts: 0,
    likes: 0,
    peakViewers: 0,
    chatMessages: 0,
    joins: 0,
    followers: 0,
    shares: 0,
    subscribers: 0,
    questions: 0,
    chestCoins: 0,
  };

  const newId = () => idPrefix + nextId++;
  const push = (event: LiveEvent) => out.push(event);

  /** A process firing at `perSecond` × activity; `fire` may emit events. */
  const every = (perSecond: number, fire: (at: number) => void) => {
    if (perSecond <= 0) return;
    const step = (at: number) => {
      fire(at);
      queue.schedule(at + random.arrivalMs(perSecond * activity), step);
    };
    queue.schedule(startAt + random.arrivalMs(perSecond), step);
  };

  const chat = (at: number) => {
    truth.chatMessages++;
    push({
      id: newId(),
      source,
      at,
      kind: 'chat',
      user: audience.pickActive(random),
      text: chatLine(random),
      emotes: [],
    });
  };
  const like = (at: number) => {
    const roll = random.next();
    const count = roll < 0.4 ? 1 : roll < 0.8 ? random.int(2, 5) : random.int(6, 15);
    // The room total also counts likes whose messages TikTok never delivered (it samples).
    likeTotal += count + Math.floor(count * random.next() * 2);
    truth.likes = likeTotal;
    push({
      id: newId(),
      source,
      at,
      kind: 'like',
      user: audience.pickAny(random),
      count,
      roomTotal: likeTotal,
    });
  };
  const join = (at: number) => {
    truth.joins++;
    push({
      id: newId(),
      source,
      at,
      kind: 'join',
      user: audience.pickAny(random),
      via: 'member',
      displayName: null,
      memberCount: null,
    });
  };

  const gifts = createGiftSender({
    random,
    audience,
    queue,
    truth,
    source,
    newId,
    push,
    guestGiftShare: preset.guestGiftShare,
    groupPrefix: `g${startAt.toString(36)}-`,
  });

  const userAction = (kind: 'follow' | 'share' | 'subscribe') => (at: number) => {
    const user = audience.pickActive(random);
    if (kind === 'follow') {
      if (followed.has(user.id)) return;
      followed.add(user.id);
      truth.followers++;
    } else if (kind === 'share') truth.shares++;
    else truth.subscribers++;
    const base = { id: newId(), source, at, user };
    if (kind === 'follow') push({ ...base, kind, followerCount: null });
    else if (kind === 'share') push({ ...base, kind, via: 'share', shareCount: null });
    else push({ ...base, kind, plan: 'subscription', months: null });
  };

  const viewerTick = (at: number) => {
    const target = preset.viewers * activity;
    viewers = Math.max(
      1,
      Math.round(viewers + (target - viewers) * 0.1 + random.normal() * preset.viewers * 0.02),
    );
    truth.peakViewers = Math.max(truth.peakViewers, viewers);
    push({
      id: newId(),
      source,
      at,
      kind: 'viewers',
      count: viewers,
      totalViewers: null,
      topViewers: [],
    });
    queue.schedule(at + random.int(5000, 10000), viewerTick);
  };

  const burst = (at: number) => {
    const size = random.int(100, 200);
    const span = random.int(700, 1300);
    for (let i = 0; i < size; i++) {
      const roll = random.next();
      queue.schedule(at + random.int(0, span), roll < 0.45 ? like : roll < 0.75 ? join : chat);
    }
  };

  const drift = (at: number) => {
    activity = Math.min(
      1.5,
      Math.max(0.6, activity + random.normal() * 0.08 + (1 - activity) * 0.1),
    );
    queue.schedule(at + 60_000, drift);
  };

  // Setup order is part of determinism: do not reorder.
  queue.schedule(startAt, (at) => {
    if (options.continues) return;
    push({
      id: newId(),
      source,
      at,
      kind: 'streamStart',
      host: options.host ?? 'limelight.demo',
      title: `Limelight demo stream (${preset.name})`,
    });
  });
  queue.schedule(startAt, viewerTick);
  queue.schedule(startAt + 60_000, drift);
  every(preset.chatPerSecond, chat);
  every(preset.giftSendsPerSecond, gifts.send);
  every(preset.likesPerSecond, like);
  every(preset.joinsPerSecond, join);
  every(preset.followsPerSecond, userAction('follow'));
  every(preset.sharesPerSecond, userAction('share'));
  every(preset.subscribesPerSecond, userAction('subscribe'));
  every(preset.questionsPerSecond, (at) => {
    truth.questions++;
    const id = nextId;
    push({
      id: newId(),
      source,
      at,
      kind: 'question',
      user: audience.pickActive(random),
      text: qnaQuestion(random),
      questionId: `q${id}`,
    });
  });
  every(preset.chestsPerSecond, (at) => {
    const coins = random.pick([100, 200, 500, 1000, 5000]);
    truth.chestCoins += coins;
    push({
      id: newId(),
      source,
      at,
      kind: 'chest',
      user: audience.pickActive(random),
      coins,
      slots: random.int(5, 50),
      box: 'treasure',
    });
  });
  every(1 / preset.burstEverySeconds, burst);

  function generate(fromMs: number, toMs: number): LiveEvent[] {
    if (finished) throw new Error('the simulated stream has ended');
    if (fromMs !== cursor) {
      throw new RangeError(`generate must continue at ${cursor} (got ${fromMs})`);
    }
    if (toMs < fromMs)
      throw new RangeError(`generate window ends before it starts (${fromMs} > ${toMs})`);
    out = [];
    while (queue.peekAt() < toMs) queue.runNext();
    cursor = toMs;
    return out;
  }

  return {
    startAt,
    get cursor() {
      return cursor;
    },
    generate,
    finish(at) {
      const events = generate(cursor, Math.max(cursor, at));
      const endAt = Math.max(cursor, at);
      out = events;
      gifts.endOpenStreaks(endAt);
      push({ id: newId(), source, at: endAt, kind: 'streamEnd', reason: 'ended' });
      finished = true;
      return out;
    },
    truth: () => ({ ...truth }),
  };
}
