/**
 * Stream reports over HTTP: the running stream from the live room, past ones rebuilt from their
 * journals (snapshot + tail). Owner or moderator token required.
 */
import type { StreamReport } from '../../shared/engines/live-room-contract';
import { type RoomFactory, recoverStream } from '../journal/recovery';
import { journalPathFor, listStreams, type StreamSummary } from '../journal/streams-dir';
import type { Relay } from '../pipeline/relay';

export interface ReportDeps {
  relay: Relay;
  dataDir: string;
  createRoom: RoomFactory;
}

export function pastStreams(deps: ReportDeps): Array<StreamSummary & { current: boolean }> {
  const current = deps.relay.currentStreamId;
  return listStreams(deps.dataDir)
    .reverse()
    .map((summary) => ({ ...summary, current: summary.streamId === current }));
}

/** `current` or a stream id; null when there is no such stream. */
export function reportFor(deps: ReportDeps, streamId: string): StreamReport | null {
  const current = deps.relay.currentStreamId;
  if (streamId === 'current' || streamId === current) return deps.relay.report();
  const path = journalPathFor(deps.dataDir, streamId);
  if (!path) return null;
  try {
    return recoverStream(path, deps.createRoom)?.room.report() ?? null;
  } catch {
    return null;
  }
}
