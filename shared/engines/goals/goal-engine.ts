/**
 * Goals (coins, likes, follows, shares; several at once) with progress and an ETA from the
 * rate over the last few minutes of stream time, and the streamer's own TikTok LIVE goal
 * (`goalUpdate`), followed as TikTok states its progress: nothing to set up in Limelight.
 */
import type { GoalUpdateEvent } from '../../events/goal';
import { type Ack, fail, ok } from '../../protocol/ack';
import type { GoalsState, GoalView } from '../../protocol/channel-data';
import { clone } from '../json-state';

export type GoalKind = Exclude<GoalView['kind'], 'tiktok'>;

/** The window the recent rate is measured over, ms of stream time. */
const RATE_WINDOW_MS = 5 * 60_000;
/** Progress samples are kept at most this often, so memory stays small. */
const SAMPLE_EVERY_MS = 10_000;

interface GoalRecord {
  id: string;
  kind: GoalView['kind'];
  label: string;
  /** TikTok goals: what the target counts (the gift's name), and TikTok's goal id. */
  unit?: string;
  tiktokGoalId?: string;
  target: number;
  current: number;
  reachedAt: number | null;
  /** Recent (time, current) samples for the rate. */
  samples: Array<[number, number]>;
  etaSeconds: number | null;
}

/** Exported state of the goal engine. */
export interface GoalEngineState {
  seq: number;
  goals: GoalRecord[];
  /** TikTok goals the streamer removed from Limelight: later updates leave them out. */
  removedTikTok?: string[];
}

export interface GoalInput {
  goalId?: string;
  kind: GoalKind;
  label?: string;
  target: number;
  countFrom: 'now' | 'streamStart';
}

const DEFAULT_LABELS: Record<GoalKind, string> = {
  coins: 'Coin goal',
  likes: 'Like goal',
  follows: 'Follow goal',
  shares: 'Share goal',
};

