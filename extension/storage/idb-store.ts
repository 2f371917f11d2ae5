/**
 * The extension's IndexedDB through `idb`. The schema is versioned: each migration upgrades one
 * version to the next, so a panel installed at any earlier version opens cleanly.
 */
import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  openDB,
  type StoreNames,
} from 'idb';
import { DEFAULT_SETTINGS, type PanelStore, RECORD_STORES, type StoreRecords } from './panel-store';
import type { SettingKey, Settings } from './records';

export const DB_NAME = 'limelight';
export const DB_VERSION = 2;

interface LimelightDb extends DBSchema {
  streamSummaries: {
    key: string;
    value: StoreRecords['streamSummaries'];
    indexes: { byStartedAt: number };
  };
  earnings: { key: string; value: StoreRecords['earnings']; indexes: { byAt: number } };
  sponsorReports: {
    key: string;
    value: StoreRecords['sponsorReports'];
    indexes: { byStream: string };
  };
  pollArchive: { key: string; value: StoreRecords['pollArchive']; indexes: { byStream: string } };
  qnaArchive: { key: string; value: StoreRecords['qnaArchive']; indexes: { byStream: string } };
  /** Out-of-line keys: the setting's name. */
  settings: { key: string; value: unknown };
}

type UpgradeTx = IDBPTransaction<LimelightDb, StoreNames<LimelightDb>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<LimelightDb>, tx: UpgradeTx) => void;

/** MIGRATIONS[n] upgrades version n to n + 1. */
const MIGRATIONS: Migration[] = [
  // 0 → 1: the first stores.
  (db) => {
    db.createObjectStore('streamSummaries', { keyPath: 'streamId' }).createIndex(
      'byStartedAt',
      'startedAt',
    );
    db.createObjectStore('earnings', { keyPath: 'streamId' }).createIndex('byAt', 'at');
    db.createObjectStore('sponsorReports', { keyPath: 'segmentId' });
    db.createObjectStore('pollArchive', { keyPath: 'id' });
    db.createObjectStore('qnaArchive', { keyPath: 'id' });
    db.createObjectStore('settings');
  },
  // 1 → 2: archives are listed per stream in the analytics view.
  (_db, tx) => {
    tx.objectStore('sponsorReports').createIndex('byStream', 'streamId');
    tx.objectStore('pollArchive').createIndex('byStream', 'streamId');
    tx.objectStore('qnaArchive').createIndex('byStream', 'streamId');
  },
];

export function openLimelightDb(name = DB_NAME): Promise<IDBPDatabase<LimelightDb>> {
  const opened: Promise<IDBPDatabase<LimelightDb>> = openDB<LimelightDb>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) {
        MIGRATIONS[version]?.(db, tx);
      }
    },
    // A newer panel (after an update) wants to upgrade or delete the database: step aside
    // instead of blocking it forever; this older page reloads to pick up the new schema.
    blocking() {
      void opened.then((db) => db.close());
    },
  });
  return opened;
}

export async function createIdbStore(name = DB_NAME): Promise<PanelStore> {
  const db = await openLimelightDb(name);
  return {
    async put(store, record) {
      await db.put(store, record as never);
    },
    async getAll(store) {
      return (await db.getAll(store)) as never;
    },
    async getSetting<K extends SettingKey>(key: K) {
      const value = await db.get('settings', key);
      return (value ?? structuredClone(DEFAULT_SETTINGS[key])) as Settings[K];
    },
    async putSetting(key, value) {
      await db.put('settings', value, key);
    },
    async replaceAll(records, settings) {
      const tx = db.transaction([...RECORD_STORES, 'settings'], 'readwrite');
      for (const name of RECORD_STORES) {
        const store = tx.objectStore(name);
        await store.clear();
        for (const record of records[name]) await store.put(record as never);
      }
      for (const [key, value] of Object.entries(settings)) {
        await tx.objectStore('settings').put(value, key);
      }
      await tx.done;
    },
  };
}
