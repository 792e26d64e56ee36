import {
  MEMBERSHIP_STATUS_LABELS,
  MUNICIPALITY_KIND_LABELS,
  POPULATION_BAND_LABELS,
  ROLE_LABELS,
  type LabelMap,
} from '@yokoten/case-studies';
import type { Language } from '../i18n/i18n';

// Domain labels come from the shared library, so that the UI says what the API and the database say.

function label<K extends string>(map: LabelMap<K>, key: K, language: Language): string {
  // A value the API has and this build does not know yet should show as its code, not crash the page.
  return map[key]?.[language] ?? key;
}

export const roleLabel = (role: keyof typeof ROLE_LABELS, language: Language) =>
  label(ROLE_LABELS, role, language);

export const membershipStatusLabel = (status: keyof typeof MEMBERSHIP_STATUS_LABELS, language: Language) =>
  label(MEMBERSHIP_STATUS_LABELS, status, language);

export const municipalityKindLabel = (kind: keyof typeof MUNICIPALITY_KIND_LABELS, language: Language) =>
  label(MUNICIPALITY_KIND_LABELS, kind, language);

export const populationBandLabel = (band: keyof typeof POPULATION_BAND_LABELS, language: Language) =>
  label(POPULATION_BAND_LABELS, band, language);
