/**
 * What the actions engine remembers so a rule fires once per thing: each likes milestone, each
 * new count of a gift streak and its final count, each goal reached, poll ended and battle
 * ended. Bounded: older streaks have long settled by the time they are forgotten.
 */
import type { ActionRule } from '../../protocol/actions/rule-schema';
import type { TriggerFact } from './trigger-facts';

/** The exported part of the engine's state this memory keeps. */
export interface FiringMemoryState {
  /** Rule id → the last likes milestone (total ÷ every) it fired for, or was set up at. */
  likeMilestones: Record<string, number>;
  /** Streak key → highest count seen, newest last (bounded): upgrades fire once per count. */
  giftCounts: Array<[string, number]>;
  /** Streak keys whose final count fired rules (bounded): never twice for one streak. */
  finals: string[];
  /** Goals reached, polls ended and battles ended already seen: each fires once. */
  seen: string[];
}

/** Streak keys remembered for upgrades and finals. */
const STREAKS_KEPT = 5_000;
const SEEN_KEPT = 500;

export function createFiringMemory(s: FiringMemoryState) {
  const giftCounts = new Map(s.giftCounts);
  const finals = new Set(s.finals);

  const firstTime = (key: string) => {
    if (s.seen.includes(key)) return false;
    s.seen.push(key);
    if (s.seen.length > SEEN_KEPT) s.seen.shift();
    return true;
  };

  /** A gift frame or commit: upgrades are new once per count, finals once per streak. */
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

  return {
    /** Whether `fact` fires rules for the first time (likes are counted by `likesCrossed`). */
    isNew(fact: TriggerFact): boolean {
      if (fact.kind === 'gift') return isNewGiftPhase(fact);
      if (fact.kind === 'goalReached') return firstTime(`goal:${fact.goalId}`);
      if (fact.kind === 'pollEnded') return firstTime(`poll:${fact.pollId}`);
      if (fact.kind === 'battle') return firstTime(`battle:${fact.battleId}`);
      return true;
    },

    /**
     * The likes rules whose next milestone the total `total` crossed, each once however far the
     * total jumped, with the milestone's likes; disabled rules move on without firing.
     */
    likesCrossed(rules: readonly ActionRule[], total: number): Array<[ActionRule, number]> {
      const crossed: Array<[ActionRule, number]> = [];
      for (const rule of rules) {
        if (rule.trigger.kind !== 'likes') continue;
        const milestone = Math.floor(total / rule.trigger.every);
        const last = s.likeMilestones[rule.id] ?? 0;
        if (milestone <= last) continue;
        s.likeMilestones[rule.id] = milestone;
        if (rule.enabled) crossed.push([rule, milestone * rule.trigger.every]);
      }
      return crossed;
    },

    /** Likes rules new to the engine start counting from the total as it is now. */
    startLikesAt(rules: readonly ActionRule[], likesTotal: number): void {
      for (const rule of rules) {
        if (rule.trigger.kind === 'likes' && s.likeMilestones[rule.id] === undefined) {
          s.likeMilestones[rule.id] = Math.floor(likesTotal / rule.trigger.every);
        }
      }
    },

    /** Writes the in-memory parts back into the state for export. */
    save(): void {
      s.giftCounts = [...giftCounts];
      s.finals = [...finals];
    },
  };
}
