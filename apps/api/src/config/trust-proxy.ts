import { isIP } from 'node:net';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Names proxy-addr (Fastify's trustProxy, as Express's before it) knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY → Fastify's `trustProxy` (proxy-addr): a hop count (`1`: the one load balancer in front; `0`: believe
 * no X-Forwarded-For), or a comma-separated list of proxy addresses, CIDR ranges and the names
 * loopback / linklocal / uniquelocal. `true` (believe anyone) is refused: any client could then choose
 * its own address and escape the per-address login limits. Returns null when the value is not valid.
 */
export function parseTrustProxy(value: unknown): number | string[] | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 10 ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return parseTrustProxy(Number(text));
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0 || !entries.every(isAddressOrCidr)) return null;
  return entries;
}

export const TRUST_PROXY_MESSAGE =
  'TRUST_PROXY must be a hop count (0–10, e.g. 1 behind one load balancer), or a comma-separated list of proxy addresses / CIDR ranges (e.g. 10.0.0.0/8,192.168.1.10) or loopback, linklocal, uniquelocal';

export function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustProxy',
      validator: {
        validate: (value: unknown) => parseTrustProxy(value) !== null,
        defaultMessage: () => TRUST_PROXY_MESSAGE,
      },
    },
    options,
  );
}
