/**
 * The actions engine on a fake clock: stream time is whatever the test says, so triggers,
 * cooldowns and the queue are checked to the millisecond without waiting.
 */
import { describe, expect, it } from 'vitest';
import type { ActionRuleInput } from '../../protocol/actions/rule-schema';
import { type ActionEngine, createActionEngine } from './action-engine';
import type { TriggerFact } from './trigger-facts';

const T0 = 1_765_000_000_000;
const ana = { id: 'u-ana', handle: 'ana', nickname: 'Ana', avatarUrl: null };
const bo = { id: 'u-bo', handle: 'bo', nickname: 'Bo', avatarUrl: null };
const noRoles = {
  moderator: false,
  subscriber: false,
  follower: false,
  topGifterRank: null,
  gifterLevel: null,
};

function engineWith(...rules: ActionRuleInput[]): ActionEngine {
  const engine = createActionEngine();
  for (const rule of rules) {
    const ack = engine.saveRule(rule, 'owner', 0);
    if (!ack.ok) throw new Error(ack.message);
  }
  engine.drain();
  return engine;
}

const text = (words: string, seconds = 5) => ({ kind: 'text' as const, text: words, seconds });
const follow = (viewer = ana): TriggerFact => ({ kind: 'follow', viewer });
const chat = (line: string, roles = noRoles, viewer = ana): TriggerFact => ({
  kind: 'chat',
  viewer,
  roles,
  text: line,
});

/** The texts of the runs that started since the last drain. */
const startedTexts = (engine: ActionEngine) =>
  engine
    .drain()
    .started.map((run) => (run.action.kind === 'text' ? run.action.text : run.action.kind));

