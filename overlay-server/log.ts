/**
 * Logs: each line goes to every sink that takes its level, as JSON (the log file, `--log-json`)
 * or as one short human line (the console). Never pass tokens in fields; `redact` below drops
 * any field whose name says it holds one, as a second fence.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
/** `json`: one JSON object per line. `human`: `12:01:02  warning: message (key: value)`. */
export type LogFormat = 'json' | 'human';

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/** One place lines go. */
export interface LogSink {
  /** The lowest level this sink takes. */
  level: LogLevel;
  format: LogFormat;
  /** Writes one line (without its newline); must not throw. */
  write(line: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_FIELD = /token|secret|authorization|password/i;

function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = SECRET_FIELD.test(key) ? '[redacted]' : value;
  }
  return out;
}

const LEVEL_WORD: Record<LogLevel, string> = {
  debug: 'debug: ',
  info: '',
  warn: 'warning: ',
  error: 'error: ',
};

/** A line a person reads: local time, the message, then the fields in plain `key: value` form. */
export function humanLine(level: LogLevel, message: string, fields: LogFields, at: Date): string {
  const time = at.toTimeString().slice(0, 8);
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return `${time}  ${LEVEL_WORD[level]}${message}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export interface LoggerOptions {
  /** Where lines go. Without sinks: one JSON sink on stderr (or `write`) at `level`. */
  sinks?: LogSink[];
  level?: LogLevel;
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}, base: LogFields = {}): Logger {
  const sinks: LogSink[] = options.sinks ?? [
    {
      level: options.level ?? 'info',
      format: 'json',
      write: options.write ?? ((line: string) => process.stderr.write(`${line}\n`)),
    },
  ];
  const emit = (level: LogLevel, message: string, fields: LogFields = {}) => {
    const taking = sinks.filter((sink) => ORDER[level] >= ORDER[sink.level]);
    if (taking.length === 0) return;
    const all = redact({ ...base, ...fields });
    const now = new Date();
    let json: string | null = null;
    let human: string | null = null;
    for (const sink of taking) {
      if (sink.format === 'json') {
        json ??= JSON.stringify({ time: now.toISOString(), level, message, ...all });
        sink.write(json);
      } else {
        human ??= humanLine(level, message, all, now);
        sink.write(human);
      }
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger({ sinks }, { ...base, ...fields }),
  };
}

/** A logger that drops everything: for tests that do not look at logs. */
export const silentLogger: Logger = createLogger({ sinks: [] });
