/**
 * Page capture end to end: the built extension in Chromium reads a fixture page shaped like
 * TikTok's live page (served at the real URL through `context.route`, so the content script's
 * real match pattern is exercised), the background relays to a real server's `/ingest` with the
 * panel's pairing, and the server's report counts what happened after the reader attached:
 * chat, a Rose streak ×1→×5 counted as 5, a follow, the viewer count, across a re-render of the
 * chat and with the page's backlog skipped. Then the same gift reported by the connector and the
 * page count once.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { mapConnectorEvent } from '../../overlay-server/sources/tiktok-payloads/map-payload';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import type { SourceHealth } from '../../shared/protocol/channel-data';
import { drivePage, type PageCommand } from '../fixtures/tiktok-pages/page-driver';
import type { ServerProcess } from '../integration/support/server-process';
import { expect, pair, pairingLink, test } from './support/extension';

const FIXTURE = resolve('tests/fixtures/tiktok-pages/live-virtualised.html');
const LIVE_URL = 'https://www.tiktok.com/@fixture/live';
const ROSE = 'eba3a9bb85c33e017f3648eaf88d7189';

/** Serves the fixture at TikTok's URL; TikTok's CDN images are not needed and never fetched. */
async function routeTikTok(context: BrowserContext) {
  await context.route(LIVE_URL, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(FIXTURE, 'utf8') }),
  );
  await context.route(/tiktokcdn(-us)?\.com/, (route) => route.abort());
}

async function health(server: ServerProcess) {
  const response = await fetch(`${server.baseUrl}/health`);
  return (await response.json()) as { stream: { id: string | null }; sources: SourceHealth[] };
}

async function report(server: ServerProcess): Promise<StreamReport | null> {
  const { stream } = await health(server);
  if (!stream.id) return null;
  const response = await fetch(`${server.baseUrl}/api/streams/${stream.id}/report`, {
    headers: { authorization: `Bearer ${server.tokens.owner}` },
  });
  return response.ok ? ((await response.json()) as StreamReport) : null;
}

/** Pairs a side panel with the owner link, then opens the live page (the panel stays open). */
async function openLivePage(
  context: BrowserContext,
  server: ServerProcess,
  openPanel: () => Promise<Page>,
): Promise<{ page: Page; panel: Page }> {
  await routeTikTok(context);
  const panel = await openPanel();
  await pair(panel, pairingLink(server, 'owner'));
  const page = await context.newPage();
  await page.goto(LIVE_URL, { waitUntil: 'domcontentloaded' });
  return { page, panel };
}

const play = (page: Page, command: PageCommand) => page.evaluate(drivePage, command);

test('reads chat, a gift streak, a follow and viewers from the live page, skipping the backlog', async ({
  server,
  extensionContext,
  openPanel,
}) => {
  const { page, panel } = await openLivePage(extensionContext, server, openPanel);
  // The reader reports the viewer count it finds on attaching: the page source is live.
  await expect.poll(async () => (await report(server))?.peakViewers ?? 0).toBe(1_200);

  await play(page, {
    type: 'chat',
    name: 'Sam',
    handle: 'sam.streams',
    text: 'hello from the page',
  });
  for (const count of [1, 2, 3, 4, 5]) {
    await play(page, { type: 'gift', name: 'ana_b', hash: ROSE, count });
  }
  await play(page, { type: 'social', name: 'bo', action: 'followed the host' });
  await play(page, { type: 'viewers', text: '2.5K' });
  await play(page, { type: 'rerender' });
  await play(page, {
    type: 'chat',
    name: 'Sam',
    handle: 'sam.streams',
    text: 'after the re-render',
  });

  await expect
    .poll(async () => {
      const r = await report(server);
      return (
        r && {
          coins: r.coins,
          gifts: r.gifts,
          chatMessages: r.chatMessages,
          followers: r.followers,
          peakViewers: r.peakViewers,
        }
      );
    })
    .toEqual({ coins: 5, gifts: 1, chatMessages: 2, followers: 1, peakViewers: 2_500 });
  const final = await report(server);
  expect(final?.giftsByName.Rose).toEqual({ units: 5, coins: 5 });
  expect(final?.giftsByName.Perfume).toBeUndefined();

  const page_ = (await health(server)).sources.find((s) => s.source === 'page');
  expect(page_).toMatchObject({ state: 'live', primary: true });
  expect(page_?.lastEventAt).not.toBeNull();
  // The panel shows the page source's health: live, primary, its last event and rate.
  const row = panel.getByTestId('source-page');
  await expect(row).toHaveAttribute('data-state', 'live');
  await expect(row).toHaveAttribute('data-primary', 'true');
  await expect(row).toContainText('Page capture');
  await expect(row).toContainText(/last event .* ago/);
  await expect(row).toContainText('events/min');
});

