import { Injectable } from '@nestjs/common';
import type { CaseStatus } from '@yokoten/case-studies';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/app-error';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize, can } from '../auth/authorization.policy';
import type { Actor } from '../auth/actor';
import { MunicipalityRepository } from '../municipality/municipality.repository';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import type { CaseStudyEntity, OutcomeValue } from './case-study.entity';
import { CaseStudyRepository, type CaseStudyTransaction } from './case-study.repository';
import type { CreateCaseStudyInput } from './dto/create-case-study.input';
import type { UpdateCaseStudyInput } from './dto/update-case-study.input';
import type { OutcomeInput } from './dto/case-study-fields';
import { missingForPublish, publishChecklist, type PublishChecklistItem } from './publish-checklist';

/** Fields an author edits; the input field names are the entity's property names. */
export const EDITABLE_FIELDS = [
  'title',
  'summary',
  'body',
  'themes',
  'targets',
  'tags',
  'fiscalYears',
  'budgetYen',
  'visibility',
  'stage',
  'outcomes',
  'lessonsLearned',
  'challenges',
  'successConditions',
  'fundingSources',
  'partners',
  'contactDepartment',
  'contactEmail',
  'contactPhone',
] as const satisfies ReadonlyArray<keyof CaseStudyEntity>;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
type EditableValues = Partial<Pick<CaseStudyEntity, EditableField>>;

/** A new draft starts from these, so a snapshot never depends on database defaults. */
const EMPTY_CASE: Required<Omit<EditableValues, 'title'>> = {
  summary: '',
  body: '',
  themes: [],
  targets: [],
  tags: [],
  fiscalYears: [],
  budgetYen: null,
  visibility: 'PUBLIC',
  stage: 'IN_PROGRESS',
  outcomes: [],
  lessonsLearned: '',
  challenges: '',
  successConditions: '',
  fundingSources: [],
  partners: [],
  contactDepartment: '',
  contactEmail: null,
  contactPhone: null,
};

/** Outcomes in one key order: jsonb reorders keys, so comparisons go through this. */
function normaliseOutcome(o: OutcomeInput | OutcomeValue): OutcomeValue {
  return { label: o.label, before: o.before ?? null, after: o.after, unit: o.unit, asOf: o.asOf ?? null };
}

function normaliseValue<F extends EditableField>(field: F, value: unknown): unknown {
  if (field === 'outcomes') return (value as OutcomeValue[]).map(normaliseOutcome);
  if (field === 'fiscalYears') return [...(value as number[])].sort((a, b) => a - b);
  return value;
}

/** The editable values present in an input (undefined = not sent), normalised. */
export function editableValuesOf(input: Partial<Record<EditableField, unknown>>): EditableValues {
  const values: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    if (input[field] !== undefined) values[field] = normaliseValue(field, input[field]);
  }
  return values as EditableValues;
}

/** Which of `values` differ from the case as saved. */
export function changedFieldsOf(current: CaseStudyEntity, values: EditableValues): EditableField[] {
  return EDITABLE_FIELDS.filter(
    (field) =>
      field in values &&
      JSON.stringify(normaliseValue(field, current[field])) !== JSON.stringify(values[field]),
  );
}

/**
 * A published case keeps what publishing required: an edit may not empty a part that is there (it would be
 * public and searchable without it). A part that was already missing (a case published before a rule) does
 * not block other edits.
 */
function refuseLosingRequiredParts(
  current: CaseStudyEntity,
  values: EditableValues,
  changed: readonly EditableField[],
): void {
  const before = new Set(missingForPublish(current)?.missing ?? []);
  const edited = { ...current, ...Object.fromEntries(changed.map((f) => [f, values[f]])) } as CaseStudyEntity;
  const after = missingForPublish(edited, (field) => !before.has(field));
  if (!after) return;
  throw new BadUserInputError(
    `input.${after.missing[0]}`,
    `公開中の事例から必要な項目を外すことはできません: ${after.labels.join('、')}` +
      `。外す場合は先にアーカイブしてください (A published case must keep: ${after.missing.join(', ')})`,
    { missing: after.missing },
  );
}

export interface CaseStudyContactView {
  department: string;
  email: string | null;
  phone: string | null;
}

/**
 * Rules of case studies: who may read which case and field, the draft → published → archived life
 * cycle, and what a case needs before it is published. Permission decisions come from the policy.
 */
@Injectable()
export class CaseStudyService {
  constructor(
    private readonly repository: CaseStudyRepository,
    private readonly municipalities: MunicipalityRepository,
    private readonly audit: AuditLogService,
  ) {}

  // ---- reading -----------------------------------------------------------------------------------

  /**
   * Anonymous readers see PUBLISHED + PUBLIC cases; officers of member municipalities and staff also
   * MEMBERS ones; drafts and archived cases only the owning municipality's officers and the organisers
   * (and admins).
   */
  canRead(
    actor: Actor | null,
    c: Pick<CaseStudyEntity, 'status' | 'visibility' | 'municipalityId'>,
  ): boolean {
    if (c.status !== 'PUBLISHED')
      return can(actor, 'caseStudy.readDraft', { municipalityId: c.municipalityId });
    if (c.visibility === 'MEMBERS') return can(actor, 'caseStudy.readMembersOnly');
    return can(actor, 'caseStudy.readPublic');
  }

