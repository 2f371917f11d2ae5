/**
 * Control commands: validated and authorized by shared/protocol/commands, then applied to the
 * engine that owns the state. Every command that changes something goes into the audit log.
 */
import { type Ack, fail, ok } from '../protocol/ack';
import { type ControlCommand, checkCommand } from '../protocol/commands';
import { presetById } from '../revenue/revenue-model';
import type { CommandContext } from './live-room-contract';
import { endStream, moveClock } from './room-events';
import type { RoomParts, StateChannel, UpdateBatch } from './room-parts';

type Result = { ack: Ack<unknown>; dirty?: StateChannel[] };

/** Applies one command, answering with an ack; never throws on bad input. */
export function runCommand(
  p: RoomParts,
  payload: unknown,
  ctx: CommandContext,
  b: UpdateBatch,
): Ack<unknown> {
  const checked = checkCommand(payload, ctx.actor.role);
  if (!checked.ok) return fail(checked.code, checked.message);
  const command = checked.command;
  moveClock(p, ctx.at, b);
  const result = apply(p, command, ctx, b);
  if (result.ack.ok) {
    for (const channel of result.dirty ?? []) b.dirty.add(channel);
    // An output's report is logged by the actions engine when it says something failed.
    if (command.type === 'actions.outcome') return result.ack;
    p.moderation.record({
      at: p.facts.now,
      by: ctx.actor.name,
      role: ctx.actor.role,
      action: command.type,
      detail: auditDetail(command),
    });
    b.dirty.add('moderation');
  }
  return result.ack;
}

/**
 * The command's fields in a line for the audit log (without its type). A deal value is money
 * and the audit log goes to moderators' panels: it says only that a value was set.
 */