test('the same gift and chat line from the connector and from the page count once', async ({
  server,
  extensionContext,
  openPanel,
  ingest,
}) => {
  const { page } = await openLivePage(extensionContext, server, openPanel);
  await expect.poll(async () => (await report(server))?.peakViewers ?? 0).toBe(1_200);

  // ana_b's Rose streak and one chat line as the connector emits them (2.3+ payloads, mapped by
  // the shared mapping), while the page shows the same streak growing to ×5 and the same line.
  for (const count of [1, 2, 3]) {
    await ingest.send([connectorEvent('gift', roseFrame(count, false))]);
    await play(page, { type: 'gift', name: 'ana_b', hash: ROSE, count });
  }
  await play(page, {
    type: 'chat',
    name: 'Sam',
    handle: 'sam.streams',
    text: 'said once, seen twice',
  });
  for (const count of [4, 5]) {
    await play(page, { type: 'gift', name: 'ana_b', hash: ROSE, count });
    await ingest.send([connectorEvent('gift', roseFrame(count, false))]);
  }
  await ingest.send([
    connectorEvent('gift', roseFrame(5, true)),
    connectorEvent('chat', chatPayload('said once, seen twice')),
  ]);

  // Wait until the page's own end frame has arrived (after its quiet period): viewers, five
  // frames, the chat line and the end.
  await expect
    .poll(async () => pageSource(server).then((s) => s?.eventsPerMinute ?? 0))
    .toBeGreaterThanOrEqual(8);
  await expect.poll(async () => (await report(server))?.coins).toBe(5);
  expect(await report(server)).toMatchObject({
    coins: 5,
    gifts: 1,
    giftsByName: { Rose: { units: 5, coins: 5 } },
    chatMessages: 1,
  });
});

test('stops reading when TikTok moves to another live, and the panel’s sources show it', async ({
  server,
  extensionContext,
  openPanel,
}) => {
  const { page, panel } = await openLivePage(extensionContext, server, openPanel);
  await expect.poll(async () => (await pageSource(server))?.state).toBe('live');
  // The stream ended: TikTok scrolls the viewer page to someone else's live.
  await play(page, { type: 'navigate', path: '/@someone.else/live' });
  await expect.poll(async () => (await pageSource(server))?.state).toBe('ended');
  expect((await pageSource(server))?.detail).toBe('@fixture: the page moved to another live');
  await expect(panel.getByTestId('source-page')).toHaveAttribute('data-state', 'ended');
  await expect(panel.getByTestId('source-page')).toContainText('moved to another live');
});

const pageSource = async (server: ServerProcess) =>
  (await health(server)).sources.find((s) => s.source === 'page');

let msgId = 9_200_000_000_000_000_000n;
const common = () => ({ method: '', msgId: String(msgId++), createTime: String(Date.now()) });
const ana = {
  id: '7000000000000000002',
  idStr: '7000000000000000002',
  displayId: 'ana_b',
  nickname: 'Ana',
  avatarThumb: { urlList: ['https://p16-sign.tiktokcdn-us.com/avatar/ana_b.webp'] },
};

function roseFrame(count: number, repeatEnd: boolean) {
  return {
    common: common(),
    giftId: '5655',
    repeatCount: count,
    repeatEnd: repeatEnd ? 1 : 0,
    groupId: 'combo-1',
    user: ana,
    toUser: null,
    gift: {
      id: '5655',
      name: 'Rose',
      type: 1,
      diamondCount: 1,
      combo: true,
      image: {
        urlList: [`https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/${ROSE}~tplv-obj.webp`],
      },
    },
  };
}

function chatPayload(content: string) {
  return {
    common: common(),
    user: {
      ...ana,
      id: '7000000000000000001',
      idStr: '7000000000000000001',
      displayId: 'sam.streams',
      nickname: 'Sam',
    },
    content,
    emotes: [],
  };
}

function connectorEvent(name: string, payload: unknown): LiveEvent {
  const mapped = mapConnectorEvent(name, payload, Date.now());
  if (mapped.status !== 'mapped')
    throw new Error(`fixture payload did not map: ${JSON.stringify(mapped)}`);
  return mapped.event;
}
