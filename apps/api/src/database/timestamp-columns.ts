import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * created_at and updated_at, as most tables have them: set by TypeORM on insert and on every save. An entity
 * extends it rather than writing the two columns again; the columns (names, types) are the same as written
 * out, so the schema does not change.
 */
export abstract class TimestampColumns {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
