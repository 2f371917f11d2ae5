import { describe, expect, it } from 'vitest';
import { asModerator, asOwner, script, T0, viewer } from '../../tests/support/engine-events';
import { COMMAND_TYPES } from '../protocol/commands';
import { createLiveRoom } from './live-room';

const room = () => createLiveRoom({ streamId: 's', startedAt: T0 });

describe('control commands', () => {
  it('refuses owner-only commands to a moderator, and runs them for the owner', () => {
    const r = room();
    const change = { type: 'settings.revenueModel', presetId: 'observed-market' };
    const refused = r.applyCommand(change, asModerator(T0));
    expect(refused.ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(refused.updates).toEqual([]);
    expect(r.report().revenueModel.id).toBe('brief-20');
    expect(r.applyCommand({ type: 'stream.end' }, asModerator(T0)).ack).toMatchObject({
      code: 'FORBIDDEN',
    });

    const done = r.applyCommand(change, asOwner(T0));
    expect(done.ack.ok).toBe(true);
    expect(done.updates.map((u) => u.type)).toContain('earnings.state');
    expect(r.report().revenueModel.id).toBe('observed-market');
  });

  it("keeps the owner's moderatorsSeeEarnings setting in the earnings state and its export", () => {
    const r = room();
    const earnings = () => r.snapshot(['earnings']).earnings?.moderatorsSeeEarnings;
    expect(earnings()).toBe(false);
    const allow = { type: 'settings.moderatorsSeeEarnings', allowed: true };
    expect(r.applyCommand(allow, asModerator(T0)).ack).toMatchObject({ code: 'FORBIDDEN' });
    expect(r.applyCommand(allow, asOwner(T0)).ack).toEqual({
      ok: true,
      data: { moderatorsSeeEarnings: true },
    });
    expect(earnings()).toBe(true);
    const restored = createLiveRoom({ streamId: 's', startedAt: T0, state: r.exportState() });
    expect(restored.snapshot(['earnings']).earnings?.moderatorsSeeEarnings).toBe(true);
    const next = createLiveRoom({ streamId: 't', startedAt: T0, moderatorsSeeEarnings: true });
    expect(next.snapshot(['earnings']).earnings?.moderatorsSeeEarnings).toBe(true);
  });

  it('refuses every command to overlay and ingest tokens', () => {
    const r = room();
    for (const role of ['overlay', 'ingest'] as const) {
      const ack = r.applyCommand(
        { type: 'alerts.pause' },
        { actor: { role, name: role }, at: T0 },
      ).ack;
      expect(ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('answers bad payloads with a code and the field, and never throws', () => {
    const r = room();
    const ctx = asOwner(T0);
    const cases: Array<[unknown, string, string]> = [
      [
        { type: 'poll.start', question: 'Q', options: [{ label: 'only one' }] },
        'BAD_PAYLOAD',
        'options',
      ],
      [{ type: 'poll.extend', seconds: 'ten' }, 'BAD_PAYLOAD', 'seconds'],
      [{ type: 'qna.setStatus', questionId: 'q-1', status: 'shown' }, 'BAD_PAYLOAD', 'status'],
      [{ type: 'sponsor.plan', kind: 'banner' }, 'BAD_PAYLOAD', 'kind'],
      [{ type: 'settings.revenueModel' }, 'BAD_PAYLOAD', 'presetId'],
      [{ type: 'settings.revenueModel', presetId: 'nope' }, 'NOT_FOUND', 'presetId'],
      [{ type: 'goals.remove', goalId: 'goal-9' }, 'NOT_FOUND', 'goalId'],
      [{ type: 'qna.setStatus', questionId: 'q-9', status: 'approved' }, 'NOT_FOUND', 'questionId'],
      [{ type: 'moderation.unmuteViewer', userId: 'u-x' }, 'NOT_FOUND', 'userId'],
      [{ type: 'poll.launch' }, 'UNKNOWN_EVENT', 'poll.launch'],
      [{ no: 'type' }, 'BAD_PAYLOAD', 'type'],
    ];
    for (const [payload, code, field] of cases) {
      const { ack } = r.applyCommand(payload, ctx);
      expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, code });
      if (!ack.ok) expect(ack.message).toContain(field);
    }
    for (const garbage of [
      null,
      undefined,
      42,
      'poll.start',
      [],
      { type: 7 },
      { type: 'poll.start', options: null },
    ]) {
      expect(() => r.applyCommand(garbage, ctx)).not.toThrow();
      expect(r.applyCommand(garbage, ctx).ack.ok).toBe(false);
    }
  });

  it('knows every command type exactly once', () => {
    expect(new Set(COMMAND_TYPES).size).toBe(COMMAND_TYPES.length);
    expect(COMMAND_TYPES).toContain('moderation.muteViewer');
  });

  it('records who did what and when in the audit log', () => {
    const r = room();
    const s = script();
    r.applyCommand({ type: 'alerts.pause' }, asModerator(s.wait(1000), 'mod:kim'));
    r.applyCommand(
      { type: 'moderation.muteViewer', userId: 'u-troll', handle: 'troll' },
      asModerator(s.wait(1000)),
    );
    r.applyCommand({ type: 'alerts.pause' }, asModerator(s.wait(1000)));
    const audit = r.snapshot(['moderation']).moderation!.audit;
    expect(audit.map((e) => [e.by, e.action, e.at])).toEqual([
      ['mod:kim', 'alerts.pause', T0 + 1000],
      ['mod:alex', 'moderation.muteViewer', T0 + 2000],
    ]);
    expect(audit[1]?.detail).toContain('u-troll');
  });

  it('ends the stream for the owner: open streaks commit once', () => {
    const r = room();
    const s = script();
    r.applyEvent(s.gift(viewer('a'), { coins: 5, count: 4, end: false }));
    expect(r.applyCommand({ type: 'stream.end' }, asOwner(s.wait(1000))).ack.ok).toBe(true);
    expect(r.applyCommand({ type: 'stream.end' }, asOwner(s.wait(1000))).ack).toMatchObject({
      code: 'CONFLICT',
    });
    expect(r.report()).toMatchObject({ coins: 20, endedAt: T0 + 1000 });
  });
});
