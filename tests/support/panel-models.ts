/** Panel models over the in-memory transport and store, for model tests. */

import { createPanelModels } from '../../extension/models/panel-models';
import { createMemoryStore } from '../../extension/storage/memory-store';
import { createMemoryTransport } from '../../extension/transport/memory-transport';
import type { StreamReport } from '../../shared/engines/live-room-contract';

export const LINK = 'http://127.0.0.1:7420/pair?token=abcdefghijklmnop_QRST-uv';

export function setup(report: Partial<StreamReport> | null = null) {
  const transport = createMemoryTransport();
  const store = createMemoryStore();
  const reports: string[] = [];
  const models = createPanelModels({
    transport,
    store,
    fetchReport: async (streamId) => {
      reports.push(streamId);
      return report as StreamReport | null;
    },
  });
  return { transport, store, models, reports };
}

/** Waits until the store's async writes the models started have landed. */
export async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition never held');
}
