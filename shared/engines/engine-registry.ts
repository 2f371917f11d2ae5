/**
 * The one list of a live room's engines. Each entry says how the engine is made (fresh, or from
 * its part of a journal snapshot), which channels it draws and what it adds to the stream
 * report. The room builds its parts, its snapshots (`exportState`), its channel views and its
 * report from this list; a new engine is registered here and nowhere else.
 */
import type { ChannelStates } from '../protocol/channel-data';
import type { RoomChannel } from '../protocol/channels';
import type { RevenueModel } from '../revenue/revenue-model';
import {
  type ActionEngineState,
  type ActionSetup,
  createActionEngine,
} from './actions/action-engine';
import { createAlertQueue } from './alerts/alert-queue';
import type { AlertQueueState } from './alerts/alert-state';
import { audienceReport } from './audience';
import { type BattleEngineState, createBattleEngine } from './battles/battle-engine';
import { battleReport } from './battles/battle-report';
import { type ChatFeedState, createChatFeed } from './chat-feed';
import { createGoalEngine, type GoalEngineState } from './goals/goal-engine';
import { createMetricsEngine, type MetricsEngineState } from './metrics';
import {
  createModerationEngine,
  type ModerationEngine,
  type ModerationEngineState,
} from './moderation/moderation-engine';
import { createPollEngine, type PollEngineState } from './polls/poll-engine';
import { createQnaEngine, type QnaEngineState } from './qna/qna-engine';
import type { LiveRoomConfig, RoomFacts } from './room-facts';
import { createSponsorEngine, type SponsorEngineState } from './sponsor/sponsor-engine';
import type { StreamTotals } from './sponsor/sponsor-report';
import { createViewerRoles, type ViewerRolesState } from './viewer-roles';

/** What an engine may be made with besides its own saved state. */
export interface EngineContext {
  facts: RoomFacts;
  config: LiveRoomConfig;
  /** The owner's stored action rules; only for a new room (a restored one has them saved). */
  actionSetup: ActionSetup | undefined;
  /** Engines that filter by moderation (chat, actions) get the room's one moderation engine. */
  moderation(): ModerationEngine;
}

/** What the report of an engine may read besides the engine. */
export interface EngineReportContext {
  totals: StreamTotals;
  revenueModel: RevenueModel;
}

/** The views an engine of type E may give: some room channels, each its own state. */
type ViewsFor<E> = { [C in RoomChannel]?: (engine: E) => ChannelStates[C] };

interface EngineEntry<
  E extends { exportState(): unknown },
  V extends ViewsFor<E>,
  R extends object = Record<never, never>,
> {
  create(saved: ReturnType<E['exportState']> | undefined, context: EngineContext): E;
  /**
   * Snapshots written before this engine existed lack its state: it starts fresh then. Absent:
   * a snapshot without its state is refused.
   */
  addedLater?: true;
  /** The channels it draws, each with the view it sends. */
  views: V;
  /** Its part of the stream report. */
  report?(engine: E, context: EngineReportContext): R;
}

/** Declares one entry, so its engine type is inferred from `create`. */
const engine = <
  E extends { exportState(): unknown },
  V extends ViewsFor<E>,
  R extends object = Record<never, never>,
>(
  entry: EngineEntry<E, V, R>,
) => entry;

/** Any entry, as the loops below walk them. */
interface AnyEntry {
  create(saved: unknown, context: EngineContext): { exportState(): unknown };
  addedLater?: true;
  views: Partial<Record<RoomChannel, (engine: unknown) => unknown>>;
  report?(engine: unknown, context: EngineReportContext): object;
}
const entryOf = (name: EngineName) => ENGINES[name] as unknown as AnyEntry;

