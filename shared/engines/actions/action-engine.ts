/**
 * Actions: "when this happens on stream, do that". Rules (rule-book.ts) are matched against
 * what happens (trigger-facts.ts); a rule whose cooldowns allow it (cooldowns.ts) puts its
 * actions in the run queue (run-queue.ts), which plays them on their outputs. Pure and
 * deterministic like every engine: stream time comes in, nothing reads a clock, and the state
 * is exported into journal snapshots, so a restart keeps the queue and the cooldowns honest.
 */
import { type Ack, fail, ok } from '../../protocol/ack';
import type { ActionRulesState, ActionsState } from '../../protocol/actions/actions-data';
import {
  type ActionRule,
  type ActionSettings,
  DEFAULT_ACTION_SETTINGS,
} from '../../protocol/actions/rule-schema';
import type { ViewerBadge } from '../../protocol/channel-data';
import { clone } from '../json-state';
import { runsOf, SAMPLE_FIRING } from './action-runs';
import { type CooldownState, createCooldowns } from './cooldowns';
import { createFiringMemory, type FiringMemoryState } from './firing-memory';
import { createRuleBook } from './rule-book';

import { createRunQueue, noChanges, type QueueChanges, type RunQueueState } from './run-queue';
import { type Firing, matchRule, type TriggerFact } from './trigger-facts';

/** What a room starts with: the owner's stored rules and settings. */
export interface ActionSetup {
  rules: ActionRule[];
  settings: ActionSettings;
}

/** Exported state of the actions engine. */
export interface ActionEngineState extends RunQueueState, FiringMemoryState {
  seq: number;
  rules: ActionRule[];
  settings: ActionSettings;
  cooldowns: CooldownState;
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
  const memory = createFiringMemory(s);
  let changes: ActionChanges = { ...noChanges(), rulesChanged: false };

  const nextRunId = () => `run-${++s.seq}`;

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
    queue.enqueue(runsOf(rule, firing, now, false, nextRunId), now, changes);
  };

  /** Rules and settings changed: likes rules start counting from the total as it is now. */
  const rulesChanged = (likesTotal: number) => {
    memory.startLikesAt(s.rules, likesTotal);
    changes.rulesChanged = true;
  };

  const mayEdit = (role: string): Ack<never> | null =>
    role === 'owner' || (role === 'moderator' && s.settings.moderatorsEditRules)
      ? null
      : fail('FORBIDDEN', 'only the owner edits action rules (Settings allow moderators to)');

  return {
    /** Something happened on stream: fire every rule it matches. */
    observe(fact: TriggerFact, now: number) {
      if (fact.kind === 'likes') {
        for (const [rule, likes] of memory.likesCrossed(s.rules, fact.total)) {
          fire(rule, { viewer: null, values: { likes: String(likes) } }, now);
        }
        return;
      }
      if (!memory.isNew(fact)) return;
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
      const runs = runsOf(rule, SAMPLE_FIRING, now, true, nextRunId);
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
      memory.save();
      return clone(s);
    },
  };
}

export type ActionEngine = ReturnType<typeof createActionEngine>;
