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
