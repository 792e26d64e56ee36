import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { manyByKey } from '../../graphql/dataloaders';
import type { RequestContext } from '../../graphql/request-context';
import { RequestLoaderSet, type FactoryMap } from '../../graphql/request-loaders';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentRepository } from './attachment.repository';

export interface AttachmentLoaders {
  byCase: DataLoader<string, AttachmentEntity[]>;
  bySession: DataLoader<string, AttachmentEntity[]>;
  /** Key: `<case id>\u0000<folded terms joined by \u0001>`; the file a search hit matched in. */
  matchedFile: DataLoader<string, { id: string; name: string } | null>;
}

declare module '../../graphql/request-loaders' {
  interface Loaders {
    attachment: AttachmentLoaders;
  }
}

/**
 * Per-request DataLoaders of the attachment module (one query per field per request, no N+1), registered
 * with the request's loaders (graphql/request-loaders.ts) under `attachment` and made on first use.
 */
@Injectable()
export class AttachmentLoaderFactory extends RequestLoaderSet {
  constructor(private readonly repository: AttachmentRepository) {
    super();
  }

  loaderFactories(): FactoryMap {
    return { attachment: () => this.create() };
  }

  for(ctx: RequestContext): AttachmentLoaders {
    return ctx.loaders.attachment;
  }

  private create(): AttachmentLoaders {
    const r = this.repository;
    return {
      byCase: manyByKey(
        (ids) => r.byCaseIds(ids),
        (a) => a.caseStudyId,
      ),
      bySession: manyByKey(
        (ids) => r.bySessionIds(ids),
        (a) => a.exchangeSessionId,
      ),
      matchedFile: new DataLoader(async (keys) => {
        // One query per distinct set of terms (a results page has one).
        const byTerms = new Map<string, string[]>();
        for (const k of keys) {
          const [caseId, terms] = k.split('\u0000');
          byTerms.set(terms, [...(byTerms.get(terms) ?? []), caseId]);
        }
        const found = new Map<string, { id: string; name: string }>();
        for (const [terms, caseIds] of byTerms) {
          for (const m of await r.firstMatchingFile(caseIds, terms.split('\u0001').filter(Boolean)))
            found.set(`${m.caseStudyId}\u0000${terms}`, { id: m.id, name: m.name });
        }
        return keys.map((k) => found.get(k) ?? null);
      }),
    };
  }
}
