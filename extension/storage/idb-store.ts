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

/**
 * Opens the database, migrating it to DB_VERSION. `onBlocking` runs when another page (a newer
 * panel after an update, or a deletion) needs this connection closed.
 */
export function openLimelightDb(
  name = DB_NAME,
  onBlocking: () => void = () => {},
): Promise<IDBPDatabase<LimelightDb>> {
  return openDB<LimelightDb>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) {
        MIGRATIONS[version]?.(db, tx);
      }
    },
    blocking: onBlocking,
  });
}

/**
 * The PanelStore over IndexedDB. The panel page and the background worker each hold one; when
 * another connection needs to upgrade or delete the database this one steps aside (closes) and
 * reopens on its next use, instead of blocking the other forever.
 */
export async function createIdbStore(name = DB_NAME): Promise<PanelStore> {
  let current: Promise<IDBPDatabase<LimelightDb>> | null = null;
  const database = () => {
    if (!current) {
      const opening: Promise<IDBPDatabase<LimelightDb>> = openLimelightDb(name, () => {
        if (current === opening) current = null;
        void opening.then((db) => db.close());
      });
      current = opening;
      opening.catch(() => {
        if (current === opening) current = null;
      });
    }
    return current;
  };
  await database();
  return {
    async put(store, record) {
      await (await database()).put(store, record as never);
    },
    async getAll(store) {
      return (await (await database()).getAll(store)) as never;
    },
    async getSetting<K extends SettingKey>(key: K) {
      const value = await (await database()).get('settings', key);
      return (value ?? structuredClone(DEFAULT_SETTINGS[key])) as Settings[K];
    },
    async putSetting(key, value) {
      await (await database()).put('settings', value, key);
    },
    async replaceAll(records, settings) {
      const tx = (await database()).transaction([...RECORD_STORES, 'settings'], 'readwrite');
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
