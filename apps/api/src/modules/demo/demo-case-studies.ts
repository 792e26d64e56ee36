import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CaseStage, CaseTarget, CaseTheme } from '@yokoten/case-studies';
import { enqueueIndexUpdate } from '../../search/search-outbox';
import { CaseStudyRevisionEntity } from '../case-study/case-study-revision.entity';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import { snapshotOf } from '../case-study/case-study.repository';
import { EDITABLE_FIELDS } from '../case-study/case-study.service';
import { missingForPublish } from '../case-study/publish-checklist';
import type { MunicipalityEntity } from '../municipality/municipality.entity';

/** The shape of `DEMO_CASE_STUDIES` in @yokoten/case-studies (structural, so the seed only needs these fields). */
export interface DemoCaseInput {
  key: string;
  municipalityCode: string;
  title: string;
  summary: string;
  body: string;
  themes: readonly CaseTheme[];
  targets: readonly CaseTarget[];
  tags: readonly string[];
  fiscalYears: readonly number[];
  budgetYen: number | null;
  fundingSources: readonly string[];
  partners: readonly string[];
  outcomes: ReadonlyArray<{
    label: string;
    before: number | null;
    after: number;
    unit: string;
    asOf: string;
  }>;
  lessonsLearned: string;
  challenges: string;
  successConditions: string;
  stage: CaseStage;
  contactDepartment: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
  visibility: 'PUBLIC' | 'MEMBERS';
  status: 'PUBLISHED' | 'DRAFT';
  /** ISO date-time (+09:00); for drafts, when the draft was started. */
  publishedAt: string;
}

export interface DemoCaseSeedResult {
  inserted: number;
  published: number;
  /** Keys of cases left out, with why. */
  skipped: Array<{ key: string; reason: string }>;
}

const CHUNK = 50;

/**
 * Inserts the demo cases inside the seeder's transaction, as if each had been written through the API:
 * a CREATE revision by the municipality's officer, a PUBLISH revision for published ones, and an index
 * job for each published case so the search consumer indexes them. Cases of municipalities that are not
 * members, or without an officer, are skipped (only members publish to the network).
 */
export async function seedDemoCaseStudies(
  manager: EntityManager,
  cases: readonly DemoCaseInput[],
  municipalities: readonly MunicipalityEntity[],
  officerByMunicipalityId: ReadonlyMap<string, string>,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<DemoCaseSeedResult> {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const skipped: DemoCaseSeedResult['skipped'] = [];
  const rows: CaseStudyEntity[] = [];
  const revisions: CaseStudyRevisionEntity[] = [];
  const revisionRepo = manager.getRepository(CaseStudyRevisionEntity);
  const repo = manager.getRepository(CaseStudyEntity);

  for (const demo of cases) {
    const municipality = byCode.get(demo.municipalityCode);
    if (!municipality || municipality.membershipStatus !== 'MEMBER') {
      skipped.push({ key: demo.key, reason: `municipality ${demo.municipalityCode} is not a member` });
      continue;
    }
    const authorId = officerByMunicipalityId.get(municipality.id) ?? null;
    if (!authorId) {
      skipped.push({ key: demo.key, reason: `municipality ${demo.municipalityCode} has no officer` });
      continue;
    }
    const at = new Date(demo.publishedAt);
    if (Number.isNaN(at.getTime())) {
      skipped.push({ key: demo.key, reason: `publishedAt is not a date: ${demo.publishedAt}` });
      continue;
    }
    const published = demo.status === 'PUBLISHED';
    const entity = repo.create({
      id: randomUUID(),
      municipalityId: municipality.id,
      title: demo.title,
      summary: demo.summary,
      body: demo.body,
      themes: [...demo.themes],
      targets: [...demo.targets],
      tags: [...demo.tags],
      fiscalYears: [...demo.fiscalYears].sort((a, b) => a - b),
      budgetYen: demo.budgetYen,
      fundingSources: [...demo.fundingSources],
      partners: [...demo.partners],
      outcomes: demo.outcomes.map((o) => ({
        label: o.label,
        before: o.before,
        after: o.after,
        unit: o.unit,
        asOf: o.asOf,
      })),
      lessonsLearned: demo.lessonsLearned,
      challenges: demo.challenges,
      successConditions: demo.successConditions,
      stage: demo.stage,
      contactDepartment: demo.contactDepartment,
      contactEmail: demo.contactEmail ?? null,
      contactPhone: demo.contactPhone ?? null,
      status: demo.status,
      visibility: demo.visibility,
      unpublishedReason: null,
      authorId,
      publishedAt: published ? at : null,
      createdAt: at,
      updatedAt: at,
      version: published ? 2 : 1,
    });
    if (published) {
      const missing = missingForPublish(entity);
      if (missing) {
        skipped.push({ key: demo.key, reason: `not publishable: ${missing.missing.join(', ')}` });
        continue;
      }
    }
    rows.push(entity);
    const sentFields = EDITABLE_FIELDS.filter((f) => {
      const v = entity[f];
      return v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
    });
    revisions.push(
      revisionRepo.create({
        caseStudyId: entity.id,
        version: 1,
        action: 'CREATE',
        editorId: authorId,
        changedFields: sentFields,
        snapshot: snapshotOf({
          ...entity,
          status: 'DRAFT',
          publishedAt: null,
          version: 1,
        } as CaseStudyEntity),
        note: null,
        createdAt: at,
      }),
    );
    if (published) {
      revisions.push(
        revisionRepo.create({
          caseStudyId: entity.id,
          version: 2,
          action: 'PUBLISH',
          editorId: authorId,
          changedFields: ['status', 'publishedAt'],
          snapshot: snapshotOf(entity),
          note: null,
          createdAt: at,
        }),
      );
    }
  }

  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await manager.insert(CaseStudyEntity, chunk);
    const ids = new Set(chunk.map((c) => c.id));
    await revisionRepo.save(revisions.filter((r) => ids.has(r.caseStudyId)));
    for (const c of chunk)
      if (c.status === 'PUBLISHED') await enqueueIndexUpdate(manager, 'case_study', c.id);
    onProgress(Math.min(i + CHUNK, rows.length), rows.length);
  }
  return {
    inserted: rows.length,
    published: rows.filter((r) => r.status === 'PUBLISHED').length,
    skipped,
  };
}
