/**
 * Actions inside the live room: real events through the ledger and the engines fire rules, the
 * queue plays on with stream time, alert actions reach the alert queue, runs reach the audit
 * log, and an exported state or a replay goes on exactly as the live room did.
 */
import { describe, expect, it } from 'vitest';
import {
  asModerator,
  asOwner,
  script,
  streakFrames,
  T0,
  viewer,
} from '../../tests/support/engine-events';
import type { ActionRuleInput } from '../protocol/actions/rule-schema';
import type { ChannelUpdate } from '../protocol/channels';
import { createLiveRoom } from './live-room';
import type { LiveRoom } from './live-room-contract';

const ana = viewer('ana');
const sub = viewer('sub', {
  roles: {
    moderator: false,
    subscriber: true,
    follower: true,
    topGifterRank: null,
    gifterLevel: null,
  },
});

function roomWith(...rules: ActionRuleInput[]): LiveRoom {
  const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
  for (const rule of rules) {
    const { ack } = room.applyCommand({ type: 'actions.saveRule', rule }, asOwner(T0));
    if (!ack.ok) throw new Error(ack.message);
  }
  return room;
}

const starts = (updates: ChannelUpdate[]) =>
  updates
    .filter((u) => u.type === 'action.start')
    .map((u) => {
      const run = u.data as { ruleName: string; action: { kind: string; text?: string } };
      return `${run.ruleName}:${run.action.text ?? run.action.kind}`;
    });

