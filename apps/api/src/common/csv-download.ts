import type { FastifyReply } from 'fastify';
import { AppError } from './app-error';

/** The HTTP status of a refusal on a download route (anything else is a 400). */
const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

/**
 * Answers a CSV download (private, not cached) with the file `make` builds; a refusal (AppError) becomes
 * its HTTP status and `{ error: { code, message } }`, anything else is thrown on to Nest.
 */
export async function sendCsvDownload(
  res: FastifyReply,
  make: () => Promise<{ filename: string; csv: string }>,
): Promise<void> {
  try {
    const { filename, csv } = await make();
    res
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${filename}"`)
      .header('Cache-Control', 'private, no-store')
      .send(csv);
  } catch (e) {
    if (e instanceof AppError)
      res.code(HTTP_STATUS[e.code] ?? 400).send({ error: { code: e.code, message: e.message } });
    else throw e;
  }
}
