/**
 * Reads a stream file line by line, never the whole file at once: either a raw recording of
 * connector events (`{"event","data","at"}` per line, as the README's Reports section says) or a Limelight journal
 * (`{"seq","at","type":"streamStart"|"event"|"command"|"tick"|"streamEnd",…}`). The first
 * parseable line decides which. Every line ends as an event, a duplicate (a message id seen
 * before in the file, dropped as the relay would) or skipped with a reason and its 1-based line
 * number, never fatal; a journal's own bookkeeping lines are records.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LiveEvent } from '../../shared/events/live-event';
import { createMessageDeduper, type MessageDeduper } from '../../shared/events/message-dedupe';
import { parseLiveEvent } from '../../shared/events/parse';
import { createInputTally, type InputOutcome, type InputSummary } from './input-summary';
import { isObject } from './tiktok-payloads/fields';
import { createPayloadMapper, type PayloadMappingOptions } from './tiktok-payloads/index';
import type { PayloadShape } from './tiktok-payloads/shape';

export type RecordingFormat = 'raw' | 'journal';

/** One line of a stream file, read. `shape`: a raw line's payload shape, when it had one. */
export type RecordingItem =
  /** `at`: when the line happened (recording receipt time / journal append time), for pacing. */
  | { kind: 'event'; line: number; at: number; event: LiveEvent; shape?: PayloadShape }
  /** Its message id was seen earlier in the file (a reconnect replay, a doubled emit). */
  | { kind: 'duplicate'; line: number; id: string; shape?: PayloadShape }
  /** A payload that is fine but carries no event Limelight uses (unknown event, a non-join…). */
  | { kind: 'skipped'; line: number; reason: string; shape?: PayloadShape }
  /** `message` names the field where it can; the 1-based line number is in `line`, not repeated. */
  | { kind: 'problem'; line: number; message: string; shape?: PayloadShape }
  /** A journal's own line without a source event (stream start and end, command, tick). */
  | { kind: 'record'; line: number; type: string };

export interface RecordingReadOptions extends PayloadMappingOptions {
  /** Called once, when the format is known. */
  onFormat?(format: RecordingFormat): void;
}

/** Reads a file. Rejects (on first iteration) when the file cannot be opened or read. */
export async function* readRecordingFile(
  path: string,
  options: RecordingReadOptions = {},
): AsyncGenerator<RecordingItem> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    yield* readRecordingLines(lines, options);
  } finally {
    // A reader stopped early (replay aborted) must not keep the file open.
    lines.close();
    input.destroy();
  }
}

/**
 * Reads lines of either format. Raw recordings are stamped `source: 'replay'` unless
 * `options.source` says otherwise; journal events keep the source they were recorded with.
 */
export async function* readRecordingLines(
  lines: AsyncIterable<string> | Iterable<string>,
  options: RecordingReadOptions = {},
): AsyncGenerator<RecordingItem> {
  const mapper = createPayloadMapper({ ...options, source: options.source ?? 'replay' });
  // The relay's own rule and capacity, so a report drops exactly what a replay drops.
  const seen = createMessageDeduper();
  let format: RecordingFormat | null = null;
  let line = 0;
  // A journal shared by server processes: lines under the highest writer fence seen so far are
  // a stale writer's and were never acknowledged (overlay-server/journal/fence.ts).
  let fence = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      yield { kind: 'problem', line, message: 'not JSON' };
      continue;
    }
    if (!isObject(record)) {
      yield { kind: 'problem', line, message: 'not a JSON object' };
      continue;
    }
    if (format === null) {
      format = 'seq' in record && 'type' in record ? 'journal' : 'raw';
      options.onFormat?.(format);
    }
    if (format === 'journal') {
      const lineFence = typeof record.fence === 'number' ? record.fence : 0;
      if (lineFence < fence) {
        yield { kind: 'skipped', line, reason: 'journal line of a stale writer' };
        continue;
      }
      fence = lineFence;
    }
    const item =
      format === 'journal' ? readJournalLine(record, line) : readRawLine(record, line, mapper);
    yield item.kind === 'event' ? unlessSeen(item, seen) : item;
  }
}

function unlessSeen(item: RecordingItem & { kind: 'event' }, seen: MessageDeduper): RecordingItem {
  if (!seen.seen(item.event.id)) return item;
  return { kind: 'duplicate', line: item.line, id: item.event.id, shape: item.shape };
}

