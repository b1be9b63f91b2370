import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../test/app.js';
import { graphql } from '../../test/graphql.js';

let t: TestApp;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t);
});

describe('GET /graphql/schema.graphql', () => {
  it('serves the SDL of the schema /graphql answers introspection with, to anyone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/graphql/schema.graphql' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const introspection = await graphql(t, tenant.auth, getIntrospectionQuery());
    const served = buildClientSchema(introspection.data as IntrospectionQuery);
    expect(printSchema(buildSchema(response.body))).toBe(printSchema(served));
    expect(response.body).toContain('type Query {');
  });

  it('is refused with the same switch as introspection', async () => {
    const closed = await createTestApp({ graphqlIntrospection: false });
    const response = await closed.app.inject({ method: 'GET', url: '/graphql/schema.graphql' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('introspection_disabled');
  });
});
