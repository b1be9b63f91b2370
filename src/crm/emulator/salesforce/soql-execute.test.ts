import { beforeAll, describe, expect, it } from 'vitest';
import { SalesforceSchema } from './schema.js';
import { seedStore } from './seed.js';
import { executeQuery, projectRecord } from './soql-execute.js';
import { SoqlError, parseSoql } from './soql-parser.js';
import { SalesforceStore } from './store.js';
import { LockSet, applyCreate, prepareCreate, type WriteContext } from './writes.js';

const NOW = new Date('2025-06-15T12:00:00Z');
let store: SalesforceStore;
let ctx: WriteContext;
const ids: Record<string, string> = {};

function create(
  type: string,
  body: Record<string, unknown>,
  at = '2025-06-01T10:00:00.000Z',
): string {
  const write = { ...ctx, now: at };
  return applyCreate(write, type, prepareCreate(write, type, body));
}

function run(soql: string, all = false) {
  return executeQuery(store, parseSoql(soql), { all, now: NOW });
}

function names(soql: string): string[] {
  return run(soql).records.map((record) => String(record.Name));
}

function errorOf(soql: string): SoqlError {
  try {
    run(soql);
  } catch (error) {
    if (error instanceof SoqlError) return error;
    throw error;
  }
  throw new Error(`ran: ${soql}`);
}

beforeAll(() => {
  store = new SalesforceStore(new SalesforceSchema());
  const userId = seedStore(store, undefined);
  ctx = { store, locks: new LockSet(), now: NOW.toISOString(), userId, readOnly: false };
  ids.acme = create('Account', { Name: 'Acme Corp', Industry: 'Technology' });
  ids.globex = create('Account', { Name: 'Globex', Industry: 'Energy' });
  ids.big = create('Opportunity', {
    Name: 'Big deal',
    StageName: 'Negotiation/Review',
    CloseDate: '2025-06-20',
    Amount: 90_000,
    AccountId: ids.acme,
  }, '2025-06-01T10:00:00.100Z'); // prettier-ignore
  ids.small = create('Opportunity', {
    Name: 'small deal',
    StageName: 'Prospecting',
    CloseDate: '2025-06-14',
    Amount: 5_000,
    AccountId: ids.globex,
  }, '2025-06-01T10:00:00.900Z'); // prettier-ignore
  ids.none = create('Opportunity', {
    Name: "O'Brien renewal",
    StageName: 'Closed Won',
    CloseDate: '2025-03-01',
  }, '2025-06-02T08:00:00.000Z'); // prettier-ignore
});

