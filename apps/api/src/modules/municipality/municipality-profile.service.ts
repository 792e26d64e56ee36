import type DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import type { CaseTheme } from '@yokoten/case-studies';
import { NotFoundError } from '../../common/app-error';
import type { RequestContext } from '../../graphql/request-context';
import { AuditLogService } from '../audit/audit-log.service';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorization.policy';
import type { MunicipalityProfileInput } from './dto/municipality-profile.input';
import { isEmptyProfile, type MunicipalityProfileEntity } from './municipality-profile.entity';
import { MunicipalityProfileRepository } from './municipality-profile.repository';
import type { MunicipalityEntity } from './municipality.entity';
import { MunicipalityRepository } from './municipality.repository';

type ProfileFields = Omit<MunicipalityProfileEntity, 'updatedAt' | 'municipality' | 'municipalityId'>;

const EMPTY: ProfileFields = {
  dxDepartment: null,
  contactEmail: null,
  contactPhone: null,
  introduction: null,
  planLinks: [],
  focusThemes: [],
};

const fieldsOf = (p: MunicipalityProfileEntity | null): ProfileFields =>
  p
    ? {
        dxDepartment: p.dxDepartment,
        contactEmail: p.contactEmail,
        contactPhone: p.contactPhone,
        introduction: p.introduction,
        planLinks: p.planLinks,
        focusThemes: p.focusThemes,
      }
    : EMPTY;

/** An omitted field stays; null or an empty text clears it. */
function merged(current: ProfileFields, input: MunicipalityProfileInput): ProfileFields {
  const text = (v: string | null | undefined, old: string | null) => (v === undefined ? old : v || null);
  return {
    dxDepartment: text(input.dxDepartment, current.dxDepartment),
    contactEmail: text(input.contactEmail, current.contactEmail),
    contactPhone: text(input.contactPhone, current.contactPhone),
    introduction: text(input.introduction, current.introduction),
    planLinks:
      input.planLinks === undefined
        ? current.planLinks
        : (input.planLinks ?? []).map((l) => ({ label: l.label, url: l.url })),
    focusThemes: input.focusThemes === undefined ? current.focusThemes : [...(input.focusThemes ?? [])],
  };
}

/** Only the fields that changed, before and after (what the audit entry shows). */
function changes(before: ProfileFields, after: ProfileFields): { before: object; after: object } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof ProfileFields>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** Municipality profiles: edited by the municipality's member officers and the organisers, read by anyone. */
@Injectable()
export class MunicipalityProfileService {
  constructor(
    private readonly repository: MunicipalityProfileRepository,
    private readonly municipalities: MunicipalityRepository,
    private readonly audit: AuditLogService,
  ) {}

  /** Per-request loader of profiles by municipality id (municipality-loaders.ts: one query for a page). */
  loader(ctx: RequestContext): DataLoader<string, MunicipalityProfileEntity | null> {
    return ctx.loaders.municipalityProfile;
  }

  /** The public profile, or null when nothing was written (or everything was cleared). */
  static visible(p: MunicipalityProfileEntity | null): MunicipalityProfileEntity | null {
    return p && !isEmptyProfile(p) ? p : null;
  }

  /** The focus themes of a municipality (the precedent finder's extra themes); [] without a profile. */
  async focusThemesOf(municipalityId: string): Promise<CaseTheme[]> {
    const [p] = await this.repository.findByMunicipalityIds([municipalityId]);
    return p?.focusThemes ?? [];
  }

  async update(
    actor: Actor | null,
    code: string,
    input: MunicipalityProfileInput,
  ): Promise<MunicipalityEntity> {
    const m = await this.municipalities.findByCode(code);
    if (!actor) authorize(actor, 'municipality.updateProfile');
    if (!m) throw new NotFoundError('Municipality', code);
    const editor = authorize(actor, 'municipality.updateProfile', {
      municipalityId: m.id,
      membershipStatus: m.membershipStatus,
    });
    await this.repository.transaction(async (manager) => {
      const current = fieldsOf(await this.repository.lock(manager, m.id));
      const next = merged(current, input);
      const diff = changes(current, next);
      if (!diff) return;
      await this.repository.save(manager, { municipalityId: m.id, ...next });
      await this.audit.record(manager, {
        actorUserId: editor.userId,
        action: 'municipality.profileUpdate',
        subjectType: 'municipality',
        subjectId: m.code,
        subjectLabel: m.name,
        before: diff.before,
        after: diff.after,
      });
    });
    return m;
  }
}
