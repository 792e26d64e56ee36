/**
 * The frame of the bilingual account mails (invitations, resets, 参加申込): Japanese first, English below the
 * separator, and one signature, so that every such mail reads the same.
 */
export const BILINGUAL_SIGNATURE = [
  '',
  '--',
  '全国自治体リスキリングネットワーク「横展」事務局',
  'Yokoten – cross-municipality knowledge-sharing network',
  'このメールは送信専用です。 (This address does not receive replies.)',
].join('\n');

/** Lines between the Japanese text and its English version. */
export const LANGUAGE_SEPARATOR = ['', '――――――――――――――――――――', ''];
