/**
 * The live room: routes each event to the gift ledger and every engine, applies control
 * commands, and answers with the channel updates to broadcast. Pure and deterministic: stream
 * time comes from events, commands and `advance(now)`; nothing reads a clock.
 * Its engines, their snapshots, channel views and report parts come from engine-registry.ts.
 *
 * Call `advance(now)` about once a second: it commits quiet streaks, closes polls, plays the
 * alert queue on and sends throttled channels (metrics, earnings, leaderboard) still pending.
 *
 * Updates: small channels send `<channel>.state` with their whole state when they change;
 * chat sends `chat.line` / `chat.remove`; alerts send `alert.upsert` on every streak frame,
 * `alert.skip`, and `alerts.state` when the queue's order, playing alert or mode changes.
 */
import type { LiveEvent } from '../events/live-event';
import { createGiftLedger } from '../ledger';
import type { ChannelStates } from '../protocol/channel-data';
import {
  type Channel,
  type ChannelUpdate,
  isRoomChannel,
  type RoomChannel,
} from '../protocol/channels';
import { BRIEF_PRESET, revenueFor } from '../revenue/revenue-model';
import { createEngines, engineReport, engineViews, exportEngines } from './engine-registry';
import { clone } from './json-state';
import type { LiveRoom, StreamReport } from './live-room-contract';
import { actionsOnEvent, actionsOnViews, flushActions } from './room-actions';
import { runCommand } from './room-commands';
import { moveClock, onCommits, routeEvent } from './room-events';
import { newBatch, type RoomParts, type StateChannel, type UpdateBatch } from './room-parts';
import {
  type LiveRoomOptions,
  type LiveRoomState,
  type RoomFacts,
  readSavedState,
} from './room-state';
import { earningsView, leaderboardView } from './room-views';

const LEADERBOARD_SIZE = 10;
const THROTTLE_MS = 250;
const THROTTLED: ReadonlySet<StateChannel> = new Set(['metrics', 'earnings', 'leaderboard']);

type LedgerSavedState = NonNullable<Parameters<typeof createGiftLedger>[0]>['state'];

function buildParts(options: LiveRoomOptions): RoomParts {
  const saved = readSavedState(options.state);
  const config = clone(saved?.config ?? options.config ?? {});
  const facts: RoomFacts = saved
    ? {
        streamId: saved.streamId,
        startedAt: saved.startedAt,
        now: saved.now,
        endedAt: saved.endedAt,
        revenueModel: saved.revenueModel,
        // Journal snapshots written before this setting existed: hidden, the safe default.
        moderatorsSeeEarnings: saved.moderatorsSeeEarnings ?? false,
        config,
        questions: saved.questions,
        treasureChestCoins: saved.treasureChestCoins,
      }
    : {
        streamId: options.streamId,
        startedAt: options.startedAt,
        now: options.startedAt,
        endedAt: null,
        revenueModel: clone(options.revenueModel ?? BRIEF_PRESET),
        moderatorsSeeEarnings: options.moderatorsSeeEarnings ?? false,
        config,
        questions: 0,
        treasureChestCoins: 0,
      };
  return {
    facts,
    ledger: createGiftLedger({
      ...config.ledger,
      state: saved?.ledger as LedgerSavedState | undefined,
    }),
    ...createEngines(saved, { facts, config, actionSetup: saved ? undefined : options.actions }),
  };
}

