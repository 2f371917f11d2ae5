/**
 * What is wrong with a rule, one code per kind of mistake (a closed set), each with the field it
 * is about and a sentence the panel shows beside it. The panel checks as the streamer types; the
 * server checks again before it stores anything, and refuses the whole request when any rule has
 * a mistake, so a bad import never half-replaces good rules.
 */
import type { z } from 'zod';
import { RULE_LIMITS, ruleSchema } from './rule-schema';

export const RULE_ISSUE_CODES = [
  /** The item is not an object. */
  'NOT_A_RULE',
  /** A field the rule format does not have (a typo, or a file from something else). */
  'FIELD_UNKNOWN',
  'ID_INVALID',
  /** Two rules of one import share an id. */
  'ID_DUPLICATE',
  'NAME_INVALID',
  'ENABLED_INVALID',
  /** The trigger is missing or of a kind Limelight does not have. */
  'TRIGGER_UNKNOWN',
  /** A gift trigger's gift name or minimum coins. */
  'GIFT_CONDITION_INVALID',
  /** A gift trigger counts on `final` or `perUpgrade` only. */
  'GIFT_COUNT_INVALID',
  /** A chat command is `!` and 1–30 letters, digits, `_` or `-`. */
  'COMMAND_INVALID',
  /** Who may use a command: everyone, followers, subscribers or moderators. */
  'COMMAND_AUDIENCE_INVALID',
  /** A likes milestone is a whole number of likes, at least 1. */
  'MILESTONE_INVALID',
  'GOAL_INVALID',
  'BATTLE_RESULT_INVALID',
  'COOLDOWN_INVALID',
  'ACTIONS_EMPTY',
  'ACTIONS_TOO_MANY',
  'ACTION_UNKNOWN',
  'SOUND_REQUIRED',
  'CLIP_REQUIRED',
  'SCENE_REQUIRED',
  'SOURCE_REQUIRED',
  /** A text or label is empty or too long. */
  'TEXT_INVALID',
  /** A text names a `{field}` templates do not have. */
  'TEMPLATE_FIELD_UNKNOWN',
  'SECONDS_INVALID',
  'VOLUME_INVALID',
  'ALERT_VARIANT_INVALID',
  'TIMER_DIRECTION_INVALID',
  /** More rules than a rule set holds. */
  'RULES_TOO_MANY',
  /** An import file that is not a Limelight rules export. */
  'FILE_INVALID',
] as const;

export type RuleIssueCode = (typeof RULE_ISSUE_CODES)[number];

/** One mistake: its code, the dotted field path (from the rule) and what to do about it. */
export interface RuleIssue {
  code: RuleIssueCode;
  path: string;
  message: string;
}

const MESSAGES: Record<RuleIssueCode, string> = {
  NOT_A_RULE: 'a rule is an object with a name, a trigger and actions',
  FIELD_UNKNOWN: 'rules have no such field',
  ID_INVALID: 'an id is 1–40 lower-case letters, digits or dashes',
  ID_DUPLICATE: 'another rule in this file has the same id',
  NAME_INVALID: `give the rule a name of 1–${RULE_LIMITS.nameLength} characters`,
  ENABLED_INVALID: 'enabled is true or false',
  TRIGGER_UNKNOWN: 'choose a trigger',
  GIFT_CONDITION_INVALID: 'a gift name is 1–64 characters; minimum coins a whole number ≥ 0',
  GIFT_COUNT_INVALID: 'count on the final count or per upgrade',
  COMMAND_INVALID: 'a command is ! and 1–30 letters or digits, like !dance',
  COMMAND_AUDIENCE_INVALID: 'allowed: everyone, followers, subscribers or moderators',
  MILESTONE_INVALID: 'a likes milestone is a whole number of likes, at least 1',
  GOAL_INVALID: 'choose a goal, or any goal',
  BATTLE_RESULT_INVALID: 'a battle result is win, lose or draw',
  COOLDOWN_INVALID: `a cooldown is 0–${RULE_LIMITS.cooldownSeconds.toLocaleString('en-US')} seconds`,
  ACTIONS_EMPTY: 'add at least one action',
  ACTIONS_TOO_MANY: `a rule has at most ${RULE_LIMITS.actionsPerRule} actions`,
  ACTION_UNKNOWN: 'choose what the action does',
  SOUND_REQUIRED: 'choose a sound',
  CLIP_REQUIRED: 'choose a video clip',
  SCENE_REQUIRED: 'name the OBS scene',
  SOURCE_REQUIRED: 'name the OBS source',
  TEXT_INVALID: `a text is 1–${RULE_LIMITS.textLength} characters`,
  TEMPLATE_FIELD_UNKNOWN:
    'unknown {field}; use {nickname}, {handle}, {gift}, {count}, {coins}, {message}, {likes}, {goal}, {poll}, {result} or {rule}',
  SECONDS_INVALID: 'a duration is a number of seconds within the limits shown',
  VOLUME_INVALID: 'a volume is 0–1 (0–100%)',
  ALERT_VARIANT_INVALID: 'an alert looks like a gift tier 1–5, a follow, a share or a subscription',
  TIMER_DIRECTION_INVALID: 'a timer counts down or up',
  RULES_TOO_MANY: `at most ${RULE_LIMITS.rules} rules`,
  FILE_INVALID: 'this is not a Limelight actions export (rules: [...])',
};

