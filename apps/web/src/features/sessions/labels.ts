import {
  AGENDA_ITEM_KIND_LABELS,
  ALLOCATION_MODE_LABELS,
  EXCHANGE_SESSION_STATUS_LABELS,
  REGISTRATION_STATUS_LABELS,
  SESSION_FORMAT_LABELS,
  formatTerm,
  type LabelMap,
} from '@yokoten/case-studies';
import type {
  AgendaItemKind,
  AllocationMode,
  ExchangeSessionStatus,
  RegistrationStatus,
  SessionFormat,
} from '../../graphql/generated/graphql';
import type { Language } from '../../i18n/i18n';

// Domain labels come from the shared library, so that the pages say what the API, the CSV and the mails say.

function label<K extends string>(map: LabelMap<K>, key: K, language: Language): string {
  // A value the API has and this build does not know yet shows as its code rather than crashing the page.
  return map[key]?.[language] ?? key;
}

export const sessionStatusLabel = (status: ExchangeSessionStatus, language: Language) =>
  label(EXCHANGE_SESSION_STATUS_LABELS, status, language);

export const sessionFormatLabel = (format: SessionFormat, language: Language) =>
  label(SESSION_FORMAT_LABELS, format, language);

export const registrationStatusLabel = (status: RegistrationStatus, language: Language) =>
  label(REGISTRATION_STATUS_LABELS, status, language);

export const agendaKindLabel = (kind: AgendaItemKind, language: Language) =>
  label(AGENDA_ITEM_KIND_LABELS, kind, language);

export const allocationModeLabel = (mode: AllocationMode, language: Language) =>
  label(ALLOCATION_MODE_LABELS, mode, language);

/** `2026H1` → 2026年度上期 / FY2026 H1 (Apr–Sep); the API's `termLabel` is Japanese only. */
export function termLabel(term: string, language: Language): string {
  try {
    return formatTerm(term, language);
  } catch {
    return term;
  }
}