export function createGoalEngine(saved?: GoalEngineState) {
  const s: GoalEngineState = saved ? clone(saved) : { seq: 0, goals: [] };

  const sample = (g: GoalRecord, now: number) => {
    const last = g.samples[g.samples.length - 1];
    if (!last || now - last[0] >= SAMPLE_EVERY_MS) g.samples.push([now, g.current]);
    else last[1] = g.current;
    while (g.samples.length > 2 && (g.samples[1]?.[0] ?? now) <= now - RATE_WINDOW_MS) {
      g.samples.shift();
    }
  };

  /** Seconds to the target at the recent rate; null without recent progress. */
  const eta = (g: GoalRecord, now: number): number | null => {
    if (g.reachedAt !== null) return 0;
    const first = g.samples[0];
    if (!first) return null;
    const gained = g.current - first[1];
    const seconds = (now - first[0]) / 1000;
    if (gained <= 0 || seconds <= 0) return null;
    return Math.ceil((g.target - g.current) / (gained / seconds));
  };

  const view = (g: GoalRecord): GoalView => ({
    id: g.id,
    kind: g.kind,
    label: g.label,
    ...(g.unit !== undefined ? { unit: g.unit } : {}),
    target: g.target,
    current: g.current,
    etaSeconds: g.etaSeconds,
    reachedAt: g.reachedAt,
  });

  const progress = (g: GoalRecord, now: number) => {
    if (g.reachedAt === null && g.current >= g.target) g.reachedAt = now;
    sample(g, now);
    g.etaSeconds = eta(g, now);
  };

  return {
    /** Creates or updates a goal. `streamTotal` is the kind's count so far this stream. */
    set(input: GoalInput, streamTotal: number, now: number): Ack<GoalView> {
      let g = input.goalId ? s.goals.find((x) => x.id === input.goalId) : undefined;
      if (input.goalId && !g) return fail('NOT_FOUND', `goalId: no goal ${input.goalId}`);
      if (g && g.kind !== input.kind) {
        return fail('CONFLICT', `goal ${g.id} counts ${g.kind}; make a new goal for ${input.kind}`);
      }
      if (!g) {
        s.seq++;
        g = {
          id: `goal-${s.seq}`,
          kind: input.kind,
          label: '',
          target: 0,
          current: input.countFrom === 'streamStart' ? streamTotal : 0,
          reachedAt: null,
          samples: [],
          etaSeconds: null,
        };
        s.goals.push(g);
      }
      g.label = input.label ?? DEFAULT_LABELS[input.kind];
      g.target = input.target;
      // A raised target is not reached any more.
      if (g.current < g.target) g.reachedAt = null;
      progress(g, now);
      return ok(view(g));
    },

    remove(goalId: string): Ack<{ goalId: string }> {
      const index = s.goals.findIndex((g) => g.id === goalId);
      if (index < 0) return fail('NOT_FOUND', `goalId: no goal ${goalId}`);
      const [removed] = s.goals.splice(index, 1);
      if (removed?.tiktokGoalId) {
        const gone = s.removedTikTok ?? [];
        if (!gone.includes(removed.tiktokGoalId)) gone.push(removed.tiktokGoalId);
        s.removedTikTok = gone;
        // Its other targets go too: the streamer removed TikTok's goal, not one bar of it.
        s.goals = s.goals.filter((g) => g.tiktokGoalId !== removed.tiktokGoalId);
      }
      return ok({ goalId });
    },

    /**
     * The streamer's TikTok LIVE goal as TikTok states it: one goal per target, progress and
     * target in the target's own unit (gift units). An unpinned or suspended goal leaves the
     * overlays until TikTok sends it again. Contributions restate gifts: never coins. True when
     * the goals changed.
     */
    onTikTokGoal(event: GoalUpdateEvent, now: number): boolean {
      if (s.removedTikTok?.includes(event.goalId)) return false;
      const before = s.goals.length;
      s.goals = s.goals.filter((g) => g.tiktokGoalId !== event.goalId || isShown(event, g));
      if (event.reason === 'unpinned' || event.reason === 'suspended') {
        s.goals = s.goals.filter((g) => g.tiktokGoalId !== event.goalId);
        return s.goals.length !== before;
      }
      const several = event.targets.length > 1;
      for (const target of event.targets) {
        const id = `tiktok:${event.goalId}:${target.id}`;
        let g = s.goals.find((x) => x.id === id);
        if (!g) {
          g = {
            id,
            kind: 'tiktok',
            label: '',
            tiktokGoalId: event.goalId,
            target: 0,
            current: 0,
            reachedAt: null,
            samples: [],
            etaSeconds: null,
          };
          s.goals.push(g);
        }
        const title = event.description.trim() || 'TikTok goal';
        g.label = several && target.gift ? `${title} · ${target.gift.name}` : title;
        g.unit = target.gift?.name ?? 'points';
        g.target = target.target;
        // A stated total: the latest statement wins (TikTok may also lower it on a reset).
        g.current = target.progress;
        if (g.current < g.target) g.reachedAt = null;
        if (g.target > 0) progress(g, now);
      }
      return true;
    },

    /** Progress of one of Limelight's own kinds; true when a goal changed. */
    add(kind: GoalKind, amount: number, now: number): boolean {
      let changed = false;
      for (const g of s.goals) {
        if (g.kind !== kind || amount <= 0) continue;
        g.current += amount;
        progress(g, now);
        changed = true;
      }
      return changed;
    },

    /**
     * Refreshes ETAs as time passes; true when one changed. Samples are taken only on progress,
     * so the state does not depend on how often the server ticks (journal replay matches).
     */
    tick(now: number): boolean {
      let changed = false;
      for (const g of s.goals) {
        const before = g.etaSeconds;
        g.etaSeconds = eta(g, now);
        if (g.etaSeconds !== before) changed = true;
      }
      return changed;
    },

    view: (): GoalsState => ({ goals: s.goals.map(view) }),
    exportState: (): GoalEngineState => clone(s),
  };
}

export type GoalEngine = ReturnType<typeof createGoalEngine>;

/** A TikTok goal's target stays while the update still lists it. */
function isShown(event: GoalUpdateEvent, g: GoalRecord): boolean {
  return event.targets.some((target) => g.id === `tiktok:${event.goalId}:${target.id}`);
}
