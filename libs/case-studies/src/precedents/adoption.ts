import { isOneOf } from '../taxonomy';
import type { LabelMap } from '../labels';

/** Where a municipality stands with a case it follows (横展開): it may move either way over time. */
export const ADOPTION_STATUSES = ['CONSIDERING', 'PILOTING', 'ADOPTED'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];
export const ADOPTION_STATUS_LABELS: LabelMap<AdoptionStatus> = {
  CONSIDERING: { ja: '検討中', en: 'Considering' },
  PILOTING: { ja: '試行中', en: 'Piloting' },
  ADOPTED: { ja: '導入済み', en: 'Adopted' },
};
export const isAdoptionStatus = (value: unknown): value is AdoptionStatus =>
  isOneOf(ADOPTION_STATUSES, value);

/**
 * Statuses that count as having spread (横展開した): trying it out or running it. A municipality that is
 * only considering a case is listed on the case but not counted, so the count means work actually done.
 */
export const COUNTED_ADOPTION_STATUSES: readonly AdoptionStatus[] = ['PILOTING', 'ADOPTED'];

export const INQUIRY_STATUSES = ['OPEN', 'ANSWERED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
export const INQUIRY_STATUS_LABELS: LabelMap<InquiryStatus> = {
  OPEN: { ja: '回答待ち', en: 'Awaiting answer' },
  ANSWERED: { ja: '回答済み', en: 'Answered' },
};

/** Licence of the open-data exports of PUBLIC cases. */
export const OPEN_DATA_LICENCE = 'CC BY 4.0';
export const OPEN_DATA_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/deed.ja';
