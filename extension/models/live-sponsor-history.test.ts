import { describe, expect, it } from 'vitest';
import { LINK, setup } from '../../tests/support/panel-models';
import { earningsState, metricsState, sponsorCard } from './sample-room';
import { summaryFromLive } from './stream-summary';

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

  it('shows a moderator earnings exactly while the server sends them', async () => {
    const { models, transport } = setup();
    await models.connection.pair(LINK);
    transport.accept('moderator');
    transport.pushSnapshot({ channels: { metrics: metricsState() }, withheld: ['earnings'] });
    expect(models.live.earningsVisible.value).toBe(false);
    expect(models.live.earnings.value).toBeNull();
    // The owner allowed it: the server sends the earnings snapshot.
    transport.pushSnapshot({ channels: { earnings: earningsState(1000) } });
    expect(models.live.earningsVisible.value).toBe(true);
    expect(models.live.earnings.value?.committedCoins).toBe(1000);
    // Revoked: the server says withheld, and what the panel had goes with it.
    transport.pushSnapshot({ channels: {}, withheld: ['earnings'] });
    expect(models.live.earnings.value).toBeNull();
    expect(models.room.earnings.value).toBeNull();
  });

  it("sends the owner's moderatorsSeeEarnings choice to the server", async () => {
    const { models, transport } = setup();
    await models.connection.pair(LINK);
    transport.accept('owner');
    expect(await models.settings.setModeratorsSeeEarnings(true)).toBe(true);
    expect(transport.sent).toContainEqual({
      type: 'settings.moderatorsSeeEarnings',
      allowed: true,
    });
    transport.answerWith(() => ({ ok: false, code: 'FORBIDDEN', message: 'owner only' }));
    expect(await models.settings.setModeratorsSeeEarnings(false)).toBe(false);
    expect(models.settings.moderatorsSeeEarnings.value).toBe(true);
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
