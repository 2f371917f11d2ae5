/**
 * What the server emits fits the protocol's schemas (shared/protocol/wire/): a stream that
 * touches every channel — gifts, chat, likes, follows, a battle, TikTok's goal, a poll, Q&A, a
 * sponsor card, moderation, an action rule — is watched by the owner's panel, a moderator's
 * panel and an overlay, and every snapshot and update each received parses with nothing left
 * out. The overlays and the panel read with these schemas, so a field the server changes
 * without the protocol fails here rather than blanking an overlay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TypedUpdate } from '../../shared/protocol/channel-data';
import { CHANNELS } from '../../shared/protocol/channels';
import { parseSnapshot, parseUpdateBatch } from '../../shared/protocol/wire/read-wire';
import { dataOf, type EngineRoom, type Receiver, startEngineRoom } from './support/engine-room';
import { script, viewer } from './support/events';

let room: EngineRoom | null = null;
afterEach(async () => {
  await room?.stop();
  room = null;
});

/** Every increment type: each must be seen, so the test proves their schemas on real output. */
const INCREMENTS: ReadonlyArray<Exclude<TypedUpdate['type'], `${string}.state`>> = [
  'alert.upsert',
  'alert.skip',
  'chat.line',
  'chat.remove',
  'action.start',
  'action.end',
];

function readAll(receiver: Receiver) {
  const problems: string[] = [];
  const types = new Set<string>();
  for (const snapshot of receiver.watcher.snapshots) {
    const read = parseSnapshot(snapshot);
    if (!read.ok) problems.push(read.message);
    else {
      problems.push(...read.value.problems);
      expect(read.value.states.map((s) => s.channel).sort()).toEqual(
        Object.keys(snapshot.channels).sort(),
      );
      for (const state of read.value.states) types.add(state.type);
    }
  }
  for (const batch of receiver.watcher.batches) {
    const read = parseUpdateBatch(batch);
    if (!read.ok) problems.push(read.message);
    else {
      problems.push(...read.value.problems);
      expect(read.value.updates).toHaveLength(batch.updates.length);
      for (const update of read.value.updates) types.add(update.type);
    }
  }
  return { problems, types };
}

describe('the server’s output fits the protocol', () => {
  it('every snapshot and update of a stream touching every channel parses', async () => {
    room = await startEngineRoom();
    const r = room;
    const overlay = await r.overlay([
      'alerts',
      'chat',
      'poll',
      'qna',
      'sponsor',
      'goals',
      'leaderboard',
      'battle',
      'actions',
    ]);
    dataOf(
      await r.command(r.owner, {
        type: 'actions.saveRule',
        rule: {
          name: 'Welcome',
          trigger: { kind: 'follow' },
          actions: [{ kind: 'text', text: 'Welcome {nickname}!', seconds: 0.5 }],
        },
      }),
    );
    dataOf(await r.command(r.owner, { type: 'goals.set', kind: 'coins', target: 1000 }));
    dataOf(
      await r.command(r.owner, {
        type: 'poll.start',
        question: 'Cats or dogs?',
        options: [{ label: 'Cats' }, { label: 'Dogs' }],
      }),
    );
    const plan = dataOf(
      await r.command<{ id: string }>(r.owner, {
        type: 'sponsor.plan',
        kind: 'productPlacement',
        brand: 'Acme',
        product: 'Mug',
        plannedSeconds: 60,
      }),
    );
    dataOf(await r.command(r.owner, { type: 'sponsor.start', planId: plan.id }));
    dataOf(
      await r.command(r.moderator, { type: 'moderation.addWord', word: 'spoiler', action: 'mask' }),
    );

    const s = script(Date.now());
    const [ana, bo, host, rival] = ['ana', 'bo', 'host', 'rival'].map((h) => viewer(h));
    if (!ana || !bo || !host || !rival) throw new Error('viewers');
    const hello = s.chat(ana, 'hello spoiler');
    const bye = s.chat(bo, 'bye');
    await r.push(
      s.viewers(12),
      s.gift(ana, { coins: 100, count: 1, end: true }),
      hello,
      bye,
      s.chat(bo, '1'),
      s.question(bo, 'What is the next song?'),
      s.like(ana, 10, 10),
      s.follow(ana),
      s.share(bo),
      s.subscribe(ana),
      s.join(bo),
      s.emote(ana, 'e1'),
      s.battle('b1', 'start', [
        [host, null],
        [rival, null],
      ]),
      s.battle(
        'b1',
        'end',
        [
          [host, 30],
          [rival, 10],
        ],
        host,
      ),
      s.goalUpdate('tg1', 5, 100),
      s.imDelete([bye.id]),
    );
    dataOf(await r.command(r.moderator, { type: 'moderation.hideMessage', messageId: hello.id }));
    const question = await r.owner.stateWhere('qna', (q) => q.questions.length > 0, 'a question');
    const questionId = question.questions[0]?.id ?? '';
    dataOf(await r.command(r.moderator, { type: 'qna.setStatus', questionId, status: 'onScreen' }));
    dataOf(await r.command(r.owner, { type: 'alerts.test', tier: 2, kind: 'follow' }));
    dataOf(await r.command(r.owner, { type: 'alerts.skip' }));
    dataOf(await r.command(r.owner, { type: 'poll.close' }));
    dataOf(await r.command(r.owner, { type: 'sponsor.end' }));

    const seen = (type: string) => r.owner.updates().some((update) => update.type === type);
    await r.owner.watcher.until(
      () => INCREMENTS.every(seen),
      `every increment (${INCREMENTS.filter((type) => !seen(type)).join(', ')} missing)`,
    );

    for (const receiver of [r.owner, r.moderator, overlay]) {
      const { problems, types } = readAll(receiver);
      expect(problems).toEqual([]);
      expect(types.size).toBeGreaterThan(0);
    }
    // The owner's panel saw every channel's state and every increment, each read by its schema.
    const { types } = readAll(r.owner);
    expect(CHANNELS.filter((channel) => !types.has(`${channel}.state`))).toEqual([]);
    expect(INCREMENTS.filter((type) => !types.has(type))).toEqual([]);
  });
});