describe('executeQuery', () => {
  it('compares text case-insensitively, as SOQL does', () => {
    expect(names("SELECT Name FROM Opportunity WHERE Name = 'BIG DEAL'")).toEqual(['Big deal']);
    expect(names("SELECT Name FROM Opportunity WHERE Name LIKE '%DEAL' ORDER BY Name")).toEqual([
      'Big deal',
      'small deal',
    ]);
    expect(names("SELECT Name FROM Opportunity WHERE Name = 'O\\'Brien renewal'")).toEqual([
      "O'Brien renewal",
    ]);
  });

  it('treats null like Salesforce: = null, != null, and != value includes nulls', () => {
    expect(names('SELECT Name FROM Opportunity WHERE Amount = null')).toEqual(["O'Brien renewal"]);
    expect(names('SELECT Name FROM Opportunity WHERE Amount != null ORDER BY Name')).toHaveLength(
      2,
    );
    expect(names('SELECT Name FROM Opportunity WHERE Amount != 5000 ORDER BY Amount')).toEqual([
      "O'Brien renewal",
      'Big deal',
    ]);
    expect(names('SELECT Name FROM Opportunity WHERE Amount < 100000')).toHaveLength(2);
  });

  it('orders with NULLS FIRST/LAST and DESC', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY Amount DESC')).toEqual([
      'Big deal',
      'small deal',
      "O'Brien renewal",
    ]);
    expect(names('SELECT Name FROM Opportunity ORDER BY Amount ASC NULLS LAST')).toEqual([
      'small deal',
      'Big deal',
      "O'Brien renewal",
    ]);
  });

  it('filters dates by literal and by date literals relative to now', () => {
    expect(
      names('SELECT Name FROM Opportunity WHERE CloseDate >= 2025-06-14 ORDER BY CloseDate'),
    ).toEqual(['small deal', 'Big deal']);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate = YESTERDAY')).toEqual([
      'small deal',
    ]);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:7')).toEqual([
      'Big deal',
    ]);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate < LAST_N_DAYS:30')).toEqual([
      "O'Brien renewal",
    ]);
  });

  it('compares datetimes to the second, ignoring milliseconds as Salesforce does', () => {
    const soql =
      'SELECT Name FROM Opportunity WHERE CreatedDate >= 2025-06-01T10:00:00.500Z ORDER BY Name';
    expect(names(soql)).toEqual(['Big deal', "O'Brien renewal", 'small deal']);
    expect(names('SELECT Name FROM Opportunity WHERE CreatedDate > 2025-06-01T10:00:00Z')).toEqual([
      "O'Brien renewal",
    ]);
  });

  it('resolves relationship fields in SELECT, WHERE and ORDER BY', () => {
    const result = run(
      "SELECT Name, Account.Name FROM Opportunity WHERE Account.Industry = 'technology' ORDER BY Account.Name",
    );
    expect(result.records).toHaveLength(1);
    const projected = projectRecord(
      store,
      result.type,
      result.records[0]!,
      result.columns,
      'v62.0',
    );
    expect(projected).toEqual({
      attributes: {
        type: 'Opportunity',
        url: `/services/data/v62.0/sobjects/Opportunity/${ids.big}`,
      },
      Name: 'Big deal',
      Account: {
        attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${ids.acme}` },
        Name: 'Acme Corp',
      },
    });
    const orphan = run(`SELECT Account.Name FROM Opportunity WHERE Id = '${ids.none}'`);
    expect(
      projectRecord(store, 'Opportunity', orphan.records[0]!, orphan.columns, 'v62.0').Account,
    ).toBeNull();
  });

  it('finds records by Id and by lookup through the indexes, 15-character ids included', () => {
    expect(
      names(
        `SELECT Name FROM Opportunity WHERE Id IN ('${ids.big}', '${ids.small!.slice(0, 15)}') ORDER BY Name`,
      ),
    ).toEqual(['Big deal', 'small deal']);
    expect(names(`SELECT Name FROM Opportunity WHERE AccountId = '${ids.globex}'`)).toEqual([
      'small deal',
    ]);
    expect(
      names(`SELECT Name FROM Opportunity WHERE AccountId = '${ids.globex}' AND Amount > 10000`),
    ).toEqual([]);
    expect(names(`SELECT Name FROM Opportunity WHERE Id > '${ids.big}' ORDER BY Id`)).toEqual([
      'small deal',
      "O'Brien renewal",
    ]);
  });

  it('applies OFFSET and LIMIT after ordering and counts with COUNT()', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY Name LIMIT 1 OFFSET 1')).toEqual([
      "O'Brien renewal",
    ]);
    expect(run('SELECT COUNT() FROM Opportunity WHERE IsClosed = false').records).toHaveLength(2);
  });

  it('derives stage fields on create (IsClosed, IsWon, Probability, forecast)', () => {
    const result = run(
      `SELECT IsClosed, IsWon, Probability, ForecastCategoryName FROM Opportunity WHERE Id = '${ids.none}'`,
    );
    expect(result.records[0]).toMatchObject({
      IsClosed: true,
      IsWon: true,
      Probability: 100,
      ForecastCategoryName: 'Closed',
    });
  });

  it('answers unknown fields with INVALID_FIELD and unknown objects with INVALID_TYPE', () => {
    expect(errorOf('SELECT Id, Colour FROM Opportunity').errorCode).toBe('INVALID_FIELD');
    expect(errorOf('SELECT Id FROM Opportunity WHERE Colour = 1').message).toContain(
      "No such column 'Colour'",
    );
    expect(errorOf('SELECT Owner.Nope FROM Opportunity').errorCode).toBe('INVALID_FIELD');
    expect(errorOf('SELECT What.Name FROM Task').errorCode).toBe('INVALID_FIELD');
    expect(errorOf('SELECT Id FROM Widget').errorCode).toBe('INVALID_TYPE');
  });

  it('refuses literals of the wrong type for the field', () => {
    expect(errorOf("SELECT Id FROM Opportunity WHERE CloseDate = '2025-01-01'").errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR',
    );
    expect(errorOf("SELECT Id FROM Opportunity WHERE Amount = '5'").errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR',
    );
    expect(errorOf('SELECT Id FROM Opportunity WHERE Name LIKE 5').errorCode).toBe(
      'MALFORMED_QUERY',
    );
    expect(errorOf('SELECT Id FROM Opportunity LIMIT 1 OFFSET 2001').errorCode).toBe(
      'NUMBER_OUTSIDE_VALID_RANGE',
    );
  });

  it('answers parent-to-child subqueries per parent, null where there are no children', () => {
    const ada = create('Contact', { LastName: 'Lovelace', AccountId: ids.acme });
    const alan = create('Contact', { LastName: 'Turing', AccountId: ids.acme });
    create('OpportunityContactRole', {
      OpportunityId: ids.big,
      ContactId: ada,
      Role: 'Decision Maker',
    });
    create('OpportunityContactRole', { OpportunityId: ids.big, ContactId: alan, IsPrimary: true });
    const result = run(
      `SELECT Id, (SELECT ContactId, Role FROM OpportunityContactRoles WHERE IsPrimary = false)
       FROM Opportunity WHERE Id IN ('${ids.big}', '${ids.small}') ORDER BY Name`,
    );
    const [big, small] = result.records.map((record) =>
      projectRecord(store, result.type, record, result.columns, 'v62.0', result.children),
    );
    expect(big!.OpportunityContactRoles).toMatchObject({
      totalSize: 1,
      done: true,
      records: [{ ContactId: ada, Role: 'Decision Maker' }],
    });
    expect(small!.OpportunityContactRoles).toBeNull();

    const accounts = run(
      `SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName DESC) FROM Account WHERE Id = '${ids.acme}'`,
    );
    const acme = projectRecord(
      store,
      accounts.type,
      accounts.records[0]!,
      accounts.columns,
      'v62.0',
      accounts.children,
    );
    expect(
      (acme.Contacts as { records: { LastName: string }[] }).records.map((r) => r.LastName),
    ).toEqual(['Turing', 'Lovelace']);
  });

  it('refuses a subquery on a relationship the object does not have', () => {
    const error = errorOf('SELECT Id, (SELECT Id FROM Widgets) FROM Opportunity');
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("Didn't understand relationship 'Widgets'");
  });
});
