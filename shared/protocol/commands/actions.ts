/**
 * Action commands. Rules travel as `unknown` here: the actions engine checks them with
 * rule-issues.ts, so a refusal names each mistake by its code, not by a schema's wording.
 * Who may edit rules depends on the owner's setting, which the engine checks (it holds it).
 */
import { z } from 'zod';
import { actionSettingsSchema, RULE_ID, RULE_LIMITS } from '../actions/rule-schema';

const ruleId = z.string().regex(RULE_ID);
const runId = z.string().min(1).max(64);

export const actionCommandSchemas = [
  /** Creates a rule (no id) or replaces the rule with its id. */
  z.object({ type: z.literal('actions.saveRule'), rule: z.unknown() }),
  z.object({ type: z.literal('actions.removeRule'), ruleId }),
  z.object({ type: z.literal('actions.enableRule'), ruleId, enabled: z.boolean() }),
  /**
   * Rules from an export file. `merge`: rules with a known id replace it, the others are added;
   * `replace`: the imported rules become the whole set. All or nothing.
   */
  z.object({
    type: z.literal('actions.importRules'),
    rules: z.array(z.unknown()).max(RULE_LIMITS.rules * 2),
    mode: z.enum(['merge', 'replace']).default('merge'),
  }),
  /** The owner's settings: who edits rules, outputs' concurrency, the queue's length. */
  z.object({ type: z.literal('actions.settings'), settings: actionSettingsSchema.partial() }),
  /** Runs a stored rule's actions now, as if its trigger fired, with a sample viewer. */
  z.object({ type: z.literal('actions.simulate'), ruleId }),
  /** Skips a waiting or running action (the oldest waiting one without an id). */
  z.object({ type: z.literal('actions.skip'), runId: runId.optional() }),
  /** Clears every waiting action; what runs finishes. */
  z.object({ type: z.literal('actions.clear') }),
  /**
   * How an output carried out a run (OBS refused, a sound is missing). Sent by the server's own
   * outputs only; panels are refused it.
   */
  z.object({
    type: z.literal('actions.outcome'),
    runId,
    ok: z.boolean(),
    reason: z.string().max(300).nullable().default(null),
  }),
] as const;

/** Commands only the server itself sends (the relay refuses them from sockets). */
export const SERVER_ONLY_COMMANDS: ReadonlySet<string> = new Set(['actions.outcome']);
