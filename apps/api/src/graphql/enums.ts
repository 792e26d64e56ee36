import { registerEnumType } from '@nestjs/graphql';
import {
  CASE_STAGES,
  CASE_STATUSES,
  CASE_TARGETS,
  CASE_THEMES,
  MEMBERSHIP_STATUSES,
  MUNICIPALITY_KINDS,
  POPULATION_BANDS,
  ROLES,
  VISIBILITIES,
  type CaseStage,
  type CaseStatus,
  type CaseTarget,
  type CaseTheme,
  type MembershipStatus,
  type MunicipalityKind,
  type PopulationBand,
  type Role,
  type Visibility,
} from '@yokoten/case-studies';
import {
  AGENDA_ITEM_KINDS,
  ALLOCATION_MODES,
  EXCHANGE_SESSION_STATUSES,
  REGISTRATION_STATUSES,
  SESSION_FORMATS,
  type AgendaItemKind,
  type AllocationMode,
  type ExchangeSessionStatus,
  type RegistrationStatus,
  type SessionFormat,
} from '@yokoten/case-studies';

/** GraphQL enums are built from the shared taxonomy so the names stay the same from column to label. */
function enumObject<T extends string>(keys: readonly T[]): Record<T, T> {
  return Object.fromEntries(keys.map((k) => [k, k])) as Record<T, T>;
}

export const RoleEnum = enumObject<Role>(ROLES);
export const MunicipalityKindEnum = enumObject<MunicipalityKind>(MUNICIPALITY_KINDS);
export const MembershipStatusEnum = enumObject<MembershipStatus>(MEMBERSHIP_STATUSES);
export const PopulationBandEnum = enumObject<PopulationBand>(POPULATION_BANDS);
export const CaseThemeEnum = enumObject<CaseTheme>(CASE_THEMES);
export const CaseTargetEnum = enumObject<CaseTarget>(CASE_TARGETS);
export const CaseStatusEnum = enumObject<CaseStatus>(CASE_STATUSES);
export const VisibilityEnum = enumObject<Visibility>(VISIBILITIES);
export const CaseStageEnum = enumObject<CaseStage>(CASE_STAGES);

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'OFFICER of one municipality, ORGANISER (事務局) or ADMIN',
});
registerEnumType(MunicipalityKindEnum, { name: 'MunicipalityKind' });
registerEnumType(MembershipStatusEnum, { name: 'MembershipStatus' });
registerEnumType(PopulationBandEnum, { name: 'PopulationBand' });
registerEnumType(CaseThemeEnum, {
  name: 'CaseTheme',
  description: 'Theme of a case (labels in @yokoten/case-studies)',
});
registerEnumType(CaseTargetEnum, { name: 'CaseTarget', description: 'Who a case is for' });
registerEnumType(CaseStatusEnum, { name: 'CaseStatus', description: 'DRAFT → PUBLISHED → ARCHIVED' });
registerEnumType(VisibilityEnum, {
  name: 'Visibility',
  description: 'PUBLIC: anyone; MEMBERS: officers of member municipalities, organisers and admins',
});
registerEnumType(CaseStageEnum, {
  name: 'CaseStage',
  description: '構想 / 実施中 / 効果検証 / 横展開中',
});

// Exchange sessions (定期共有会)
export const ExchangeSessionStatusEnum = enumObject<ExchangeSessionStatus>(EXCHANGE_SESSION_STATUSES);
export const SessionFormatEnum = enumObject<SessionFormat>(SESSION_FORMATS);
export const RegistrationStatusEnum = enumObject<RegistrationStatus>(REGISTRATION_STATUSES);
export const AllocationModeEnum = enumObject<AllocationMode>(ALLOCATION_MODES);
export const AgendaItemKindEnum = enumObject<AgendaItemKind>(AGENDA_ITEM_KINDS);
export const SessionTimeframeEnum = { UPCOMING: 'UPCOMING', PAST: 'PAST' } as const;
export type SessionTimeframe = keyof typeof SessionTimeframeEnum;

registerEnumType(ExchangeSessionStatusEnum, {
  name: 'ExchangeSessionStatus',
  description: 'DRAFT until registration opens; OPEN, CLOSED, then FINISHED (or CANCELLED)',
});
registerEnumType(SessionFormatEnum, { name: 'SessionFormat' });
registerEnumType(RegistrationStatusEnum, {
  name: 'RegistrationStatus',
  description: 'APPLIED: a lottery application before the draw',
});
registerEnumType(AllocationModeEnum, {
  name: 'AllocationMode',
  description: 'FIRST_COME: seats in arrival order; LOTTERY (抽選): drawn at close',
});
registerEnumType(AgendaItemKindEnum, { name: 'AgendaItemKind' });
registerEnumType(SessionTimeframeEnum, {
  name: 'SessionTimeframe',
  description: 'UPCOMING: not yet ended; PAST: ended',
});
