import { readFile } from 'node:fs/promises';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { NORMALIZED_STAGES, type NormalizedStage } from '../ingest/stages.js';

/**
 * The meeting agent's labelled cases and its predictions, exactly as
 * ../shared/agent-cases.md defines them. Unknown properties are refused: a
 * misspelt label ("expcted") would otherwise silently leave a case unscored.
 */

const strict = { additionalProperties: false } as const;
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const IsoDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
});

/** Pandora's normalized stages, the values a case's `stage` may take. */
export const STAGES = NORMALIZED_STAGES;
export type Stage = NormalizedStage;
const StageSchema = Type.Union(STAGES.map((stage) => Type.Literal(stage)));

export const FIELDS = ['close_date', 'amount', 'stage', 'next_step', 'competitors'] as const;
export type FieldName = (typeof FIELDS)[number];

export const MeetingSchema = Type.Object(
  {
    title: Type.String(),
    startedAt: IsoDateTime,
    durationSeconds: Type.Number({ minimum: 0 }),
    participants: Type.Array(
      Type.Object({ name: Type.String(), email: Type.Union([Type.String(), Type.Null()]) }, strict),
    ),
    transcript: Type.Array(
      Type.Object(
        { speaker: Type.String(), text: Type.String(), startSeconds: Type.Number({ minimum: 0 }) },
        strict,
      ),
    ),
  },
  strict,
);
export type Meeting = Static<typeof MeetingSchema>;

/** Every key is optional in a file; resolveConfig fills the defaults. */
export const CaseConfigSchema = Type.Object(
  {
    internalDomains: Type.Optional(Type.Array(Type.String())),
    competitors: Type.Optional(Type.Array(Type.String())),
    timeZone: Type.Optional(Type.String({ minLength: 1 })),
    fiscalYearStartMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  },
  strict,
);
export type CaseConfig = Static<typeof CaseConfigSchema>;
export type AgentConfig = Required<CaseConfig>;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const CrmSchema = Type.Object(
  {
    accounts: Type.Array(
      Type.Object(
        { id: Type.String(), name: Type.String(), domain: Nullable(Type.String()) },
        strict,
      ),
    ),
    contacts: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          email: Nullable(Type.String()),
          accountId: Nullable(Type.String()),
        },
        strict,
      ),
    ),
    deals: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          accountId: Nullable(Type.String()),
          contactIds: Type.Array(Type.String()),
          stage: StageSchema,
          amount: Nullable(Type.Number()),
          closeDate: Nullable(IsoDate),
          nextStep: Nullable(Type.String()),
          competitors: Type.Array(Type.String()),
          isClosed: Type.Boolean(),
          updatedAt: IsoDateTime,
        },
        strict,
      ),
    ),
  },
  strict,
);
export type CrmRecords = Static<typeof CrmSchema>;
export type CrmDeal = CrmRecords['deals'][number];

export const AmountSchema = Type.Union([
  Type.Number(),
  Type.Object({ value: Type.Number(), currency: Type.String({ minLength: 1 }) }, strict),
]);
export type Amount = Static<typeof AmountSchema>;

/** null (or absent): the meeting gives nothing to change for that field. */
export const ExpectedFieldsSchema = Type.Object(
  {
    close_date: Type.Optional(Nullable(IsoDate)),
    amount: Type.Optional(Nullable(AmountSchema)),
    stage: Type.Optional(Nullable(StageSchema)),
    next_step: Type.Optional(
      Nullable(Type.Object({ contains: Type.Array(Type.String({ minLength: 1 })) }, strict)),
    ),
    competitors: Type.Optional(Nullable(Type.Array(Type.String()))),
  },
  strict,
);
export type ExpectedFields = Static<typeof ExpectedFieldsSchema>;

export const ExpectedSchema = Type.Object(
  { dealId: Nullable(Type.String()), fields: Nullable(ExpectedFieldsSchema) },
  strict,
);
export type Expected = Static<typeof ExpectedSchema>;

