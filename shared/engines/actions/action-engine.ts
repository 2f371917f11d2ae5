/**
 * Actions: "when this happens on stream, do that". Rules (rule-book.ts) are matched against
 * what happens (trigger-facts.ts); a rule whose cooldowns allow it (cooldowns.ts) puts its
 * actions in the run queue (run-queue.ts), which plays them on their outputs. Pure and
 * deterministic like every engine: stream time comes in, nothing reads a clock, and the state
 * is exported into journal snapshots, so a restart keeps the queue and the cooldowns honest.
 */
import { type Ack, fail, ok } from '../../protocol/ack';
import type {
  ActionRulesState,
  ActionRun,
  ActionsState,
} from '../../protocol/actions/actions-data';
import {
  type ActionRule,
  type ActionSettings,
  DEFAULT_ACTION_SETTINGS,
  OUTPUT_OF,
  type RuleAction,
} from '../../protocol/actions/rule-schema';
import { fillTemplate, type TemplateValues } from '../../protocol/actions/templates';
import type { ViewerBadge } from '../../protocol/channel-data';
import { clone } from '../json-state';
import { type CooldownState, createCooldowns } from './cooldowns';
import { createRuleBook } from './rule-book';
import { createRunQueue, noChanges, type QueueChanges, type RunQueueState } from './run-queue';
import { type Firing, matchRule, type TriggerFact } from './trigger-facts';

/** What a room starts with: the owner's stored rules and settings. */
export interface ActionSetup {
  rules: ActionRule[];
  settings: ActionSettings;
}

/** Exported state of the actions engine. */
export interface ActionEngineState extends RunQueueState {
  seq: number;
  rules: ActionRule[];
  settings: ActionSettings;
  cooldowns: CooldownState;
  /** Rule id → the last likes milestone (total ÷ every) it fired for, or was set up at. */
  likeMilestones: Record<string, number>;
  /** Streak key → highest count seen, newest last (bounded): upgrades fire once per count. */
  giftCounts: Array<[string, number]>;
  /** Streak keys whose final count fired rules (bounded): never twice for one streak. */
  finals: string[];
  /** Goals reached, polls ended and battles ended already seen: each fires once. */
  seen: string[];
}

/** Streak keys remembered for upgrades and finals; older streaks have long settled. */
const STREAKS_KEPT = 5_000;
const SEEN_KEPT = 500;

/** Who a simulated run is for: a sample viewer, never a real one. */
export const SAMPLE_VIEWER: ViewerBadge = {
  id: 'sample-viewer',
  handle: 'sample_viewer',
  nickname: 'Sample Viewer',
  avatarUrl: null,
};

const SAMPLE_VALUES: TemplateValues = {
  nickname: SAMPLE_VIEWER.nickname,
  handle: SAMPLE_VIEWER.handle,
  gift: 'Rose',
  count: '1',
  coins: '1',
  message: 'hello',
  likes: '1000',
  goal: 'Sample goal',
  poll: 'Option A',
  result: 'won',
};

/** The action with its texts filled in: plain text, drawn as text wherever it goes. */
function filled(action: RuleAction, values: TemplateValues): RuleAction {
  switch (action.kind) {
    case 'text':
    case 'obsText':
      return { ...action, text: fillTemplate(action.text, values) };
    case 'timer':
      return { ...action, label: fillTemplate(action.label, values) };
    default:
      return { ...action };
  }
}

export interface ActionEngineOptions {
  /** Viewers muted by moderation fire no rules (noted in the history). */
  isMuted?: (userId: string) => boolean;
}

/** What the engine changed since the last drain. */
export interface ActionChanges extends QueueChanges {
  rulesChanged: boolean;
}