describe('live room: actions', () => {
  it('fires on a streak final count once, per upgrade on each frame, and not for a late end', () => {
    const room = roomWith(
      {
        name: 'Final',
        trigger: { kind: 'gift', gift: 'Rose', count: 'final' },
        actions: [{ kind: 'obsText', source: 'Last', text: '{nickname} ×{count}' }],
      },
      {
        name: 'Each',
        trigger: { kind: 'gift', gift: 'Rose', count: 'perUpgrade' },
        actions: [{ kind: 'obsText', source: 'Count', text: '{count}' }],
      },
    );
    const s = script();
    const out: ChannelUpdate[] = [];
    for (const frame of streakFrames(s, ana, { name: 'Rose', count: 3 })) {
      s.wait(100);
      out.push(...room.applyEvent(frame));
    }
    // The same end frame from a reconnect, and a higher late count: neither fires the final again.
    out.push(...room.applyEvent({ ...s.gift(ana, { name: 'Rose', count: 3, end: true }) }));
    out.push(...room.applyEvent(s.gift(ana, { name: 'Rose', count: 4, end: true })));
    expect(starts(out)).toEqual(['Each:1', 'Each:2', 'Each:3', 'Final:Ana ×3', 'Each:4']);
  });

  it('commits a streak that never ends after its quiet period, and fires on that count', () => {
    const room = roomWith({
      name: 'Final',
      trigger: { kind: 'gift', minCoins: 5 },
      actions: [{ kind: 'obsText', source: 'Last', text: '{gift} {coins}' }],
    });
    const s = script();
    room.applyEvent(s.gift(ana, { name: 'Rose', count: 1, end: false }));
    room.applyEvent(s.gift(ana, { name: 'Rose', count: 6, end: false }));
    expect(starts(room.advance(s.wait(10_000)))).toEqual([]);
    expect(starts(room.advance(s.wait(6_000)))).toEqual(['Final:Rose 6']);
  });

  it('takes commands by role, counts likes milestones, and fires on follows', () => {
    const room = roomWith(
      {
        name: 'Dance',
        trigger: { kind: 'command', command: '!dance', allowed: 'subscribers' },
        actions: [{ kind: 'obsScene', scene: 'Dance' }],
      },
      {
        name: 'Likes',
        trigger: { kind: 'likes', every: 1000 },
        actions: [{ kind: 'obsText', source: 'L', text: '{likes}' }],
      },
      { name: 'Follow', trigger: { kind: 'follow' }, actions: [{ kind: 'obsScene', scene: 'F' }] },
    );
    const s = script();
    const out = [
      ...room.applyEvent(s.chat(ana, '!dance')),
      ...room.applyEvent(s.chat(sub, '!dance')),
      ...room.applyEvent(s.like(ana, 15, 900)),
      ...room.applyEvent(s.like(ana, 15, 1_040)),
      ...room.applyEvent(s.follow(ana)),
    ];
    expect(starts(out)).toEqual(['Dance:obsScene', 'Likes:1000', 'Follow:obsScene']);
  });

  it('fires when a goal is reached, a poll ends and a battle is won', () => {
    const room = roomWith(
      {
        name: 'Goal',
        trigger: { kind: 'goalReached' },
        actions: [{ kind: 'obsText', source: 'G', text: '{goal}' }],
      },
      {
        name: 'Poll',
        trigger: { kind: 'pollEnded' },
        actions: [{ kind: 'obsText', source: 'P', text: '{poll}' }],
      },
      {
        name: 'Won',
        trigger: { kind: 'battle', result: 'win' },
        actions: [{ kind: 'obsText', source: 'B', text: '{result}' }],
      },
    );
    const s = script();
    const me = viewer('me');
    const rival = viewer('rival');
    const out: ChannelUpdate[] = [];
    out.push(...room.applyEvent(s.streamStart('me')));
    out.push(
      ...room.applyCommand(
        { type: 'goals.set', kind: 'follows', label: 'Two fans', target: 2, countFrom: 'now' },
        asOwner(s.now),
      ).updates,
    );
    out.push(...room.applyEvent(s.follow(ana)));
    out.push(...room.applyEvent(s.follow(sub)));
    out.push(
      ...room.applyCommand(
        { type: 'poll.start', question: 'Pets?', options: [{ label: 'Cats' }, { label: 'Dogs' }] },
        asOwner(s.now),
      ).updates,
    );
    out.push(...room.applyEvent(s.chat(ana, '1')));
    const pollId = room.snapshot(['poll']).poll?.current?.id;
    out.push(...room.applyCommand({ type: 'poll.close', pollId }, asOwner(s.wait(1000))).updates);
    out.push(
      ...room.applyEvent(
        s.battle('b1', 'start', [
          [me, null],
          [rival, null],
        ]),
      ),
    );
    out.push(
      ...room.applyEvent(
        s.battle(
          'b1',
          'end',
          [
            [me, 30],
            [rival, 10],
          ],
          me,
        ),
      ),
    );
    expect(starts(out)).toEqual(['Goal:Two fans', 'Poll:Cats', 'Won:won']);
  });

  it('shows an alert variant with the viewer, and logs every run in the audit log', () => {
    const room = roomWith({
      name: 'Sub alert',
      trigger: { kind: 'subscribe' },
      actions: [{ kind: 'alert', variant: 'gift', tier: 4 }],
    });
    const s = script();
    const out = room.applyEvent(s.subscribe(sub));
    const alerts = out.filter((u) => u.type === 'alert.upsert').map((u) => u.data);
    // The subscription's own alert, then the action's, in the look of a tier-4 gift.
    expect(alerts.map((a) => `${(a as { kind: string }).kind}`)).toEqual(['subscribe', 'gift']);
    expect(alerts[1]).toMatchObject({ tier: 4, coins: 0, user: { handle: 'sub' } });
    const audit = room.snapshot(['moderation']).moderation?.audit ?? [];
    expect(audit.map((entry) => `${entry.by}|${entry.action}|${entry.detail}`)).toEqual([
      'owner|actions.saveRule|rule "Sub alert"',
      'actions|actions.run|Sub alert: alert (gift tier 4) for Sub',
    ]);
  });

  it('lets moderators skip and clear but not edit rules unless the owner allows', () => {
    const room = roomWith({
      name: 'Clip',
      trigger: { kind: 'follow' },
      actions: [{ kind: 'clip', clipId: 'c1', seconds: 8 }],
    });
    const s = script();
    room.applyEvent(s.follow(ana));
    room.applyEvent(s.follow(sub));
    const waiting = room.snapshot(['actions']).actions?.queue[0]?.runId;
    expect(
      room.applyCommand({ type: 'actions.skip', runId: waiting }, asModerator(s.now)).ack.ok,
    ).toBe(true);
    const rule = {
      name: 'X',
      trigger: { kind: 'share' },
      actions: [{ kind: 'obsScene', scene: 'S' }],
    };
    expect(
      room.applyCommand({ type: 'actions.saveRule', rule }, asModerator(s.now)).ack,
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      room.applyCommand(
        { type: 'actions.settings', settings: { moderatorsEditRules: true } },
        asModerator(s.now),
      ).ack,
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    room.applyCommand(
      { type: 'actions.settings', settings: { moderatorsEditRules: true } },
      asOwner(s.now),
    );
    expect(room.applyCommand({ type: 'actions.saveRule', rule }, asModerator(s.now)).ack.ok).toBe(
      true,
    );
    expect(room.snapshot(['actionRules']).actionRules?.rules.map((r) => r.name)).toEqual([
      'Clip',
      'X',
    ]);
  });

  it('starts with the owner stored rules, and an exported state or a replay goes on the same', () => {
    const stored = createLiveRoom({
      streamId: 's0',
      startedAt: T0,
      actions: {
        rules: [
          {
            id: 'rule-7',
            name: 'Follow',
            enabled: true,
            trigger: { kind: 'follow' },
            cooldown: { perUserSeconds: 30, globalSeconds: 0 },
            actions: [{ kind: 'clip', clipId: 'c1', volume: 1, seconds: 5 }],
          },
        ],
        settings: {
          moderatorsEditRules: false,
          concurrency: { overlay: 1, timer: 1, obs: 1, alerts: 1 },
          maxQueue: 50,
        },
      },
    });
    const s = script();
    const events = [s.follow(ana), s.follow(sub), s.follow(viewer('cy'))];
    for (const event of events) stored.applyEvent(event);
    const restored = createLiveRoom({ streamId: 's0', startedAt: T0, state: stored.exportState() });
    const later = [T0 + 5_000, T0 + 10_000];
    const fromLive = later.map((at) => starts(stored.advance(at)));
    const fromRestored = later.map((at) => starts(restored.advance(at)));
    expect(fromLive).toEqual([['Follow:clip'], ['Follow:clip']]);
    expect(fromRestored).toEqual(fromLive);
    // The cooldown held through the restore: Ana follows again within 30 s.
    restored.applyEvent({ ...s.follow(ana), at: T0 + 11_000 });
    expect(restored.snapshot(['actions']).actions?.history.at(-1)).toMatchObject({
      outcome: 'skipped',
      reason: 'cooldown: @ana can fire it again in 19 s',
    });
  });
});
