import { describe, expect, it } from 'vitest';
import { LINK, setup, until } from '../../tests/support/panel-models';
import { pollView } from './sample-room';

describe('polls', () => {
  it('starts a poll from a draft and archives it once it closes', async () => {
    const { models, transport, store } = setup();
    await models.connection.pair(LINK);
    transport.accept('owner');
    await models.polls.start({
      question: 'Pizza or pasta?',
      options: ['Pizza', 'Pasta'],
      durationSeconds: 60,
    });
    expect(transport.sent[0]).toMatchObject({
      type: 'poll.start',
      options: [{ label: 'Pizza' }, { label: 'Pasta' }],
    });

    transport.pushSnapshot({
      streamId: 's1',
      channels: { poll: { current: pollView('running') } },
    });
    expect(models.polls.current.value?.status).toBe('running');
    transport.pushUpdates([
      { channel: 'poll', type: 'poll.state', data: { current: pollView('closed') } },
    ]);
    await until(async () => (await store.getAll('pollArchive')).length === 1);
    const [entry] = await store.getAll('pollArchive');
    expect(entry).toMatchObject({ id: 'poll-1', streamId: 's1', winners: ['1'], totalVoters: 10 });
    await until(() => models.polls.archive.value.length === 1);
  });
});

describe('Q&A and moderation', () => {
  const question = (id: string, status: 'pending' | 'answered', upvotes = 0) => ({
    id,
    text: `question ${id}?`,
    user: { id: `u-${id}`, handle: `h${id}`, nickname: `N${id}`, avatarUrl: null },
    status,
    upvotes,
    merged: 0,
    askedAt: 1,
  });

  it('sorts what needs a decision first and archives answered questions', async () => {
    const { models, transport, store } = setup();
    await models.connection.pair(LINK);
    transport.accept('moderator');
    transport.pushSnapshot({
      streamId: 's1',
      channels: {
        qna: {
          onScreen: null,
          questions: [
            question('a', 'answered'),
            question('b', 'pending', 1),
            question('c', 'pending', 5),
          ],
        },
      },
    });
    expect(models.qna.questions.value.map((q) => q.id)).toEqual(['c', 'b', 'a']);
    expect(models.qna.open.value).toHaveLength(2);
    await until(async () => (await store.getAll('qnaArchive')).length === 1);
    expect((await store.getAll('qnaArchive'))[0]).toMatchObject({
      id: 'a',
      status: 'answered',
      streamId: 's1',
    });

    await models.qna.setStatus('c', 'onScreen');
    expect(transport.sent.at(-1)).toEqual({
      type: 'qna.setStatus',
      questionId: 'c',
      status: 'onScreen',
    });
  });

  it('sends the moderation commands and shows the audit log newest first', async () => {
    const { models, transport } = setup();
    await models.connection.pair(LINK);
    transport.accept('moderator');
    await models.moderation.addWord('spoiler', 'block');
    await models.moderation.muteViewer('u-7', 'troll');
    expect(transport.sent).toEqual([
      { type: 'moderation.addWord', word: 'spoiler', action: 'block' },
      { type: 'moderation.muteViewer', userId: 'u-7', handle: 'troll' },
    ]);
    transport.pushUpdates([
      {
        channel: 'moderation',
        type: 'moderation.state',
        data: {
          words: [{ word: 'spoiler', action: 'block' }],
          mutedViewers: [{ id: 'u-7', handle: 'troll' }],
          hiddenMessageIds: ['m1'],
          audit: [
            {
              seq: 1,
              at: 1,
              by: 'moderator:x',
              role: 'moderator',
              action: 'moderation.addWord',
              detail: 'spoiler',
            },
            {
              seq: 2,
              at: 2,
              by: 'moderator:x',
              role: 'moderator',
              action: 'moderation.muteViewer',
              detail: 'troll',
            },
          ],
        },
      },
    ]);
    expect(models.moderation.audit.value.map((e) => e.seq)).toEqual([2, 1]);
    expect(models.moderation.hiddenMessageIds.value.has('m1')).toBe(true);
  });

  it('keeps alert increments between full states', () => {
    const { models, transport } = setup();
    const alert = {
      id: 'a1',
      kind: 'gift' as const,
      tier: 1 as const,
      user: { id: 'u', handle: 'h', nickname: 'N', avatarUrl: null },
      gift: { name: 'Rose', imageUrl: null, coinsPerUnit: 1 },
      count: 1,
      coins: 1,
      settled: false,
      merged: null,
      at: 1,
    };
    transport.pushUpdates([{ channel: 'alerts', type: 'alert.upsert', data: alert }]);
    transport.pushUpdates([
      { channel: 'alerts', type: 'alert.upsert', data: { ...alert, count: 5, coins: 5 } },
    ]);
    expect(models.alerts.queue.value).toHaveLength(1);
    expect(models.alerts.queue.value[0]?.count).toBe(5);
    transport.pushUpdates([{ channel: 'alerts', type: 'alert.skip', data: { id: 'a1' } }]);
    expect(models.alerts.queue.value).toHaveLength(0);
  });
});