function auditDetail(command: ControlCommand): string {
  if (command.type === 'actions.saveRule') {
    const rule = command.rule as { id?: unknown; name?: unknown } | null;
    return `rule ${JSON.stringify(rule?.name ?? '')}${typeof rule?.id === 'string' ? ` (${rule.id})` : ''}`.slice(
      0,
      300,
    );
  }
  if (command.type === 'actions.importRules') {
    return `${command.rules.length} rules (${command.mode})`;
  }
  const { type: _type, ...fields } = command;
  if ('dealValueUsd' in fields && fields.dealValueUsd !== undefined) {
    (fields as Record<string, unknown>).dealValueUsd = 'set';
  }
  const text = JSON.stringify(fields);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

function apply(p: RoomParts, c: ControlCommand, ctx: CommandContext, b: UpdateBatch): Result {
  const now = p.facts.now;
  const viewers = p.metrics.state.viewers;
  const alerts = (ack: Ack<unknown>): Result => {
    b.out.push(...p.alerts.drain());
    return { ack };
  };
  switch (c.type) {
    case 'poll.start':
      return { ack: p.polls.start(c, now), dirty: ['poll'] };
    case 'poll.extend':
      return { ack: p.polls.extend(c.pollId, c.seconds, now), dirty: ['poll'] };
    case 'poll.close':
      return { ack: p.polls.close(c.pollId, now), dirty: ['poll'] };
    case 'poll.show':
    case 'poll.hide':
      return { ack: p.polls.setVisible(c.pollId, c.type === 'poll.show'), dirty: ['poll'] };

    case 'qna.setStatus':
      return { ack: p.qna.setStatus(c.questionId, c.status, ctx.actor.name, now), dirty: ['qna'] };
    case 'qna.configure':
      return { ack: ok(p.qna.configure(c.settings)), dirty: ['qna'] };

    case 'sponsor.plan':
      return { ack: p.sponsor.plan(c), dirty: ['sponsor'] };
    case 'sponsor.setDealValue':
      return { ack: p.sponsor.setDealValue(c.planId, c.dealValueUsd), dirty: ['sponsor'] };
    case 'sponsor.start':
      return { ack: p.sponsor.start(c.planId, now, viewers), dirty: ['sponsor'] };
    case 'sponsor.pause':
      return { ack: p.sponsor.pause(), dirty: ['sponsor'] };
    case 'sponsor.resume':
      return { ack: p.sponsor.resume(viewers), dirty: ['sponsor'] };
    case 'sponsor.end':
      return { ack: p.sponsor.end(now), dirty: ['sponsor'] };

    case 'goals.set': {
      const m = p.metrics.state;
      const totals = { coins: m.coins, likes: m.likes, follows: m.follows, shares: m.shares };
      return { ack: p.goals.set(c, totals[c.kind], now), dirty: ['goals'] };
    }
    case 'goals.remove':
      return { ack: p.goals.remove(c.goalId), dirty: ['goals'] };

    case 'alerts.pause':
      return alerts(p.alerts.pause());
    case 'alerts.resume':
      return alerts(p.alerts.resume(now));
    case 'alerts.skip':
      return alerts(p.alerts.skip(c.alertId, now));
    case 'alerts.replay':
      return alerts(p.alerts.replay(c.alertId, now));
    case 'alerts.test':
      return alerts(p.alerts.test(c.tier as 1 | 2 | 3 | 4 | 5, c.kind, now));
    case 'alerts.configure':
      return alerts(ok(p.alerts.configure(c.settings)));

    case 'moderation.addWord': {
      const ack = p.moderation.addWord(c.word, c.action);
      if (ack.ok) b.out.push(...p.chat.refilter());
      return { ack };
    }
    case 'moderation.removeWord':
      return { ack: p.moderation.removeWord(c.word) };
    case 'moderation.hideMessage': {
      const ack = p.moderation.hideMessage(c.messageId);
      if (ack.ok) b.out.push(...p.chat.hide(c.messageId));
      return { ack };
    }
    case 'moderation.muteViewer': {
      const ack = p.moderation.mute(c.userId, c.handle ?? '');
      if (ack.ok) b.out.push(...p.chat.muteUser(c.userId));
      return { ack, dirty: ['leaderboard'] };
    }
    case 'moderation.unmuteViewer':
      return { ack: p.moderation.unmute(c.userId), dirty: ['leaderboard'] };

    case 'stream.start':
      // The relay starts streams; a room that is asked is a stream running already.
      return { ack: fail('CONFLICT', 'this stream is running; end it first') };

    case 'stream.end':
      if (p.facts.endedAt !== null) return { ack: fail('CONFLICT', 'the stream already ended') };
      endStream(p, b);
      return { ack: ok({ endedAt: p.facts.endedAt }) };

    case 'settings.revenueModel': {
      const model = c.model ?? (c.presetId ? presetById(c.presetId) : undefined);
      if (!model) return { ack: fail('NOT_FOUND', `presetId: no preset ${c.presetId}`) };
      p.facts.revenueModel = { ...model };
      return { ack: ok(p.facts.revenueModel), dirty: ['earnings'] };
    }
    case 'actions.saveRule':
      return { ack: p.actions.saveRule(c.rule, ctx.actor.role, p.metrics.state.likes) };
    case 'actions.removeRule':
      return { ack: p.actions.removeRule(c.ruleId, ctx.actor.role, now) };
    case 'actions.enableRule':
      return { ack: p.actions.enableRule(c.ruleId, c.enabled, ctx.actor.role) };
    case 'actions.importRules':
      return {
        ack: p.actions.importRules(c.rules, c.mode, ctx.actor.role, p.metrics.state.likes),
      };
    case 'actions.settings':
      return { ack: p.actions.configure(c.settings, now) };
    case 'actions.simulate':
      return { ack: p.actions.simulate(c.ruleId, now) };
    case 'actions.skip':
      return { ack: p.actions.skip(c.runId, ctx.actor.name, now) };
    case 'actions.clear':
      return { ack: p.actions.clear(ctx.actor.name, now) };
    case 'actions.outcome':
      return { ack: p.actions.outcome(c.runId, c.ok, c.reason, now) };

    case 'settings.moderatorsSeeEarnings':
      p.facts.moderatorsSeeEarnings = c.allowed;
      return { ack: ok({ moderatorsSeeEarnings: c.allowed }), dirty: ['earnings'] };
  }
}
