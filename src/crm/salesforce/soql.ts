import type { Connection, Record as JsforceRecord, QueryResult } from 'jsforce';
import type { SalesforceClient } from './client.js';

/** A SOQL string literal: backslash and quote escaped, as Salesforce requires. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A SOQL datetime literal (`2024-05-01T12:00:00.000Z`) for an ISO instant. */
export function soqlDatetime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${iso}`);
  return new Date(ms).toISOString();
}

export function soqlIdList(ids: string[]): string {
  return `(${ids.map(soqlString).join(', ')})`;
}

/**
 * Ids per `IN (...)` clause. Queries travel in the URL, and Salesforce refuses URLs
 * past about 16,000 characters; 300 quoted, encoded ids stay well under it.
 */
export const IDS_PER_QUERY = 300;

export { chunk } from '../../collections.js';

/** One page of a query: the first, or the one `locator` (a `nextRecordsUrl`) points at. */
export function queryPage<T extends JsforceRecord>(
  client: SalesforceClient,
  source: { soql: string; scanAll?: boolean; batchSize?: number } | { locator: string },
): Promise<QueryResult<T>> {
  return client.call('idempotent', async (conn: Connection): Promise<QueryResult<T>> => {
    if ('locator' in source) return conn.queryMore<T>(source.locator);
    const headers: Record<string, string> = {};
    if (source.batchSize) headers['Sforce-Query-Options'] = `batchSize=${source.batchSize}`;
    return conn.query<T>(source.soql, { scanAll: source.scanAll ?? false, headers });
  });
}

/**
 * Every record of a query, following `nextRecordsUrl`; each page is its own call
 * through the gate and retry loop.
 */
export async function queryAll<T extends JsforceRecord>(
  client: SalesforceClient,
  soql: string,
): Promise<T[]> {
  let page = await queryPage<T>(client, { soql });
  const records = [...page.records];
  while (!page.done && page.nextRecordsUrl) {
    page = await queryPage<T>(client, { locator: page.nextRecordsUrl });
    records.push(...page.records);
  }
  return records;
}
