import type pg from 'pg';
import type { OpenedConnector } from './connect.js';
import { OBJECT_TYPE } from './hubspot/field-map.js';
import type { CrmObjectType } from './port.js';
import type { SalesforceConnector } from './salesforce/connector.js';
import { SOBJECT } from './salesforce/field-map.js';

/** HubSpot's object type ids in record-page URLs. */
const HUBSPOT_RECORD_TYPE: Record<CrmObjectType, string> = {
  contact: '0-1',
  account: '0-2',
  deal: '0-3',
};

/**
 * Where a person opens a record: the HubSpot record page (by the portal id the
 * connection check stored, else asked of the CRM), the Salesforce Lightning page on
 * the org's instance, or, for a sandbox connection, the emulator's record page.
 */
export async function recordUrl(
  pool: pg.Pool,
  opened: OpenedConnector,
  objectType: CrmObjectType,
  id: string,
): Promise<string> {
  const { rows } = await pool.query<{ kind: string; metadata: Record<string, unknown> }>(
    `select kind, metadata from connections where workspace_id = $1::uuid and id = $2::uuid`,
    [opened.workspaceId, opened.connectionId],
  );
  const metadata = rows[0]?.metadata ?? {};
  const encoded = encodeURIComponent(id);
  if (rows[0]?.kind === 'sandbox' && typeof metadata.baseUrl === 'string') {
    const base = metadata.baseUrl.replace(/\/+$/, '');
    return opened.crmType === 'hubspot'
      ? `${base}/_emulator/hubspot/records/${OBJECT_TYPE[objectType]}/${encoded}`
      : `${base}/_emulator/salesforce/records/${SOBJECT[objectType]}/${encoded}`;
  }
  if (opened.connector.crm === 'salesforce') {
    const { instanceUrl } = (opened.connector as SalesforceConnector).credentials();
    return `${instanceUrl.replace(/\/+$/, '')}/lightning/r/${SOBJECT[objectType]}/${encoded}/view`;
  }
  const account = metadata.account as { id?: unknown } | undefined;
  const portalId =
    typeof account?.id === 'string' && account.id
      ? account.id
      : (await opened.connector.testConnection()).accountId;
  return `https://app.hubspot.com/contacts/${encodeURIComponent(portalId)}/record/${HUBSPOT_RECORD_TYPE[objectType]}/${encoded}`;
}
