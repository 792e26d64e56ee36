import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Network settings an admin changes at run time (key → JSON), e.g. `invitation` (allowed domains). */
@Entity({ name: 'app_settings' })
export class AppSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'PK_app_settings' })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
