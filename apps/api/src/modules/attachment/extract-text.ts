import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Bounds of one extraction (docs/attachments.md): a file that needs more is marked FAILED, nothing else. */
export const EXTRACTION_LIMITS = {
  /** Wall-clock time of the child process. */
  timeoutMs: 60_000,
  /** Heap of the child process. */
  maxOldSpaceMb: 512,
  /** Characters of text kept per file (a 300-page report is about 200,000). */
  maxChars: 200_000,
} as const;

/** The child script beside this file (copied as is by scripts/build-api.mjs: it must stay an ES module). */
const CHILD = join(__dirname, 'extract-text.child.mjs');

export class ExtractionError extends Error {}

/**
 * The text of a file, extracted in a child process (extract-text.child.mjs: pdfjs-dist for PDF, the XML
 * parts of docx/pptx/xlsx read with yauzl, text files as UTF-8 or Shift_JIS) with a time and memory limit:
 * a malformed or hostile file ends that process, never the API; the caller gets an ExtractionError.
 */
export function extractText(
  mimeType: string,
  bytes: Readable,
  limits: { timeoutMs: number; maxOldSpaceMb: number; maxChars: number } = EXTRACTION_LIMITS,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${limits.maxOldSpaceMb}`, CHILD, mimeType, String(limits.maxChars)],
      { stdio: ['pipe', 'pipe', 'pipe'], timeout: limits.timeoutMs, killSignal: 'SIGKILL' },
    );
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    // UTF-8 is at most 4 bytes a character (pdf.js text is mostly 3): a child writing more is cut off.
    const maxOutBytes = limits.maxChars * 4 + 1024;
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > maxOutBytes) child.kill('SIGKILL');
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 1000) err += b.toString('utf8');
    });
    child.on('error', (e) => reject(new ExtractionError(`extraction could not start: ${e.message}`)));
    child.on('close', (code, signal) => {
      bytes.destroy();
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const why = signal
        ? signal === 'SIGKILL' || signal === 'SIGTERM'
          ? `stopped after ${limits.timeoutMs} ms or over its limits`
          : `ended by ${signal}`
        : err.trim() || `exit code ${code}`;
      reject(new ExtractionError(why.slice(0, 300)));
    });
    // The child may stop reading early (it failed): its stdin closing is not our error.
    child.stdin.on('error', () => undefined);
    bytes.on('error', (e) => {
      child.kill('SIGKILL');
      reject(new ExtractionError(`reading the file failed: ${e.message}`));
    });
    bytes.pipe(child.stdin);
  });
}
