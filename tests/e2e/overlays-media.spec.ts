/**
 * Real TikTok pictures on glass: a server (the real application, in this worker) whose media
 * cache may fetch from a fake CDN on 127.0.0.1 — put on its allow-list by this file's media
 * options, with the test-only loopback allowance — and the built overlay pages in Chromium.
 * The alerts page draws the gift's own PNG (its colours read back from a screenshot), and the
 * chat page draws emotes inline and badges before the name.
 */
import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { DEFAULT_MEDIA_SETTINGS } from '../../overlay-server/media/media-settings';
import type { LiveEvent } from '../../shared/events/live-event';
import type { Ack } from '../../shared/protocol/ack';
import { script, viewer } from '../integration/support/events';
import { type RunningRelay, startRelay } from '../integration/support/relay-app';
import { type FakeCdn, serve, startFakeCdn } from '../support/fake-cdn';
import { pngImage, solidPng } from '../support/png';
import { expect, openOverlay, readScene, screenState } from './support/overlay-relay';
import { findColours, type Rgb } from './support/pixels';

/** The gift's picture: two halves of colours nothing else on the page uses. */
const GIFT_LEFT: Rgb = [18, 200, 96];
const GIFT_RIGHT: Rgb = [236, 64, 208];
const EMOTE: Rgb = [250, 220, 20];
const BADGE: Rgb = [20, 120, 250];

interface MediaWorld {
  relay: RunningRelay;
  cdn: FakeCdn;
  ingest: Socket;
  send(events: LiveEvent[]): Promise<void>;
  overlayUrl(page: string): string;
}

const test = base.extend<{ world: MediaWorld }, { mediaWorld: MediaWorld }>({
  mediaWorld: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const cdn = await startFakeCdn();
      const relay = await startRelay({
        overlaysDir: resolve('dist/overlays'),
        media: {
          // `localhost` goes through the system's resolver to the fake CDN's 127.0.0.1.
          settings: { ...DEFAULT_MEDIA_SETTINGS, allowedHosts: ['localhost'] },
          loopbackForTests: true,
        },
      });
      const ingest = await relay.connect('/ingest', 'ingest');
      await use({
        relay,
        cdn,
        ingest,
        async send(events) {
          const ack = (await ingest.emitWithAck('events', events)) as Ack<{ rejected: unknown[] }>;
          if (!ack.ok || ack.data.rejected.length > 0) {
            throw new Error(`ingest refused: ${JSON.stringify(ack)}`);
          }
        },
        overlayUrl: (page) =>
          `${relay.baseUrl}/overlays/${page}.html?token=${relay.tokens.overlay}`,
      });
      await relay.stop();
      await cdn.stop();
    },
    { scope: 'worker' },
  ],
  world: async ({ mediaWorld }, use) => use(mediaWorld),
});

