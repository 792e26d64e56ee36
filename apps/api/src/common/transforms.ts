/** class-transformer `@Transform` functions shared by the input DTOs. */
type TransformArgs = { value: unknown };

/** Leading and trailing spaces (a pasted value) are not part of the input. */
export const trim = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim() : value);

/** A one-line field (title, venue, table name): a pasted line break or tab becomes a space. */
export const oneLine = ({ value }: TransformArgs) =>
  typeof value === 'string' ? value.replace(/\s*[\t\n\v\f\r\u2028\u2029]+\s*/g, ' ').trim() : value;