export function createActionEngine(
  saved?: ActionEngineState,
  setup?: ActionSetup,
  options: ActionEngineOptions = {},
) {
  const s: ActionEngineState = saved
    ? clone(saved)
    : {
        seq: 0,
        rules: clone(setup?.rules ?? []),
        settings: clone(setup?.settings ?? DEFAULT_ACTION_SETTINGS),
        cooldowns: { global: {}, perUser: {}, sweptAt: 0 },
        likeMilestones: {},
        giftCounts: [],
        finals: [],
        seen: [],
        queue: [],
        running: [],
        history: [],
      };
  const book = createRuleBook(s);
  const cooldowns = createCooldowns(s.cooldowns);
  const queue = createRunQueue(s, () => s.settings);
  const giftCounts = new Map(s.giftCounts);
  const finals = new Set(s.finals);
  let changes: ActionChanges = { ...noChanges(), rulesChanged: false };

  const runsOf = (
    rule: ActionRule,
    firing: Firing,
    now: number,
    simulated: boolean,
  ): ActionRun[] => {
    const values: TemplateValues = { ...firing.values, rule: rule.name };
    return rule.actions.map((action) => ({
      runId: `run-${++s.seq}`,
      ruleId: rule.id,
      ruleName: rule.name,
      output: OUTPUT_OF[action.kind],
      action: filled(action, values),
      viewer: firing.viewer ? { ...firing.viewer } : null,
      values,
      simulated,
      firedAt: now,
      startedAt: null,
      endsAt: null,
    }));
  };

  const note = (rule: ActionRule, viewer: ViewerBadge | null, now: number, reason: string) =>
    queue.note(
      {
        runId: null,
        ruleId: rule.id,
        ruleName: rule.name,
        actionKind: null,
        viewer: viewer?.nickname ?? null,
        at: now,
        outcome: 'skipped',
        reason,
        simulated: false,
      },
      changes,
    );

  const fire = (rule: ActionRule, firing: Firing, now: number) => {
    if (firing.viewer && options.isMuted?.(firing.viewer.id)) {
      return note(rule, firing.viewer, now, 'the viewer is muted');
    }
    const held = cooldowns.holds(rule, firing.viewer, now);
    if (held) return note(rule, firing.viewer, now, held);
    cooldowns.start(rule, firing.viewer, now);
    queue.enqueue(runsOf(rule, firing, now, false), now, changes);
  };

  const firstTime = (key: string) => {
    if (s.seen.includes(key)) return false;
    s.seen.push(key);
    if (s.seen.length > SEEN_KEPT) s.seen.shift();
    return true;
  };

  /** Likes milestones: each rule fires once per milestone crossed, however far the total jumped. */
  const onLikes = (total: number, now: number) => {
    for (const rule of s.rules) {
      if (rule.trigger.kind !== 'likes') continue;
      const milestone = Math.floor(total / rule.trigger.every);
      const last = s.likeMilestones[rule.id] ?? 0;
      if (milestone <= last) continue;
      s.likeMilestones[rule.id] = milestone;
      if (!rule.enabled) continue;
      fire(rule, { viewer: null, values: { likes: String(milestone * rule.trigger.every) } }, now);
    }
  };

  /** A gift frame or commit: upgrades fire once per new count, finals once per streak. */
  const isNewGiftPhase = (fact: Extract<TriggerFact, { kind: 'gift' }>) => {
    if (fact.phase === 'final') {
      if (finals.has(fact.key)) return false;
      finals.add(fact.key);
      if (finals.size > STREAKS_KEPT) finals.delete(finals.values().next().value as string);
      return true;
    }
    const before = giftCounts.get(fact.key) ?? 0;
    if (fact.count <= before) return false;
    giftCounts.delete(fact.key);
    giftCounts.set(fact.key, fact.count);
    if (giftCounts.size > STREAKS_KEPT) giftCounts.delete(giftCounts.keys().next().value as string);
    return true;
  };

  /** Rules and settings changed: likes rules start counting from the total as it is now. */
  const rulesChanged = (likesTotal: number) => {
    for (const rule of s.rules) {
      if (rule.trigger.kind === 'likes' && s.likeMilestones[rule.id] === undefined) {
        s.likeMilestones[rule.id] = Math.floor(likesTotal / rule.trigger.every);
      }
    }
    changes.rulesChanged = true;
  };

  const mayEdit = (role: string): Ack<never> | null =>
    role === 'owner' || (role === 'moderator' && s.settings.moderatorsEditRules)
      ? null
      : fail('FORBIDDEN', 'only the owner edits action rules (Settings allow moderators to)');

  return {
    /** Something happened on stream: fire every rule it matches. */
    observe(fact: TriggerFact, now: number) {
      if (fact.kind === 'likes') return onLikes(fact.total, now);
      if (fact.kind === 'gift' && !isNewGiftPhase(fact)) return;
      if (fact.kind === 'goalReached' && !firstTime(`goal:${fact.goalId}`)) return;
      if (fact.kind === 'pollEnded' && !firstTime(`poll:${fact.pollId}`)) return;
      if (fact.kind === 'battle' && !firstTime(`battle:${fact.battleId}`)) return;
      for (const rule of s.rules) {
        if (!rule.enabled) continue;
        const matched = matchRule(rule, fact);
        if (!matched) continue;
        if ('refused' in matched) note(rule, matched.viewer, now, matched.refused);
        else fire(rule, matched, now);
      }
    },

    /** Stream time moved: runs end and start, expired cooldowns go. */
    tick(now: number) {
      queue.pump(now, changes);
      cooldowns.sweep(now);
    },

    saveRule(input: unknown, role: string, likesTotal: number): Ack<ActionRule> {
      const refused = mayEdit(role);
      if (refused) return refused;
      const previous = (input as { id?: unknown } | null)?.id;
      const ack = book.save(input);
      if (ack.ok) {
        // A changed milestone restarts from the total now, not from the old step.
        if (typeof previous === 'string') delete s.likeMilestones[previous];
        rulesChanged(likesTotal);
      }
      return ack;
    },

    enableRule(ruleId: string, enabled: boolean, role: string): Ack<ActionRule> {
      const ack = mayEdit(role) ?? book.enable(ruleId, enabled);
      if (ack.ok) changes.rulesChanged = true;
      return ack;
    },

    removeRule(ruleId: string, role: string, now: number): Ack<{ ruleId: string }> {
      const ack = mayEdit(role) ?? book.remove(ruleId);
      if (ack.ok) {
        cooldowns.forget(ruleId);
        delete s.likeMilestones[ruleId];
        queue.dropRule(ruleId, now, changes);
        changes.rulesChanged = true;
      }
      return ack;
    },

    importRules(
      list: readonly unknown[],
      mode: 'merge' | 'replace',
      role: string,
      likesTotal: number,
    ): Ack<{ rules: number }> {
      const ack = mayEdit(role) ?? book.import(list, mode);
      if (ack.ok) {
        const ids = new Set(s.rules.map((rule) => rule.id));
        for (const id of Object.keys(s.likeMilestones)) {
          if (!ids.has(id)) delete s.likeMilestones[id];
        }
        rulesChanged(likesTotal);
      }
      return ack;
    },

    configure(settings: Partial<ActionSettings>, now: number): Ack<ActionSettings> {
      s.settings = { ...s.settings, ...clone(settings) };
      changes.rulesChanged = true;
      // More room on an output starts what waited for it.
      queue.pump(now, changes);
      return ok(clone(s.settings));
    },

    /** Runs a rule now as if its trigger fired, for a sample viewer; cooldowns untouched. */
    simulate(ruleId: string, now: number): Ack<{ runIds: string[] }> {
      const rule = book.find(ruleId);
      if (!rule) return fail('NOT_FOUND', `ruleId: no rule ${ruleId}`);
      const runs = runsOf(rule, { viewer: { ...SAMPLE_VIEWER }, values: SAMPLE_VALUES }, now, true);
      queue.enqueue(runs, now, changes);
      return ok({ runIds: runs.map((run) => run.runId) });
    },

    skip(runId: string | undefined, by: string, now: number): Ack<{ runId: string | null }> {
      if (!queue.skip(runId, by, now, changes)) {
        return fail(
          'NOT_FOUND',
          runId ? `runId: no waiting or running action ${runId}` : 'nothing waits',
        );
      }
      return ok({ runId: runId ?? null });
    },

    clear(by: string, now: number): Ack<{ cleared: number }> {
      return ok({ cleared: queue.clear(by, now, changes) });
    },

    /** An output's report on a run; only failures change anything. */
    outcome(runId: string, succeeded: boolean, reason: string | null, now: number): Ack<unknown> {
      if (succeeded) return ok({ runId });
      const known = queue.fail(runId, reason ?? 'the output failed', now, changes);
      return known ? ok({ runId }) : fail('NOT_FOUND', `runId: no action ${runId}`);
    },

    /** What changed since the last drain (updates, runs started and ended, rule changes). */
    drain(): ActionChanges {
      const out = changes;
      changes = { ...noChanges(), rulesChanged: false };
      return out;
    },

    view: (): ActionsState => clone(queue.view()),
    rulesView: (): ActionRulesState => clone({ rules: s.rules, settings: s.settings }),
    /** The rules and settings to store for the next stream. */
    setup: (): ActionSetup => clone({ rules: s.rules, settings: s.settings }),

    exportState(): ActionEngineState {
      s.giftCounts = [...giftCounts];
      s.finals = [...finals];
      return clone(s);
    },
  };
}

export type ActionEngine = ReturnType<typeof createActionEngine>;
