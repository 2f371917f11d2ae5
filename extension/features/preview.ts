/** The dev preview: a paired owner panel over the in-memory transport with a sample room. */
import type { PanelModels } from '../models/panel-models';
import { earningsState, metricsState, pollView, sponsorCard } from '../models/sample-room';
import type { MemoryTransport } from '../transport/memory-transport';

export async function startPreview(models: PanelModels, transport: MemoryTransport) {
  await models.connection.pair('http://127.0.0.1:7420/pair?token=preview-token-0000');
  transport.accept('owner');
  transport.pushSnapshot({
    streamId: 'preview',
    channels: {
      earnings: earningsState(4200, 150),
      metrics: metricsState(),
      poll: { current: pollView('running') },
      sponsor: { card: sponsorCard({ measuredAt: Date.now() }) },
      leaderboard: {
        top: [{ id: '1', handle: 'rosefan', nickname: 'Rose Fan', avatarUrl: null, coins: 1200 }],
      },
      goals: {
        goals: [
          {
            id: 'g1',
            kind: 'coins',
            label: 'Coin goal',
            target: 10_000,
            current: 4200,
            etaSeconds: 3600,
            reachedAt: null,
          },
        ],
      },
    },
  });
}
