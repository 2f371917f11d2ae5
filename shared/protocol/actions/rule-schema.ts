/**
 * An action rule: "when this happens on stream, do these things". A trigger, a per-user and a
 * global cooldown, and one to eight actions. Rules are strict objects: a misspelt field is a
 * mistake the panel reports (rule-issues.ts gives each mistake its code), never ignored.
 */
import { z } from 'zod';
import { type ActionOutput, ALERT_VARIANTS, BATTLE_RESULTS, COMMAND_AUDIENCES } from './rule-words';
import { unknownTemplateFields } from './templates';

/** Limits of a rule set; the panel states them beside the fields. */
export const RULE_LIMITS = {
  rules: 100,
  actionsPerRule: 8,
  nameLength: 60,
  textLength: 200,
  /** Cooldowns, seconds. */
  cooldownSeconds: 86_400,
  /** How long an overlay action (sound, clip, text) holds its output, seconds. */
  overlaySeconds: 600,
  /** A timer or countdown, seconds. */
  timerSeconds: 86_400,
  /** How long OBS shows a source before hiding it again, seconds. */
  sourceSeconds: 3_600,
  /** OBS scene and source names. */
  obsNameLength: 256,
} as const;

/** `!dance`: an exclamation mark and 1–30 letters, digits, `_` or `-`. Matched in any case. */
export const COMMAND_WORD = /^![\p{L}\p{N}_-]{1,30}$/u;

const template = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => unknownTemplateFields(text).length === 0, {
      message: 'names a field templates do not have',
    });

const obsName = z.string().trim().min(1).max(RULE_LIMITS.obsNameLength);
/** Stored media (sounds, clips) are addressed by id: the server's content-hash file name. */
const mediaId = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/);
const seconds = (max: number, fallback: number) => z.number().min(0.5).max(max).default(fallback);
const volume = z.number().min(0).max(1).default(1);

export const triggerSchema = z.discriminatedUnion('kind', [
  /**
   * A gift: a given one (by name, any case) or any (`gift` null), worth at least `minCoins`.
   * `final`: once, on the streak's final count (when it commits). `perUpgrade`: on every frame
   * that raises the count while the streak runs; with `minCoins`, once when the streak's coins
   * first reach it.
   */
  z.strictObject({
    kind: z.literal('gift'),
    gift: z.string().trim().min(1).max(64).nullable().default(null),
    minCoins: z.number().int().min(0).max(100_000_000).default(0),
    count: z.enum(['final', 'perUpgrade']).default('final'),
  }),
  z.strictObject({ kind: z.literal('follow') }),
  z.strictObject({ kind: z.literal('share') }),
  z.strictObject({ kind: z.literal('subscribe') }),
  z.strictObject({ kind: z.literal('join') }),
  /** Every `every` likes of the room total (1,000 → at 1,000, 2,000, …). */
  z.strictObject({ kind: z.literal('likes'), every: z.number().int().min(1).max(100_000_000) }),
  z.strictObject({
    kind: z.literal('command'),
    command: z
      .string()
      .trim()
      .regex(COMMAND_WORD)
      .transform((word) => word.toLowerCase()),
    allowed: z.enum(COMMAND_AUDIENCES).default('everyone'),
  }),
  /** A goal reached: a given goal, or any (`goalId` null). */
  z.strictObject({
    kind: z.literal('goalReached'),
    goalId: z.string().min(1).max(64).nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('pollEnded') }),
  /** A link-mic battle ended with this result for the streamer's side. */
  z.strictObject({ kind: z.literal('battle'), result: z.enum(BATTLE_RESULTS) }),
]);
export type ActionTrigger = z.output<typeof triggerSchema>;
export type TriggerKind = ActionTrigger['kind'];

