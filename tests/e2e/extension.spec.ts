/**
 * The side panel against a real server in Debian's Chromium: pairing, a poll end to end, a
 * sponsor segment and its report, a moderator refused an owner action, and the live coins
 * agreeing with the server's report.
 */
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import { CHROME_EXTENSION_ID } from '../../shared/extension-id';
import type { Ack } from '../../shared/protocol/ack';
import { ROLE_ABILITIES } from '../../shared/protocol/role-abilities';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { spawnServer } from '../integration/support/server-process';
import { script, viewer } from '../support/engine-events';
import { expect, LION, pair, pairingLink, test } from './support/extension';

test('pairs with the pasted link, shows the role, and reconnects after a reload', async ({
  server,
  extensionId,
  openPanel,
}) => {
  expect(extensionId).toBe(CHROME_EXTENSION_ID);
  const panel = await openPanel();
  await expect(panel.getByTestId('connection-state')).toHaveAttribute('data-status', 'unpaired');

  await panel.getByTestId('pairing-input').fill(`${server.baseUrl}/pair`);
  await panel.getByTestId('pairing-submit').click();
  await expect(panel.getByTestId('pairing-error')).toContainText('no token');

  await pair(panel, pairingLink(server, 'owner'));
  await expect(panel.getByTestId('role')).toHaveText('owner');
  await expect(panel.getByTestId('role-abilities')).toHaveText(ROLE_ABILITIES.owner);

  await panel.reload();
  await expect(panel.getByTestId('connection-state')).toHaveAttribute('data-status', 'connected');
  await expect(panel.getByTestId('role')).toHaveText('owner');
});

test('a wrong token is refused with the reason shown', async ({ server, openPanel }) => {
  const panel = await openPanel();
  await panel
    .getByTestId('pairing-input')
    .fill(`${server.baseUrl}/pair?token=not-the-right-token-123`);
  await panel.getByTestId('pairing-submit').click();
  const state = panel.getByTestId('connection-state');
  await expect(state).toHaveAttribute('data-status', 'refused');
  await expect(state).toContainText('UNAUTHORIZED');
});

test('a command made while the server is gone is refused visibly; the panel reconnects by itself', async ({
  server,
  serverHome,
  openPairedPanel,
}) => {
  const panel = await openPairedPanel('owner');
  await panel.getByTestId('tab-alerts').click();
  server.child.kill('SIGTERM');
  await server.exited;
  const state = panel.getByTestId('connection-state');
  await expect(state).toHaveAttribute('data-status', 'disconnected');
  await panel.getByTestId('alerts-pause').click();
  await expect(panel.getByTestId('command-refusal')).toHaveAttribute('data-code', 'DISCONNECTED');

  // The server comes back on the same port with the same tokens: no re-pairing needed.
  const restarted = await spawnServer(serverHome, ['--no-source', '--port', String(server.port)]);
  try {
    await expect(state).toHaveAttribute('data-status', 'connected');
    await panel.getByTestId('alerts-pause').click();
    await expect(panel.getByTestId('alerts-resume')).toBeVisible();
    await expect(panel.getByTestId('command-refusal')).toHaveCount(0);
  } finally {
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }
});

