/**
 * Wire schemas of the actions channels: `actions` (the run queue the actions overlay plays),
 * `actionRules`, `obs` and `clips` (panels only). Types: actions/actions-data.ts. A rule here is
 * the stored rule (defaults applied), not the rule schema's input (actions/rule-schema.ts).
 */
import { z } from 'zod/mini';
import {
  ACTION_OUTPUTS,
  ALERT_VARIANTS,
  BATTLE_RESULTS,
  COMMAND_AUDIENCES,
} from '../actions/rule-words';
import { TEMPLATE_FIELDS } from '../actions/templates';
import { viewerBadgeSchema } from './viewers';

const kind = <K extends string>(name: K) => z.literal(name);

export const ruleActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: kind('sound'), soundId: z.string(), volume: z.number(), seconds: z.number() }),
  z.object({ kind: kind('clip'), clipId: z.string(), volume: z.number(), seconds: z.number() }),
  z.object({ kind: kind('alert'), variant: z.enum(ALERT_VARIANTS), tier: z.number() }),
  z.object({ kind: kind('text'), text: z.string(), seconds: z.number() }),
  z.object({
    kind: kind('timer'),
    label: z.string(),
    seconds: z.number(),
    direction: z.enum(['down', 'up']),
  }),
  z.object({ kind: kind('obsScene'), scene: z.string() }),
  z.object({ kind: kind('obsSource'), scene: z.string(), source: z.string(), seconds: z.number() }),
  z.object({ kind: kind('obsText'), source: z.string(), text: z.string() }),
]);

const triggerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: kind('gift'),
    gift: z.nullable(z.string()),
    minCoins: z.number(),
    count: z.enum(['final', 'perUpgrade']),
  }),
  z.object({ kind: kind('follow') }),
  z.object({ kind: kind('share') }),
  z.object({ kind: kind('subscribe') }),
  z.object({ kind: kind('join') }),
  z.object({ kind: kind('likes'), every: z.number() }),
  z.object({ kind: kind('command'), command: z.string(), allowed: z.enum(COMMAND_AUDIENCES) }),
  z.object({ kind: kind('goalReached'), goalId: z.nullable(z.string()) }),
  z.object({ kind: kind('pollEnded') }),
  z.object({ kind: kind('battle'), result: z.enum(BATTLE_RESULTS) }),
]);

const actionKind = z.enum([
  'sound',
  'clip',
  'alert',
  'text',
  'timer',
  'obsScene',
  'obsSource',
  'obsText',
]);

export const actionRunSchema = z.object({
  runId: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  output: z.enum(ACTION_OUTPUTS),
  action: ruleActionSchema,
  viewer: z.nullable(viewerBadgeSchema),
  values: z.partialRecord(z.enum(TEMPLATE_FIELDS), z.string()),
  simulated: z.boolean(),
  firedAt: z.number(),
  startedAt: z.nullable(z.number()),
  endsAt: z.nullable(z.number()),
});

const runOutcome = z.enum(['done', 'skipped', 'failed', 'cleared']);

export const actionsStateSchema = z.object({
  queue: z.array(actionRunSchema),
  running: z.array(actionRunSchema),
  history: z.array(
    z.object({
      runId: z.nullable(z.string()),
      ruleId: z.string(),
      ruleName: z.string(),
      actionKind: z.nullable(actionKind),
      viewer: z.nullable(z.string()),
      at: z.number(),
      outcome: runOutcome,
      reason: z.nullable(z.string()),
      simulated: z.boolean(),
    }),
  ),
});

/** The actions channel's increments besides `actions.state`. */
export const actionsUpdateSchemas = {
  'action.start': actionRunSchema,
  'action.end': z.object({
    runId: z.string(),
    outcome: runOutcome,
    reason: z.nullable(z.string()),
  }),
};

const perOutput = z.number();

export const actionRulesStateSchema = z.object({
  rules: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      enabled: z.boolean(),
      trigger: triggerSchema,
      cooldown: z.object({ perUserSeconds: z.number(), globalSeconds: z.number() }),
      actions: z.array(ruleActionSchema),
    }),
  ),
  settings: z.object({
    moderatorsEditRules: z.boolean(),
    concurrency: z.object({
      overlay: perOutput,
      timer: perOutput,
      obs: perOutput,
      alerts: perOutput,
    }),
    maxQueue: z.number(),
  }),
});

export const obsStateSchema = z.object({
  status: z.enum(['off', 'connecting', 'connected', 'unreachable', 'refused']),
  enabled: z.boolean(),
  address: z.nullable(z.string()),
  passwordSet: z.boolean(),
  detail: z.nullable(z.string()),
  retryAt: z.nullable(z.number()),
  scenes: z.array(z.string()),
  inputs: z.array(z.string()),
});

export const clipsStateSchema = z.object({
  clips: z.array(
    z.object({ id: z.string(), name: z.string(), type: z.string(), bytes: z.number() }),
  ),
});
