/**
 * A small structured logger. Every line is one JSON object on stdout/stderr. Fields that can hold credentials are
 * redacted by name, and anything shaped like a JWT or bearer token is masked wherever it appears, so a token that
 * slips into an error message still never reaches the log.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogSink = (level: Exclude<LogLevel, 'silent'>, line: string) => void;

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_FIELD = /token|authorization|assertion|secret|password|cookie|code_verifier|client_assertion/i;
const JWT_SHAPE = /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const BEARER_SHAPE = /\bBearer\s+[\w.~+/=-]+/gi;

export function redactText(text: string): string {
  return text.replace(BEARER_SHAPE, 'Bearer [redacted]').replace(JWT_SHAPE, '[redacted-jwt]');
}

function redactValue(key: string, value: unknown, depth: number): unknown {
  if (SECRET_FIELD.test(key) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), ...('code' in value ? { code: value.code } : {}) };
  }
  if (depth < 4 && Array.isArray(value)) return value.map((item) => redactValue('', item, depth + 1));
  if (depth < 4 && value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(k, v, depth + 1)]));
  }
  return value;
}

const defaultSink: LogSink = (level, line) => {
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
};

export function createLogger(options: { level?: LogLevel; sink?: LogSink; name?: string } = {}): Logger {
  const threshold = LEVEL_RANK[options.level ?? 'info'];
  const sink = options.sink ?? defaultSink;
  const write = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (LEVEL_RANK[level] < threshold) return;
    const safeFields = fields ? (redactValue('', fields, 0) as Record<string, unknown>) : {};
    const entry = { time: new Date().toISOString(), level, ...(options.name ? { name: options.name } : {}), msg: redactText(message), ...safeFields };
    sink(level, JSON.stringify(entry));
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** For tests and libraries that must stay quiet. */
export const silentLogger: Logger = createLogger({ level: 'silent' });