test('a poll runs end to end and stays archived after the panel reloads', async ({
  server,
  openPairedPanel,
  ingest,
  extensionContext,
}) => {
  const panel = await openPairedPanel('owner');
  const s = script(Date.now());
  await ingest.send([s.streamStart()]);

  await panel.getByTestId('tab-polls').click();
  await panel.getByTestId('poll-template-yes-no').click();
  await panel.getByTestId('poll-question').fill('Pizza tonight?');
  await panel.getByTestId('poll-duration').fill('');
  await panel.getByTestId('poll-start').click();
  const current = panel.getByTestId('poll-current');
  await expect(current).toHaveAttribute('data-status', 'running');
  await expect(current).toContainText('Pizza tonight?');

  // The poll overlay (as OBS loads it) shows the same poll.
  const overlay = await extensionContext.newPage();
  await overlay.goto(
    `${server.baseUrl}/overlays/poll.html?token=${encodeURIComponent(server.tokens.overlay)}`,
  );
  await expect
    .poll(() => overlay.evaluate(() => window.__limelight?.texts().join(' | ') ?? ''))
    .toContain('Pizza tonight?');

  // Viewers vote in chat: 3 × "1", 1 × "2".
  await ingest.send(
    ['ana', 'ben', 'cid']
      .map((handle) => s.chat(viewer(handle), '1'))
      .concat(s.chat(viewer('dee'), '2')),
  );
  await expect(panel.getByTestId('poll-current-option-1')).toHaveAttribute('data-votes', '3');
  await expect(panel.getByTestId('poll-current-option-2')).toHaveAttribute('data-votes', '1');
  await expect
    .poll(() => overlay.evaluate(() => window.__limelight?.state.screens.poll))
    .toMatchObject({ status: 'running', votes: [3, 1] });

  await panel.getByTestId('poll-close').click();
  await expect(current).toHaveAttribute('data-status', 'closed');
  await expect(panel.getByTestId('poll-current-option-1')).toHaveClass('winner');
  await expect
    .poll(() => overlay.evaluate(() => window.__limelight?.state.screens.poll))
    .toMatchObject({ status: 'closed', votes: [3, 1] });
  await expect(panel.getByTestId('poll-archive-entry')).toHaveCount(1);
  await expect(panel.getByTestId('poll-archive-entry')).toContainText('Pizza tonight?');

  await panel.reload();
  await panel.getByTestId('tab-polls').click();
  await expect(panel.getByTestId('poll-archive-entry')).toHaveCount(1);
  await expect(panel.getByTestId('poll-archive-entry')).toContainText('Yes');
});

