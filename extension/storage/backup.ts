/**
 * Export and import everything the panel keeps, as one JSON file. Import validates the whole
 * file first and changes nothing when any part is wrong; the error names the bad field. The
 * pairing token is never exported (a backup may be shared; the token controls the stream).
 */
import { z } from 'zod';
import { DB_VERSION } from './idb-store';
import type { PanelStore } from './panel-store';
import {
  earningsEntrySchema,
  pollArchiveSchema,
  qnaArchiveSchema,
  settingsSchema,
  sponsorReportSchema,
  streamSummarySchema,
} from './records';

export const BACKUP_FORMAT = 'limelight-backup';

const exportedSettingsSchema = settingsSchema.omit({ pairing: true });

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** The IndexedDB schema version the file was written from. */
  schemaVersion: z.number().int().min(1).max(DB_VERSION),
  exportedAt: z.number(),
  records: z.object({
    streamSummaries: z.array(streamSummarySchema),
    earnings: z.array(earningsEntrySchema),
    sponsorReports: z.array(sponsorReportSchema),
    pollArchive: z.array(pollArchiveSchema),
    qnaArchive: z.array(qnaArchiveSchema),
  }),
  settings: exportedSettingsSchema,
});
export type Backup = z.infer<typeof backupSchema>;

/** Why a backup file was refused. */
export class BackupError extends Error {
  readonly code = 'BAD_BACKUP';
}

export async function exportBackup(store: PanelStore, now = Date.now()): Promise<Backup> {
  const [streamSummaries, earnings, sponsorReports, pollArchive, qnaArchive] = await Promise.all([
    store.getAll('streamSummaries'),
    store.getAll('earnings'),
    store.getAll('sponsorReports'),
    store.getAll('pollArchive'),
    store.getAll('qnaArchive'),
  ]);
  return {
    format: BACKUP_FORMAT,
    schemaVersion: DB_VERSION,
    exportedAt: now,
    records: { streamSummaries, earnings, sponsorReports, pollArchive, qnaArchive },
    settings: {
      revenueModel: await store.getSetting('revenueModel'),
      goals: await store.getSetting('goals'),
      schedule: await store.getSetting('schedule'),
      moderatorsSeeEarnings: await store.getSetting('moderatorsSeeEarnings'),
      lastCashOutAt: await store.getSetting('lastCashOutAt'),
    },
  };
}

/** Parses a backup file's text, or throws a BackupError naming what is wrong. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not JSON: choose a file exported by Limelight.');
  }
  const result = backupSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    throw new BackupError(`Not a valid Limelight backup: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

export async function importBackup(store: PanelStore, text: string): Promise<Backup> {
  const backup = parseBackup(text);
  await store.replaceAll(backup.records, backup.settings);
  return backup;
}
