import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CaseTheme } from '@yokoten/case-studies';
import { MunicipalityEntity } from './municipality.entity';

export interface PlanLinkValue {
  label: string;
  url: string;
}

/**
 * A municipality's public profile, written by its officers (a row only once someone wrote one). Kept out
 * of `municipalities`, which is the imported register: the import upserts it in bulk and its changes
 * re-index every case of the municipality; a profile edit should do neither.
 */
@Entity({ name: 'municipality_profiles' })
export class MunicipalityProfileEntity {
  @PrimaryColumn({
    name: 'municipality_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_municipality_profiles',
  })
  municipalityId: string;

  @OneToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_municipality_profiles_municipality' })
  municipality?: MunicipalityEntity;

  /** DX推進担当部署 */
  @Column({ name: 'dx_department', type: 'varchar', length: 100, nullable: true })
  dxDepartment: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', nullable: true })
  introduction: string | null;

  /** Up to 10 links to plans (DX推進計画 …): [{ label, url }]. */
  @Column({ name: 'plan_links', type: 'jsonb' })
  planLinks: PlanLinkValue[];

  /** CaseTheme values the municipality is working on; the precedent finder uses them as extra themes. */
  @Column({ name: 'focus_themes', type: 'jsonb' })
  focusThemes: CaseTheme[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export function isEmptyProfile(p: MunicipalityProfileEntity): boolean {
  return (
    !p.dxDepartment &&
    !p.contactEmail &&
    !p.contactPhone &&
    !p.introduction &&
    p.planLinks.length === 0 &&
    p.focusThemes.length === 0
  );
}
