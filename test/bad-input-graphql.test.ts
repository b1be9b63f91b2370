/**
 * Bad input never 500s (GraphQL): every field of Query and Mutation, and every field of
 * a Workspace, found by introspecting the schema so that a new one is covered the day
 * it is added, is called from an admin API key with generated hostile arguments. Every
 * answer is below 500, and every error carries a stable `extensions.code` (or, for a
 * request refused before GraphQL, the REST error shape).
 *
 * Subscription.workspaceEvents is left out: a valid subscription streams until the
 * client leaves, and its one argument is a workspace id checked like every other
 * (subscriptions.test.ts).
 */
import fc from 'fast-check';
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxApp, Tenant } from './app.js';
import {
  expectErrorShape,
  mutated,
  SEED,
  wrongShape,
  type IdPool,
  type JsonSchema,
} from './bad-values.js';
import { createBadInputFixture } from './seed-objects.js';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface InputValue {
  name: string;
  type: TypeRef;
}

interface Field {
  name: string;
  args: InputValue[];
  type: TypeRef;
}

interface FullType {
  kind: string;
  name: string;
  fields: Field[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

interface Operation {
  name: string;
  document: string;
  variables: JsonSchema;
}

// As for REST: a few combinations per field, the whole file well under a minute.
const RUNS_PER_OPERATION = 16;

let t: SandboxApp;
let a: Tenant;
let ids: IdPool;
let operations: Operation[];
let types: Map<string, FullType>;

beforeAll(async () => {
  ({ t, a, ids } = await createBadInputFixture());
  const introspection = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: a.auth,
    payload: { query: getIntrospectionQuery() },
  });
  const schema = (introspection.json() as { data: { __schema: { types: FullType[] } } }).data
    .__schema;
  types = new Map(schema.types.map((type) => [type.name, type]));
  operations = [
    ...rootOperations('query', 'Query', ['workspace']),
    ...workspaceOperations(),
    ...rootOperations('mutation', 'Mutation', []),
  ];
});

