import { oneByKey } from '../../graphql/dataloaders';
import { requestLoaders, type LoadersOf } from '../../graphql/request-loaders';
import { MunicipalityProfileRepository } from './municipality-profile.repository';
import { MunicipalityRepository } from './municipality.repository';

/** By municipality id. The profile is the row only: MunicipalityProfileService.visible decides what shows. */
const make = (r: MunicipalityRepository) => ({
  municipality: () =>
    oneByKey(
      (ids) => r.findByIds(ids),
      (m) => m.id,
    ),
  declarationByMunicipality: () =>
    oneByKey(
      (ids) => r.findDeclarationsByMunicipalityIds(ids),
      (d) => d.municipalityId,
    ),
});

const makeProfiles = (r: MunicipalityProfileRepository) => ({
  municipalityProfile: () =>
    oneByKey(
      (ids) => r.findByMunicipalityIds(ids),
      (p) => p.municipalityId,
    ),
});

declare module '../../graphql/request-loaders' {
  interface Loaders extends LoadersOf<typeof make>, LoadersOf<typeof makeProfiles> {}
}

/** `ctx.loaders.municipality`, `.declarationByMunicipality` and `.municipalityProfile`. */
export const MUNICIPALITY_LOADERS = [
  requestLoaders(MunicipalityRepository, make),
  requestLoaders(MunicipalityProfileRepository, makeProfiles),
];