describe('actions engine: triggers', () => {
  it('fills viewer fields into texts as plain text', () => {
    const engine = engineWith({
      name: 'Thanks',
      trigger: { kind: 'follow' },
      actions: [text('Thanks {nickname} (@{handle})! <b>{rule}</b>')],
    });
    engine.observe(follow({ ...ana, nickname: '<img src=x>' }), T0);
    expect(startedTexts(engine)).toEqual(['Thanks <img src=x> (@ana)! <b>Thanks</b>']);
  });

  it('fires a gift rule once on the streak final count, never again for that streak', () => {
    const engine = engineWith({
      name: 'Roses',
      trigger: { kind: 'gift', gift: 'rose', count: 'final' },
      actions: [text('{nickname} ×{count} = {coins}')],
    });
    const frame = (phase: 'upgrade' | 'final', count: number, key = 'k1') =>
      engine.observe(
        { kind: 'gift', phase, key, viewer: ana, gift: 'Rose', count, coins: count },
        T0 + count,
      );
    frame('upgrade', 1);
    frame('upgrade', 5);
    expect(engine.drain().started).toEqual([]);
    frame('final', 12);
    frame('final', 12);
    frame('final', 14);
    expect(startedTexts(engine)).toEqual(['Ana ×12 = 12']);
    frame('final', 3, 'k2');
    expect(startedTexts(engine)).toEqual([]); // queued: the overlay is busy with the first
  });

  it('fires per upgrade once per new count, and coins ≥ N only from N on', () => {
    const engine = engineWith(
      {
        name: 'Each rose',
        trigger: { kind: 'gift', gift: 'Rose', count: 'perUpgrade' },
        actions: [{ kind: 'obsText', source: 'Last', text: '{count}' }],
      },
      {
        name: 'Big',
        trigger: { kind: 'gift', minCoins: 10, count: 'perUpgrade' },
        actions: [{ kind: 'obsText', source: 'Big', text: '{coins}' }],
      },
    );
    const frame = (count: number) =>
      engine.observe(
        {
          kind: 'gift',
          phase: 'upgrade',
          key: 'k1',
          viewer: ana,
          gift: 'Rose',
          count,
          coins: count,
        },
        T0,
      );
    for (const count of [1, 1, 3, 2, 12]) frame(count);
    const texts = engine
      .drain()
      .started.map(
        (run) => `${run.ruleName}:${run.action.kind === 'obsText' ? run.action.text : ''}`,
      );
    expect(texts).toEqual(['Each rose:1', 'Each rose:3', 'Each rose:12', 'Big:12']);
  });

  it('takes a chat command only from the viewers it is for, and says why it did not', () => {
    const engine = engineWith({
      name: 'Dance',
      trigger: { kind: 'command', command: '!Dance', allowed: 'subscribers' },
      actions: [text('{nickname} says {message}', 1)],
    });
    engine.observe(chat('!dance please'), T0);
    engine.observe(chat('!dancer'), T0);
    engine.observe(chat('!DANCE now', { ...noRoles, subscriber: true }), T0 + 10);
    engine.observe(chat('!dance', { ...noRoles, moderator: true }, bo), T0 + 2_000);
    const changes = engine.drain();
    expect(changes.started.map((run) => run.viewer?.handle)).toEqual(['ana', 'bo']);
    expect(changes.started[0]?.action).toMatchObject({ text: 'Ana says now' });
    expect(engine.view().history[0]).toMatchObject({
      outcome: 'skipped',
      viewer: 'Ana',
      reason: '!dance is for subscribers only',
    });
  });

  it('fires a likes milestone once per step crossed, from the total when the rule was made', () => {
    const engine = createActionEngine();
    engine.saveRule(
      {
        name: 'Likes',
        trigger: { kind: 'likes', every: 1000 },
        actions: [text('{likes} likes!', 1)],
      },
      'owner',
      1_500,
    );
    engine.drain();
    engine.observe({ kind: 'likes', total: 1_900 }, T0);
    expect(startedTexts(engine)).toEqual([]);
    engine.observe({ kind: 'likes', total: 2_100 }, T0 + 1);
    engine.observe({ kind: 'likes', total: 2_400 }, T0 + 2);
    // A jump over several steps fires once, for the step reached.
    engine.observe({ kind: 'likes', total: 5_200 }, T0 + 5_000);
    const runs = engine.drain().started.map((run) => run.values.likes);
    expect(runs).toEqual(['2000', '5000']);
  });

  it('fires goal, poll and battle triggers once each', () => {
    const engine = engineWith(
      {
        name: 'Goal',
        trigger: { kind: 'goalReached' },
        actions: [{ kind: 'obsScene', scene: 'Party' }],
      },
      {
        name: 'Poll',
        trigger: { kind: 'pollEnded' },
        actions: [{ kind: 'obsText', source: 'P', text: '{poll}' }],
      },
      {
        name: 'Won',
        trigger: { kind: 'battle', result: 'win' },
        actions: [{ kind: 'obsScene', scene: 'Won' }],
      },
      {
        name: 'Lost',
        trigger: { kind: 'battle', result: 'lose' },
        actions: [{ kind: 'obsScene', scene: 'Lost' }],
      },
    );
    for (let i = 0; i < 2; i += 1) {
      engine.observe({ kind: 'goalReached', goalId: 'g1', label: 'Mic' }, T0);
      engine.observe({ kind: 'pollEnded', pollId: 'p1', winners: 'Cats' }, T0);
      engine.observe({ kind: 'battle', battleId: 'b1', result: 'lose' }, T0);
    }
    expect(engine.drain().started.map((run) => run.ruleName)).toEqual(['Goal', 'Poll', 'Lost']);
  });

  it('ignores disabled rules and skips muted viewers with the reason', () => {
    const engine = createActionEngine(undefined, undefined, { isMuted: (id) => id === bo.id });
    engine.saveRule(
      { name: 'Hi', trigger: { kind: 'join' }, actions: [text('hi', 1)] },
      'owner',
      0,
    );
    engine.saveRule(
      { name: 'Off', enabled: false, trigger: { kind: 'join' }, actions: [text('off', 1)] },
      'owner',
      0,
    );
    engine.drain();
    engine.observe({ kind: 'join', viewer: bo }, T0);
    expect(startedTexts(engine)).toEqual([]);
    expect(engine.view().history).toEqual([
      expect.objectContaining({
        ruleName: 'Hi',
        outcome: 'skipped',
        reason: 'the viewer is muted',
      }),
    ]);
  });
});

describe('actions engine: cooldowns', () => {
  const cooled = () =>
    engineWith({
      name: 'Follow',
      trigger: { kind: 'follow' },
      cooldown: { perUserSeconds: 60, globalSeconds: 10 },
      actions: [{ kind: 'obsScene', scene: 'Thanks' }],
    });

  it('holds the global cooldown for everyone and the per-user one for the viewer', () => {
    const engine = cooled();
    engine.observe(follow(ana), T0);
    engine.observe(follow(bo), T0 + 9_999);
    engine.observe(follow(bo), T0 + 10_000);
    engine.observe(follow(ana), T0 + 30_000);
    engine.observe(follow(ana), T0 + 60_000);
    const changes = engine.drain();
    expect(changes.started.map((run) => [run.viewer?.handle, run.firedAt - T0])).toEqual([
      ['ana', 0],
      ['bo', 10_000],
      ['ana', 60_000],
    ]);
    const skipped = engine.view().history.filter((r) => r.outcome === 'skipped');
    expect(skipped.map((r) => r.reason)).toEqual([
      'cooldown: 1 s left',
      'cooldown: @ana can fire it again in 30 s',
    ]);
  });

  it('lets simulate run through a cooldown without starting one', () => {
    const engine = cooled();
    const rule = engine.rulesView().rules[0]!;
    engine.observe(follow(ana), T0);
    expect(engine.simulate(rule.id, T0 + 1).ok).toBe(true);
    engine.observe(follow(bo), T0 + 10_000);
    const started = engine.drain().started;
    expect(started.map((run) => [run.simulated, run.viewer?.handle])).toEqual([
      [false, 'ana'],
      [true, 'sample_viewer'],
      [false, 'bo'],
    ]);
  });

  it('keeps cooldowns through an exported state', () => {
    const engine = cooled();
    engine.observe(follow(ana), T0);
    const restored = createActionEngine(engine.exportState());
    restored.observe(follow(bo), T0 + 5_000);
    restored.observe(follow(bo), T0 + 11_000);
    expect(restored.drain().started.map((run) => run.firedAt - T0)).toEqual([11_000]);
  });
});

