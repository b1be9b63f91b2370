/**
 * Argument checks that answer like REST: 400 `validation_failed`, naming the argument
 * (`id`, `input.title`), through the same Ajv setup and error mapper as the routes.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { HttpError } from '../errors.js';
import { validatorCompiler } from '../http/validation.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id, or a `validation_failed` naming the argument and the value. */
export function uuidArg(field: string, value: string): string {
  if (!UUID.test(value)) {
    throw new HttpError(400, 'validation_failed', `${field} must be a UUID, got "${value}"`, [
      { field, message: 'must be a UUID' },
    ]);
  }
  return value;
}

/** Every id of a list, named by its place (`ids[2]`) when one is not a UUID. */
export function uuidList(field: string, values: readonly string[]): string[] {
  return values.map((value, index) => uuidArg(`${field}[${index}]`, value));
}

type Validate = (data: unknown) => { error?: Error };

/**
 * A checker for one argument against a TypeBox schema; absent (undefined or, as
 * GraphQL sends it, null) passes, as an optional REST field does.
 */
export function argument<T extends TSchema>(
  field: string,
  schema: T,
): (value: Static<T> | null | undefined) => Static<T> | undefined {
  const validate = validatorCompiler({
    schema,
    httpPart: 'body',
    method: 'POST',
    url: '/graphql',
  }) as Validate;
  return (value) => {
    if (value === undefined || value === null) return undefined;
    const { error } = validate(value);
    // toHttpError turns `validation` into field issues prefixed with the context.
    if (error) throw Object.assign(error, { validationContext: field });
    return value;
  };
}

/** Arguments as GraphQL hands them over: an optional one may be null as well as absent. */
export type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** GraphQL's explicit nulls as absent fields, the way REST bodies leave them out. */
export function withoutNulls<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
