/**
 * A parser for the subset of SOQL Pandora's connector (and a person poking at the
 * emulator) uses: SELECT fields (with one-level relationship paths like
 * `Account.Name`) or COUNT(), FROM one object, WHERE with AND/OR/NOT and
 * parentheses, = != <> < <= > >= [NOT] IN LIKE, string/number/boolean/null/date/
 * datetime literals and a few date literals (TODAY, LAST_N_DAYS:n...), ORDER BY with
 * ASC/DESC and NULLS FIRST/LAST, LIMIT and OFFSET. As in Salesforce, AND and OR may
 * not be mixed at one level without parentheses.
 */
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type SoqlLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: number; text: string }
  | { kind: 'dateLiteral'; name: string; n?: number };

export type SoqlCondition =
  | { kind: 'and' | 'or'; items: SoqlCondition[] }
  | { kind: 'not'; item: SoqlCondition }
  | { kind: 'compare'; path: string[]; op: ComparisonOperator; value: SoqlLiteral }
  | { kind: 'in'; path: string[]; negated: boolean; values: SoqlLiteral[] }
  | { kind: 'like'; path: string[]; pattern: string };

export interface SoqlOrder {
  path: string[];
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  /** Selected field paths; empty for COUNT(). */
  fields: string[][];
  count: boolean;
  from: string;
  /** `(SELECT ... FROM ChildRelationship ...)` in the field list; `from` is the relationship. */
  subqueries: SoqlQuery[];
  where?: SoqlCondition;
  orderBy: SoqlOrder[];
  limit?: number;
  offset?: number;
}

/** A query Salesforce would refuse; `errorCode` is what its REST API answers. */
export class SoqlError extends Error {
  override name = 'SoqlError';

  constructor(
    readonly errorCode:
      | 'MALFORMED_QUERY'
      | 'INVALID_FIELD'
      | 'INVALID_TYPE'
      | 'INVALID_QUERY_FILTER_OPERATOR'
      | 'NUMBER_OUTSIDE_VALID_RANGE',
    message: string,
  ) {
    super(message);
  }
}

type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'eof';

interface Token {
  kind: TokenKind;
  text: string;
  /** The decoded value of a string literal. */
  value?: string;
  position: number;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const OPERATOR = /^(?:!=|<>|<=|>=|=|<|>)/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

function malformed(soql: string, position: number, message: string): SoqlError {
  const column = position + 1;
  return new SoqlError(
    'MALFORMED_QUERY',
    `\n${soql}\n${' '.repeat(position)}^\nERROR at Row:1:Column:${column}\n${message}`,
  );
}

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const rest = soql.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest[0] === "'") {
      let value = '';
      let j = i + 1;
      for (; j < soql.length && soql[j] !== "'"; j += 1) {
        if (soql[j] === '\\' && j + 1 < soql.length) {
          const next = soql[j + 1]!;
          // \% and \_ stay escaped: they only mean something to LIKE.
          value += ESCAPES[next] ?? (next === '%' || next === '_' ? `\\${next}` : next);
          j += 1;
        } else value += soql[j];
      }
      if (j >= soql.length) throw malformed(soql, i, 'unterminated string literal');
      tokens.push({ kind: 'string', text: soql.slice(i, j + 1), value, position: i });
      i = j + 1;
      continue;
    }
    const match =
      (DATETIME.exec(rest) && { kind: 'datetime' as const, m: DATETIME.exec(rest)! }) ||
      (DATE.exec(rest) && { kind: 'date' as const, m: DATE.exec(rest)! }) ||
      (NUMBER.exec(rest) && { kind: 'number' as const, m: NUMBER.exec(rest)! }) ||
      (IDENT.exec(rest) && { kind: 'ident' as const, m: IDENT.exec(rest)! }) ||
      (OPERATOR.exec(rest) && { kind: 'op' as const, m: OPERATOR.exec(rest)! });
    if (match) {
      tokens.push({ kind: match.kind, text: match.m[0], position: i });
      i += match.m[0].length;
      continue;
    }
    if ('(),:'.includes(rest[0]!)) {
      tokens.push({ kind: 'punct', text: rest[0]!, position: i });
      i += 1;
      continue;
    }
    throw malformed(soql, i, `unexpected token: '${rest[0]}'`);
  }
  tokens.push({ kind: 'eof', text: '<EOF>', position: soql.length });
  return tokens;
}

const CLAUSE_KEYWORDS = new Set([
  'FROM',
  'WHERE',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'BY',
  'ASC',
  'DESC',
  'NULLS',
]);
const DATE_LITERALS = new Set([
  'TODAY', 'YESTERDAY', 'TOMORROW', 'LAST_90_DAYS', 'NEXT_90_DAYS', 'THIS_MONTH', 'THIS_YEAR',
]); // prettier-ignore
const DATE_LITERALS_N = new Set(['LAST_N_DAYS', 'NEXT_N_DAYS']);

class Parser {
  private index = 0;

  constructor(
    private readonly soql: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'ident' && token.text.toUpperCase() === word;
  }

  private unexpected(token = this.peek()): SoqlError {
    return malformed(
      this.soql,
      token.position,
      `unexpected token: ${token.kind === 'eof' ? '<EOF>' : `'${token.text}'`}`,
    );
  }

  private expectKeyword(word: string): void {
    if (!this.isKeyword(word)) throw this.unexpected();
    this.next();
  }