export const AgentCaseSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    meeting: MeetingSchema,
    config: Type.Optional(CaseConfigSchema),
    crm: CrmSchema,
    expected: Type.Optional(ExpectedSchema),
  },
  strict,
);
export type AgentCase = Static<typeof AgentCaseSchema>;

const Proposal = <F extends FieldName, V extends TSchema>(field: F, value: V) =>
  Type.Object(
    {
      field: Type.Literal(field),
      value,
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      decision: Type.Union([Type.Literal('auto_apply'), Type.Literal('inbox')]),
      quote: Type.String(),
    },
    strict,
  );

export const ProposedFieldSchema = Type.Union([
  Proposal('close_date', IsoDate),
  Proposal('amount', AmountSchema),
  Proposal('stage', StageSchema),
  Proposal('next_step', Type.String({ minLength: 1 })),
  Proposal('competitors', Type.Array(Type.String())),
]);
export type ProposedField = Static<typeof ProposedFieldSchema>;

export const PredictionSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    dealId: Nullable(Type.String()),
    matchConfidence: Type.Number({ minimum: 0, maximum: 1 }),
    fields: Type.Array(ProposedFieldSchema),
  },
  strict,
);
export type Prediction = Static<typeof PredictionSchema>;

/** A case or prediction file that cannot be read: the message names the line and field. */
export class CaseFileError extends Error {
  override readonly name = 'CaseFileError';
}

/** The first problem with `value`, as "field: message", or null when it is valid. */
export function firstProblem(schema: TSchema, value: unknown): string | null {
  const found = problemAt(schema, value, '');
  if (!found) return null;
  return `${found.path.split('/').filter(Boolean).join('.') || '(the whole line)'}: ${found.message}`;
}

/**
 * TypeBox reports a failed union as "Expected union value" at the union; this goes into
 * the one member the value was meant for (the non-null one, the proposal of its field)
 * so the message names the innermost field, and lists the choices of a union of words.
 */
function problemAt(
  schema: TSchema,
  value: unknown,
  prefix: string,
): { path: string; message: string } | null {
  const error = Value.Errors(schema, value).First();
  if (!error) return null;
  const path = prefix + error.path;
  const members = (error.schema as { anyOf?: TSchema[] }).anyOf;
  if (!members) return { path, message: error.message };
  const words = members.map((member) => (member as { const?: unknown }).const);
  if (words.every((word) => typeof word === 'string')) {
    return { path, message: `must be one of ${words.join(', ')}` };
  }
  const field = (error.value as { field?: unknown } | null)?.field;
  const meant = members.filter((member) => {
    if (error.value !== null && (member as { type?: unknown }).type === 'null') return false;
    const literal = (member as { properties?: { field?: { const?: unknown } } }).properties?.field;
    return literal?.const === undefined || literal.const === field;
  });
  if (meant.length === 1) return problemAt(meant[0]!, error.value, path);
  const fields = members.map(
    (member) =>
      (member as { properties?: { field?: { const?: unknown } } }).properties?.field?.const,
  );
  if (meant.length === 0 && fields.every((name) => typeof name === 'string')) {
    return { path: `${path}/field`, message: `must be one of ${fields.join(', ')}` };
  }
  return { path, message: 'fits none of the forms this field may take' };
}

/** Dates are read in the config's time zone: one the runtime does not know is refused. */
export function timeZoneProblem(config: CaseConfig | undefined, prefix = ''): string | null {
  if (config?.timeZone === undefined) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: config.timeZone });
    return null;
  } catch {
    return `${prefix}timeZone: "${config.timeZone}" is not an IANA time zone (e.g. America/New_York)`;
  }
}

