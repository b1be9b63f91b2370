/**
 * Limits every request value gets on top of its route's schema, for REST and GraphQL
 * alike, so that a value Postgres cannot hold is a 400 naming the field, not a 500:
 *
 * - text holds no NUL character (Postgres text and jsonb cannot store U+0000) and no
 *   lone surrogate (not Unicode: it cannot be encoded as UTF-8);
 * - dates and timestamps lie between 1900-01-01 and 2199-12-31 (Postgres refuses year
 *   0000, and nothing Pandora plans or reports lies outside these years);
 * - integers are exact in JavaScript (|n| <= 2^53 - 1), which also keeps them in bigint.
 */

export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';
const EARLIEST_DATE_TIME = `${EARLIEST_DATE}T00:00:00Z`;
const LATEST_DATE_TIME = `${LATEST_DATE}T23:59:59.999Z`;

/** An issue in ajv's own form, so the error mapper names the field as for any other. */
export interface ValueIssue {
  instancePath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

type Schema = Record<string, unknown>;

/**
 * The schema with the date and integer limits above added wherever it does not set its
 * own: a copy, so the OpenAPI document keeps the route's schema as written.
 */
export function withSaneLimits<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withSaneLimits) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) copy[key] = withSaneLimits(value);
  if (copy.type === 'string' && (copy.format === 'date' || copy.format === 'date-time')) {
    const dateTime = copy.format === 'date-time';
    copy.formatMinimum ??= dateTime ? EARLIEST_DATE_TIME : EARLIEST_DATE;
    copy.formatMaximum ??= dateTime ? LATEST_DATE_TIME : LATEST_DATE;
  }
  if (copy.type === 'integer') {
    copy.minimum ??= -Number.MAX_SAFE_INTEGER;
    copy.maximum ??= Number.MAX_SAFE_INTEGER;
  }
  return copy as T;
}

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text))
    return 'must be valid Unicode (it holds a lone surrogate, \\uD800-\\uDFFF)';
  return undefined;
}

/** Every string (and object key) of a request value that cannot be stored, by its path. */
export function textIssues(value: unknown, path = ''): ValueIssue[] {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? [{ instancePath: path, keyword: 'text', message, params: {} }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => textIssues(item, `${path}/${index}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const keyProblem = textProblem(key);
      const escaped = key.replace(/~/g, '~0').replace(/\//g, '~1');
      const here: ValueIssue[] = keyProblem
        ? [
            {
              instancePath: path,
              keyword: 'text',
              message: `has a key that ${keyProblem}`,
              params: {},
            },
          ]
        : [];
      return [...here, ...textIssues(item, `${path}/${escaped}`)];
    });
  }
  return [];
}
