import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Bytes per stored piece: large enough that a 30 MB file is 120 rows, small enough to hold one in memory. */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;

/** Thrown by `put` as soon as the bytes read pass `maxBytes`: the caller's transaction then rolls back. */
export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

export interface StoredFile {
  sizeBytes: number;
  sha256: string;
}

/**
 * Where the bytes of attachments live: write from a stream, read as a stream, delete; never a whole file in
 * memory. The PostgreSQL implementation is the default (and the only one today: an S3-compatible one would
 * implement the same three calls; docs/attachments.md).
 */
export interface AttachmentStorage {
  /** Writes inside the caller's transaction `db`, so that a failed upload leaves nothing behind. */
  put(
    db: EntityManager,
    attachmentId: string,
    source: AsyncIterable<Buffer>,
    maxBytes: number,
  ): Promise<StoredFile>;
  get(attachmentId: string): Readable;
  delete(db: EntityManager, attachmentId: string): Promise<void>;
}

/** Re-cuts a stream of buffers of any size into pieces of exactly `size` bytes (the last one shorter). */
export async function* rechunk(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of source) {
    let rest = piece;
    while (held + rest.length >= size) {
      const take = size - held;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts, size);
      parts = [];
      held = 0;
      rest = rest.subarray(take);
    }
    if (rest.length > 0) {
      parts.push(rest);
      held += rest.length;
    }
  }
  if (held > 0) yield Buffer.concat(parts, held);
}

/**
 * attachment_chunks: one bytea row per 256 kB piece. Shared by every API process, carried by the backup
 * (a COPY of every table), no service besides PostgreSQL. TOAST stores bytea compressed when that helps
 * and out of line, so the table's pages stay small.
 */
@Injectable()
export class PostgresAttachmentStorage implements AttachmentStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async put(
    db: EntityManager,
    attachmentId: string,
    source: AsyncIterable<Buffer>,
    maxBytes: number,
  ): Promise<StoredFile> {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    for await (const chunk of rechunk(source, ATTACHMENT_CHUNK_BYTES)) {
      size += chunk.length;
      if (size > maxBytes) throw new TooLargeError(maxBytes);
      hash.update(chunk);
      await db.query(`INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES ($1, $2, $3)`, [
        attachmentId,
        seq++,
        chunk,
      ]);
    }
    return { sizeBytes: size, sha256: hash.digest('hex') };
  }

  /** The bytes in order, one row per read: the consumer's pace (backpressure) decides when the next is fetched. */
  get(attachmentId: string): Readable {
    const dataSource = this.dataSource;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        const rows = (await dataSource.query(
          `SELECT data FROM attachment_chunks WHERE attachment_id = $1 AND seq = $2`,
          [attachmentId, seq],
        )) as Array<{ data: Buffer }>;
        if (rows.length === 0) return;
        yield rows[0].data;
      }
    }
    return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
  }

  async delete(db: EntityManager, attachmentId: string): Promise<void> {
    await db.query(`DELETE FROM attachment_chunks WHERE attachment_id = $1`, [attachmentId]);
  }
}

/** The injection token of the storage in use. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');
