/**
 * Rule cooldowns: after a rule fires, it waits `globalSeconds` before anyone can fire it again
 * and `perUserSeconds` before the same viewer can. Kept as "until" times in stream ms; expired
 * entries are swept now and then, so a stream of joins does not grow them without bound.
 */
import type { ActionRule } from '../../protocol/actions/rule-schema';

export interface CooldownState {
  /** Rule id → stream time its global cooldown ends. */
  global: Record<string, number>;
  /** Rule id → viewer id → stream time that viewer's cooldown ends. */
  perUser: Record<string, Record<string, number>>;
  sweptAt: number;
}

/** How often expired cooldowns are swept, stream ms. */
const SWEEP_EVERY_MS = 30_000;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createCooldowns(s: CooldownState) {
  return {
    /** Why the rule may not fire now for this viewer, or null when it may. */
    holds(rule: ActionRule, viewer: { id: string; handle: string } | null, now: number) {
      const user = viewer ? s.perUser[rule.id]?.[viewer.id] : undefined;
      if (viewer && user !== undefined && user > now) {
        return `cooldown: @${viewer.handle} can fire it again in ${seconds(user - now)} s`;
      }
      const global = s.global[rule.id];
      if (global !== undefined && global > now) {
        return `cooldown: ${seconds(global - now)} s left`;
      }
      return null;
    },

    /** The rule fired now: both cooldowns start. */
    start(rule: ActionRule, viewer: { id: string } | null, now: number) {
      const { globalSeconds, perUserSeconds } = rule.cooldown;
      if (globalSeconds > 0) s.global[rule.id] = now + globalSeconds * 1000;
      if (viewer && perUserSeconds > 0) {
        const users = s.perUser[rule.id] ?? {};
        users[viewer.id] = now + perUserSeconds * 1000;
        s.perUser[rule.id] = users;
      }
    },

    /** A rule changed or went: its cooldowns start over. */
    forget(ruleId: string) {
      delete s.global[ruleId];
      delete s.perUser[ruleId];
    },

    sweep(now: number) {
      if (now - s.sweptAt < SWEEP_EVERY_MS) return;
      s.sweptAt = now;
      for (const [ruleId, until] of Object.entries(s.global)) {
        if (until <= now) delete s.global[ruleId];
      }
      for (const [ruleId, users] of Object.entries(s.perUser)) {
        for (const [userId, until] of Object.entries(users)) {
          if (until <= now) delete users[userId];
        }
        if (Object.keys(users).length === 0) delete s.perUser[ruleId];
      }
    },
  };
}