export const issue = (code: RuleIssueCode, path = '', message = MESSAGES[code]): RuleIssue => ({
  code,
  path,
  message,
});

const TRIGGER_FIELDS: Record<string, RuleIssueCode> = {
  kind: 'TRIGGER_UNKNOWN',
  gift: 'GIFT_CONDITION_INVALID',
  minCoins: 'GIFT_CONDITION_INVALID',
  count: 'GIFT_COUNT_INVALID',
  command: 'COMMAND_INVALID',
  allowed: 'COMMAND_AUDIENCE_INVALID',
  every: 'MILESTONE_INVALID',
  goalId: 'GOAL_INVALID',
  result: 'BATTLE_RESULT_INVALID',
};

const ACTION_FIELDS: Record<string, RuleIssueCode> = {
  kind: 'ACTION_UNKNOWN',
  soundId: 'SOUND_REQUIRED',
  clipId: 'CLIP_REQUIRED',
  scene: 'SCENE_REQUIRED',
  source: 'SOURCE_REQUIRED',
  text: 'TEXT_INVALID',
  label: 'TEXT_INVALID',
  seconds: 'SECONDS_INVALID',
  volume: 'VOLUME_INVALID',
  variant: 'ALERT_VARIANT_INVALID',
  tier: 'ALERT_VARIANT_INVALID',
  direction: 'TIMER_DIRECTION_INVALID',
};

/** The code of one schema issue, from the field it is about. */
function codeOf(zodIssue: z.core.$ZodIssue): RuleIssueCode {
  const [top, second, third] = zodIssue.path.map(String);
  if (zodIssue.code === 'unrecognized_keys') return 'FIELD_UNKNOWN';
  switch (top) {
    case undefined:
      return 'NOT_A_RULE';
    case 'id':
      return 'ID_INVALID';
    case 'name':
      return 'NAME_INVALID';
    case 'enabled':
      return 'ENABLED_INVALID';
    case 'cooldown':
      return 'COOLDOWN_INVALID';
    case 'trigger':
      return second === undefined
        ? 'TRIGGER_UNKNOWN'
        : (TRIGGER_FIELDS[second] ?? 'TRIGGER_UNKNOWN');
    case 'actions':
      if (second === undefined) {
        return zodIssue.code === 'too_big' ? 'ACTIONS_TOO_MANY' : 'ACTIONS_EMPTY';
      }
      if (third === undefined) return 'ACTION_UNKNOWN';
      if (zodIssue.code === 'custom' && (third === 'text' || third === 'label')) {
        return 'TEMPLATE_FIELD_UNKNOWN';
      }
      return ACTION_FIELDS[third] ?? 'ACTION_UNKNOWN';
    default:
      return 'FIELD_UNKNOWN';
  }
}

export type RuleCheck =
  | { ok: true; rule: z.output<typeof ruleSchema> }
  | { ok: false; issues: RuleIssue[] };

/** Checks one rule. Every mistake is listed, each with its code and field. */
export function checkRule(input: unknown): RuleCheck {
  const parsed = ruleSchema.safeParse(input);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const issues = parsed.error.issues.map((zodIssue) => {
    const code = codeOf(zodIssue);
    const path = zodIssue.path.map(String).join('.');
    if (code === 'FIELD_UNKNOWN' && zodIssue.code === 'unrecognized_keys') {
      const keys = zodIssue.keys.join(', ');
      return issue(code, path, `rules have no field ${keys}${path ? ` in ${path}` : ''}`);
    }
    return issue(code, path);
  });
  return { ok: false, issues };
}

/** An issue of the n-th rule of a list, its path prefixed with the rule's place. */
export const issueAt = (index: number, found: RuleIssue): RuleIssue => ({
  ...found,
  path: found.path ? `rules.${index}.${found.path}` : `rules.${index}`,
});

/** The issues as one line for an error ack: `CODE at path: sentence; …`. */
export function describeRuleIssues(issues: readonly RuleIssue[]): string {
  return issues
    .map((found) => `${found.code}${found.path ? ` at ${found.path}` : ''}: ${found.message}`)
    .join('; ');
}
