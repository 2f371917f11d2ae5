/**
 * Builds the panel over the real server (Socket.IO, IndexedDB), or over the in-memory fake with
 * a sample room when opened with `?preview` (for working on the UI without a server).
 */
import { render } from 'preact';
import { createPanelModels, type PanelModels } from '../models/panel-models';
import { createIdbStore } from '../storage/idb-store';
import { createMemoryStore } from '../storage/memory-store';
import { createMemoryTransport } from '../transport/memory-transport';
import { fetchStreamReport } from '../transport/report-client';
import { createSocketTransport } from '../transport/socket-transport';
import { PanelProvider } from '../ui/context';
import { PanelApp } from './panel-app';
import { startPreview } from './preview';

export async function startPanel(root: HTMLElement): Promise<PanelModels> {
  const preview = new URLSearchParams(location.search).has('preview');
  const fake = preview ? createMemoryTransport() : null;
  const transport = fake ?? createSocketTransport();
  const store = preview ? createMemoryStore() : await createIdbStore();
  const models = createPanelModels({
    transport,
    store,
    fetchReport: (streamId) => {
      const target = models.connection.pairing.peek();
      return target ? fetchStreamReport(target, streamId) : Promise.resolve(null);
    },
  });
  render(
    <PanelProvider models={models}>
      <PanelApp />
    </PanelProvider>,
    root,
  );
  await models.start();
  if (fake) await startPreview(models, fake);
  addEventListener('pagehide', () => models.dispose());
  return models;
}
