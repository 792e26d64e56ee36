import type { Lang, LabelMap } from './labels';

/**
 * Files attached to case studies and exchange sessions (docs/attachments.md): the contract the API
 * enforces and the web shows, in one place.
 */

/** The largest file accepted: 30 MB (MiB). Reading stops here; nothing is stored. */
export const ATTACHMENT_MAX_BYTES = 30 * 1024 * 1024;
/** Files per case study or per exchange session. */
export const ATTACHMENTS_PER_OWNER = 20;
/** Characters of a file name (longer names are refused) and of a caption. */
export const ATTACHMENT_NAME_MAX_CHARS = 200;
export const ATTACHMENT_CAPTION_MAX_CHARS = 300;

/** What a file is attached to. */
export const ATTACHMENT_OWNER_TYPES = ['CASE_STUDY', 'EXCHANGE_SESSION'] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];

/**
 * What a session's file is for: before the session its agenda and preparation material, after it the
 * slides and the report's attachments. A case's files have none.
 */
export const SESSION_ATTACHMENT_PURPOSES = ['AGENDA', 'PREPARATION', 'SLIDES', 'REPORT'] as const;
export type SessionAttachmentPurpose = (typeof SESSION_ATTACHMENT_PURPOSES)[number];

export const SESSION_ATTACHMENT_PURPOSE_LABELS: LabelMap<SessionAttachmentPurpose> = {
  AGENDA: { ja: '次第・アジェンダ', en: 'Agenda' },
  PREPARATION: { ja: '事前資料', en: 'Preparation material' },
  SLIDES: { ja: '当日の発表資料', en: 'Slides' },
  REPORT: { ja: '報告書の添付資料', en: 'Report attachment' },
};

export const ATTACHMENT_KINDS = ['PDF', 'WORD', 'EXCEL', 'POWERPOINT', 'IMAGE', 'TEXT'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: LabelMap<AttachmentKind> = {
  PDF: { ja: 'PDF', en: 'PDF' },
  WORD: { ja: 'Word', en: 'Word' },
  EXCEL: { ja: 'Excel', en: 'Excel' },
  POWERPOINT: { ja: 'PowerPoint', en: 'PowerPoint' },
  IMAGE: { ja: '画像', en: 'Image' },
  TEXT: { ja: 'テキスト', en: 'Text' },
};

export interface AttachmentType {
  mimeType: string;
  kind: AttachmentKind;
  /** The extension the download is named with when the uploaded name has another one. */
  extension: string;
  /** Whether its text is extracted and made searchable. */
  textExtracted: boolean;
}

/**
 * The accepted types, recognised from the content (never from the name): OOXML files are zip archives
 * told apart by their [Content_Types].xml; legacy Office files (.doc/.xls/.ppt) share one container and are
 * told apart by their name's extension only after the content proved to be that container. No SVG or HTML:
 * they could carry scripts.
 */
export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  { mimeType: 'application/pdf', kind: 'PDF', extension: 'pdf', textExtracted: true },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kind: 'WORD',
    extension: 'docx',
    textExtracted: true,
  },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    kind: 'EXCEL',
    extension: 'xlsx',
    textExtracted: true,
  },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    kind: 'POWERPOINT',
    extension: 'pptx',
    textExtracted: true,
  },
  { mimeType: 'application/msword', kind: 'WORD', extension: 'doc', textExtracted: false },
  { mimeType: 'application/vnd.ms-excel', kind: 'EXCEL', extension: 'xls', textExtracted: false },
  { mimeType: 'application/vnd.ms-powerpoint', kind: 'POWERPOINT', extension: 'ppt', textExtracted: false },
  { mimeType: 'image/png', kind: 'IMAGE', extension: 'png', textExtracted: false },
  { mimeType: 'image/jpeg', kind: 'IMAGE', extension: 'jpg', textExtracted: false },
  { mimeType: 'image/gif', kind: 'IMAGE', extension: 'gif', textExtracted: false },
  { mimeType: 'image/webp', kind: 'IMAGE', extension: 'webp', textExtracted: false },
  { mimeType: 'text/plain', kind: 'TEXT', extension: 'txt', textExtracted: true },
  { mimeType: 'text/csv', kind: 'TEXT', extension: 'csv', textExtracted: true },
];

export function attachmentTypeOf(mimeType: string): AttachmentType | undefined {
  return ATTACHMENT_TYPES.find((t) => t.mimeType === mimeType);
}

/** For the file picker's `accept`: a hint only, the server checks the content. */
export const ATTACHMENT_ACCEPT = [
  '.pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv',
  ...ATTACHMENT_TYPES.map((t) => t.mimeType),
].join(',');

/** The error codes of an upload (extensions.code / the JSON error's code), besides the common ones. */
export const ATTACHMENT_ERROR_CODES = [
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_NOT_ALLOWED',
  'ATTACHMENT_QUOTA_EXCEEDED',
] as const;
export type AttachmentErrorCode = (typeof ATTACHMENT_ERROR_CODES)[number];

/** A file size for people: 「512 バイト」「12.3 KB」「4.5 MB」 (1 KB = 1,024 bytes, as file managers count). */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return lang === 'ja' ? `${bytes} バイト` : `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${units[unit]}`;
}
