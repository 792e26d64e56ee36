import { ADOPTION_STATUS_LABELS, type AdoptionStatus } from '@yokoten/case-studies';
import type { MailMessage } from '../mail/mail.service';

const SIGNATURE = [
  '',
  '--',
  '全国自治体リスキリングネットワーク「横展」事務局',
  'このメールは送信専用です。',
].join('\n');

export interface AdoptionMailFacts {
  caseTitle: string;
  caseUrl: string;
  followerName: string;
  status: AdoptionStatus;
  previousStatus: AdoptionStatus | null;
  note: string;
}

/** To the publisher's officers: another municipality follows (or moved on with) their case. */
export function adoptionMail(to: string[], f: AdoptionMailFacts): MailMessage {
  const label = ADOPTION_STATUS_LABELS[f.status].ja;
  const change = f.previousStatus ? `${ADOPTION_STATUS_LABELS[f.previousStatus].ja} → ${label}` : label;
  return {
    kind: 'adoption',
    to,
    subject: `【横展開】${f.followerName}が「${f.caseTitle}」を${label}`,
    text: [
      '担当者各位',
      '',
      `貴団体の事例「${f.caseTitle}」について、${f.followerName}が横展開の状況を登録しました。`,
      '',
      `状況：${change}`,
      ...(f.note ? [`メモ：${f.note}`] : []),
      `事例のページ：${f.caseUrl}`,
      SIGNATURE,
    ].join('\n'),
  };
}
