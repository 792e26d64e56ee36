import { registerEnumType } from '@nestjs/graphql';
import {
  MEMBERSHIP_STATUSES,
  MUNICIPALITY_KINDS,
  POPULATION_BANDS,
  ROLES,
  type MembershipStatus,
  type MunicipalityKind,
  type PopulationBand,
  type Role,
} from '@yokoten/case-studies';

/** GraphQL enums are built from the shared taxonomy so the names stay the same from column to label. */
function enumObject<T extends string>(keys: readonly T[]): Record<T, T> {
  return Object.fromEntries(keys.map((k) => [k, k])) as Record<T, T>;
}

export const RoleEnum = enumObject<Role>(ROLES);
export const MunicipalityKindEnum = enumObject<MunicipalityKind>(MUNICIPALITY_KINDS);
export const MembershipStatusEnum = enumObject<MembershipStatus>(MEMBERSHIP_STATUSES);
export const PopulationBandEnum = enumObject<PopulationBand>(POPULATION_BANDS);

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'OFFICER of one municipality, ORGANISER (事務局) or ADMIN',
});
registerEnumType(MunicipalityKindEnum, { name: 'MunicipalityKind' });
registerEnumType(MembershipStatusEnum, { name: 'MembershipStatus' });
registerEnumType(PopulationBandEnum, { name: 'PopulationBand' });
