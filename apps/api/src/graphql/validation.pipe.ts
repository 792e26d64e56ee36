import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError } from '../common/app-error';

interface FieldProblem {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first string in an argument that no store accepts: PostgreSQL refuses NUL in text, and a lone UTF-16
 * surrogate in jsonb and in the search engine's JSON. Named like the validation errors: `input.outcomes.0.label`
 * inside a list of objects, the list itself (`input.tags`) for a list of strings.
 */
export function unstorableStringAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableStringAt(
        item,
        item !== null && typeof item === 'object' ? `${path}.${i}` : path,
      );
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableStringAt(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Nest runs global pipes on every resolver parameter (parent, context, info too); @nestjs/graphql passes its
 * GqlParamtype as the type, ARGS being 3 (not exported). 'body' is how a plain caller (the unit spec) says it.
 */
const GQL_PARAMTYPE_ARGS = 3;
function isArgument(metadata: ArgumentMetadata): boolean {
  return (metadata.type as unknown) === GQL_PARAMTYPE_ARGS || metadata.type === 'body';
}

class ValidationFailed extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('validation failed');
  }
}

/**
 * One global pipe (whitelist, forbid unknown, transform). A failure becomes `BAD_USER_INPUT` whose
 * `extensions.field` is the full path of the first bad field (e.g. `input.signerName`), and
 * `extensions.fields` lists every problem, so a client can mark all of them at once.
 */
@Injectable()
export class GraphqlValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationFailed(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only arguments are input. The parent of a field resolver (our own entity), the context and the info
    // are passed as they are: validating them ran class-transformer and class-validator over every parent
    // row of every field resolver (20 hits of a results page each), for nothing (docs/benchmarks.md, Profile).
    if (!isArgument(metadata)) return value;
    const prefix = typeof metadata.data === 'string' ? metadata.data : '';
    const unstorable = unstorableStringAt(value, prefix);
    if (unstorable !== null) {
      const field = unstorable || 'input';
      throw new BadUserInputError(
        field,
        `${field}: 使用できない文字（NUL 文字または壊れた文字コード）が含まれています (contains a NUL character or a broken UTF-16 surrogate)`,
        { fields: [{ field, messages: ['contains a NUL character or a broken UTF-16 surrogate'] }] },
      );
    }
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      // @Args('input') → metadata.data = 'input'; @Args() ArgsType → fields are top-level arguments.
      const problems = flatten(e.errors, typeof metadata.data === 'string' ? metadata.data : '');
      const first = problems[0] ?? { field: metadata.data ?? 'input', messages: ['invalid value'] };
      throw new BadUserInputError(first.field, `${first.field}: ${first.messages.join('; ')}`, {
        fields: problems,
      });
    }
  }
}
