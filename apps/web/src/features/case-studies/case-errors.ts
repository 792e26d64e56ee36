import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { apiProblem } from '../../shared/errors';

/**
 * What the case-study mutations say when they refuse, beyond `extensions.code`: every bad input field
 * (`fields`, from the validation pipe), the parts missing before publishing (`missing`), and the version
 * a CONFLICT was raised against (`currentVersion`).
 */
export interface CaseProblem {
  code: string;
  /** Input paths without the `input.` prefix, e.g. `title`, `outcomes.0.label`. */
  fields: string[];
  missing: string[];
  currentVersion?: number;
}

interface Extensions {
  code?: unknown;
  field?: unknown;
  fields?: unknown;
  missing?: unknown;
  currentVersion?: unknown;
}

function extensionsOf(error: unknown): Extensions | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.find((e) => typeof e.extensions?.code === 'string')?.extensions as
      Extensions | undefined;
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: { extensions?: Extensions }[] };
      return body.errors?.find((e) => typeof e.extensions?.code === 'string')?.extensions;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const withoutInput = (path: string) => path.replace(/^input\./, '');

export function caseProblem(error: unknown): CaseProblem {
  const code = apiProblem(error).code;
  const extensions = extensionsOf(error) ?? {};
  const fields = new Set<string>();
  if (typeof extensions.field === 'string') fields.add(withoutInput(extensions.field));
  if (Array.isArray(extensions.fields)) {
    for (const item of extensions.fields as unknown[]) {
      const field = (item as { field?: unknown } | null)?.field;
      if (typeof field === 'string') fields.add(withoutInput(field));
    }
  }
  const missing = Array.isArray(extensions.missing)
    ? (extensions.missing as unknown[]).filter((item): item is string => typeof item === 'string')
    : [];
  const currentVersion =
    typeof extensions.currentVersion === 'number' ? extensions.currentVersion : undefined;
  return { code, fields: [...fields], missing, currentVersion };
}
