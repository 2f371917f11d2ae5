/**
 * The live room: routes each event to the gift ledger and every engine, applies control
 * commands, and answers with the channel updates to broadcast. Pure and deterministic: stream
 * time comes from events and `advance(now)`.
 */
import type { LiveEvent } from '../events/live-event';
import { createGiftLedger } from '../ledger';
import { fail } from '../protocol/ack';
import type { ChannelStates } from '../protocol/channel-data';
import type { Channel, ChannelUpdate } from '../protocol/channels';
import { BRIEF_PRESET, type RevenueModel, revenueFor } from '../revenue/revenue-model';
import { clone } from './json-state';
import type { GiftLedgerPort, LedgerCommit } from './ledger-port';
import type { LiveRoom, StreamReport } from './live-room-contract';
import { createMetricsEngine, type MetricsEngineState } from './metrics';
import { earningsView, leaderboardView } from './room-views';

/** Tunables of a room; every field has a default. */
export interface LiveRoomConfig {
  /** Gift ledger timing, stream-time ms. */
  ledger?: { quietPeriodMs?: number; crossSourceWindowMs?: number };
  /** Rows on the top-gifters leaderboard. */
  leaderboardSize?: number;
}

export interface LiveRoomOptions {
  streamId: string;
  /** Stream time the stream started, epoch ms. */
  startedAt: number;
  /** Defaults to the product brief's model (20% platform share). */
  revenueModel?: RevenueModel;
  config?: LiveRoomConfig;
  /** A state from `exportState()` (journal snapshot) to continue from. */
  state?: unknown;
}

/** What `exportState()` returns: everything needed to rebuild the room. */
export interface LiveRoomState {
  version: 1;
  streamId: string;
  startedAt: number;
  now: number;
  endedAt: number | null;
  revenueModel: RevenueModel;
  config: LiveRoomConfig;
  /** TikTok question events seen. */
  questions: number;
  /** Coins in treasure chests handed to viewers (never revenue). */
  treasureChestCoins: number;
  ledger: unknown;
  metrics: MetricsEngineState;
}

const LEADERBOARD_SIZE = 10;

type LedgerSavedState = NonNullable<Parameters<typeof createGiftLedger>[0]>['state'];

