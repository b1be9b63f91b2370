import { describe, expect, it } from 'vitest';
import { SoqlError, parseSoql, tokenize } from './soql-parser.js';

function errorOf(soql: string): SoqlError {
  try {
    parseSoql(soql);
  } catch (error) {
    if (error instanceof SoqlError) return error;
    throw error;
  }
  throw new Error(`parsed: ${soql}`);
}

describe('parseSoql', () => {
  it('reads fields, relationship paths, the object, order, limit and offset', () => {
    const query = parseSoql(
      'select Id, Name, Account.Name from Opportunity order by CloseDate desc nulls first, Id limit 10 offset 5',
    );
    expect(query).toEqual({
      fields: [['Id'], ['Name'], ['Account', 'Name']],
      count: false,
      from: 'Opportunity',
      subqueries: [],
      orderBy: [
        { path: ['CloseDate'], descending: true, nullsLast: false },
        { path: ['Id'], descending: false, nullsLast: false },
      ],
      limit: 10,
      offset: 5,
    });
  });

  it('reads parent-to-child subqueries in the field list, one level deep', () => {
    const query = parseSoql(
      'SELECT Id, (SELECT ContactId, Role FROM OpportunityContactRoles WHERE IsPrimary = true LIMIT 5), Name FROM Opportunity',
    );
    expect(query.fields).toEqual([['Id'], ['Name']]);
    expect(query.subqueries).toEqual([
      {
        fields: [['ContactId'], ['Role']],
        count: false,
        from: 'OpportunityContactRoles',
        subqueries: [],
        where: {
          kind: 'compare',
          path: ['IsPrimary'],
          op: '=',
          value: { kind: 'boolean', value: true },
        },
        orderBy: [],
        limit: 5,
      },
    ]);
    expect(() =>
      parseSoql(
        'SELECT Id, (SELECT Id, (SELECT Id FROM Contacts) FROM Opportunities) FROM Account',
      ),
    ).toThrow(SoqlError);
  });

  it('defaults DESC to NULLS LAST and ASC to NULLS FIRST', () => {
    const query = parseSoql('SELECT Id FROM Account ORDER BY Name DESC, Industry ASC NULLS LAST');
    expect(query.orderBy.map((o) => o.nullsLast)).toEqual([true, true]);
    expect(parseSoql('SELECT Id FROM Account ORDER BY Name').orderBy[0]!.nullsLast).toBe(false);
  });

  it('reads COUNT()', () => {
    expect(parseSoql('SELECT COUNT() FROM Contact WHERE AccountId != null')).toMatchObject({
      count: true,
      fields: [],
      from: 'Contact',
    });
  });

  it('reads every comparison operator and literal kind', () => {
    const query = parseSoql(
      "SELECT Id FROM Opportunity WHERE Name = 'A' AND Amount != 5 AND Amount <> 6 AND Amount < 1.5 AND Amount <= -2 AND Probability > 10 AND Probability >= 20 AND IsWon = TRUE AND IsClosed = false AND NextStep = null AND CloseDate = 2025-01-31 AND LastModifiedDate > 2025-01-01T10:00:00Z AND SystemModstamp >= 2025-01-01T10:00:00.123+02:00",
    );
    const where = query.where as { kind: 'and'; items: { op: string; value: unknown }[] };
    expect(where.kind).toBe('and');
    expect(where.items.map((item) => item.op)).toEqual([
      '=', '!=', '!=', '<', '<=', '>', '>=', '=', '=', '=', '=', '>', '>=',
    ]); // prettier-ignore
    expect(where.items.map((item) => item.value)).toEqual([
      { kind: 'string', value: 'A' },
      { kind: 'number', value: 5 },
      { kind: 'number', value: 6 },
      { kind: 'number', value: 1.5 },
      { kind: 'number', value: -2 },
      { kind: 'number', value: 10 },
      { kind: 'number', value: 20 },
      { kind: 'boolean', value: true },
      { kind: 'boolean', value: false },
      { kind: 'null' },
      { kind: 'date', value: '2025-01-31' },
      { kind: 'datetime', value: Date.parse('2025-01-01T10:00:00Z'), text: '2025-01-01T10:00:00Z' },
      {
        kind: 'datetime',
        value: Date.parse('2025-01-01T08:00:00.123Z'),
        text: '2025-01-01T10:00:00.123+02:00',
      },
    ]);
  });

  it('reads date literals, with and without a day count', () => {
    const query = parseSoql(
      'SELECT Id FROM Opportunity WHERE CloseDate = TODAY OR CloseDate = LAST_N_DAYS:30 OR CloseDate > next_n_days:7',
    );
    const where = query.where as { kind: 'or'; items: { value: unknown }[] };
    expect(where.items.map((item) => item.value)).toEqual([
      { kind: 'dateLiteral', name: 'TODAY' },
      { kind: 'dateLiteral', name: 'LAST_N_DAYS', n: 30 },
      { kind: 'dateLiteral', name: 'NEXT_N_DAYS', n: 7 },
    ]);
  });

  it('reads IN, NOT IN, LIKE, NOT and parentheses', () => {
    const query = parseSoql(
      "SELECT Id FROM Contact WHERE (Email LIKE '%@acme.com' OR NOT Title LIKE 'VP%') AND AccountId IN ('001A', '001B') AND Id NOT IN ('003A')",
    );
    expect(query.where).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'or',
          items: [
            { kind: 'like', path: ['Email'], pattern: '%@acme.com' },
            { kind: 'not', item: { kind: 'like', path: ['Title'], pattern: 'VP%' } },
          ],
        },
        {
          kind: 'in',
          path: ['AccountId'],
          negated: false,
          values: [
            { kind: 'string', value: '001A' },
            { kind: 'string', value: '001B' },
          ],
        },
        { kind: 'in', path: ['Id'], negated: true, values: [{ kind: 'string', value: '003A' }] },
      ],
    });
  });

  it('decodes string escapes, keeping LIKE wildcards escaped', () => {
    const query = parseSoql(
      "SELECT Id FROM Account WHERE Name = 'O\\'Brien\\\\s \\n' AND Name LIKE '50\\%'",
    );
    const where = query.where as { items: { value?: { value: string }; pattern?: string }[] };
    expect(where.items[0]!.value!.value).toBe("O'Brien\\s \n");
    expect(where.items[1]!.pattern).toBe('50\\%');
  });

  it('refuses AND and OR mixed without parentheses, as Salesforce does', () => {
    const error = errorOf("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'");
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain("unexpected token: 'OR'");
  });

  it.each([
    ['SELECT Id Account', "unexpected token: 'Account'"],
    ['SELECT FROM Account', "unexpected token: 'FROM'"],
    ['SELECT Id FROM Account WHERE', 'unexpected token: <EOF>'],
    ["SELECT Id FROM Account WHERE Name = 'open", 'unterminated string literal'],
    ['SELECT Id FROM Account LIMIT ten', "unexpected token: 'ten'"],
    ['SELECT Id FROM Account WHERE Name = Acme', "unexpected token: 'Acme'"],
    ['SELECT Id FROM Account extra', "unexpected token: 'extra'"],
    ['SELECT Id FROM Account WHERE Name ~ 1', "unexpected token: '~'"],
    ['UPDATE Account', "unexpected token: 'UPDATE'"],
  ])('refuses %s as MALFORMED_QUERY', (soql, message) => {
    const error = errorOf(soql);
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/ERROR at Row:1:Column:\d+/);
  });

  it('points at the column of the offending token', () => {
    expect(errorOf('SELECT Id FROM Account WHERE').message).toContain('Column:29');
  });

  it('tokenizes dates before numbers', () => {
    expect(tokenize('2025-01-31 2025 2025-01-31T00:00:00Z').map((t) => t.kind)).toEqual([
      'date',
      'number',
      'datetime',
      'eof',
    ]);
  });
});
