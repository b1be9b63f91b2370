/**
 * A step's config form, read from its type's JSON schema (GET .../flow-step-types): which
 * input each property gets, its label and default. Only the shapes step schemas use
 * (TypeBox objects, literal unions, records, arrays, unknown) get their own inputs; any
 * other shape is edited as JSON so nothing a schema allows is out of reach.
 */

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
}

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'code'
  | 'number'
  | 'boolean'
  | 'select'
  /** Any JSON value or a template: typed as text, read as JSON when it parses. */
  | 'value'
  /** Name → value pairs (headers, CRM fields). */
  | 'map'
  | 'object'
  | 'list'
  /** A later step's key, or the end of the run (condition's then/else). */
  | 'target';

export interface FieldSpec {
  name: string;
  label: string;
  description?: string;
  required: boolean;
  kind: FieldKind;
  /** For `select`: the allowed values. */
  options?: string[];
  /** Null is allowed besides the kind's values. */
  nullable: boolean;
  /** The property's own schema (nested objects, list items, map values). */
  schema: JsonSchema;
}

/** `recordId` → "Record id", `timeout_ms` → "Timeout ms". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isObjectSchema(schema: JsonSchema): boolean {
  return schema.properties !== undefined;
}

/** The non-null members of a union, and whether null was one of them. */
function splitNull(schema: JsonSchema): { members: JsonSchema[]; nullable: boolean } {
  const union = schema.anyOf ?? schema.oneOf;
  if (!union) return { members: [schema], nullable: schema.type === 'null' };
  const members = union.filter((member) => member.type !== 'null');
  return { members, nullable: members.length < union.length };
}

/** The values of a union of literals (or an enum), as strings; null when it is not one. */
function literalOptions(members: JsonSchema[]): string[] | null {
  if (members.length === 1 && Array.isArray(members[0]!.enum)) {
    return members[0]!.enum.every((value) => typeof value === 'string')
      ? (members[0]!.enum as string[])
      : null;
  }
  const values = members.map((member) => member.const);
  return values.length > 0 && values.every((value) => typeof value === 'string')
    ? (values as string[])
    : null;
}

/** The input one property gets. */
export function describeField(
  name: string,
  schema: JsonSchema,
  required: boolean,
  jumpFields: readonly string[] = [],
): FieldSpec {
  const { members, nullable } = splitNull(schema);
  const base = {
    name,
    label: schema.title ?? humanize(name),
    description: schema.description,
    required,
    nullable,
    schema,
  };
  if (jumpFields.includes(name)) return { ...base, kind: 'target' };
  const options = literalOptions(members);
  if (options) return { ...base, kind: 'select', options };
  if (members.length !== 1) return { ...base, kind: 'value' };
  const only = members[0]!;
  switch (only.type) {
    case 'string':
      if (name === 'code') return { ...base, kind: 'code', schema: only };
      return {
        ...base,
        // Long text (an email's body) gets room; a URL of 2,048 characters does not.
        kind: (only.maxLength ?? 0) >= 10_000 ? 'textarea' : 'text',
        schema: only,
      };
    case 'number':
    case 'integer':
      return { ...base, kind: 'number', schema: only };
    case 'boolean':
      return { ...base, kind: 'boolean', schema: only };
    case 'array':
      return only.items && isObjectSchema(only.items)
        ? { ...base, kind: 'list', schema: only }
        : { ...base, kind: 'value', schema: only };
    default:
      if (isObjectSchema(only)) return { ...base, kind: 'object', schema: only };
      if (only.type === 'object' || only.patternProperties || only.additionalProperties) {
        return { ...base, kind: 'map', schema: only };
      }
      return { ...base, kind: 'value', schema: only };
  }
}

/** The fields of an object schema, required ones first in the schema's order. */
export function fieldsOf(schema: JsonSchema, jumpFields: readonly string[] = []): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    describeField(name, property, required.has(name), jumpFields),
  );
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

/** The schema a map's values follow (a record's pattern property, or additionalProperties). */
export function mapValueSchema(schema: JsonSchema): JsonSchema {
  const pattern = Object.values(schema.patternProperties ?? {})[0];
  if (pattern) return pattern;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
}

/** What a new step's config starts as: each required property's default or empty value. */
export function initialConfig(schema: JsonSchema): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of fieldsOf(schema)) {
    const preset = schema.properties?.[field.name]?.default ?? field.schema.default;
    if (preset !== undefined) {
      config[field.name] = preset;
      continue;
    }
    if (!field.required) continue;
    switch (field.kind) {
      case 'select':
        config[field.name] = field.options?.[0];
        break;
      case 'boolean':
        config[field.name] = false;
        break;
      case 'map':
        config[field.name] = {};
        break;
      case 'object':
        config[field.name] = initialConfig(field.schema);
        break;
      case 'list':
        config[field.name] = [initialConfig(field.schema.items ?? {})];
        break;
      case 'target':
        config[field.name] = null;
        break;
      case 'value':
        // Any value, a template included: nothing is a better start than a guess.
        break;
      default:
        config[field.name] = '';
    }
  }
  return config;
}

/**
 * A "value" field's text as the value it stands for: JSON when the whole text parses
 * (42, true, null, {"a":1}, "quoted"), the text itself otherwise (hello, {{vars.x}}).
 * Empty text is no value.
 */
export function parseValueText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  // A template is text even where it would parse: {{...}} is never JSON anyway.
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

/** The text a "value" field shows for a value, so that parseValueText gives it back. */
export function formatValueText(value: unknown): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'string') {
    // A string that would parse as something else keeps its quotes.
    return parseValueText(value) === value ? value : JSON.stringify(value);
  }
  return JSON.stringify(value, null, typeof value === 'object' && value !== null ? 2 : undefined);
}

/** A config without the optional properties left empty, as the API wants it. */
export function compactConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined && value !== ''),
  );
}
