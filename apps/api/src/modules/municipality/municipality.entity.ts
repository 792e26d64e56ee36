import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MembershipStatus, MunicipalityKind } from '@yokoten/case-studies';
import { TimestampColumns } from '../../database/timestamp-columns';

@Entity({ name: 'municipalities' })
@Index('IDX_municipalities_prefecture_code', ['prefectureCode'])
@Index('IDX_municipalities_membership_status', ['membershipStatus'])
export class MunicipalityEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_municipalities' })
  id: string;

  /** 全国地方公共団体コード, 6 digits with its check digit. */
  @Index('UQ_municipalities_code', { unique: true })
  @Column({ type: 'char', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Reading in hiragana. */
  @Column({ type: 'varchar', length: 200 })
  kana: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  @Column({ name: 'prefecture_code', type: 'char', length: 2 })
  prefectureCode: string;

  @Column({ type: 'varchar', length: 20 })
  kind: MunicipalityKind;

  /** Latest known population; null when the register was imported without it. */
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  /** null: in the register but not (yet) part of the network. */
  @Column({ name: 'membership_status', type: 'varchar', length: 20, nullable: true })
  membershipStatus: MembershipStatus | null;

  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn: string | null;

  /** Name, kana and English name normalised for search (NFKC, lower case, katakana as hiragana). */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;
}