function readRawLine(
  record: Record<string, unknown>,
  line: number,
  mapper: ReturnType<typeof createPayloadMapper>,
): RecordingItem {
  const { event: name, data, at } = record;
  if (typeof name !== 'string' || name === '') {
    return { kind: 'problem', line, message: 'event: expected an event name' };
  }
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
    return { kind: 'problem', line, message: 'at: expected epoch milliseconds' };
  }
  const mapped = mapper.map(name, data, at);
  const { shape } = mapped;
  if (mapped.status === 'mapped') return { kind: 'event', line, at, event: mapped.event, shape };
  if (mapped.status === 'skipped') return { kind: 'skipped', line, reason: mapped.reason, shape };
  return { kind: 'problem', line, message: mapped.error.message, shape };
}

/**
 * Journal lines that carry no source event (overlay-server/journal/entries.ts). A journal's
 * `streamEnd` line is the server's record of the end; the source's own `streamEnd`, if any, is
 * an `event` line, so replaying it ends the stream exactly once.
 */
const JOURNAL_LINES_WITHOUT_EVENT: readonly string[] = [
  'streamStart',
  'command',
  'tick',
  'streamEnd',
  'snapshot',
  'writer',
];

function readJournalLine(record: Record<string, unknown>, line: number): RecordingItem {
  const { type, at } = record;
  if (type !== 'event') {
    if (typeof type === 'string' && JOURNAL_LINES_WITHOUT_EVENT.includes(type)) {
      return { kind: 'record', line, type };
    }
    return { kind: 'problem', line, message: 'type: unknown journal line type' };
  }
  const parsed = parseLiveEvent(record.event);
  if (!parsed.ok) return { kind: 'problem', line, message: `event: ${parsed.message}` };
  const pacingAt = typeof at === 'number' && Number.isFinite(at) ? at : parsed.value.at;
  return { kind: 'event', line, at: pacingAt, event: parsed.value };
}

/** A whole file read into memory: for reports and tests, not for 8-hour replays. */
export interface LoadedRecording {
  format: RecordingFormat | null;
  /** The events, duplicates left out. */
  events: LiveEvent[];
  /** Lines whose message id an earlier line had. */
  duplicates: Array<{ line: number; id: string }>;
  /** Lines without an event, counted per reason (journal records as `journal <type>`). */
  skipped: Record<string, number>;
  problems: Array<{ line: number; message: string }>;
  /** Every line's outcome, summed up as `report` and `--replay` print it. */
  summary: InputSummary;
}

export function loadRecording(
  path: string,
  options: RecordingReadOptions = {},
): Promise<LoadedRecording> {
  return collect((opts) => readRecordingFile(path, opts), options);
}

/** Same as `loadRecording`, from lines in memory. */
export function loadRecordingLines(
  lines: AsyncIterable<string> | Iterable<string>,
  options: RecordingReadOptions = {},
): Promise<LoadedRecording> {
  return collect((opts) => readRecordingLines(lines, opts), options);
}

async function collect(
  read: (options: RecordingReadOptions) => AsyncIterable<RecordingItem>,
  options: RecordingReadOptions,
): Promise<LoadedRecording> {
  const loaded: Omit<LoadedRecording, 'summary'> = {
    format: null,
    events: [],
    duplicates: [],
    skipped: {},
    problems: [],
  };
  const tally = createInputTally();
  const onFormat = (format: RecordingFormat) => {
    loaded.format = format;
    options.onFormat?.(format);
  };
  const skip = (reason: string) => {
    loaded.skipped[reason] = (loaded.skipped[reason] ?? 0) + 1;
  };
  for await (const item of read({ ...options, onFormat })) {
    tally.add(outcomeOf(item));
    if (item.kind === 'event') loaded.events.push(item.event);
    else if (item.kind === 'duplicate') loaded.duplicates.push({ line: item.line, id: item.id });
    else if (item.kind === 'skipped') skip(item.reason);
    else if (item.kind === 'record') skip(`journal ${item.type}`);
    else loaded.problems.push({ line: item.line, message: item.message });
  }
  return { ...loaded, summary: tally.summary() };
}

/** A read line as the input summary counts it: a problem is a line skipped for its problem. */
export function outcomeOf(item: RecordingItem): InputOutcome {
  return item.kind === 'problem'
    ? { kind: 'skipped', line: item.line, reason: item.message, shape: item.shape }
    : item;
}
