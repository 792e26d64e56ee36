/**
 * The backup file: one gzip stream of
 *
 *   YOKOTEN-BACKUP 1\n
 *   <header: one line of JSON (BackupHeader)>\n
 *   then per table, in dependency order (parents first):
 *     TABLE <json {"name","columns","rows"}>\n
 *     <n>\n<n bytes of COPY text data>   (repeated; a chunk as PostgreSQL sent it)
 *     0\n                                (end of the table)
 *   END <json {"tables","rows"}>\n       (a file without it was cut short and is refused)
 *
 * Length-prefixed chunks rather than COPY's `\.` terminator: the reader never has to parse COPY text,
 * and binary data would fit unchanged. `zcat FILE | less` still shows the rows as text.
 */
export const MAGIC = 'YOKOTEN-BACKUP';
export const FORMAT_VERSION = 1;

export interface BackupMigration {
  name: string;
  timestamp: number;
}

export interface BackupTable {
  name: string;
  columns: string[];
  primaryKey: string[];
  rows: number;
}

export interface BackupHeader {
  format: 'yokoten-backup';
  formatVersion: number;
  createdAt: string;
  app: { name: string; version: string };
  /** `server_version` of the PostgreSQL backed up. */
  server: string;
  database: string;
  /** The schema version: the applied migrations, in the order they ran. */
  migrations: BackupMigration[];
  /** In file order: every table referenced by a foreign key comes before the tables referring to it. */
  tables: BackupTable[];
  excluded: Array<{ name: string; reason: string }>;
  /** Values as read when the snapshot was taken (sequences are not transactional: never behind it). */
  sequences: Array<{ name: string; table: string | null; lastValue: string; isCalled: boolean }>;
  /** Tables in other schemas, not in the backup (none in Yokoten's schema). */
  notIncluded: string[];
}

/**
 * Set in the transaction on both sides, as pg_dump does: COPY's text for dates, intervals and floats
 * follows these settings, so a server configured with, say, `DateStyle = 'SQL, DMY'` would otherwise write
 * dates that another server reads differently. No timeout meant for the app may cut the one transaction.
 */
export const COPY_SESSION_SETTINGS = [
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 3',
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL client_encoding = 'UTF8'",
  'SET LOCAL standard_conforming_strings = on',
  'SET LOCAL statement_timeout = 0',
  'SET LOCAL idle_in_transaction_session_timeout = 0',
].join('; ');

export class BackupFormatError extends Error {}

/** Sequential reader of the gunzipped stream: lines and exact byte counts, no whole-file buffering. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly iterator: AsyncIterator<Buffer>;
  private ended = false;

  constructor(stream: AsyncIterable<Buffer>) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }

  /** The next line without its `\n`; lines of the format are short (a header of a few kB at most). */
  async line(maxLength = 16 * 1024 * 1024): Promise<string> {
    for (;;) {
      const at = this.buffer.indexOf(0x0a);
      if (at >= 0) {
        const text = this.buffer.subarray(0, at).toString('utf8');
        this.buffer = this.buffer.subarray(at + 1);
        return text;
      }
      if (this.buffer.length > maxLength) throw new BackupFormatError('not a Yokoten backup (line too long)');
      if (!(await this.fill())) throw new BackupFormatError('the backup file ends early: it is incomplete');
    }
  }

  /** Exactly n bytes, handed over in the pieces they arrive in. */
  async *bytes(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.buffer.length === 0 && !(await this.fill()))
        throw new BackupFormatError('the backup file ends early: it is incomplete');
      const take = Math.min(left, this.buffer.length);
      yield this.buffer.subarray(0, take);
      this.buffer = this.buffer.subarray(take);
      left -= take;
    }
  }

  async atEnd(): Promise<boolean> {
    while (this.buffer.length === 0) if (!(await this.fill())) return true;
    return false;
  }
}

/** `KEYWORD {json}` → the parsed JSON, or a format error naming what was expected. */
export function parseTagged<T>(line: string, keyword: string): T {
  if (!line.startsWith(`${keyword} `))
    throw new BackupFormatError(`backup file damaged: expected ${keyword}, found "${line.slice(0, 40)}"`);
  try {
    return JSON.parse(line.slice(keyword.length + 1)) as T;
  } catch {
    throw new BackupFormatError(`backup file damaged: unreadable ${keyword} line`);
  }
}

export function parseHeader(magicLine: string, headerLine: string): BackupHeader {
  const [magic, version] = magicLine.split(' ');
  if (magic !== MAGIC) throw new BackupFormatError('not a Yokoten backup (made by `npm run db:backup`)');
  if (Number(version) !== FORMAT_VERSION)
    throw new BackupFormatError(
      `backup format ${version} is not supported by this build (it reads format ${FORMAT_VERSION}); use a newer Yokoten`,
    );
  let header: BackupHeader;
  try {
    header = JSON.parse(headerLine) as BackupHeader;
  } catch {
    throw new BackupFormatError('backup file damaged: unreadable header');
  }
  if (
    header.format !== 'yokoten-backup' ||
    !Array.isArray(header.migrations) ||
    !Array.isArray(header.tables)
  )
    throw new BackupFormatError('backup file damaged: incomplete header');
  return header;
}
