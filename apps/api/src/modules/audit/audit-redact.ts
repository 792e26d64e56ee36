/** Keys whose values never reach the audit log, at any depth (compared without case, `_` or `-`). */
const SECRET_KEYS = new Set([
  'password',
  'passwordhash',
  'newpassword',
  'currentpassword',
  'token',
  'tokenhash',
  'resettoken',
  'invitationtoken',
  'secret',
]);

const isSecretKey = (key: string): boolean => SECRET_KEYS.has(key.replace(/[_-]/g, '').toLowerCase());

/**
 * A copy of `value` fit for the audit log: secret keys dropped at any depth, Dates as ISO strings,
 * undefined as absent (what JSON would do). Returns null for nothing to record.
 */
export function redactForAudit(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return strip(value, 0);
}

function strip(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value;
  if (depth > 8) return '[…]';
  if (Array.isArray(value)) return value.map((v) => strip(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (isSecretKey(k) || v === undefined || typeof v === 'function') continue;
    out[k] = strip(v, depth + 1);
  }
  return out;
}
