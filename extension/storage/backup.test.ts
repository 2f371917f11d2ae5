import { describe, expect, it } from 'vitest';
import { OBSERVED_MARKET_PRESET } from '../../shared/revenue/revenue-model';
import { BackupError, exportBackup, importBackup, parseBackup } from './backup';
import { createMemoryStore } from './memory-store';

const summary = {
  streamId: 's1',
  startedAt: 1,
  endedAt: 2,
  durationSeconds: 3600,
  coins: 500,
  diamonds: 500,
  estimatedPayoutUsd: 5.72,
  revenueModelId: 'brief-20',
  revenueModelName: 'Product brief',
  peakViewers: 50,
  averageViewers: 30,
  followers: 4,
  likes: 100,
  chatMessages: 40,
  engagementRate: 0.3,
  final: true,
};

describe('backup', () => {
  it('round-trips records and settings, but never the pairing token', async () => {
    const source = createMemoryStore();
    await source.put('streamSummaries', summary);
    await source.putSetting('revenueModel', OBSERVED_MARKET_PRESET);
    await source.putSetting('pairing', {
      origin: 'http://127.0.0.1:7420',
      token: 'secret-token-1',
    });
    const text = JSON.stringify(await exportBackup(source, 42));
    expect(text).not.toContain('secret-token-1');

    const target = createMemoryStore();
    await target.putSetting('pairing', { origin: 'http://127.0.0.1:9', token: 'kept-token-22' });
    await importBackup(target, text);
    expect(await target.getAll('streamSummaries')).toEqual([summary]);
    expect((await target.getSetting('revenueModel')).id).toBe('observed-market');
    expect((await target.getSetting('pairing'))?.token).toBe('kept-token-22');
  });

  it('refuses a file that is not JSON', () => {
    expect(() => parseBackup('{oops')).toThrow(BackupError);
    expect(() => parseBackup('{oops')).toThrow(/not JSON/);
  });

  it('names the bad field and changes nothing', async () => {
    const store = createMemoryStore();
    const good = await exportBackup(store);
    const bad = {
      ...good,
      records: { ...good.records, streamSummaries: [{ ...summary, coins: 'many' }] },
    };
    await expect(importBackup(store, JSON.stringify(bad))).rejects.toThrow(
      /records\.streamSummaries\.0\.coins/,
    );
    expect(await store.getAll('streamSummaries')).toEqual([]);
  });

  it('refuses another format', () => {
    expect(() => parseBackup(JSON.stringify({ format: 'something-else' }))).toThrow(/format/);
  });
});