function typeName(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeName(ref.ofType!)}!`;
  if (ref.kind === 'LIST') return `[${typeName(ref.ofType!)}]`;
  return ref.name!;
}

function namedType(ref: TypeRef): FullType {
  return ref.ofType ? namedType(ref.ofType) : types.get(ref.name!)!;
}

/** `{ __typename }` for an object result, nothing for a scalar or an enum. */
function selection(ref: TypeRef): string {
  const kind = namedType(ref).kind;
  return kind === 'OBJECT' || kind === 'INTERFACE' || kind === 'UNION' ? ' { __typename }' : '';
}

// An `id` argument names the object of its field: `mapping(id)`, `updateActionPolicy(id)`.
const FIELD_KINDS: [RegExp, string][] = [
  [/automation/i, 'automation'],
  [/board/i, 'board'],
  [/flowrun/i, 'flowRun'],
  [/flow/i, 'flow'],
  [/batch/i, 'batch'],
  [/policy|policies/i, 'policy'],
  [/writebackrun/i, 'writebackRun'],
  [/mapping/i, 'mapping'],
  [/action/i, 'action'],
  [/^workspace$/, 'workspace'],
];

function idKindOf(field: string, argument: string): string {
  if (argument !== 'id') return argument.replace(/Ids?$/, '');
  return FIELD_KINDS.find(([pattern]) => pattern.test(field))?.[1] ?? 'unknown';
}

/** The JSON Schema of a GraphQL input type, for the generators of bad-values.ts. */
function schemaOf(ref: TypeRef, field: string, argument: string): JsonSchema {
  const inner = ref.kind === 'NON_NULL' ? ref.ofType! : ref;
  const nullable = ref.kind !== 'NON_NULL';
  let schema: JsonSchema;
  if (inner.kind === 'LIST') {
    schema = { type: 'array', items: schemaOf(inner.ofType!, field, argument), maxItems: 3 };
  } else {
    const type = types.get(inner.name!)!;
    switch (type.kind) {
      case 'ENUM':
        schema = { enum: type.enumValues!.map((value) => value.name) };
        break;
      case 'INPUT_OBJECT':
        schema = objectSchema(type.inputFields!, field);
        break;
      default:
        schema = scalarSchema(type.name, field, argument);
    }
  }
  return nullable ? { anyOf: [schema, { type: 'null' }] } : schema;
}

function scalarSchema(name: string, field: string, argument: string): JsonSchema {
  switch (name) {
    case 'ID':
      // The caller's own ids by kind (bad-values.ts reads the kind from the field name).
      return { type: 'string', format: 'uuid', 'x-kind': idKindOf(field, argument) };
    case 'String':
      return { type: 'string', maxLength: 60 };
    case 'Int':
      return { type: 'integer', minimum: -(2 ** 31), maximum: 2 ** 31 - 1 };
    case 'Float':
      return { type: 'number' };
    case 'Boolean':
      return { type: 'boolean' };
    default:
      // JSON and CrmValue: anything.
      return {};
  }
}

function objectSchema(values: InputValue[], field: string): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(
      values.map((value) => [value.name, schemaOf(value.type, field, value.name)]),
    ),
    required: values.filter((value) => value.type.kind === 'NON_NULL').map((value) => value.name),
  };
}

function operation(kind: string, field: Field, wrap = (call: string) => call): Operation {
  const declared = field.args.map((arg) => `$${arg.name}: ${typeName(arg.type)}`);
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const call = `${field.name}${passed.length ? `(${passed.join(', ')})` : ''}${selection(field.type)}`;
  const variables = [...declared, ...(kind === 'workspace' ? ['$ws: ID!'] : [])];
  return {
    name: `${kind} ${field.name}`,
    document: `${kind === 'mutation' ? 'mutation' : 'query'}${variables.length ? ` (${variables.join(', ')})` : ''} { ${wrap(call)} }`,
    variables: objectSchema(field.args, field.name),
  };
}

function rootOperations(kind: string, root: string, skip: string[]): Operation[] {
  return types
    .get(root)!
    .fields!.filter((field) => !skip.includes(field.name))
    .map((field) => operation(kind, field));
}

/** Every field of a Workspace, asked through `workspace(id: $ws)` of the caller. */
function workspaceOperations(): Operation[] {
  return types.get('Workspace')!.fields!.map((field) => {
    const asked = operation('workspace', field, (call) => `workspace(id: $ws) { ${call} }`);
    const variables = asked.variables;
    return {
      ...asked,
      variables: {
        ...variables,
        properties: { ...variables.properties, ws: scalarSchema('ID', 'workspace', 'id') },
        required: [...(variables.required ?? []), 'ws'],
      },
    };
  });
}

describe('bad input never 500s over GraphQL', () => {
  it('walks every field of Query, Mutation and Workspace', () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
  });

  it('answers every generated request below 500, each error with a stable code', async () => {
    const failures: string[] = [];
    let answered = 0;
    let withoutErrors = 0;
    for (const [index, { name, document, variables }] of operations.entries()) {
      const values = fc.oneof(
        { weight: 12, arbitrary: mutated(variables, ids) },
        { weight: 1, arbitrary: wrongShape(variables, ids) },
      );
      const result = await fc.check(
        fc.asyncProperty(values, async (generated) => {
          const response = await t.app.inject({
            method: 'POST',
            url: '/graphql',
            headers: a.auth,
            payload: { query: document, variables: generated },
          });
          expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(500);
          const body = response.json() as {
            errors?: { extensions?: { code?: unknown } }[];
            error?: unknown;
          };
          if (body.error !== undefined) expectErrorShape(body, name);
          answered += 1;
          if (!body.errors?.length && body.error === undefined) withoutErrors += 1;
          for (const error of body.errors ?? [])
            expect(typeof error.extensions?.code, JSON.stringify(error)).toBe('string');
        }),
        { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      if (result.failed) {
        const sent = JSON.stringify(result.counterexample?.[0]).slice(0, 600);
        const error = String((result.errorInstance as Error | undefined)?.message).slice(0, 600);
        failures.push(
          `${name} (seed ${result.seed}; FC_SEED=${SEED} replays the run): ${document}\n  ${sent}\n  ${error}`,
        );
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
    // Generated arguments must get past the checks often enough to test what lies behind.
    expect(withoutErrors / answered).toBeGreaterThan(0.1);
  }, 300_000);
});