export const ENGINES = {
  // First: chat and actions ask for it while the others are made.
  moderation: engine({
    create: (saved: ModerationEngineState | undefined) => createModerationEngine(saved),
    views: { moderation: (e) => e.view() },
  }),
  metrics: engine({
    create: (saved: MetricsEngineState | undefined, { facts }: EngineContext) =>
      createMetricsEngine(facts.startedAt, saved),
    views: { metrics: (e) => e.view() },
    report(e) {
      const m = e.view();
      return {
        followers: m.follows,
        shares: m.shares,
        likes: m.likes,
        peakViewers: m.peakViewers,
        averageViewers: m.averageViewers,
        chatMessages: m.chatMessages,
        uniqueChatters: m.uniqueChatters,
        engagementRate: m.engagementRate,
        ...audienceReport(m.audience),
      };
    },
  }),
  polls: engine({
    create: (saved: PollEngineState | undefined) => createPollEngine(saved),
    views: { poll: (e) => e.view() },
    report: (e) => ({ polls: e.reportPolls() as unknown[] }),
  }),
  qna: engine({
    create: (saved: QnaEngineState | undefined, { config }: EngineContext) =>
      createQnaEngine(saved, config.qna),
    views: { qna: (e) => e.view() },
  }),
  sponsor: engine({
    create: (saved: SponsorEngineState | undefined) => createSponsorEngine(saved),
    views: { sponsor: (e) => e.view() },
    report: (e, { totals, revenueModel }) => ({
      sponsorSegments: e.reports(totals, revenueModel) as unknown[],
    }),
  }),
  goals: engine({
    create: (saved: GoalEngineState | undefined) => createGoalEngine(saved),
    views: { goals: (e) => e.view() },
  }),
  alerts: engine({
    create: (saved: AlertQueueState | undefined, { config }: EngineContext) =>
      createAlertQueue(saved, config.alerts),
    views: { alerts: (e) => e.view() },
  }),
  chat: engine({
    create: (saved: ChatFeedState | undefined, { moderation }: EngineContext) =>
      createChatFeed(moderation(), saved),
    views: { chat: (e) => e.view() },
  }),
  battles: engine({
    create: (saved: BattleEngineState | undefined) => createBattleEngine(saved),
    addedLater: true,
    views: { battle: (e) => e.view() },
    report: (e) => ({ battles: e.all().map(battleReport) }),
  }),
  actions: engine({
    create: (saved: ActionEngineState | undefined, { actionSetup, moderation }: EngineContext) =>
      createActionEngine(saved, actionSetup, {
        isMuted: moderation().isMuted,
      }),
    addedLater: true,
    views: { actions: (e) => e.view(), actionRules: (e) => e.rulesView() },
  }),
  /** Gifters' badges, shown beside their names on the leaderboard. */
  roles: engine({
    create: (saved: ViewerRolesState | undefined) => createViewerRoles(saved),
    addedLater: true,
    views: {},
  }),
};

export type EngineName = keyof typeof ENGINES;
export const ENGINE_NAMES = Object.keys(ENGINES) as EngineName[];

/** The engine an entry makes. */
export type EngineOf<K extends EngineName> = ReturnType<(typeof ENGINES)[K]['create']>;
/** An engine's part of a journal snapshot. */
export type EngineStateOf<K extends EngineName> = ReturnType<EngineOf<K>['exportState']>;

/** The room's engines by name. */
export type Engines = { [K in EngineName]: EngineOf<K> };

type AddedLater = {
  [K in EngineName]: (typeof ENGINES)[K] extends { addedLater: true } ? K : never;
}[EngineName];

/** The engines' part of a snapshot: those added later may be absent in older snapshots. */
export type EngineStates = { [K in Exclude<EngineName, AddedLater>]: EngineStateOf<K> } & {
  [K in AddedLater]?: EngineStateOf<K>;
};

/** Engines every snapshot has (a snapshot without one is refused). */
export const ALWAYS_SAVED: readonly EngineName[] = ENGINE_NAMES.filter(
  (name) => !entryOf(name).addedLater,
);

/** Makes every engine, from `saved` (a snapshot's engine states) where it has one. */
export function createEngines(
  saved: Partial<Record<EngineName, unknown>> | null,
  context: Omit<EngineContext, 'moderation'>,
): Engines {
  const made: Partial<Record<EngineName, unknown>> = {};
  const full: EngineContext = {
    ...context,
    moderation: () => made.moderation as ModerationEngine,
  };
  for (const name of ENGINE_NAMES) {
    const entry = entryOf(name);
    made[name] = entry.create(saved?.[name] ?? undefined, full);
  }
  return made as Engines;
}

/** Every engine's state, for a snapshot. */
export function exportEngines(engines: Engines): EngineStates {
  const states: Partial<Record<EngineName, unknown>> = {};
  for (const name of ENGINE_NAMES) states[name] = engines[name].exportState();
  return states as EngineStates;
}

/** The intersection of the members of union U. */
type Intersect<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void
  ? I
  : never;
type ViewsOf<K extends EngineName> = (typeof ENGINES)[K]['views'];
/** The channels the engines draw, each with its view. */
export type EngineViews = Intersect<
  {
    [K in EngineName]: { [C in keyof ViewsOf<K> & RoomChannel]: () => ChannelStates[C] };
  }[EngineName]
>;

/** The view of every channel an engine draws, by channel. */
export function engineViews(engines: Engines): EngineViews {
  const views: Partial<Record<RoomChannel, () => unknown>> = {};
  for (const name of ENGINE_NAMES) {
    for (const [channel, view] of Object.entries(entryOf(name).views)) {
      views[channel as RoomChannel] = () => view(engines[name]);
    }
  }
  return views as EngineViews;
}

type ReportPart<K extends EngineName> =
  ReturnType<NonNullable<(typeof ENGINES)[K]['report']>> extends infer R extends object ? R : never;
/** What the engines add to the stream report, together. */
export type EngineReport = Intersect<{ [K in EngineName]: ReportPart<K> }[EngineName]>;

/** Every engine's part of the stream report. */
export function engineReport(engines: Engines, context: EngineReportContext): EngineReport {
  const report: Record<string, unknown> = {};
  for (const name of ENGINE_NAMES) {
    const entry = entryOf(name);
    if (entry.report) Object.assign(report, entry.report(engines[name], context));
  }
  return report as EngineReport;
}
