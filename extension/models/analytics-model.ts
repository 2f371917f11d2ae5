/**
 * Per-stream history kept in the panel's store: the running stream is saved as it goes (a few
 * seconds apart), and replaced by the server's final report once the stream ends.
 */
import { action, computed, createModel, effect, signal } from '@preact/signals';
import { scheduleConsistency } from '../analytics/schedule-consistency';
import type { PanelStore } from '../storage/panel-store';
import type { EarningsEntry, StreamSummary } from '../storage/records';
import type { ReportFetcher } from '../transport/report-client';
import type { ControlTransport } from '../transport/transport';
import { createCommandRunner } from './command-runner';
import type { RoomModel } from './room-model';
import type { SettingsModel } from './settings-model';
import { earningsOf, summaryFromLive, summaryFromReport } from './stream-summary';

/** How often the running stream's summary is written while figures change. */
const SAVE_EVERY_MS = 3_000;

export const AnalyticsModel = createModel(
  (
    transport: ControlTransport,
    room: RoomModel,
    store: PanelStore,
    settings: SettingsModel,
    fetchReport: ReportFetcher,
  ) => {
    const commands = createCommandRunner(transport);
    const history = signal<StreamSummary[]>([]);
    const earnings = signal<EarningsEntry[]>([]);

    const load = action(async () => {
      const [summaries, entries] = await Promise.all([
        store.getAll('streamSummaries'),
        store.getAll('earnings'),
      ]);
      history.value = summaries.sort((a, b) => a.startedAt - b.startedAt);
      earnings.value = entries;
    });

    const save = async (summary: StreamSummary) => {
      await store.put('streamSummaries', summary);
      await store.put('earnings', earningsOf(summary));
      await load();
    };

    /** Replaces a stream's live summary with the server's report. */
    const finalize = action(async (streamId: string) => {
      // Unreachable server: the live summary stays until a later try.
      const report = await fetchReport(streamId).catch(() => null);
      if (report) await save(summaryFromReport(report));
    });

    /** Owner only: ends the stream on the server, then archives its final report. */
    const endStream = action(async () => {
      const streamId = room.streamId.peek();
      const ack = await commands.send({ type: 'stream.end' });
      if (ack.ok && streamId) await finalize(streamId);
      return ack;
    });

    // Save the running stream at most every few seconds while its figures change (owner only:
    // the earnings are theirs). A throttle, not a debounce: a busy stream changes every second.
    let pendingSave: ReturnType<typeof setTimeout> | null = null;
    const saveLiveNow = () => {
      pendingSave = null;
      const streamId = room.streamId.peek();
      const live = room.earnings.peek();
      const metrics = room.metrics.peek();
      if (!streamId || !live || !metrics || transport.role.peek() !== 'owner') return;
      const known = history.peek().find((s) => s.streamId === streamId);
      const summary = summaryFromLive(streamId, live, metrics, Date.now());
      if (known?.final) return;
      void save(known ? { ...summary, startedAt: known.startedAt } : summary);
    };
    effect(() => {
      const ready =
        room.streamId.value &&
        room.earnings.value &&
        room.metrics.value &&
        transport.role.value === 'owner';
      if (ready && pendingSave === null) pendingSave = setTimeout(saveLiveNow, SAVE_EVERY_MS);
    });
    effect(() => () => {
      if (pendingSave !== null) clearTimeout(pendingSave);
    });

    // Streams that ended while the panel was closed are still live summaries: finalize them
    // once the current stream is known (owner only, like every earnings write).
    const finalizing = new Set<string>();
    effect(() => {
      const current = room.streamId.value;
      if (!current || transport.role.value !== 'owner') return;
      for (const summary of history.value) {
        if (summary.final || summary.streamId === current || finalizing.has(summary.streamId))
          continue;
        finalizing.add(summary.streamId);
        void finalize(summary.streamId);
      }
    });

    // A new stream id means the previous stream ended: archive its final report.
    let previousStream: string | null = null;
    effect(() => {
      const streamId = room.streamId.value;
      if (previousStream && streamId !== previousStream) void finalize(previousStream);
      previousStream = streamId;
    });

    const followerGrowth = computed(() => {
      let total = 0;
      return history.value.map((s) => {
        total += s.followers;
        return { at: s.startedAt, gained: s.followers, total };
      });
    });
    const schedule = computed(() =>
      scheduleConsistency(
        settings.schedule.value,
        history.value.map((s) => s.startedAt),
      ),
    );

    return { history, earnings, followerGrowth, schedule, commands, load, finalize, endStream };
  },
);
export type AnalyticsModel = InstanceType<typeof AnalyticsModel>;
