import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, checkCommand, requiredRole } from './index';

/** A valid example of every command, so the role matrix covers them all. */
const EXAMPLES: Record<string, Record<string, unknown>> = {
  'poll.start': { question: 'Q?', options: [{ label: 'a' }, { label: 'b' }] },
  'poll.extend': { seconds: 30 },
  'qna.setStatus': { questionId: 'q-1', status: 'approved' },
  'qna.configure': { settings: { minWords: 2 } },
  'sponsor.plan': { kind: 'productPlacement', brand: 'B', product: 'P', plannedSeconds: 60 },
  'sponsor.setDealValue': { planId: 'deal-1', dealValueUsd: 100 },
  'sponsor.start': { planId: 'deal-1' },
  'goals.set': { kind: 'likes', target: 100 },
  'goals.remove': { goalId: 'goal-1' },
  'alerts.replay': { alertId: 'alert-1' },
  'alerts.configure': { settings: { stormThreshold: 30 } },
  'moderation.addWord': { word: 'x' },
  'moderation.removeWord': { word: 'x' },
  'moderation.hideMessage': { messageId: 'm1' },
  'moderation.muteViewer': { userId: 'u1' },
  'moderation.unmuteViewer': { userId: 'u1' },
  'settings.revenueModel': { presetId: 'brief-20' },
  'settings.moderatorsSeeEarnings': { allowed: true },
  'actions.saveRule': { rule: { name: 'r' } },
  'actions.removeRule': { ruleId: 'rule-1' },
  'actions.enableRule': { ruleId: 'rule-1', enabled: false },
  'actions.importRules': { rules: [] },
  'actions.settings': { settings: { maxQueue: 10 } },
  'actions.simulate': { ruleId: 'rule-1' },
  'actions.outcome': { runId: 'run-1', ok: false },
};

const OWNER_ONLY = [
  'settings.revenueModel',
  'settings.moderatorsSeeEarnings',
  'sponsor.setDealValue',
  'stream.start',
  'stream.end',
  'actions.settings',
];

describe('control commands', () => {
  it('lets moderators run everything but money and the stream start and end; the owner runs all', () => {
    for (const type of COMMAND_TYPES) {
      const payload = { type, ...EXAMPLES[type] };
      const asOwner = checkCommand(payload, 'owner');
      expect(asOwner, type).toMatchObject({ ok: true });
      const asModerator = checkCommand(payload, 'moderator');
      expect(asModerator.ok, type).toBe(!OWNER_ONLY.includes(type));
      if (asOwner.ok)
        expect(requiredRole(asOwner.command)).toBe(
          OWNER_ONLY.includes(type) ? 'owner' : 'moderator',
        );
    }
  });

  it('treats a sponsor plan with a deal value as money', () => {
    const plan = { type: 'sponsor.plan', ...EXAMPLES['sponsor.plan'], dealValueUsd: 500 };
    expect(checkCommand(plan, 'moderator')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkCommand(plan, 'owner')).toMatchObject({ ok: true });
  });

  it('names every bad field and strips unknown ones', () => {
    const bad = checkCommand({ type: 'goals.set', kind: 'hugs', target: -1 }, 'owner');
    expect(bad).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
    if (!bad.ok) {
      expect(bad.message).toContain('kind');
      expect(bad.message).toContain('target');
    }
    const extra = checkCommand({ type: 'alerts.pause', sneaky: '<script>' }, 'moderator');
    expect(extra).toEqual({ ok: true, command: { type: 'alerts.pause' } });
  });

  it('refuses duplicate poll keywords and unsafe logo URLs', () => {
    const keywords = checkCommand(
      {
        type: 'poll.start',
        question: 'Q',
        voteBy: 'keyword',
        options: [{ label: 'Cat' }, { label: 'cat' }],
      },
      'owner',
    );
    expect(keywords).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
    const logo = checkCommand(
      { type: 'sponsor.plan', ...EXAMPLES['sponsor.plan'], logoUrl: 'javascript:alert(1)' },
      'owner',
    );
    expect(logo).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
    if (!logo.ok) expect(logo.message).toContain('logoUrl');
  });
});
