import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { openApiDocument } from '../../scripts/openapi-document.js';

let t: TestApp;
let served: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  served = response.json();
});

describe('the OpenAPI document', () => {
  it('is the same when dumped without a database as when a server serves it', async () => {
    expect(await openApiDocument({})).toEqual(served);
  });
});
