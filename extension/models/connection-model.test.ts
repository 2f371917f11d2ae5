import { describe, expect, it } from 'vitest';
import { LINK, setup } from '../../tests/support/panel-models';
import { createMemoryTransport } from '../transport/memory-transport';
import { createPanelModels } from './panel-models';
import { earningsState } from './sample-room';

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

describe('streams', () => {
  it('switches to another stream the token grants, keeps the choice, and refuses one it does not', async () => {
    const { models, transport, store } = setup();
    await models.connection.pair(LINK);
    transport.accept('moderator', undefined, { streamer: 'anna', streamers: ['anna', 'ben'] });
    expect(models.connection.streamers.value).toEqual(['anna', 'ben']);
    expect(models.connection.streamer.value).toBe('anna');

    expect(await models.connection.switchStream('carl')).toBe(false);
    expect(transport.target?.streamer).toBeUndefined();

    expect(await models.connection.switchStream('ben')).toBe(true);
    expect(transport.target).toEqual({
      origin: 'http://127.0.0.1:7420',
      token: 'abcdefghijklmnop_QRST-uv',
      streamer: 'ben',
    });
    expect(transport.state.value.status).toBe('connecting');
    expect((await store.getSetting('pairing'))?.streamer).toBe('ben');
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
