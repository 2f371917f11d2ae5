/**
 * The one interface every event source implements (simulator, replay, and later the TikTok
 * connector and page capture). A source produces normalized `LiveEvent`s; the server validates
 * them again at ingest, dedupes, and owns everything downstream.
 */
import type { EventSource } from '../../shared/events/base';
import type { LiveEvent } from '../../shared/events/live-event';
import type { SourceHealth } from '../../shared/protocol/channel-data';
import type { InputSummary } from './input-summary';

/** A source's own view of its health; the server adds `primary`, `lastEventAt`, rates. */
export interface SourceStatus {
  state: SourceHealth['state'];
  /** Why, for the panel: "file ended", "rate limited, retrying in 30 s", … Null when nothing to say. */
  detail: string | null;
}

/** Something wrong in the input that the source stepped over (a bad recording line, …). */
export interface SourceProblem {
  message: string;
  /** 1-based line of the file the problem is on, when the source reads a file. */
  line?: number;
}

/** Where a source delivers. Implemented by the server's ingest. */
export interface SourceSink {
  emit(event: LiveEvent): void;
  status(status: SourceStatus): void;
  /** Non-fatal input problems; the source keeps going. Optional: a sink may ignore them. */
  problem?(problem: SourceProblem): void;
  /**
   * The source read all its input (a replayed file's last line): streaks whose end never came
   * commit now by the quiet-period rule. Returns how many streaks that committed.
   */
  endOfInput?(): number;
  /**
   * Registers the source's input tally (what became of each payload or line), read whenever the
   * Sources list and /health are built.
   */
  inputTally?(read: () => InputSummary): void;
}

/** A running source of live events. */
export interface EventSourceRunner {
  readonly name: EventSource;
  /**
   * Runs the source. Resolves when the source ends by itself (file end, stream end) or when
   * `signal` aborts; rejects only on a failure that stops the source (e.g. a missing file), after
   * reporting it through `sink.status({state: 'error', …})`.
   */
  start(sink: SourceSink, signal: AbortSignal): Promise<void>;
}
