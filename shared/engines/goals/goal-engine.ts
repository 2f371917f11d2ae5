/**
 * Goals (coins, likes, follows, shares; several at once) with progress and an ETA from the
 * rate over the last few minutes of stream time.
 */
import { type Ack, fail, ok } from '../../protocol/ack';
import type { GoalsState, GoalView } from '../../protocol/channel-data';
import { clone } from '../json-state';

export type GoalKind = GoalView['kind'];

/** The window the recent rate is measured over, ms of stream time. */
const RATE_WINDOW_MS = 5 * 60_000;
/** Progress samples are kept at most this often, so memory stays small. */
const SAMPLE_EVERY_MS = 10_000;

interface GoalRecord {
  id: string;
  kind: GoalKind;
  label: string;
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
      s.goals.splice(index, 1);
      return ok({ goalId });
    },

    /** Progress of one kind; true when a goal changed. */
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