  /** The case, or null when it does not exist or the caller may not see it (indistinguishable on purpose). */
  async findVisible(actor: Actor | null, id: string): Promise<CaseStudyEntity | null> {
    const c = await this.repository.findById(id);
    return c && this.canRead(actor, c) ? c : null;
  }

  /** Cases of the officer's municipality, drafts included. */
  async listOwn(actor: Actor | null, status?: CaseStatus): Promise<CaseStudyEntity[]> {
    const reader = authorize(actor, 'caseStudy.listOwn');
    if (!reader.municipalityId) return [];
    return this.repository.findByMunicipality(reader.municipalityId, status);
  }

  contactFor(actor: Actor | null, c: CaseStudyEntity): CaseStudyContactView {
    const members = can(actor, 'caseStudy.readMembersOnly');
    return {
      department: c.contactDepartment,
      email: members ? c.contactEmail : null,
      phone: members ? c.contactPhone : null,
    };
  }

  canSeeAuthor(actor: Actor | null): boolean {
    return can(actor, 'caseStudy.readMembersOnly');
  }

  /** The moderation reason, for the owners and organisers only. */
  unpublishedReasonFor(actor: Actor | null, c: CaseStudyEntity): string | null {
    return can(actor, 'caseStudy.readDraft', { municipalityId: c.municipalityId })
      ? c.unpublishedReason
      : null;
  }

  canReadRevisions(actor: Actor | null, c: CaseStudyEntity): boolean {
    return can(actor, 'caseStudy.readRevisions', { municipalityId: c.municipalityId });
  }

  /** What is still missing for publishing; shown to those who may edit or moderate the case. */
  checklistFor(actor: Actor | null, c: CaseStudyEntity): PublishChecklistItem[] | null {
    return can(actor, 'caseStudy.readDraft', { municipalityId: c.municipalityId })
      ? publishChecklist(c)
      : null;
  }

  // ---- writing: each write is one transaction with its revision and its search-index job ----------

