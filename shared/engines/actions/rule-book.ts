/**
 * The rule set: save (create or replace), enable, remove and import, each checked with
 * rule-issues.ts. A refusal names every mistake with its code; the set is unchanged by it.
 */
import { type Ack, fail, ok } from '../../protocol/ack';
import { checkRule, describeRuleIssues, issue } from '../../protocol/actions/rule-issues';
import { type ActionRule, RULE_LIMITS } from '../../protocol/actions/rule-schema';
import { checkRuleList } from '../../protocol/actions/rules-file';
import { clone } from '../json-state';

/** The next free `rule-N` id: one past the highest in use, so ids are never reused in a set. */
function nextRuleId(rules: readonly ActionRule[]): string {
  let highest = 0;
  for (const rule of rules) {
    const n = /^rule-(\d+)$/.exec(rule.id)?.[1];
    if (n !== undefined) highest = Math.max(highest, Number(n));
  }
  return `rule-${highest + 1}`;
}

const refused = (issues: Parameters<typeof describeRuleIssues>[0]) =>
  fail('BAD_PAYLOAD', describeRuleIssues(issues));

export function createRuleBook(state: { rules: ActionRule[] }) {
  const find = (ruleId: string) => state.rules.find((rule) => rule.id === ruleId);

  return {
    find,
    all: () => state.rules,

    /** Creates (no id, or an unknown id) or replaces (a known id) one rule. */
    save(input: unknown): Ack<ActionRule> {
      const checked = checkRule(input);
      if (!checked.ok) return refused(checked.issues);
      const id = checked.rule.id ?? nextRuleId(state.rules);
      const rule: ActionRule = { ...checked.rule, id };
      const index = state.rules.findIndex((r) => r.id === id);
      if (index >= 0) state.rules[index] = rule;
      else if (state.rules.length >= RULE_LIMITS.rules) return refused([issue('RULES_TOO_MANY')]);
      else state.rules.push(rule);
      return ok(clone(rule));
    },

    enable(ruleId: string, enabled: boolean): Ack<ActionRule> {
      const rule = find(ruleId);
      if (!rule) return fail('NOT_FOUND', `ruleId: no rule ${ruleId}`);
      rule.enabled = enabled;
      return ok(clone(rule));
    },

    remove(ruleId: string): Ack<{ ruleId: string }> {
      const before = state.rules.length;
      state.rules = state.rules.filter((rule) => rule.id !== ruleId);
      if (state.rules.length === before) return fail('NOT_FOUND', `ruleId: no rule ${ruleId}`);
      return ok({ ruleId });
    },

    /** All or nothing: every rule checked first; `replace` makes them the whole set. */
    import(list: readonly unknown[], mode: 'merge' | 'replace'): Ack<{ rules: number }> {
      const checked = checkRuleList(list);
      if (!checked.ok) return refused(checked.issues);
      const next = mode === 'replace' ? [] : [...state.rules];
      for (const input of checked.rules) {
        const parsed = checkRule(input);
        if (!parsed.ok) return refused(parsed.issues);
        const id = parsed.rule.id ?? nextRuleId(next);
        const rule: ActionRule = { ...parsed.rule, id };
        const index = next.findIndex((r) => r.id === id);
        if (index >= 0) next[index] = rule;
        else next.push(rule);
      }
      if (next.length > RULE_LIMITS.rules) return refused([issue('RULES_TOO_MANY')]);
      state.rules = next;
      return ok({ rules: checked.rules.length });
    },
  };
}

export type RuleBook = ReturnType<typeof createRuleBook>;