export const actionSchema = z.discriminatedUnion('kind', [
  /** Plays a stored sound on the actions overlay, at this share of the master volume. */
  z.strictObject({
    kind: z.literal('sound'),
    soundId: mediaId,
    volume,
    seconds: seconds(RULE_LIMITS.overlaySeconds, 3),
  }),
  /** Plays a stored video clip on the actions overlay; cut after `seconds`. */
  z.strictObject({
    kind: z.literal('clip'),
    clipId: mediaId,
    volume,
    seconds: seconds(RULE_LIMITS.overlaySeconds, 10),
  }),
  /** An alert on the alerts overlay, in the look of a gift tier or of a follow/share/sub. */
  z.strictObject({
    kind: z.literal('alert'),
    variant: z.enum(ALERT_VARIANTS).default('gift'),
    tier: z.number().int().min(1).max(5).default(3),
  }),
  /** A text on the actions overlay, with viewer fields, for `seconds`. */
  z.strictObject({
    kind: z.literal('text'),
    text: template(RULE_LIMITS.textLength),
    seconds: seconds(RULE_LIMITS.overlaySeconds, 5),
  }),
  /** A countdown (`down`) or a timer counting up (`up`) on the actions overlay. */
  z.strictObject({
    kind: z.literal('timer'),
    label: template(RULE_LIMITS.textLength),
    seconds: z.number().int().min(1).max(RULE_LIMITS.timerSeconds),
    direction: z.enum(['down', 'up']).default('down'),
  }),
  /** OBS: switch the program scene. */
  z.strictObject({ kind: z.literal('obsScene'), scene: obsName }),
  /** OBS: show a source in a scene for `seconds`, then hide it again. */
  z.strictObject({
    kind: z.literal('obsSource'),
    scene: obsName,
    source: obsName,
    seconds: seconds(RULE_LIMITS.sourceSeconds, 5),
  }),
  /** OBS: set a text source's text (viewer fields filled in). */
  z.strictObject({
    kind: z.literal('obsText'),
    source: obsName,
    text: template(RULE_LIMITS.textLength),
  }),
]);
export type RuleAction = z.output<typeof actionSchema>;
export type RuleActionInput = z.input<typeof actionSchema>;
export type ActionKind = RuleAction['kind'];

/** Rule ids: short, URL- and file-safe; the server gives one to a rule saved without. */
export const RULE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const ruleSchema = z.strictObject({
  id: z.string().regex(RULE_ID).optional(),
  name: z.string().trim().min(1).max(RULE_LIMITS.nameLength),
  enabled: z.boolean().default(true),
  trigger: triggerSchema,
  cooldown: z
    .strictObject({
      /** Seconds before the same viewer can fire the rule again. */
      perUserSeconds: z.number().min(0).max(RULE_LIMITS.cooldownSeconds).default(0),
      /** Seconds before anyone can fire the rule again. */
      globalSeconds: z.number().min(0).max(RULE_LIMITS.cooldownSeconds).default(0),
    })
    .default({ perUserSeconds: 0, globalSeconds: 0 }),
  actions: z.array(actionSchema).min(1).max(RULE_LIMITS.actionsPerRule),
});

/** A rule as typed in the panel or an imported file (defaults not yet applied, id optional). */
export type ActionRuleInput = z.input<typeof ruleSchema>;
/** A rule as the server stores it: defaults applied, id given. */
export type ActionRule = z.output<typeof ruleSchema> & { id: string };

export const OUTPUT_OF: Record<ActionKind, ActionOutput> = {
  sound: 'overlay',
  clip: 'overlay',
  text: 'overlay',
  timer: 'timer',
  alert: 'alerts',
  obsScene: 'obs',
  obsSource: 'obs',
  obsText: 'obs',
};

/**
 * Seconds an action holds its output. A scene switch, a text source set and an alert (which the
 * alert queue plays in its own turn) are done at once.
 */
export function holdSeconds(action: RuleAction): number {
  switch (action.kind) {
    case 'sound':
    case 'clip':
    case 'text':
    case 'timer':
    case 'obsSource':
      return action.seconds;
    default:
      return 0;
  }
}

export const actionSettingsSchema = z.strictObject({
  /** Whether moderators may create, change, remove and import rules (the owner always may). */
  moderatorsEditRules: z.boolean(),
  /** At most this many actions run at once on each output. */
  concurrency: z.strictObject({
    overlay: z.number().int().min(1).max(10),
    timer: z.number().int().min(1).max(10),
    obs: z.number().int().min(1).max(10),
    alerts: z.number().int().min(1).max(10),
  }),
  /** Actions waiting beyond this are skipped ("queue full"), never dropped unsaid. */
  maxQueue: z.number().int().min(1).max(500),
});
export type ActionSettings = z.output<typeof actionSettingsSchema>;

export const DEFAULT_ACTION_SETTINGS: ActionSettings = {
  moderatorsEditRules: false,
  concurrency: { overlay: 1, timer: 1, obs: 1, alerts: 1 },
  maxQueue: 50,
};