test.describe('TikTok pictures through the media cache', () => {
  test('the alerts page draws the gift’s real picture, fetched once by the server', async ({
    page,
    world,
  }, testInfo) => {
    const gift = pngImage(96, 96, (x) => (x < 48 ? [...GIFT_LEFT, 255] : [...GIFT_RIGHT, 255]));
    world.cdn.route('/gifts/rose.png', serve(gift, 'image/png'));
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await openOverlay(page, world.overlayUrl('alerts'));

    const s = script(Date.now());
    const fan = viewer('rosefan', {
      nickname: 'Rose Fan',
      // The CDN has no such avatar: the drawn picture stays, as when TikTok's CDN fails.
      avatarUrl: world.cdn.url('/avatars/missing.png'),
    });
    const frame = s.gift(fan, { name: 'Rose', id: 5655, coins: 1, count: 3, end: false });
    const imageUrl = world.cdn.url('/gifts/rose.png');
    // An unended streak stays on screen while the test looks at it.
    await world.send([{ ...frame, gift: { ...frame.gift, imageUrl } } as LiveEvent]);

    await expect
      .poll(async () => screenState(await readScene(page), 'alerts').card)
      .toMatchObject({ avatar: 'fallback', gift: 'image' });
    await expect
      .poll(async () => {
        const png = await page.screenshot({ omitBackground: true });
        const [left, right] = await findColours(page, png, [GIFT_LEFT, GIFT_RIGHT]);
        return left && right && left.count > 400 && right.count > 400 && left.x < right.x;
      })
      .toBe(true);
    await page.screenshot({
      path: testInfo.outputPath('alerts-real-gift.png'),
      omitBackground: true,
    });

    // The page asked its own server, never TikTok's CDN; the server fetched the picture once.
    const cdnOrigin = `http://localhost:${world.cdn.port}`;
    expect(requested.filter((url) => url.startsWith(cdnOrigin))).toEqual([]);
    const viaCache = requested.filter((url) =>
      url.startsWith(`${world.relay.baseUrl}/media/image?`),
    );
    expect(viaCache.map((url) => new URL(url).searchParams.get('src'))).toEqual(
      expect.arrayContaining([imageUrl, fan.avatarUrl]),
    );
    expect(world.cdn.hits('/gifts/rose.png')).toBe(1);

    await world.send([s.gift(fan, { name: 'Rose', id: 5655, coins: 1, count: 3, end: true })]);
  });

  test('chat draws emotes where the viewer put them and badges before the name', async ({
    page,
    world,
  }, testInfo) => {
    world.cdn.route('/emotes/fire.png', serve(solidPng(56, [...EMOTE, 255]), 'image/png'));
    world.cdn.route('/badges/top1.png', serve(solidPng(52, [...BADGE, 255]), 'image/png'));
    await openOverlay(page, world.overlayUrl('chat'));

    const s = script(Date.now());
    const fan = viewer('kim', {
      nickname: 'Kim',
      roles: {
        moderator: true,
        subscriber: true,
        follower: true,
        topGifterRank: 1,
        gifterLevel: 23,
      },
      badgePictures: [{ kind: 'topGifter', imageUrl: world.cdn.url('/badges/top1.png') }],
    });
    const line = s.chat(fan, 'gg <b>wp</b>');
    await world.send([
      {
        ...line,
        emotes: [{ id: 'fire', imageUrl: world.cdn.url('/emotes/fire.png'), at: 3 }],
      } as LiveEvent,
    ]);

    type Part = {
      part: string;
      kind?: string;
      loaded?: boolean;
      x: number;
      row?: number;
      text?: string;
      id?: string;
    };
    const parts = async () => {
      const state = screenState(await readScene(page), 'chat') as {
        drawn: Array<{ id: string; parts: Part[] }>;
      };
      return state.drawn.find((drawn) => drawn.id === line.id)?.parts ?? [];
    };
    await expect
      .poll(async () => (await parts()).filter((p) => p.loaded).map((p) => p.kind ?? p.id))
      .toEqual(['topGifter', 'fire']);
    const drawn = await parts();
    expect(drawn.map((p) => [p.part, p.kind ?? p.text ?? p.id])).toEqual([
      ['badge', 'moderator'],
      ['badge', 'subscriber'],
      ['badge', 'topGifter'],
      ['badge', 'gifterLevel'],
      ['name', 'Kim'],
      ['text', 'gg '],
      ['emote', 'fire'],
      ['text', '<b>wp</b>'],
    ]);
    const x = (index: number) => drawn[index]?.x ?? Number.NaN;
    // Badges left to right before the name; the emote between the words, on the same row.
    expect([x(0) < x(1), x(1) < x(2), x(2) < x(3), x(3) < x(4)]).toEqual([true, true, true, true]);
    expect([x(5) < x(6), x(6) < x(7)]).toEqual([true, true]);
    expect(drawn.slice(5).map((p) => p.row)).toEqual([0, 0, 0]);
    // Words stay Pixi text, never markup.
    expect((await readScene(page)).texts).toEqual(expect.arrayContaining(['gg ', '<b>wp</b>']));
    expect(await page.locator('body img, body b').count()).toBe(0);

    const png = await page.screenshot({
      path: testInfo.outputPath('chat-emotes-badges.png'),
      omitBackground: true,
    });
    const [badge, emote] = await findColours(page, png, [BADGE, EMOTE]);
    expect(badge?.count).toBeGreaterThan(200);
    expect(emote?.count).toBeGreaterThan(300);
    // The badge sits on the name's row, above the emote in the message.
    expect((badge?.y ?? 0) < (emote?.y ?? 0)).toBe(true);
  });
});
