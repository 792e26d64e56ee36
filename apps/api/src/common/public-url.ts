import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';

/**
 * The address to put in absolute links users follow from outside the app (open-data files, calendar
 * feeds): PUBLIC_URL when configured, else the scheme and Host of the request being answered.
 */
export function publicBaseUrl(
  config: Pick<AppConfig, 'PUBLIC_URL'>,
  req: Pick<FastifyRequest, 'protocol' | 'headers'>,
): string {
  // The Host header itself, as before (Fastify's request.host would prefer X-Forwarded-Host).
  return config.PUBLIC_URL ?? `${req.protocol}://${req.headers.host || 'localhost'}`;
}

/**
 * The address of links in mails: PUBLIC_URL; on a machine running the embedded services (a local or
 * demo install) http://localhost:PORT; otherwise none, and links stay paths (/cases/…) rather than point
 * somewhere wrong.
 */
export function mailAppUrl(config: Pick<AppConfig, 'PUBLIC_URL' | 'PORT' | 'embeddedDatabase'>): string {
  return config.PUBLIC_URL ?? (config.embeddedDatabase ? `http://localhost:${config.PORT}` : '');
}
