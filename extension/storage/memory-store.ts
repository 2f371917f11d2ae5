/** A map-backed PanelStore for unit tests and the dev preview. */
import {
  DEFAULT_SETTINGS,
  type PanelStore,
  RECORD_STORES,
  type RecordStoreName,
} from './panel-store';
import type { Settings } from './records';

const KEY_OF: Record<RecordStoreName, string> = {
  streamSummaries: 'streamId',
  earnings: 'streamId',
  sponsorReports: 'segmentId',
  pollArchive: 'id',
  qnaArchive: 'id',
};

export function createMemoryStore(): PanelStore {
  const stores = new Map<RecordStoreName, Map<string, unknown>>(
    RECORD_STORES.map((name) => [name, new Map()]),
  );
  let settings: Partial<Settings> = {};
  const keyOf = (store: RecordStoreName, record: object) =>
    String((record as Record<string, unknown>)[KEY_OF[store]]);

  return {
    async put(store, record) {
      stores.get(store)?.set(keyOf(store, record), structuredClone(record));
    },
    async getAll(store) {
      return [...(stores.get(store)?.values() ?? [])].map((record) =>
        structuredClone(record),
      ) as never;
    },
    async getSetting(key) {
      return structuredClone(settings[key] ?? DEFAULT_SETTINGS[key]) as never;
    },
    async putSetting(key, value) {
      settings = { ...settings, [key]: structuredClone(value) };
    },
    async replaceAll(records, next) {
      for (const name of RECORD_STORES) {
        const map = new Map<string, unknown>();
        for (const record of records[name]) map.set(keyOf(name, record), structuredClone(record));
        stores.set(name, map);
      }
      settings = { ...settings, ...structuredClone(next) };
    },
  };
}