describe('actions engine: queue', () => {
  const overlay = () =>
    engineWith({
      name: 'Clip',
      trigger: { kind: 'follow' },
      actions: [
        { kind: 'clip', clipId: 'c1', seconds: 4 },
        { kind: 'obsSource', scene: 'Main', source: 'Cam', seconds: 2 },
      ],
    });

  it('runs in order, at most N at a time per output, each holding its seconds', () => {
    const engine = overlay();
    engine.observe(follow(ana), T0);
    engine.observe(follow(bo), T0 + 1);
    const first = engine.drain();
    expect(first.started.map((run) => `${run.action.kind}:${run.viewer?.handle}`)).toEqual([
      'clip:ana',
      'obsSource:ana',
    ]);
    expect(engine.view().queue.map((run) => run.action.kind)).toEqual(['clip', 'obsSource']);
    engine.tick(T0 + 1_999);
    expect(engine.drain().started).toEqual([]);
    engine.tick(T0 + 2_000);
    expect(
      engine.drain().started.map((run) => `${run.action.kind}:${run.startedAt! - T0}`),
    ).toEqual(['obsSource:2000']);
    engine.tick(T0 + 4_000);
    const later = engine.drain();
    expect(later.started.map((run) => run.action.kind)).toEqual(['clip']);
    expect(later.updates.map((u) => u.type)).toEqual(['action.end', 'action.end', 'action.start']);
    expect(engine.view().history.map((r) => `${r.actionKind}:${r.viewer}:${r.outcome}`)).toEqual([
      'obsSource:Ana:done',
      'clip:Ana:done',
      'obsSource:Bo:done',
    ]);
  });

  it('runs two at a time when the owner allows it', () => {
    const engine = overlay();
    engine.configure({ concurrency: { overlay: 2, timer: 1, obs: 1, alerts: 1 } }, T0);
    engine.observe(follow(ana), T0);
    engine.observe(follow(bo), T0);
    expect(engine.view().running.map((run) => run.action.kind)).toEqual([
      'clip',
      'obsSource',
      'clip',
    ]);
  });

  it('lets a moderator skip what waits or runs, and clear the queue', () => {
    const engine = overlay();
    engine.configure({ maxQueue: 3 }, T0);
    for (const viewer of [ana, bo, { ...bo, id: 'u-cy', handle: 'cy' }]) {
      engine.observe(follow(viewer), T0);
    }
    // The first viewer's actions run; three wait; the third viewer's second found no room.
    expect(engine.view().queue).toHaveLength(3);
    expect(engine.view().history.at(-1)).toMatchObject({
      outcome: 'skipped',
      reason: 'the queue is full',
    });
    const running = engine.view().running.find((run) => run.output === 'overlay')!;
    expect(engine.skip(running.runId, 'mod:kim', T0 + 100).ok).toBe(true);
    // The next clip took the overlay at once.
    expect(engine.view().running.find((run) => run.output === 'overlay')?.viewer?.handle).toBe(
      'bo',
    );
    expect(engine.clear('mod:kim', T0 + 200)).toEqual({ ok: true, data: { cleared: 2 } });
    expect(engine.view().queue).toEqual([]);
    expect(engine.view().history.map((r) => `${r.outcome}:${r.reason}`)).toEqual([
      'skipped:the queue is full',
      'skipped:stopped by mod:kim',
      'cleared:cleared by mod:kim',
      'cleared:cleared by mod:kim',
    ]);
    expect(engine.skip('run-999', 'mod:kim', T0).ok).toBe(false);
  });

  it('ends a run its output failed, and lets the next one start', () => {
    const engine = overlay();
    engine.observe(follow(ana), T0);
    engine.observe(follow(bo), T0);
    const source = engine.view().running.find((run) => run.action.kind === 'obsSource')!;
    engine.drain();
    expect(engine.outcome(source.runId, false, 'OBS: no source "Cam"', T0 + 10).ok).toBe(true);
    const changes = engine.drain();
    expect(changes.ended).toEqual([
      expect.objectContaining({ outcome: 'failed', reason: 'OBS: no source "Cam"' }),
    ]);
    expect(changes.started.map((run) => `${run.action.kind}:${run.viewer?.handle}`)).toEqual([
      'obsSource:bo',
    ]);
  });

  it('keeps what waits and runs through an exported state, and goes on from there', () => {
    const engine = overlay();
    engine.observe(follow(ana), T0);
    engine.observe(follow(bo), T0);
    engine.drain();
    const restored = createActionEngine(engine.exportState());
    expect(restored.view()).toEqual(engine.view());
    restored.tick(T0 + 4_000);
    engine.tick(T0 + 4_000);
    expect(restored.drain().updates).toEqual(engine.drain().updates);
  });
});