export function createLiveRoom(options: LiveRoomOptions): LiveRoom {
  const saved = readSavedState(options.state);
  const room: Omit<LiveRoomState, 'ledger' | 'metrics'> = saved
    ? {
        version: 1,
        streamId: saved.streamId,
        startedAt: saved.startedAt,
        now: saved.now,
        endedAt: saved.endedAt,
        revenueModel: saved.revenueModel,
        config: saved.config,
        questions: saved.questions,
        treasureChestCoins: saved.treasureChestCoins,
      }
    : {
        version: 1,
        streamId: options.streamId,
        startedAt: options.startedAt,
        now: options.startedAt,
        endedAt: null,
        revenueModel: options.revenueModel ?? BRIEF_PRESET,
        config: clone(options.config ?? {}),
        questions: 0,
        treasureChestCoins: 0,
      };

  const ledger: GiftLedgerPort = createGiftLedger({
    ...room.config.ledger,
    state: saved?.ledger as LedgerSavedState | undefined,
  });
  const metrics = createMetricsEngine(room.startedAt, saved?.metrics);

  const isMuted = (_userId: string) => false;

  const views = {
    metrics: () => metrics.view(),
    earnings: () => earningsView(ledger, room.revenueModel, metrics.view().coinsPerHour),
    leaderboard: () =>
      leaderboardView(ledger, room.config.leaderboardSize ?? LEADERBOARD_SIZE, isMuted),
  } satisfies Partial<{ [C in Channel]: () => ChannelStates[C] }>;
  type ViewChannel = keyof typeof views;

  /** Collects what one call changed: incremental updates plus channels to resend whole. */
  const batch = () => {
    const out: ChannelUpdate[] = [];
    const dirty = new Set<ViewChannel>();
    return {
      out,
      dirty,
      flush(): ChannelUpdate[] {
        for (const channel of dirty) {
          out.push({ channel, type: `${channel}.state`, data: views[channel]() });
        }
        return out;
      },
    };
  };

  const moveClock = (at: number) => {
    if (at > room.now) room.now = at;
    metrics.elapse(room.now);
  };

  const onCommits = (commits: LedgerCommit[], b: ReturnType<typeof batch>) => {
    if (commits.length === 0) return;
    for (const commit of commits) metrics.addCoins(commit.coins, room.now);
    b.dirty.add('earnings').add('leaderboard').add('metrics');
  };

  return {
    applyEvent(event: LiveEvent) {
      const b = batch();
      moveClock(event.at);
      switch (event.kind) {
        case 'gift': {
          const outcome = ledger.apply(event);
          if (outcome.status === 'duplicate') return [];
          metrics.observe(event);
          b.dirty.add('earnings');
          if (outcome.status === 'committed') onCommits([outcome.commit], b);
          break;
        }
        case 'question':
          room.questions++;
          metrics.observe(event);
          break;
        case 'chest':
          room.treasureChestCoins += event.coins;
          break;
        case 'streamEnd':
          onCommits(ledger.closeAll(room.now), b);
          room.endedAt ??= room.now;
          b.dirty.add('metrics');
          break;
        default:
          metrics.observe(event);
          b.dirty.add('metrics');
          break;
      }
      return b.flush();
    },

    applyCommand(_command, _ctx) {
      return {
        ack: fail('UNKNOWN_EVENT', 'commands are not wired into the room yet'),
        updates: [],
      };
    },

    advance(now: number) {
      const b = batch();
      moveClock(now);
      onCommits(ledger.advance(room.now), b);
      return b.flush();
    },

    snapshot(channels: readonly Channel[]) {
      const snap: Partial<ChannelStates> = {};
      for (const channel of channels) {
        if (channel in views) {
          const view = views[channel as ViewChannel];
          (snap as Record<string, unknown>)[channel] = view();
        }
      }
      return snap;
    },

    report(): StreamReport {
      const totals = ledger.totals();
      const m = metrics.view();
      const figures = revenueFor(totals.committedCoins, room.revenueModel);
      const end = room.endedAt ?? room.now;
      return {
        streamId: room.streamId,
        startedAt: room.startedAt,
        endedAt: room.endedAt,
        durationSeconds: Math.max(0, Math.round((end - room.startedAt) / 1000)),
        coins: totals.committedCoins,
        guestCoins: totals.guestCoins,
        diamonds: figures.diamonds,
        estimatedPayoutUsd: figures.estimatedPayoutUsd,
        revenueModel: room.revenueModel,
        gifts: totals.completedGifts,
        giftsByName: clone(totals.giftsByName),
        topGifters: ledger
          .topGifters(LEADERBOARD_SIZE)
          .map((row) => ({ handle: row.handle, nickname: row.nickname, coins: row.coins })),
        followers: m.follows,
        shares: m.shares,
        likes: m.likes,
        peakViewers: m.peakViewers,
        averageViewers: m.averageViewers,
        chatMessages: m.chatMessages,
        uniqueChatters: m.uniqueChatters,
        questions: room.questions,
        engagementRate: m.engagementRate,
        polls: [],
        sponsorSegments: [],
        treasureChests: room.treasureChestCoins,
      };
    },

    exportState(): LiveRoomState {
      return {
        ...clone(room),
        ledger: ledger.exportState(),
        metrics: metrics.exportState(),
      };
    },
  };
}

function readSavedState(state: unknown): LiveRoomState | null {
  if (state === undefined || state === null) return null;
  if (typeof state !== 'object' || (state as { version?: unknown }).version !== 1) {
    throw new Error('createLiveRoom: state is not a LiveRoomState of version 1');
  }
  return clone(state as LiveRoomState);
}
