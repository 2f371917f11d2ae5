/**
 * Structured logs: JSON lines on stderr (pretty when stderr is a TTY). Never pass tokens in
 * fields; `redact` below drops any field whose name says it holds one, as a second fence.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
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

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions = {}, base: LogFields = {}): Logger {
  const minimum = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const pretty = options.pretty ?? false;
  const emit = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (ORDER[level] < minimum) return;
    const all = redact({ ...base, ...fields });
    if (pretty) {
      const extra = Object.keys(all).length ? ` ${JSON.stringify(all)}` : '';
      write(`${new Date().toISOString().slice(11, 23)} ${level.toUpperCase()} ${message}${extra}`);
    } else {
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...all }));
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}

/** A logger that drops everything: for tests that do not look at logs. */
export const silentLogger: Logger = createLogger({ write: () => {} });
