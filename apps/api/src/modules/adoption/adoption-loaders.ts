import type DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { manyByKey, oneByKey } from '../../graphql/dataloaders';
import {
  RequestLoaderProvider,
  type LoaderFactories,
  type ProvidesLoaders,
} from '../../graphql/request-loaders';
import type { AdoptionEntity, AdoptionEventEntity } from './adoption.entity';
import { AdoptionRepository } from './adoption.repository';

declare module '../../graphql/request-loaders' {
  interface Loaders {
    /** Who follows each case (横展開), oldest first. */
    adoptionsByCase: DataLoader<string, AdoptionEntity[]>;
    /** The adoptions a case is the follower's own write-up of (upstream links). */
    adoptionsByAdopterCase: DataLoader<string, AdoptionEntity[]>;
    adoption: DataLoader<string, AdoptionEntity | null>;
    /** Oldest first within each adoption. */
    adoptionEvents: DataLoader<string, AdoptionEventEntity[]>;
  }
}

@RequestLoaderProvider()
@Injectable()
export class AdoptionLoaders implements ProvidesLoaders {
  constructor(private readonly repository: AdoptionRepository) {}

  loaderFactories(): LoaderFactories {
    const r = this.repository;
    return {
      adoptionsByCase: () =>
        manyByKey(
          (ids) => r.findByCaseIds(ids),
          (a) => a.caseStudyId,
        ),
      adoptionsByAdopterCase: () =>
        manyByKey(
          (ids) => r.findByAdopterCaseIds(ids),
          (a) => a.adopterCaseStudyId,
        ),
      adoption: () =>
        oneByKey(
          (ids) => r.findByIds(ids),
          (a) => a.id,
        ),
      adoptionEvents: () =>
        manyByKey(
          (ids) => r.findEventsByAdoptionIds(ids),
          (e) => e.adoptionId,
        ),
    };
  }
}
