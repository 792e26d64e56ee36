import type { Request } from 'express';
import type { AppConfig } from '../config/app-config';

/**
 * The address to put in absolute links users follow from outside the app (open-data files, calendar
 * feeds): PUBLIC_URL when configured, else the scheme and Host of the request being answered.
 */
export function publicBaseUrl(config: Pick<AppConfig, 'PUBLIC_URL'>, req: Request): string {
  return config.PUBLIC_URL ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