export function createLiveRoom(options: LiveRoomOptions): LiveRoom {
  const p = buildParts(options);
  const { facts } = p;
  const leaderboardSize = () => facts.config.leaderboardSize ?? LEADERBOARD_SIZE;
  /** The whole-second of stream time metrics were last sent at (they tick with duration). */
  let metricsSecond = -1;

  const views: { [C in RoomChannel]: () => ChannelStates[C] } = {
    ...engineViews(p),
    // Drawn from the gift ledger, not from an engine.
    leaderboard: () => leaderboardView(p.ledger, leaderboardSize(), p.moderation, p.roles),
    earnings: () => ({
      ...earningsView(p.ledger, facts.revenueModel, p.metrics.coinsPerHour()),
      moderatorsSeeEarnings: facts.moderatorsSeeEarnings,
    }),
  };

  /** Actions fired by what this call changed, and what the actions engine started or ended. */
  const settleActions = (b: UpdateBatch) => {
    actionsOnViews(p, b);
    flushActions(p, b);
  };

  /** Stream time each throttled channel was last sent at, and those changed since. */
  const lastSent: Partial<Record<StateChannel, number>> = {};
  const pending = new Set<StateChannel>();

  /**
   * Turns the batch into updates. Metrics, earnings and the leaderboard change with nearly
   * every event and cost the most to build, so events send them at most every THROTTLE_MS of
   * stream time; `advance` and commands send what is pending.
   */
  const flush = (b: UpdateBatch, force: boolean): ChannelUpdate[] => {
    if (force) for (const channel of pending) b.dirty.add(channel);
    for (const channel of b.dirty as Set<StateChannel>) {
      if (THROTTLED.has(channel)) {
        const last = lastSent[channel];
        if (!force && last !== undefined && facts.now - last < THROTTLE_MS) {
          pending.add(channel);
          continue;
        }
        lastSent[channel] = facts.now;
        pending.delete(channel);
      }
      if (channel === 'metrics') metricsSecond = Math.floor(facts.now / 1000);
      b.out.push({ channel, type: `${channel}.state`, data: views[channel]() });
    }
    return b.out;
  };

  const streamTotals = () => {
    const m = p.metrics.state;
    return {
      durationMs: (facts.endedAt ?? facts.now) - facts.startedAt,
      viewerMs: m.viewerMs,
      chatMessages: m.chatMessages,
      likes: m.likes,
      coins: m.coins,
      follows: m.follows,
      shares: m.shares,
    };
  };

  function advance(now: number): ChannelUpdate[] {
    const b = newBatch();
    moveClock(p, now, b);
    onCommits(p, p.ledger.advance(facts.now), b, true);
    if (p.goals.tick(facts.now)) b.dirty.add('goals');
    if (p.battles.tick(facts.now)) b.dirty.add('battle');
    if (Math.floor(facts.now / 1000) !== metricsSecond) b.dirty.add('metrics');
    settleActions(b);
    return flush(b, true);
  }

  return {
    applyEvent(event: LiveEvent) {
      const b = newBatch();
      moveClock(p, event.at, b);
      // A streak whose quiet period this event's time has passed commits before it, whether or
      // not a timer got there first: a report, a replay at any speed and the live room agree.
      onCommits(p, p.ledger.commitQuiet(facts.now), b, true);
      routeEvent(p, event, b);
      actionsOnEvent(p, event);
      settleActions(b);
      return flush(b, false);
    },

    applyCommand(command, ctx) {
      const b = newBatch();
      try {
        const ack = runCommand(p, command, ctx, b);
        settleActions(b);
        return { ack, updates: flush(b, true) };
      } catch (error) {
        // A bug must not take the server down with it: answer INTERNAL and keep serving.
        const message = error instanceof Error ? error.message : String(error);
        return { ack: { ok: false, code: 'INTERNAL', message }, updates: [] };
      }
    },

    advance,

    settleOpenStreaks() {
      const deadline = p.ledger.quietDeadline();
      if (deadline === null) return { updates: [], committed: 0, at: facts.now };
      const open = p.ledger.openStreaks().length;
      const updates = advance(Math.max(deadline, facts.now));
      return { updates, committed: open - p.ledger.openStreaks().length, at: facts.now };
    },

    snapshot(channels: readonly Channel[]) {
      const snap: Partial<Record<Channel, unknown>> = {};
      for (const channel of channels) {
        if (isRoomChannel(channel)) snap[channel] = views[channel]();
      }
      return snap as Partial<ChannelStates>;
    },

    report(): StreamReport {
      const totals = p.ledger.totals();
      const figures = revenueFor(totals.committedCoins, facts.revenueModel);
      const end = facts.endedAt ?? facts.now;
      return {
        streamId: facts.streamId,
        startedAt: facts.startedAt,
        endedAt: facts.endedAt,
        durationSeconds: Math.max(0, Math.round((end - facts.startedAt) / 1000)),
        coins: totals.committedCoins,
        guestCoins: totals.guestCoins,
        diamonds: figures.diamonds,
        estimatedPayoutUsd: figures.estimatedPayoutUsd,
        revenueModel: clone(facts.revenueModel),
        gifts: totals.completedGifts,
        giftsByName: clone(totals.giftsByName),
        topGifters: p.ledger
          .topGifters(leaderboardSize())
          .map((row) => ({ handle: row.handle, nickname: row.nickname, coins: row.coins })),
        questions: facts.questions,
        treasureChests: facts.treasureChestCoins,
        ...engineReport(p, { totals: streamTotals(), revenueModel: facts.revenueModel }),
      };
    },

    exportState(): LiveRoomState {
      return {
        version: 1,
        ...clone(facts),
        ledger: p.ledger.exportState(),
        ...exportEngines(p),
      };
    },
  };
}
