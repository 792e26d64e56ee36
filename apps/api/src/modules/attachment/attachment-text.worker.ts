import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { normalizeForSearch } from '@yokoten/case-studies';
import { claimOutboxRows, releaseOutboxRows, secondsUntilNextDue } from '../../database/outbox-queries';
import { OutboxWorker } from '../../database/outbox-worker';
import { enqueueIndexUpdate } from '../../search/search-outbox';
import { AttachmentRepository } from './attachment.repository';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage';
import { ExtractionError, extractText } from './extract-text';

export const ATTACHMENT_TEXT_CHANNEL = 'attachment_text_outbox';
const POLL_MS = 30_000;
/** Files extracted per claim: each is a child process, and the machine has few cores. */
const BATCH = 2;

export interface TextBatchResult {
  claimed: number;
  done: number;
  failed: number;
}

/**
 * Extracts the text of uploaded files off the request path: one consumer per API process on the
 * attachment_text_outbox (leases, so each job runs once whatever the number of processes), woken by NOTIFY
 * like the mail and search consumers. A file whose extraction fails (malformed, too slow, too big) is
 * marked FAILED and not retried: it is still downloadable, only not searchable. A database error puts
 * the job back with a back-off.
 */
@Injectable()
export class AttachmentTextWorker extends OutboxWorker<TextBatchResult> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AttachmentRepository,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {
    super(dataSource, {
      loggerName: 'AttachmentText',
      channel: ATTACHMENT_TEXT_CHANNEL,
      applicationName: 'yokoten-attachment-text',
      pollMs: POLL_MS,
      failureMessage: 'attachment text batch failed',
    });
  }

  protected secondsUntilNextDue(): Promise<number | null> {
    return secondsUntilNextDue(this.dataSource, 'attachment_text_outbox');
  }

  protected runBatch(): Promise<TextBatchResult> {
    return this.processBatch();
  }

  /** Claims and handles up to BATCH jobs; exposed for tests. */
  async processBatch(): Promise<TextBatchResult> {
    const rows = await claimOutboxRows<{ id: string; attachment_id: string; attempts: number }>(
      this.dataSource,
      'attachment_text_outbox',
      'id, attachment_id, attempts',
      BATCH,
    );
    const result: TextBatchResult = { claimed: rows.length, done: 0, failed: 0 };
    for (const [i, row] of rows.entries()) {
      if (this.waiting.stopping) {
        await releaseOutboxRows(
          this.dataSource,
          'attachment_text_outbox',
          rows.slice(i).map((r) => r.id),
        );
        break;
      }
      try {
        const outcome = await this.handle(row.id, row.attachment_id);
        if (outcome === 'DONE') result.done++;
        if (outcome === 'FAILED') result.failed++;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        this.logger.warn({ msg: 'attachment text job backed off', attachmentId: row.attachment_id, error });
        await this.dataSource.query(
          `UPDATE attachment_text_outbox
              SET attempts = attempts + 1, last_error = $2, locked_until = NULL,
                  available_at = now() + make_interval(secs => LEAST(600, 5 * power(2, attempts)))
            WHERE id = $1`,
          [row.id, error.slice(0, 500)],
        );
      }
    }
    return result;
  }

  private async handle(jobId: string, attachmentId: string): Promise<'DONE' | 'FAILED' | 'GONE'> {
    const file = await this.repository.findById(attachmentId);
    if (!file) {
      await this.dataSource.query(`DELETE FROM attachment_text_outbox WHERE id = $1`, [jobId]);
      return 'GONE';
    }
    let text: string | null = null;
    let failure: string | null = null;
    try {
      text = await extractText(file.mimeType, this.storage.get(file.id));
    } catch (err) {
      if (!(err instanceof ExtractionError)) throw err;
      failure = err.message;
    }
    await this.repository.transaction(async (db) => {
      // The file may have been deleted while its text was extracted: then there is nothing to update.
      const [still] = (await db.query(`SELECT id FROM attachments WHERE id = $1 FOR UPDATE`, [
        file.id,
      ])) as unknown[];
      if (still) {
        await this.repository.setText(
          db,
          file.id,
          failure === null ? 'DONE' : 'FAILED',
          text,
          text === null ? null : normalizeForSearch(text),
        );
        if (file.caseStudyId && failure === null)
          await enqueueIndexUpdate(db, 'case_study', file.caseStudyId);
      }
      await db.query(`DELETE FROM attachment_text_outbox WHERE id = $1`, [jobId]);
    });
    if (failure !== null)
      this.logger.warn({
        msg: 'attachment text not extracted; the file stays, unsearchable',
        attachmentId,
        error: failure,
      });
    return failure === null ? 'DONE' : 'FAILED';
  }
}
