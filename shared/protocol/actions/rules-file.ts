/**
 * The JSON file rules are exported to and imported from. Importing checks every rule first and
 * says what is wrong with each (codes from rule-issues.ts); nothing is imported unless all are
 * good, so a bad file never leaves half of a rule set behind.
 */
import { checkRule, issue, issueAt, type RuleIssue } from './rule-issues';
import { type ActionRule, type ActionRuleInput, RULE_LIMITS } from './rule-schema';

/** What `actions.export` writes: a marked, versioned envelope around the rules. */
export interface RulesFile {
  limelight: 'actions';
  version: 1;
  rules: ActionRuleInput[];
}

export function rulesFile(rules: readonly ActionRule[]): RulesFile {
  return { limelight: 'actions', version: 1, rules: rules.map((rule) => ({ ...rule })) };
}

export type RulesFileCheck =
  | { ok: true; rules: ActionRuleInput[] }
  | { ok: false; issues: RuleIssue[] };

/** Checks a parsed import file (or a bare array of rules): every rule, ids unique, the count. */
export function checkRulesFile(data: unknown): RulesFileCheck {
  const list = Array.isArray(data)
    ? data
    : typeof data === 'object' &&
        data !== null &&
        (data as { limelight?: unknown }).limelight === 'actions' &&
        (data as { version?: unknown }).version === 1 &&
        Array.isArray((data as { rules?: unknown }).rules)
      ? ((data as { rules: unknown[] }).rules as unknown[])
      : null;
  if (!list) return { ok: false, issues: [issue('FILE_INVALID')] };
  return checkRuleList(list);
}

/** Checks a list of rules as one import: each rule, then duplicate ids and the count. */
export function checkRuleList(list: readonly unknown[]): RulesFileCheck {
  const issues: RuleIssue[] = [];
  if (list.length > RULE_LIMITS.rules) issues.push(issue('RULES_TOO_MANY', 'rules'));
  const seen = new Set<string>();
  const rules: ActionRuleInput[] = [];
  list.forEach((item, index) => {
    const checked = checkRule(item);
    if (!checked.ok) {
      for (const found of checked.issues) issues.push(issueAt(index, found));
      return;
    }
    const id = checked.rule.id;
    if (id !== undefined) {
      if (seen.has(id)) issues.push(issueAt(index, issue('ID_DUPLICATE', 'id')));
      seen.add(id);
    }
    rules.push(item as ActionRuleInput);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules };
}
