import { JoinColumn, ManyToOne, type ObjectType } from 'typeorm';
import type { OnDeleteType } from 'typeorm/metadata/types/OnDeleteType';

/**
 * A many-to-one relation over its own foreign-key `column`, with its `constraint` named (as every constraint
 * is: migrations.int-spec): the `@ManyToOne` + `@JoinColumn` pair each relation of the entities wrote out.
 */
export function BelongsTo<T>(
  target: () => ObjectType<T>,
  column: string,
  constraint: string,
  onDelete: OnDeleteType,
): PropertyDecorator {
  const join = JoinColumn({ name: column, foreignKeyConstraintName: constraint });
  const manyToOne = ManyToOne(target, { onDelete });
  // In the order of the pair written one above the other (decorators apply bottom-up).
  return (prototype, key) => {
    join(prototype, key);
    manyToOne(prototype, key);
  };
}