test('a sponsor segment runs and its report is exported as CSV and JSON', async ({
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('owner');
  const s = script(Date.now());
  await ingest.send([s.streamStart(), s.viewers(12)]);

  await panel.getByTestId('tab-sponsors').click();
  await panel.getByTestId('sponsor-brand').fill('Acme Tea');
  await panel.getByTestId('sponsor-product').fill('Green tea');
  await panel.getByTestId('sponsor-promo').fill('LIVE10');
  await panel.getByTestId('sponsor-seconds').fill('60');
  await panel.getByTestId('sponsor-plan').click();
  const start = panel.locator('[data-testid^="sponsor-start-"]');
  await expect(start).toHaveCount(1);
  await start.click();
  const card = panel.getByTestId('sponsor-card');
  await expect(card).toHaveAttribute('data-state', 'running');
  await expect(panel.getByTestId('sponsor-countdown')).toHaveText(/^\d+:\d\d$/);

  await ingest.send([s.chat(viewer('ana'), 'I love Acme Tea, code LIVE10!')]);
  // Live measurements come from the server's report while the segment runs.
  await expect(panel.getByTestId('sponsor-measure-mentions')).toHaveText('1');
  await panel.getByTestId('sponsor-end').click();
  await expect(card).toHaveCount(0);

  const report = panel.locator('[data-testid^="sponsor-report-"][data-testid$="-json"]');
  await expect(report).toHaveCount(1);
  const [jsonDownload] = await Promise.all([panel.waitForEvent('download'), report.click()]);
  const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as {
    brand: string;
    report: Record<string, unknown>;
  };
  expect(json.brand).toBe('Acme Tea');
  expect(json.report).toMatchObject({ brand: 'Acme Tea', product: 'Green tea' });

  const csvButton = panel.locator('[data-testid^="sponsor-report-"][data-testid$="-csv"]');
  const [csvDownload] = await Promise.all([panel.waitForEvent('download'), csvButton.click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^sponsor-Acme-Tea-.*\.csv$/);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  expect(csv.split('\n')[0]).toContain('"brand"');
  expect(csv).toContain('"Acme Tea"');
});

test('a moderator sees no money controls, and the server refuses an owner action', async ({
  server,
  openPairedPanel,
}) => {
  const panel = await openPairedPanel('moderator');
  await expect(panel.getByTestId('role')).toHaveText('moderator');
  // What a moderator may do, in the words of the npm start banner and the README.
  await expect(panel.getByTestId('role-abilities')).toHaveText(ROLE_ABILITIES.moderator);
  await expect(panel.getByTestId('earnings-hidden')).toBeVisible();
  await expect(panel.getByTestId('tab-analytics')).toHaveCount(0);
  await panel.getByTestId('tab-settings').click();
  await expect(panel.getByTestId('revenue-preset')).toBeDisabled();
  await expect(panel.getByTestId('end-stream')).toBeDisabled();

  // Even a moderator who bypasses the panel is refused by the server.
  const socket = io(`${server.baseUrl}/control`, {
    auth: { token: server.tokens.moderator, protocolVersion: PROTOCOL_VERSION, client: 'e2e:mod' },
    transports: ['websocket'],
  });
  try {
    const ack = (await socket.emitWithAck('command', {
      type: 'settings.revenueModel',
      presetId: 'observed-market',
    })) as Ack<unknown>;
    expect(ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  } finally {
    socket.disconnect();
  }
});

test("the live view's coins equal the server's report for the same stream", async ({
  server,
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('owner');
  const s = script(Date.now());
  const fan = viewer('rosefan');
  await ingest.send([
    s.streamStart(),
    // A Rose streak ×5 (provisional frames, then the end frame), and a 29,999-coin Universe.
    ...[1, 2, 3, 4].map((count) => s.gift(fan, { count, end: false })),
    s.gift(fan, { count: 5, end: true }),
    s.gift(viewer('whale'), { name: 'Universe', coins: 29_999, type: 2, id: 7168 }),
  ]);
  await expect(panel.getByTestId('live-coins')).toHaveText('30,004');

  const response = await fetch(
    `${server.baseUrl}/api/streams/current/report?format=json&token=${encodeURIComponent(server.tokens.owner)}`,
  );
  const report = (await response.json()) as {
    coins: number;
    diamonds: number;
    estimatedPayoutUsd: number;
    revenueModel: { name: string };
  };
  expect(report.coins).toBe(30_004);
  const shown = Number((await panel.getByTestId('live-coins').textContent())?.replaceAll(',', ''));
  expect(shown).toBe(report.coins);
  await expect(panel.getByTestId('live-model-name')).toContainText(report.revenueModel.name);
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  await expect(panel.getByTestId('live-payout')).toHaveText(usd.format(report.estimatedPayoutUsd));
  await expect(panel.getByTestId('live-diamonds')).toHaveText(
    report.diamonds.toLocaleString('en-US'),
  );
});

test('the owner switches the revenue model and every money figure names the new one', async ({
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('owner');
  const s = script(Date.now());
  await ingest.send([s.streamStart(), s.gift(viewer('whale'), LION)]);
  await expect(panel.getByTestId('live-model-name')).toContainText('Product brief');
  await panel.getByTestId('tab-settings').click();
  await panel.getByTestId('revenue-preset').selectOption('observed-market');
  await panel.getByTestId('tab-live').click();
  await expect(panel.getByTestId('live-model-name')).toContainText('Observed market');
  // 29,999 coins at about $0.005 per coin reach the creator.
  await expect(panel.getByTestId('live-payout')).toHaveText('$150.00');
});

test('a goal set in the panel counts the stream so far on the live view', async ({
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('owner');
  const s = script(Date.now());
  await ingest.send([s.streamStart(), s.gift(viewer('whale'), LION)]);
  await expect(panel.getByTestId('live-coins')).toHaveText('29,999');
  await panel.getByTestId('tab-settings').click();
  await panel.getByTestId('goal-label').fill('New camera');
  await panel.getByTestId('goal-target').fill('50000');
  await panel.getByTestId('goal-add').click();
  await panel.getByTestId('tab-live').click();
  await expect(panel.getByTestId('goals')).toContainText('New camera: 29,999 / 50,000');
});
