import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../graphql/request-context';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentRepository } from './attachment.repository';

export interface AttachmentLoaders {
  byCase: DataLoader<string, AttachmentEntity[]>;
  bySession: DataLoader<string, AttachmentEntity[]>;
  /** Key: `<case id>\u0000<folded terms joined by \u0001>`; the file a search hit matched in. */
  matchedFile: DataLoader<string, { id: string; name: string } | null>;
}

function grouped(
  rows: AttachmentEntity[],
  key: (r: AttachmentEntity) => string | null,
  keys: readonly string[],
) {
  const map = new Map<string, AttachmentEntity[]>(keys.map((k) => [k, []]));
  for (const r of rows) {
    const k = key(r);
    if (k !== null) map.get(k)?.push(r);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Per-request DataLoaders of the attachment module (one query per field per request, no N+1), hung off the
 * request like the session module's.
 */
@Injectable()
export class AttachmentLoaderFactory {
  private readonly perRequest = new WeakMap<object, AttachmentLoaders>();

  constructor(private readonly repository: AttachmentRepository) {}

  for(ctx: RequestContext): AttachmentLoaders {
    let loaders = this.perRequest.get(ctx.req);
    if (!loaders) {
      loaders = this.create();
      this.perRequest.set(ctx.req, loaders);
    }
    return loaders;
  }

  private create(): AttachmentLoaders {
    const r = this.repository;
    return {
      byCase: new DataLoader(async (ids) => grouped(await r.byCaseIds(ids), (a) => a.caseStudyId, ids)),
      bySession: new DataLoader(async (ids) =>
        grouped(await r.bySessionIds(ids), (a) => a.exchangeSessionId, ids),
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
