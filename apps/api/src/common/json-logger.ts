import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-id';

const LEVELS: Record<string, LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

const SECRET_KEYS = /pass(word)?|token|secret|authorization|cookie|master.?key/i;

/** Drops secrets from structured log payloads, whatever the caller passed. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

/**
 * One JSON line per event (Nest's JSON console mode), with the request id of the request being served.
 */
export class JsonLogger extends ConsoleLogger {
  constructor(level: keyof typeof LEVELS = 'info') {
    super({ json: true, logLevels: LEVELS[level] ?? LEVELS.info, colors: false });
  }

  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    writeStreamType?: 'stdout' | 'stderr',
  ): void {
    const requestId = currentRequestId();
    const enriched = messages.map((m) => {
      const payload = typeof m === 'object' && m !== null ? (redact(m) as Record<string, unknown>) : m;
      return requestId && typeof payload === 'object' && payload !== null
        ? { ...payload, requestId }
        : payload;
    });
    super.printMessages(enriched, context, logLevel, writeStreamType);
  }
}
