import { fileTypeFromBuffer } from 'file-type';
import { attachmentTypeOf, type AttachmentType } from '@yokoten/case-studies';

/**
 * Bytes of the head of a file that `sniffAttachmentType` looks at: the first storage chunk. OOXML files
 * (docx/xlsx/pptx are zip archives) are told apart by their [Content_Types].xml, which Office and
 * LibreOffice write first, well within it.
 */
export const SNIFF_BYTES = 256 * 1024;

const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Text a person could have written: no NUL byte, hardly any other control character. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= head.length / 100;
}

/**
 * The type of a file from its first bytes (never from its name or the client's Content-Type), or
 * undefined when it is not one of ATTACHMENT_TYPES. `file-type` (21, ES module: loaded through Node's
 * require of ES modules, and compiled for jest) reads magic numbers and looks inside zip archives, so a
 * renamed .exe is refused and a .docx is a Word file even when named .zip. Two cases it cannot decide
 * alone: legacy Office files share one container (CFB), told apart by the name's extension once the
 * content is that container; and plain text has no magic number, accepted as .txt/.csv when it looks
 * like text.
 */
export async function sniffAttachmentType(
  head: Uint8Array,
  name: string,
): Promise<AttachmentType | undefined> {
  const detected = await fileTypeFromBuffer(head);
  const ext = extensionOf(name);
  if (!detected) {
    if ((ext === 'txt' || ext === 'csv') && looksLikeText(head))
      return attachmentTypeOf(ext === 'csv' ? 'text/csv' : 'text/plain');
    return undefined;
  }
  if (detected.mime === 'application/x-cfb') {
    const legacy = LEGACY_OFFICE[ext];
    return legacy ? attachmentTypeOf(legacy) : undefined;
  }
  return attachmentTypeOf(detected.mime);
}
