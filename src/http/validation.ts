import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { OptionalKind } from '@sinclair/typebox';
import type { FastifySchemaCompiler } from 'fastify';
import { textIssues, withSaneLimits } from './sane-values.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    // Unknown fields are rejected with their name rather than dropped in silence.
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    allErrors: true,
    allowUnionTypes: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

// A JSON body must carry the right types; a query string or path is text by nature,
// so numbers and booleans there are coerced, and a single `?status=open` is a list of one.
const bodyAjv = makeAjv(false);
const textAjv = makeAjv('array');

/**
 * Checks a request part against its schema plus the limits of sane-values.ts (no NUL
 * in text, dates in 1900..2199, exact integers), reporting every problem by its path.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  const validate = ajv.compile(withSaneLimits(schema as object)) as ValidateFunction;
  // `body: Type.Optional(...)`: a request without a body is fine; one with a body is checked.
  const mayBeAbsent =
    httpPart === 'body' && (schema as Record<symbol, unknown>)[OptionalKind] === 'Optional';
  return (data: unknown) => {
    if ((data === undefined || data === null) && mayBeAbsent) return { value: undefined };
    const valid = validate(data);
    const issues = [...(valid ? [] : (validate.errors ?? [])), ...textIssues(data)];
    if (!issues.length) return { value: data };
    return { error: Object.assign(new Error('validation failed'), { validation: issues }) };
  };
};

export function addSharedSchema(schema: { $id?: string }): void {
  for (const ajv of [bodyAjv, textAjv]) {
    if (schema.$id && !ajv.getSchema(schema.$id)) ajv.addSchema(schema);
  }
}