  private expectPunct(char: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.text !== char) throw this.unexpected(token);
  }

  private path(): string[] {
    const token = this.next();
    if (token.kind !== 'ident' || CLAUSE_KEYWORDS.has(token.text.toUpperCase())) {
      throw this.unexpected(token);
    }
    return token.text.split('.');
  }

  private integer(): number {
    const token = this.next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) throw this.unexpected(token);
    return Number(token.text);
  }

  parse(nested = false): SoqlQuery {
    this.expectKeyword('SELECT');
    const query: SoqlQuery = { fields: [], count: false, from: '', subqueries: [], orderBy: [] };
    if (this.isKeyword('COUNT') && this.peek(1).text === '(') {
      this.next();
      this.expectPunct('(');
      this.expectPunct(')');
      query.count = true;
    } else {
      do {
        if (this.peek().kind === 'punct' && this.peek().text === '(') {
          // Salesforce allows one level of parent-to-child subqueries.
          if (nested) throw this.unexpected();
          this.next();
          query.subqueries.push(this.parse(true));
        } else query.fields.push(this.path());
      } while (this.peek().text === ',' && this.next());
    }
    this.expectKeyword('FROM');
    const from = this.path();
    if (from.length !== 1) throw this.unexpected(this.tokens[this.index - 1]);
    query.from = from[0]!;
    if (this.isKeyword('WHERE')) {
      this.next();
      query.where = this.condition();
    }
    if (this.isKeyword('ORDER')) {
      this.next();
      this.expectKeyword('BY');
      do query.orderBy.push(this.order());
      while (this.peek().text === ',' && this.next());
    }
    if (this.isKeyword('LIMIT')) {
      this.next();
      query.limit = this.integer();
    }
    if (this.isKeyword('OFFSET')) {
      this.next();
      query.offset = this.integer();
    }
    if (nested) this.expectPunct(')');
    else if (this.peek().kind !== 'eof') throw this.unexpected();
    return query;
  }

  private order(): SoqlOrder {
    const path = this.path();
    let descending = false;
    if (this.isKeyword('ASC') || this.isKeyword('DESC'))
      descending = this.next().text.toUpperCase() === 'DESC';
    let nullsLast = descending;
    if (this.isKeyword('NULLS')) {
      this.next();
      if (this.isKeyword('FIRST')) nullsLast = false;
      else if (this.isKeyword('LAST')) nullsLast = true;
      else throw this.unexpected();
      this.next();
    }
    return { path, descending, nullsLast };
  }

  private condition(): SoqlCondition {
    const first = this.unary();
    const joiner = this.isKeyword('AND') ? 'and' : this.isKeyword('OR') ? 'or' : null;
    if (!joiner) return first;
    const items = [first];
    while (this.isKeyword(joiner.toUpperCase())) {
      this.next();
      items.push(this.unary());
    }
    // Salesforce refuses `a AND b OR c`: the reader has to say which is meant.
    if (this.isKeyword('AND') || this.isKeyword('OR')) throw this.unexpected();
    return { kind: joiner, items };
  }

  private unary(): SoqlCondition {
    if (this.isKeyword('NOT')) {
      this.next();
      return { kind: 'not', item: this.unary() };
    }
    if (this.peek().text === '(' && this.peek().kind === 'punct') {
      this.next();
      const inner = this.condition();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): SoqlCondition {
    const path = this.path();
    if (this.isKeyword('NOT') && this.isKeyword('IN', 1)) {
      this.next();
      this.next();
      return { kind: 'in', path, negated: true, values: this.list() };
    }
    if (this.isKeyword('IN')) {
      this.next();
      return { kind: 'in', path, negated: false, values: this.list() };
    }
    if (this.isKeyword('LIKE')) {
      this.next();
      const token = this.next();
      if (token.kind !== 'string') throw this.unexpected(token);
      return { kind: 'like', path, pattern: token.value! };
    }
    const op = this.next();
    if (op.kind !== 'op') throw this.unexpected(op);
    const operator = (op.text === '<>' ? '!=' : op.text) as ComparisonOperator;
    return { kind: 'compare', path, op: operator, value: this.literal() };
  }

  private list(): SoqlLiteral[] {
    this.expectPunct('(');
    const values: SoqlLiteral[] = [];
    do values.push(this.literal());
    while (this.peek().text === ',' && this.next());
    this.expectPunct(')');
    return values;
  }

  private literal(): SoqlLiteral {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value! };
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'date':
        if (Number.isNaN(Date.parse(`${token.text}T00:00:00Z`))) throw this.unexpected(token);
        return { kind: 'date', value: token.text };
      case 'datetime': {
        const ms = Date.parse(token.text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
        if (Number.isNaN(ms)) throw this.unexpected(token);
        return { kind: 'datetime', value: ms, text: token.text };
      }
      case 'ident': {
        const word = token.text.toUpperCase();
        if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE' };
        if (word === 'NULL') return { kind: 'null' };
        if (DATE_LITERALS.has(word)) return { kind: 'dateLiteral', name: word };
        if (DATE_LITERALS_N.has(word)) {
          this.expectPunct(':');
          return { kind: 'dateLiteral', name: word, n: this.integer() };
        }
        throw this.unexpected(token);
      }
      default:
        throw this.unexpected(token);
    }
  }
}

/** Parses SOQL; throws a `SoqlError` (MALFORMED_QUERY) Salesforce would also answer. */
export function parseSoql(soql: string): SoqlQuery {
  return new Parser(soql, tokenize(soql)).parse();
}
