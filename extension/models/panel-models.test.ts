import { describe, expect, it } from 'vitest';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import { createMemoryStore } from '../storage/memory-store';
import { createMemoryTransport } from '../transport/memory-transport';
import { createPanelModels } from './panel-models';
import { summaryFromLive } from './stream-summary';
import { earningsState, metricsState, pollView, sponsorCard } from './test-room';

const LINK = 'http://127.0.0.1:7420/pair?token=abcdefghijklmnop_QRST-uv';

function setup(report: Partial<StreamReport> | null = null) {
  const transport = createMemoryTransport();
  const store = createMemoryStore();
  const reports: string[] = [];
  const models = createPanelModels({
    transport,
    store,
    fetchReport: async (streamId) => {
      reports.push(streamId);
      return report as StreamReport | null;
    },
  });
  return { transport, store, models, reports };
}

/** Waits until the store's async writes the models started have landed. */
async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition never held');
}

describe('pairing', () => {
  it('refuses a link without a token and says why', async () => {
    const { models, transport } = setup();
    expect(await models.connection.pair('http://127.0.0.1:7420/pair')).toBe(false);
    expect(models.connection.pairingError.value).toMatch(/no token/);
    expect(transport.target).toBeNull();
  });

  it('stores the server and token, connects, and reconnects from the store next time', async () => {
    const { models, transport, store } = setup();
    expect(await models.connection.pair(LINK)).toBe(true);
    expect(transport.target).toEqual({
      origin: 'http://127.0.0.1:7420',
      token: 'abcdefghijklmnop_QRST-uv',
    });
    transport.accept('moderator');
    expect(models.connection.role.value).toBe('moderator');
    expect(models.connection.isOwner.value).toBe(false);

    const again = createMemoryTransport();
    const reopened = createPanelModels({ transport: again, store, fetchReport: async () => null });
    await reopened.start();
    expect(again.target?.origin).toBe('http://127.0.0.1:7420');
    expect(again.state.value.status).toBe('connecting');
  });
});

describe('commands', () => {
  it('refuses a command made while disconnected, visibly, and sends nothing', async () => {
    const { models, transport } = setup();
    await models.connection.pair(LINK);
    transport.accept('owner');
    transport.drop();
    const ack = await models.alerts.pause();
    expect(ack).toMatchObject({ ok: false, code: 'DISCONNECTED' });
    expect(models.alerts.commands.refusal.value).toMatchObject({
      type: 'alerts.pause',
      code: 'DISCONNECTED',
    });
    expect(transport.sent).toEqual([]);
  });

  it("shows the server's refusal of a moderator's owner-only command", async () => {
    const { models, transport } = setup();
    await models.connection.pair(LINK);
    transport.accept('moderator');
    transport.answerWith(() => ({
      ok: false,
      code: 'FORBIDDEN',
      message: 'settings.revenueModel is for the owner only',
    }));
    expect(await models.settings.chooseRevenuePreset('observed-market')).toBe(false);
    expect(models.settings.commands.refusal.value?.code).toBe('FORBIDDEN');
    expect(models.settings.revenueModel.value.id).toBe('brief-20');
  });
});

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

describe('live earnings', () => {
  it('shows committed and provisional apart, with the model name, to the owner', async () => {
    const { models, transport } = setup();
    await models.connection.pair(LINK);
    transport.accept('owner');
    transport.pushSnapshot({
      channels: { earnings: earningsState(1000, 99), metrics: metricsState() },
    });
    expect(models.live.earnings.value?.committedCoins).toBe(1000);
    expect(models.live.provisional.value?.coins).toBe(99);
    expect(models.live.earnings.value?.figures.model.name).toMatch(/20%/);
  });

  it('hides earnings from a moderator unless the owner allows it', async () => {
    const { models, transport } = setup();
    await models.connection.pair(LINK);
    transport.accept('moderator');
    transport.pushSnapshot({ channels: { earnings: earningsState(1000) } });
    expect(models.live.earnings.value).toBeNull();
    await models.settings.setModeratorsSeeEarnings(true);
    expect(models.live.earnings.value?.committedCoins).toBe(1000);
  });

  it('adds earlier streams since the last cash-out to the payout progress', async () => {
    const { models, transport, store } = setup();
    await store.put('earnings', {
      streamId: 'old',
      at: 5,
      coins: 5000,
      diamonds: 5000,
      estimatedPayoutUsd: 57.2,
      revenueModelId: 'brief-20',
      revenueModelName: 'x',
    });
    await models.start();
    await models.connection.pair(LINK);
    transport.accept('owner');
    transport.pushSnapshot({ streamId: 'now', channels: { earnings: earningsState(1000) } });
    // 1000 coins × 0.0143 × 0.8 = 11.44 USD, plus 57.20 earlier.
    expect(models.live.payout.value?.balanceUsd).toBe(68.64);
    expect(models.live.payout.value?.fraction).toBeCloseTo(0.6864);
  });
});

describe('sponsors', () => {
  it('counts down from the last measurement and stores the report when the segment ends', async () => {
    const measured = { segmentId: 'seg-1', onScreenSeconds: 95, viewerMinutes: 61 };
    const { models, transport, store } = setup({
      sponsorSegments: [{ segmentId: 'other' }, measured],
    });
    await models.connection.pair(LINK);
    transport.accept('owner');
    transport.pushSnapshot({ streamId: 's1', channels: { sponsor: { card: sponsorCard() } } });
    models.sponsors.now.value = 20_000;
    expect(models.sponsors.remainingSeconds.value).toBe(80);
    transport.answerWith(() => ({ ok: true, data: { segmentId: 'seg-1' } }));
    await models.sponsors.end();
    const [report] = await store.getAll('sponsorReports');
    expect(report).toMatchObject({
      segmentId: 'seg-1',
      brand: 'Acme Tea',
      report: { viewerMinutes: 61 },
    });
  });
});

describe('stream history', () => {
  it('asks for the final report of a stream when a new stream begins', async () => {
    const { models, transport, reports } = setup();
    await models.connection.pair(LINK);
    transport.accept('owner');
    transport.pushSnapshot({ streamId: 'first', channels: {} });
    transport.pushSnapshot({ streamId: 'second', channels: {} });
    expect(reports).toEqual(['first']);
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

describe('stream history, after the panel was closed', () => {
  it('finalizes a stream that ended while the panel was closed', async () => {
    const { models, transport, store, reports } = setup();
    await store.put(
      'streamSummaries',
      summaryFromLive('old', earningsState(5), metricsState(), 10_000),
    );
    await models.start();
    await models.connection.pair(LINK);
    transport.accept('owner');
    transport.pushSnapshot({ streamId: 'now', channels: {} });
    expect(reports).toEqual(['old']);
  });
});

describe('cleanup', () => {
  it('stops listening to the transport once disposed', async () => {
    const { models, transport } = setup();
    await models.connection.pair(LINK);
    transport.accept('owner');
    transport.pushSnapshot({ channels: { earnings: earningsState(10) } });
    models.dispose();
    transport.pushSnapshot({ channels: { earnings: earningsState(99) } });
    expect(models.room.earnings.value?.committedCoins).toBe(10);
    expect(transport.state.value.status).toBe('unpaired');
  });
});
