/**
 * The rule editor's vocabulary: a starting value for each trigger and action kind, their names
 * in the panel, and a rule's trigger in words. A draft is a rule as typed, possibly wrong; the
 * shared checks (rule-issues.ts) say what is wrong with it.
 */
import type {
  ActionKind,
  ActionRule,
  ActionTrigger,
  TriggerKind,
} from '../../../shared/protocol/actions/rule-schema';

/** A rule being edited: the shape of a rule, with any values the streamer typed. */
export interface RuleDraft {
  id?: string;
  name: string;
  enabled: boolean;
  trigger: Record<string, unknown> & { kind: string };
  cooldown: { perUserSeconds: unknown; globalSeconds: unknown };
  actions: Array<Record<string, unknown> & { kind: string }>;
}

export const TRIGGER_CHOICES: Array<{
  kind: TriggerKind;
  label: string;
  start: () => RuleDraft['trigger'];
}> = [
  {
    kind: 'gift',
    label: 'Gift',
    start: () => ({ kind: 'gift', gift: 'Rose', minCoins: 0, count: 'final' }),
  },
  { kind: 'follow', label: 'Follow', start: () => ({ kind: 'follow' }) },
  { kind: 'share', label: 'Share', start: () => ({ kind: 'share' }) },
  { kind: 'subscribe', label: 'Subscription', start: () => ({ kind: 'subscribe' }) },
  { kind: 'join', label: 'Viewer joins', start: () => ({ kind: 'join' }) },
  { kind: 'likes', label: 'Likes milestone', start: () => ({ kind: 'likes', every: 1000 }) },
  {
    kind: 'command',
    label: 'Chat command',
    start: () => ({ kind: 'command', command: '!dance', allowed: 'everyone' }),
  },
  {
    kind: 'goalReached',
    label: 'Goal reached',
    start: () => ({ kind: 'goalReached', goalId: null }),
  },
  { kind: 'pollEnded', label: 'Poll ended', start: () => ({ kind: 'pollEnded' }) },
  { kind: 'battle', label: 'Battle result', start: () => ({ kind: 'battle', result: 'win' }) },
];

export const ACTION_CHOICES: Array<{
  kind: ActionKind;
  label: string;
  start: () => RuleDraft['actions'][number];
}> = [
  {
    kind: 'sound',
    label: 'Play a sound',
    start: () => ({ kind: 'sound', soundId: '', volume: 1, seconds: 3 }),
  },
  {
    kind: 'clip',
    label: 'Play a video clip',
    start: () => ({ kind: 'clip', clipId: '', volume: 1, seconds: 10 }),
  },
  {
    kind: 'alert',
    label: 'Show an alert',
    start: () => ({ kind: 'alert', variant: 'gift', tier: 3 }),
  },
  {
    kind: 'text',
    label: 'Show a text',
    start: () => ({ kind: 'text', text: 'Thank you {nickname}!', seconds: 5 }),
  },
  {
    kind: 'timer',
    label: 'Start a timer',
    start: () => ({ kind: 'timer', label: 'Countdown', seconds: 60, direction: 'down' }),
  },
  { kind: 'obsScene', label: 'OBS: switch scene', start: () => ({ kind: 'obsScene', scene: '' }) },
  {
    kind: 'obsSource',
    label: 'OBS: show a source',
    start: () => ({ kind: 'obsSource', scene: '', source: '', seconds: 5 }),
  },
  {
    kind: 'obsText',
    label: 'OBS: set a text',
    start: () => ({ kind: 'obsText', source: '', text: '{nickname}' }),
  },
];

export function newDraft(): RuleDraft {
  return {
    name: '',
    enabled: true,
    trigger: TRIGGER_CHOICES[0]!.start(),
    cooldown: { perUserSeconds: 0, globalSeconds: 0 },
    actions: [ACTION_CHOICES[3]!.start()],
  };
}

/** A stored rule opened for editing. */
export function draftOf(rule: ActionRule): RuleDraft {
  return structuredClone(rule) as unknown as RuleDraft;
}

/** The trigger in a few words, for the rule list. */
export function describeTrigger(trigger: ActionTrigger): string {
  switch (trigger.kind) {
    case 'gift': {
      const what = trigger.gift ?? 'any gift';
      const coins = trigger.minCoins > 0 ? ` worth ≥ ${trigger.minCoins} coins` : '';
      return `${what}${coins}, ${trigger.count === 'final' ? 'on the final count' : 'on each upgrade'}`;
    }
    case 'likes':
      return `every ${trigger.every.toLocaleString('en-US')} likes`;
    case 'command':
      return `${trigger.command} (${trigger.allowed})`;
    case 'goalReached':
      return trigger.goalId ? `goal ${trigger.goalId} reached` : 'any goal reached';
    case 'battle':
      return `battle ${{ win: 'won', lose: 'lost', draw: 'drawn' }[trigger.result]}`;
    default:
      return TRIGGER_CHOICES.find((choice) => choice.kind === trigger.kind)?.label ?? trigger.kind;
  }
}
