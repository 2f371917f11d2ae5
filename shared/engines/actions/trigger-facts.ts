/**
 * What happened on stream, as the actions engine hears it (the live room turns events, ledger
 * commits and engine views into these), and which rules a happening fires.
 */

import type { UserRoles } from '../../events/user';
import type { ActionRule } from '../../protocol/actions/rule-schema';
import type { CommandAudience } from '../../protocol/actions/rule-words';
import type { TemplateValues } from '../../protocol/actions/templates';
import type { ViewerBadge } from '../../protocol/channel-data';

/** A gift streak frame or commit, as far as rules care. */
export interface GiftFact {
  kind: 'gift';
  /** `upgrade`: a frame that raised the streak's count; `final`: the streak committed. */
  phase: 'upgrade' | 'final';
  /** The ledger's streak key: one streak, whatever its frames. */
  key: string;
  viewer: ViewerBadge;
  gift: string;
  count: number;
  /** count × the gift's price. */
  coins: number;
}

export type TriggerFact =
  | GiftFact
  | { kind: 'follow' | 'share' | 'subscribe' | 'join'; viewer: ViewerBadge }
  | { kind: 'chat'; viewer: ViewerBadge; roles: UserRoles; text: string }
  /** The room's like total moved. */
  | { kind: 'likes'; total: number }
  | { kind: 'goalReached'; goalId: string; label: string }
  | { kind: 'pollEnded'; pollId: string; winners: string }
  | { kind: 'battle'; battleId: string; result: 'win' | 'lose' | 'draw' };

/** A rule this fact fires: who fired it and the fields its texts are filled with. */
export interface Firing {
  viewer: ViewerBadge | null;
  values: TemplateValues;
}

/** Why a chat command was not taken from this viewer, or null when it may. */
export function audienceRefusal(allowed: CommandAudience, roles: UserRoles): string | null {
  switch (allowed) {
    case 'everyone':
      return null;
    case 'followers':
      return roles.follower || roles.subscriber || roles.moderator ? null : 'followers only';
    case 'subscribers':
      return roles.subscriber || roles.moderator ? null : 'subscribers only';
    case 'moderators':
      return roles.moderator ? null : 'moderators only';
  }
}

const viewerValues = (viewer: ViewerBadge): TemplateValues => ({
  nickname: viewer.nickname,
  handle: viewer.handle,
});

/** The chat command word of a line (`!Dance now` → `!dance`) and what follows it. */
export function commandOf(text: string): { word: string; rest: string } | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('!')) return null;
  const space = trimmed.search(/\s/);
  const word = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  return { word, rest: space < 0 ? '' : trimmed.slice(space).trim() };
}

const sameGift = (wanted: string | null, gift: string) =>
  wanted === null || wanted.toLowerCase() === gift.toLowerCase();

/**
 * Whether `rule`'s trigger matches `fact`: a firing, a refusal to note (a command from a
 * viewer it is not for), or null (not this rule's business). Likes milestones are counted by
 * the engine, which keeps each rule's last milestone.
 */
export function matchRule(
  rule: ActionRule,
  fact: Exclude<TriggerFact, { kind: 'likes' }>,
): Firing | { refused: string; viewer: ViewerBadge } | null {
  const t = rule.trigger;
  switch (fact.kind) {
    case 'gift': {
      if (t.kind !== 'gift') return null;
      const phase = t.count === 'final' ? 'final' : 'upgrade';
      if (fact.phase !== phase || !sameGift(t.gift, fact.gift) || fact.coins < t.minCoins) {
        return null;
      }
      return {
        viewer: fact.viewer,
        values: {
          ...viewerValues(fact.viewer),
          gift: fact.gift,
          count: String(fact.count),
          coins: String(fact.coins),
        },
      };
    }
    case 'follow':
    case 'share':
    case 'subscribe':
    case 'join':
      return t.kind === fact.kind
        ? { viewer: fact.viewer, values: viewerValues(fact.viewer) }
        : null;
    case 'chat': {
      if (t.kind !== 'command') return null;
      const command = commandOf(fact.text);
      if (!command || command.word !== t.command) return null;
      const refused = audienceRefusal(t.allowed, fact.roles);
      if (refused) return { refused: `${t.command} is for ${refused}`, viewer: fact.viewer };
      return {
        viewer: fact.viewer,
        values: { ...viewerValues(fact.viewer), message: command.rest },
      };
    }
    case 'goalReached':
      if (t.kind !== 'goalReached' || (t.goalId !== null && t.goalId !== fact.goalId)) return null;
      return { viewer: null, values: { goal: fact.label } };
    case 'pollEnded':
      return t.kind === 'pollEnded' ? { viewer: null, values: { poll: fact.winners } } : null;
    case 'battle':
      if (t.kind !== 'battle' || t.result !== fact.result) return null;
      return { viewer: null, values: { result: RESULT_WORDS[fact.result] } };
  }
}

const RESULT_WORDS = { win: 'won', lose: 'lost', draw: 'draw' } as const;
