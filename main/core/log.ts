/**
 * A logger per module (STYLE.md habit 8). Lines are JSON on stderr so a kiosk's journal or the Electron
 * log file can be grepped by module. Personal data never goes into a log line: pass ids, not names.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const level = process.env.KIOSK_LOG_LEVEL as LogLevel | undefined;
  return order[level ?? 'info'] ?? order.info;
}

export type LogSink = (line: string) => void;

let sink: LogSink = (line) => process.stderr.write(line + '\n');

/** Tests and the Electron shell can redirect log lines. Returns the previous sink. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

export function createLogger(module: string): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (order[level] < threshold()) return;
    const error = fields?.error;
    const extra =
      error instanceof Error ? { ...fields, error: { name: error.name, message: error.message } } : fields;
    sink(JSON.stringify({ t: new Date().toISOString(), level, module, message, ...extra }));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
