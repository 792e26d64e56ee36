import type DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { oneByKey } from '../../graphql/dataloaders';
import {
  RequestLoaderProvider,
  type LoaderFactories,
  type ProvidesLoaders,
} from '../../graphql/request-loaders';
import type { DeclarationEntity } from './declaration.entity';
import type { MunicipalityProfileEntity } from './municipality-profile.entity';
import { MunicipalityProfileRepository } from './municipality-profile.repository';
import type { MunicipalityEntity } from './municipality.entity';
import { MunicipalityRepository } from './municipality.repository';

declare module '../../graphql/request-loaders' {
  interface Loaders {
    municipality: DataLoader<string, MunicipalityEntity | null>;
    declarationByMunicipality: DataLoader<string, DeclarationEntity | null>;
    /** Rows only: MunicipalityProfileService.visible decides what is shown. */
    municipalityProfile: DataLoader<string, MunicipalityProfileEntity | null>;
  }
}

/** `ctx.loaders.municipality`, `.declarationByMunicipality` and `.municipalityProfile`, by municipality id. */
@RequestLoaderProvider()
@Injectable()
export class MunicipalityLoaders implements ProvidesLoaders {
  constructor(
    private readonly repository: MunicipalityRepository,
    private readonly profiles: MunicipalityProfileRepository,
  ) {}

  loaderFactories(): LoaderFactories {
    const r = this.repository;
    return {
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
      municipalityProfile: () =>
        oneByKey(
          (ids) => this.profiles.findByMunicipalityIds(ids),
          (p) => p.municipalityId,
        ),
    };
  }
}
