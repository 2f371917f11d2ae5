/**
 * The panel's history, behind an interface: IndexedDB in the extension (idb-store.ts), a map
 * in unit tests (memory-store.ts).
 */
import { BRIEF_PRESET } from '../../shared/revenue/revenue-model';
import type {
  EarningsEntry,
  PollArchiveEntry,
  QnaArchiveEntry,
  SettingKey,
  Settings,
  SponsorReportRecord,
  StreamSummary,
} from './records';

/** Each record store and what it holds. */
export interface StoreRecords {
  streamSummaries: StreamSummary;
  earnings: EarningsEntry;
  sponsorReports: SponsorReportRecord;
  pollArchive: PollArchiveEntry;
  qnaArchive: QnaArchiveEntry;
}
export type RecordStoreName = keyof StoreRecords;
export const RECORD_STORES = [
  'streamSummaries',
  'earnings',
  'sponsorReports',
  'pollArchive',
  'qnaArchive',
] as const satisfies readonly RecordStoreName[];

export interface PanelStore {
  put<S extends RecordStoreName>(store: S, record: StoreRecords[S]): Promise<void>;
  getAll<S extends RecordStoreName>(store: S): Promise<StoreRecords[S][]>;
  getSetting<K extends SettingKey>(key: K): Promise<Settings[K]>;
  putSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void>;
  /** Replaces every record store and the exported settings in one transaction. */
  replaceAll(
    records: { [S in RecordStoreName]: StoreRecords[S][] },
    settings: Partial<Settings>,
  ): Promise<void>;
}

/** What a setting is before the streamer changes it. */
export const DEFAULT_SETTINGS: Settings = {
  pairing: null,
  revenueModel: BRIEF_PRESET,
  goals: [],
  schedule: [],
  moderatorsSeeEarnings: false,
  lastCashOutAt: null,
};