  /** A DRAFT of the caller's municipality (admins name the municipality). */
  async create(actor: Actor | null, input: CreateCaseStudyInput): Promise<CaseStudyEntity> {
    if (!actor) authorize(actor, 'caseStudy.create');
    const municipality = await this.targetMunicipality(actor as Actor, input.municipalityCode);
    const editor = authorize(actor, 'caseStudy.create', {
      municipalityId: municipality.id,
      membershipStatus: municipality.membershipStatus,
    });
    const values = editableValuesOf(input);
    return this.repository.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create({
          ...EMPTY_CASE,
          ...values,
          municipalityId: municipality.id,
          authorId: editor.userId,
          status: 'DRAFT',
          unpublishedReason: null,
          publishedAt: null,
        }),
      );
      await tx.recordWrite(saved, {
        action: 'CREATE',
        editorId: editor.userId,
        changedFields: Object.keys(values),
      });
      return saved;
    });
  }

  async update(actor: Actor | null, id: string, input: UpdateCaseStudyInput): Promise<CaseStudyEntity> {
    if (!actor) authorize(actor, 'caseStudy.edit');
    const { expectedVersion, ...fields } = input;
    const values = editableValuesOf(fields);
    return this.repository.transaction(async (tx) => {
      const current = await this.lock(tx, id);
      const editor = authorize(actor, 'caseStudy.edit', { municipalityId: current.municipalityId });
      if (expectedVersion != null && expectedVersion !== current.version) {
        throw new ConflictError(
          `この事例は他の人が更新しました（現在の版: ${current.version}、編集元の版: ${expectedVersion}）。最新の内容を読み込んでからやり直してください。 (The case was changed by someone else: reload and try again)`,
          { field: 'input.expectedVersion', currentVersion: current.version, expectedVersion },
        );
      }
      const changed = changedFieldsOf(current, values);
      // Nothing changed: no new version, no revision, no index job.
      if (changed.length === 0) return current;
      if (current.status === 'PUBLISHED') refuseLosingRequiredParts(current, values, changed);
      for (const field of changed) Object.assign(current, { [field]: values[field] });
      const saved = await tx.save(current);
      await tx.recordWrite(saved, { action: 'UPDATE', editorId: editor.userId, changedFields: changed });
      return saved;
    });
  }

  /** DRAFT or ARCHIVED → PUBLISHED, once the required parts are there. */
  async publish(actor: Actor | null, id: string): Promise<CaseStudyEntity> {
    if (!actor) authorize(actor, 'caseStudy.publish');
    return this.repository.transaction(async (tx) => {
      const current = await this.lock(tx, id);
      const municipality = await this.municipalityOf(current);
      const editor = authorize(actor, 'caseStudy.publish', {
        municipalityId: current.municipalityId,
        membershipStatus: municipality.membershipStatus,
      });
      if (current.status === 'PUBLISHED') {
        throw new ConflictError('この事例は既に公開されています。 (The case is already published)');
      }
      const missing = missingForPublish(current);
      if (missing)
        throw new BadUserInputError(missing.missing[0], missing.message, { missing: missing.missing });
      const changed = ['status'];
      current.status = 'PUBLISHED';
      if (!current.publishedAt) {
        current.publishedAt = new Date();
        changed.push('publishedAt');
      }
      if (current.unpublishedReason !== null) {
        current.unpublishedReason = null;
        changed.push('unpublishedReason');
      }
      const saved = await tx.save(current);
      await tx.recordWrite(saved, { action: 'PUBLISH', editorId: editor.userId, changedFields: changed });
      return saved;
    });
  }

  /** The owners retire a case: it leaves search and public view but stays on record. */
  async archive(actor: Actor | null, id: string): Promise<CaseStudyEntity> {
    if (!actor) authorize(actor, 'caseStudy.archive');
    return this.repository.transaction(async (tx) => {
      const current = await this.lock(tx, id);
      const editor = authorize(actor, 'caseStudy.archive', { municipalityId: current.municipalityId });
      if (current.status === 'ARCHIVED') {
        throw new ConflictError('この事例は既にアーカイブされています。 (The case is already archived)');
      }
      current.status = 'ARCHIVED';
      const saved = await tx.save(current);
      await tx.recordWrite(saved, { action: 'ARCHIVE', editorId: editor.userId, changedFields: ['status'] });
      return saved;
    });
  }

  /**
   * The owners delete a draft that was never published (a false start, a duplicate): nobody outside the
   * municipality has read it, so nothing is lost to the network. A case that was ever published stays on
   * record (archive it instead). The row and its revisions go; the audit log keeps who deleted what.
   */
  async deleteDraft(actor: Actor | null, id: string): Promise<{ id: string; title: string }> {
    if (!actor) authorize(actor, 'caseStudy.deleteDraft');
    return this.repository.transaction(async (tx) => {
      const current = await this.lock(tx, id);
      const editor = authorize(actor, 'caseStudy.deleteDraft', { municipalityId: current.municipalityId });
      if (current.status === 'PUBLISHED' || current.publishedAt !== null) {
        throw new ConflictError(
          '一度公開した事例は削除できません。公開をやめるにはアーカイブしてください。 (A case that was ever published cannot be deleted: archive it)',
          { reason: 'EVER_PUBLISHED' },
        );
      }
      const municipality = await this.municipalityOf(current);
      await this.audit.record(tx.manager, {
        actorUserId: editor.userId,
        action: 'caseStudy.deleteDraft',
        subjectType: 'caseStudy',
        subjectId: current.id,
        subjectLabel: `${current.title}（${municipality.name}）`,
        before: {
          title: current.title,
          status: current.status,
          version: current.version,
          municipalityCode: municipality.code,
          createdAt: current.createdAt,
        },
      });
      await tx.remove(current);
      return { id: current.id, title: current.title };
    });
  }

  /** Moderation: an organiser takes a published case back to DRAFT; the owners see the reason. */
  async unpublish(actor: Actor | null, id: string, reason: string): Promise<CaseStudyEntity> {
    if (!actor) authorize(actor, 'caseStudy.unpublish');
    return this.repository.transaction(async (tx) => {
      const current = await this.lock(tx, id);
      const moderator = authorize(actor, 'caseStudy.unpublish', { municipalityId: current.municipalityId });
      if (current.status !== 'PUBLISHED') {
        throw new ConflictError(
          '公開中の事例だけを非公開にできます。 (Only a published case can be unpublished)',
        );
      }
      current.status = 'DRAFT';
      current.unpublishedReason = reason;
      const saved = await tx.save(current);
      await tx.recordWrite(saved, {
        action: 'UNPUBLISH',
        editorId: moderator.userId,
        changedFields: ['status', 'unpublishedReason'],
        note: reason,
      });
      return saved;
    });
  }

  private async lock(tx: CaseStudyTransaction, id: string): Promise<CaseStudyEntity> {
    const c = await tx.findForUpdate(id);
    if (!c) throw new NotFoundError('CaseStudy', id);
    return c;
  }

  private async municipalityOf(c: CaseStudyEntity): Promise<MunicipalityEntity> {
    const [m] = await this.municipalities.findByIds([c.municipalityId]);
    if (!m) throw new Error(`case ${c.id} points at missing municipality ${c.municipalityId}`);
    return m;
  }

  private async targetMunicipality(actor: Actor, code: string | undefined): Promise<MunicipalityEntity> {
    if (code) {
      const m = await this.municipalities.findByCode(code);
      if (!m) {
        throw new BadUserInputError(
          'input.municipalityCode',
          `input.municipalityCode: 自治体コード ${code} は登録されていません (unknown municipality)`,
        );
      }
      return m;
    }
    if (actor.municipalityId) {
      const [m] = await this.municipalities.findByIds([actor.municipalityId]);
      if (m) return m;
    }
    // Organisers are refused here; an admin has no municipality of its own and must name one.
    authorize(actor, 'caseStudy.create');
    throw new BadUserInputError(
      'input.municipalityCode',
      'input.municipalityCode: どの自治体の事例かを指定してください (name the municipality)',
    );
  }
}
