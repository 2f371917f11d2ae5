/**
 * The panel's IndexedDB in the real browser: a database from schema version 1 is migrated with
 * its records kept; a backup exports and imports (a bad file is refused with the reason); an
 * ended stream is archived from the server's final report.
 */
import { readFileSync } from 'node:fs';
import { script, viewer } from '../support/engine-events';
import { expect, LION, pair, pairingLink, test } from './support/extension';

const OLD_STREAM = {
  streamId: 'old-stream',
  startedAt: Date.UTC(2026, 10, 2, 19, 0),
  endedAt: Date.UTC(2026, 10, 2, 21, 0),
  durationSeconds: 7200,
  coins: 12_345,
  diamonds: 12_345,
  estimatedPayoutUsd: 141.23,
  revenueModelId: 'brief-20',
  revenueModelName: 'Product brief: 20% platform share',
  peakViewers: 80,
  averageViewers: 51,
  followers: 17,
  likes: 4000,
  chatMessages: 300,
  engagementRate: 0.31,
  final: true,
};

test('a version 1 database is migrated and keeps its history', async ({ server, openPanel }) => {
  const panel = await openPanel();
  // The pairing form shows once the panel has read its store: it touches the database no more.
  await expect(panel.getByTestId('pairing-input')).toBeVisible();
  // Replace the panel's database with one as schema version 1 made it (the open panel steps
  // aside for the deletion), then reload so the panel migrates it.
  await panel.evaluate(
    (stream) =>
      new Promise<void>((resolve, reject) => {
        const deletion = indexedDB.deleteDatabase('limelight');
        deletion.onerror = () => reject(deletion.error);
        deletion.onsuccess = () => {
          const request = indexedDB.open('limelight', 1);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('streamSummaries', { keyPath: 'streamId' }).createIndex(
              'byStartedAt',
              'startedAt',
            );
            db.createObjectStore('earnings', { keyPath: 'streamId' }).createIndex('byAt', 'at');
            db.createObjectStore('sponsorReports', { keyPath: 'segmentId' });
            db.createObjectStore('pollArchive', { keyPath: 'id' });
            db.createObjectStore('qnaArchive', { keyPath: 'id' });
            db.createObjectStore('settings');
            request.transaction?.objectStore('streamSummaries').put(stream);
          };
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
        };
      }),
    OLD_STREAM,
  );
  await panel.reload();
  await pair(panel, pairingLink(server, 'owner'));
  await panel.getByTestId('tab-analytics').click();
  const row = panel.locator('[data-testid="analytics-stream"][data-stream-id="old-stream"]');
  await expect(row).toContainText('12,345');

  const schema = await panel.evaluate(
    () =>
      new Promise<{ version: number; indexes: string[] }>((resolve, reject) => {
        const request = indexedDB.open('limelight');
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('pollArchive');
          resolve({ version: db.version, indexes: [...tx.objectStore('pollArchive').indexNames] });
          db.close();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  expect(schema).toEqual({ version: 2, indexes: ['byStream'] });
});

test('exports everything as JSON and imports it back; a bad file is refused', async ({
  server,
  openPairedPanel,
}) => {
  const panel = await openPairedPanel('owner');
  await panel.getByTestId('tab-settings').click();

  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByTestId('backup-export').click(),
  ]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(backup).toMatchObject({ format: 'limelight-backup', schemaVersion: 2 });
  expect(JSON.stringify(backup)).not.toContain(server.tokens.owner);

  const input = panel.getByTestId('backup-import');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"limelight-backup"'),
  });
  await expect(panel.getByTestId('backup-message')).toHaveAttribute('data-ok', 'false');
  await expect(panel.getByTestId('backup-message')).toContainText('not JSON');

  const wrong = {
    ...backup,
    records: { ...backup.records, streamSummaries: [{ ...OLD_STREAM, coins: -5 }] },
  };
  await input.setInputFiles({
    name: 'wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(wrong)),
  });
  await expect(panel.getByTestId('backup-message')).toContainText(
    'records.streamSummaries.0.coins',
  );

  const good = { ...backup, records: { ...backup.records, streamSummaries: [OLD_STREAM] } };
  await input.setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(good)),
  });
  await expect(panel.getByTestId('backup-message')).toHaveAttribute('data-ok', 'true');
  await panel.reload();
  await panel.getByTestId('tab-analytics').click();
  await expect(
    panel.locator('[data-testid="analytics-stream"][data-stream-id="old-stream"]'),
  ).toContainText('12,345');
});

test('an ended stream is archived from the server report', async ({ openPairedPanel, ingest }) => {
  const panel = await openPairedPanel('owner');
  const s = script(Date.now());
  await ingest.send([
    s.streamStart(),
    s.viewers(25),
    s.follow(viewer('newfan')),
    s.gift(viewer('whale'), LION),
  ]);
  await expect(panel.getByTestId('live-coins')).toHaveText('29,999');
  await panel.getByTestId('tab-settings').click();
  await panel.getByTestId('end-stream').click();
  await panel.getByTestId('tab-analytics').click();
  const row = panel.locator('[data-testid="analytics-stream"][data-final="true"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('29,999');
  await expect(panel.getByTestId('analytics-chart-coins')).toHaveAttribute('data-points', '1');

  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    row.getByTestId('analytics-report-md').click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toMatch(/29,?999/);
});
