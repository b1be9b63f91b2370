import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../test/app.js';

let t: TestApp;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t);
});

interface ErrorShape {
  code: string;
  message: string;
  details: unknown;
}

/** The documented shape, `details` included, and the error inside it. */
function errorOf(body: string): ErrorShape {
  const { error } = JSON.parse(body) as { error: ErrorShape };
  expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message']);
  expect(typeof error.code).toBe('string');
  return error;
}

const inWorkspace = (path: string) => `/api/workspaces/${tenant.workspaceId}${path}`;

describe('text a database cannot hold is refused at validation, by field', () => {
  it('a NUL byte in a name', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: inWorkspace('/action-policies'),
      headers: tenant.auth,
      payload: { name: 'Block\u0000all', effect: 'block' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body)).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'body.name', message: 'must not contain the NUL character (\\u0000)' }],
    });
  });

  it('a NUL byte in a query string', async () => {
    const response = await t.app.inject({
      url: inWorkspace('/action-items?targetSourceId=deal%00'),
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).details).toEqual([
      { field: 'querystring.targetSourceId', message: expect.stringContaining('NUL') },
    ]);
  });

  it('a lone surrogate deep inside a JSON value', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: inWorkspace('/action-items'),
      headers: { ...tenant.auth, 'content-type': 'application/json' },
      payload: `{"actionType":"update_field","severity":"info","title":"t","connectionId":"${tenant.workspaceId}","targetType":"deal","targetSourceId":"1","executionPayload":{"crm_updates":[{"field":"amount","proposed_value":"\\ud800"}]}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).details).toEqual([
      {
        field: 'body.executionPayload.crm_updates.0.proposed_value',
        message: expect.stringContaining('lone surrogate'),
      },
    ]);
  });
});

describe('dates are bounded to 1900-01-01 .. 2199-12-31 at validation', () => {
  for (const [path, name] of [
    ['/crm-writes', 'since'],
    ['/crm-writes', 'until'],
    ['/writeback/log', 'since'],
    ['/writeback/log', 'until'],
  ] as const) {
    it(`year 0000 in ${path}?${name} is a 400 naming it`, async () => {
      const response = await t.app.inject({
        url: inWorkspace(`${path}?${name}=0000-01-01T00:00:00Z`),
        headers: tenant.auth,
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response.body).details).toEqual([
        { field: `querystring.${name}`, message: 'must be a date from 1900-01-01 to 2199-12-31' },
      ]);
    });
  }

  it('a day just past the range is refused, the range itself is fine', async () => {
    const period = (startsOn: string, endsOn: string) =>
      t.app.inject({
        method: 'POST',
        url: inWorkspace('/quota-periods'),
        headers: tenant.auth,
        payload: { name: `${startsOn} to ${endsOn}`, startsOn, endsOn },
      });
    const late = await period('2199-01-01', '2200-01-01');
    expect(late.statusCode).toBe(400);
    expect(errorOf(late.body).details).toEqual([
      { field: 'body.endsOn', message: 'must be a date from 1900-01-01 to 2199-12-31' },
    ]);
    expect((await period('1900-01-01', '2199-12-31')).statusCode).toBe(201);
  });

  it('an integer past 2^53 is refused rather than rounded', async () => {
    const response = await t.app.inject({
      url: inWorkspace('/crm-writes?before=9007199254740993'),
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).details).toEqual([
      { field: 'querystring.before', message: expect.stringContaining('<= 9007199254740991') },
    ]);
  });
});
