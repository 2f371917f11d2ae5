/**
 * Event sources: everything that produces `LiveEvent`s for the server. One interface
 * (`EventSourceRunner`), one payload adapter for tiktok-live-connector, the stream-file reader,
 * replay, and the simulated demo stream. The live connector source sits in `connector/`.
 */
export { createVirtualClock, type SourceClock, systemClock, type VirtualClock } from './clock';
export {
  type LoadedRecording,
  loadRecording,
  loadRecordingLines,
  type RecordingFormat,
  type RecordingItem,
  type RecordingReadOptions,
  readRecordingFile,
  readRecordingLines,
} from './recording';
export {
  createReplaySource,
  parseReplaySpeed,
  type ReplayOptions,
  type ReplaySource,
  type ReplaySpeed,
  type ReplayStats,
} from './replay-source';
export * from './simulator/index';
export type { EventSourceRunner, SourceProblem, SourceSink, SourceStatus } from './source';
export * from './tiktok-payloads/index';
