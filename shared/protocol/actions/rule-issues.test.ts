/** Every rule mistake has its own code, and each code is reached by the mistake it names. */
import { describe, expect, it } from 'vitest';
import { checkRule, RULE_ISSUE_CODES, type RuleIssueCode } from './rule-issues';
import { checkRulesFile, rulesFile } from './rules-file';
import { fillTemplate, unknownTemplateFields } from './templates';

const good = {
  name: 'Rose',
  trigger: { kind: 'gift', gift: 'Rose' },
  actions: [{ kind: 'sound', soundId: 'abc123.wav' }],
};

const action = (fields: Record<string, unknown>) => ({ ...good, actions: [fields] });
const trigger = (fields: Record<string, unknown>) => ({ ...good, trigger: fields });

/** One mistake per code (the file-level codes are checked below). */
const MISTAKES: Array<[RuleIssueCode, unknown, string]> = [
  ['NOT_A_RULE', 'rose', ''],
  ['FIELD_UNKNOWN', { ...good, colour: 'red' }, ''],
  ['ID_INVALID', { ...good, id: 'Rule One' }, 'id'],
  ['NAME_INVALID', { ...good, name: '   ' }, 'name'],
  ['ENABLED_INVALID', { ...good, enabled: 'yes' }, 'enabled'],
  ['TRIGGER_UNKNOWN', trigger({ kind: 'teleport' }), 'trigger.kind'],
  ['GIFT_CONDITION_INVALID', trigger({ kind: 'gift', minCoins: -5 }), 'trigger.minCoins'],
  ['GIFT_COUNT_INVALID', trigger({ kind: 'gift', count: 'sometimes' }), 'trigger.count'],
  ['COMMAND_INVALID', trigger({ kind: 'command', command: 'dance now' }), 'trigger.command'],
  [
    'COMMAND_AUDIENCE_INVALID',
    trigger({ kind: 'command', command: '!dance', allowed: 'vips' }),
    'trigger.allowed',
  ],
  ['MILESTONE_INVALID', trigger({ kind: 'likes', every: 0 }), 'trigger.every'],
  ['GOAL_INVALID', trigger({ kind: 'goalReached', goalId: '' }), 'trigger.goalId'],
  ['BATTLE_RESULT_INVALID', trigger({ kind: 'battle', result: 'tie' }), 'trigger.result'],
  ['COOLDOWN_INVALID', { ...good, cooldown: { globalSeconds: 100_000 } }, 'cooldown.globalSeconds'],
  ['ACTIONS_EMPTY', { ...good, actions: [] }, 'actions'],
  ['ACTIONS_TOO_MANY', { ...good, actions: Array(9).fill(good.actions[0]) }, 'actions'],
  ['ACTION_UNKNOWN', action({ kind: 'fireworks' }), 'actions.0.kind'],
  ['SOUND_REQUIRED', action({ kind: 'sound' }), 'actions.0.soundId'],
  ['CLIP_REQUIRED', action({ kind: 'clip', clipId: '../etc/passwd' }), 'actions.0.clipId'],
  ['SCENE_REQUIRED', action({ kind: 'obsScene', scene: '' }), 'actions.0.scene'],
  ['SOURCE_REQUIRED', action({ kind: 'obsSource', scene: 'Main' }), 'actions.0.source'],
  ['TEXT_INVALID', action({ kind: 'text', text: 'x'.repeat(201) }), 'actions.0.text'],
  [
    'TEMPLATE_FIELD_UNKNOWN',
    action({ kind: 'obsText', source: 'T', text: '{name}' }),
    'actions.0.text',
  ],
  ['SECONDS_INVALID', action({ kind: 'text', text: 'hi', seconds: 0 }), 'actions.0.seconds'],
  ['VOLUME_INVALID', action({ kind: 'sound', soundId: 'a', volume: 2 }), 'actions.0.volume'],
  ['ALERT_VARIANT_INVALID', action({ kind: 'alert', tier: 6 }), 'actions.0.tier'],
  [
    'TIMER_DIRECTION_INVALID',
    action({ kind: 'timer', label: 'Go', seconds: 60, direction: 'sideways' }),
    'actions.0.direction',
  ],
];

describe('rule issues', () => {
  it('accepts a good rule and fills in the defaults', () => {
    const checked = checkRule(good);
    expect(checked).toMatchObject({
      ok: true,
      rule: {
        enabled: true,
        trigger: { kind: 'gift', gift: 'Rose', minCoins: 0, count: 'final' },
        cooldown: { perUserSeconds: 0, globalSeconds: 0 },
        actions: [{ kind: 'sound', soundId: 'abc123.wav', volume: 1, seconds: 3 }],
      },
    });
  });

  it.each(MISTAKES)('%s: reached by its mistake, at its field', (code, rule, path) => {
    const checked = checkRule(rule);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues).toContainEqual(expect.objectContaining({ code, path }));
    for (const found of checked.issues) expect(found.message.length).toBeGreaterThan(5);
  });

  it('covers every code of the closed set', () => {
    const reached = new Set<string>(MISTAKES.map(([code]) => code));
    for (const code of ['ID_DUPLICATE', 'RULES_TOO_MANY', 'FILE_INVALID']) reached.add(code);
    expect([...reached].sort()).toEqual([...RULE_ISSUE_CODES].sort());
  });

  it('checks an import file: the envelope, each rule by its place, duplicate ids, the count', () => {
    expect(checkRulesFile({ rules: [good] })).toMatchObject({
      ok: false,
      issues: [{ code: 'FILE_INVALID' }],
    });
    const file = rulesFile([{ ...checkRuleOk(good), id: 'a' }]);
    expect(checkRulesFile(JSON.parse(JSON.stringify(file)))).toMatchObject({ ok: true });
    const twice = { ...good, id: 'a' };
    expect(checkRulesFile([twice, { ...good, name: '' }, twice])).toMatchObject({
      ok: false,
      issues: [
        { code: 'NAME_INVALID', path: 'rules.1.name' },
        { code: 'ID_DUPLICATE', path: 'rules.2.id' },
      ],
    });
    expect(checkRulesFile(Array(101).fill(good))).toMatchObject({
      ok: false,
      issues: [{ code: 'RULES_TOO_MANY' }],
    });
  });
});

describe('templates', () => {
  it('fills known fields once, leaving viewer text as it is', () => {
    expect(fillTemplate('{nickname}: {message} {unknown}', { nickname: '{message}' })).toBe(
      '{message}:  {unknown}',
    );
    expect(unknownTemplateFields('{nickname} {Gift} {gift} {x}')).toEqual(['Gift', 'x']);
  });
});

function checkRuleOk(rule: unknown) {
  const checked = checkRule(rule);
  if (!checked.ok) throw new Error('bad fixture');
  return { ...checked.rule, id: checked.rule.id ?? 'x' };
}