/** A prediction carries each field at most once. */
export function duplicateField(prediction: Pick<Prediction, 'fields'>): FieldName | null {
  const seen = new Set<FieldName>();
  for (const { field } of prediction.fields) {
    if (seen.has(field)) return field;
    seen.add(field);
  }
  return null;
}

/** Parses JSON Lines text (blank lines skipped), validating each line against `schema`. */
export function parseJsonLines<T extends TSchema>(
  text: string,
  schema: T,
  source: string,
  prepare: (value: unknown) => unknown = (value) => value,
): Static<T>[] {
  const rows: Static<T>[] = [];
  const ids = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source} line ${index + 1}`;
    let value: unknown;
    try {
      value = prepare(JSON.parse(line));
    } catch (error) {
      throw new CaseFileError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    const problem = firstProblem(schema, value);
    if (problem) throw new CaseFileError(`${where}: ${problem}`);
    const row = value as Static<T> & { id?: unknown; fields?: unknown; config?: CaseConfig };
    const zone = timeZoneProblem(row.config, 'config.');
    if (zone) throw new CaseFileError(`${where}: ${zone}`);
    if (Array.isArray(row.fields)) {
      const twice = duplicateField(row as Pick<Prediction, 'fields'>);
      if (twice) throw new CaseFileError(`${where}: fields: ${twice} is proposed twice`);
    }
    if (typeof row.id === 'string') {
      const first = ids.get(row.id);
      if (first !== undefined) {
        throw new CaseFileError(`${where}: id: "${row.id}" is already used on line ${first}`);
      }
      ids.set(row.id, index + 1);
    }
    rows.push(row);
  });
  return rows;
}

export async function readCases(file: string): Promise<AgentCase[]> {
  return parseJsonLines(await readText(file), AgentCaseSchema, file, dealAmountsAsNumbers);
}

/**
 * A CRM deal's amount may be written as the expected amounts are, `{ value, currency }`
 * (a deal kept in euros); the agent compares amounts by value, so it reads the number.
 */
function dealAmountsAsNumbers(value: unknown): unknown {
  const deals = (value as { crm?: { deals?: unknown } } | null)?.crm?.deals;
  if (!Array.isArray(deals)) return value;
  for (const deal of deals as { amount?: unknown }[]) {
    const amount = deal?.amount as { value?: unknown; currency?: unknown } | null | undefined;
    if (
      amount !== null &&
      typeof amount === 'object' &&
      typeof amount.value === 'number' &&
      typeof amount.currency === 'string' &&
      Object.keys(amount).length === 2
    ) {
      deal.amount = amount.value;
    }
  }
  return value;
}

export async function readPredictions(file: string): Promise<Prediction[]> {
  return parseJsonLines(await readText(file), PredictionSchema, file);
}

/** The agent configuration file (--config): the case config's shape, every key optional. */
export async function readConfigFile(file: string): Promise<CaseConfig> {
  let value: unknown;
  try {
    value = JSON.parse(await readText(file));
  } catch (error) {
    if (error instanceof CaseFileError) throw error;
    throw new CaseFileError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const problem = firstProblem(CaseConfigSchema, value);
  const zone = timeZoneProblem(value as CaseConfig);
  if (problem ?? zone) throw new CaseFileError(`${file}: ${problem ?? zone}`);
  return value as CaseConfig;
}

/** A case's config over the file's over the defaults (UTC, calendar quarters, no lists). */
export function resolveConfig(fromFile: CaseConfig = {}, fromCase: CaseConfig = {}): AgentConfig {
  return {
    internalDomains: fromCase.internalDomains ?? fromFile.internalDomains ?? [],
    competitors: fromCase.competitors ?? fromFile.competitors ?? [],
    timeZone: fromCase.timeZone ?? fromFile.timeZone ?? 'UTC',
    fiscalYearStartMonth: fromCase.fiscalYearStartMonth ?? fromFile.fiscalYearStartMonth ?? 1,
  };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CaseFileError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? error})`,
      { cause: error },
    );
  }
}