describe('actions engine: rules', () => {
  it('refuses a rule with every mistake named by its code, and keeps the set', () => {
    const engine = engineWith({ name: 'Keep', trigger: { kind: 'share' }, actions: [text('x')] });
    const ack = engine.saveRule(
      {
        name: '',
        trigger: { kind: 'command', command: 'dance' },
        cooldown: { perUserSeconds: -1 },
        actions: [{ kind: 'text', text: 'hi {bogus}' }, { kind: 'obsScene' }],
      },
      'owner',
      0,
    );
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.code).toBe('BAD_PAYLOAD');
    for (const code of [
      'NAME_INVALID at name',
      'COMMAND_INVALID at trigger.command',
      'COOLDOWN_INVALID at cooldown.perUserSeconds',
      'TEMPLATE_FIELD_UNKNOWN at actions.0.text',
      'SCENE_REQUIRED at actions.1.scene',
    ]) {
      expect(ack.message).toContain(code);
    }
    expect(engine.rulesView().rules.map((rule) => rule.name)).toEqual(['Keep']);
  });

  it('gives new rules ids, replaces by id, and lets moderators edit only when allowed', () => {
    const engine = createActionEngine();
    const first = engine.saveRule(
      { name: 'A', trigger: { kind: 'share' }, actions: [text('a')] },
      'owner',
      0,
    );
    expect(first).toMatchObject({ ok: true, data: { id: 'rule-1', enabled: true } });
    const byMod = engine.saveRule(
      { name: 'B', trigger: { kind: 'share' }, actions: [text('b')] },
      'moderator',
      0,
    );
    expect(byMod).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    engine.configure({ moderatorsEditRules: true }, T0);
    const replaced = engine.saveRule(
      { id: 'rule-1', name: 'A2', trigger: { kind: 'share' }, actions: [text('a')] },
      'moderator',
      0,
    );
    expect(replaced.ok).toBe(true);
    expect(engine.rulesView().rules.map((rule) => `${rule.id}:${rule.name}`)).toEqual([
      'rule-1:A2',
    ]);
  });

  it('imports all or nothing', () => {
    const engine = engineWith({ name: 'Old', trigger: { kind: 'share' }, actions: [text('x')] });
    const good = { id: 'shout', name: 'Shout', trigger: { kind: 'follow' }, actions: [text('y')] };
    const bad = { name: 'Bad', trigger: { kind: 'teleport' }, actions: [] };
    const refused = engine.importRules([good, bad], 'replace', 'owner', 0);
    expect(refused).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
    if (!refused.ok) {
      expect(refused.message).toContain('TRIGGER_UNKNOWN at rules.1.trigger.kind');
      expect(refused.message).toContain('ACTIONS_EMPTY at rules.1.actions');
    }
    expect(engine.rulesView().rules.map((rule) => rule.name)).toEqual(['Old']);
    expect(engine.importRules([good, good], 'merge', 'owner', 0)).toMatchObject({ ok: false });
    expect(engine.importRules([good], 'merge', 'owner', 0).ok).toBe(true);
    expect(engine.rulesView().rules.map((rule) => rule.id)).toEqual(['rule-1', 'shout']);
    expect(engine.importRules([good], 'replace', 'owner', 0).ok).toBe(true);
    expect(engine.rulesView().rules.map((rule) => rule.id)).toEqual(['shout']);
  });

  it('stops what a removed rule left waiting', () => {
    const engine = engineWith({
      name: 'Clip',
      trigger: { kind: 'follow' },
      actions: [{ kind: 'clip', clipId: 'c', seconds: 5 }],
    });
    engine.observe(follow(ana), T0);
    engine.observe(follow(bo), T0);
    expect(engine.removeRule('rule-1', 'owner', T0 + 1).ok).toBe(true);
    expect(engine.view().queue).toEqual([]);
    expect(engine.view().history.at(-1)).toMatchObject({ reason: 'its rule was removed' });
  });
});
