import { afterAll } from 'vitest';
import { openConnector, type ConnectorTuning, type OpenedConnector } from '../src/crm/connect.js';
import type { Emulator } from '../src/crm/emulator/index.js';
import type { CrmObjectType, CrmType } from '../src/crm/port.js';
import { createDemoCrmEmulator, type DemoCrmEmulatorOptions } from '../src/demo/emulator.js';
import { createConnection } from '../src/tenancy/connections.js';
import { createWorkspace } from '../src/tenancy/workspaces.js';
import { TEST_SECRET_KEY } from './app.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** Credentials the emulator accepts out of the box. */
export const SANDBOX_CREDENTIALS: Record<CrmType, (baseUrl: string) => Record<string, unknown>> = {
  hubspot: () => ({ kind: 'private_app', accessToken: 'pat-emulator-hubspot' }),
  salesforce: (baseUrl) => ({
    kind: 'access_token',
    instanceUrl: baseUrl,
    accessToken: '00D-emulator-salesforce-token',
  }),
};

export interface CrmWorld {
  db: TestDatabase;
  emulator: Emulator;
  baseUrl: string;
  workspaceId: string;
  /** A stored, connected connection per CRM, pointing at the emulator. */
  connectionIds: Record<CrmType, string>;
  open(crm: CrmType, tuning?: ConnectorTuning): Promise<OpenedConnector>;
  /** The CRM ids of the first `count` records of a type, as the CRM lists them. */
  recordIds(crm: CrmType, count: number, objectType?: CrmObjectType): Promise<string[]>;
  /** Requests the emulator received since `mark()`. */
  mark(): () => {
    method: string;
    path: string;
    batchSize: number | null;
    status: number;
    at: string;
  }[];
}

/**
 * A fresh database with a workspace connected to both CRMs of a fresh emulator over
 * real HTTP. Rate limits are high unless `rateLimit` says otherwise, so tests are
 * not paced.
 */
export async function createCrmWorld(
  options: DemoCrmEmulatorOptions & { rateLimit?: Record<string, unknown> } = {},
): Promise<CrmWorld> {
  const db = await createTestDatabase();
  const emulator = await createDemoCrmEmulator({ accounts: 12, ...options });
  const baseUrl = await emulator.listen(0);
  afterAll(async () => {
    emulator.app.server.closeAllConnections();
    await emulator.close();
  });
  const workspace = await createWorkspace(db.pool, { name: 'CRM test' });
  const rateLimit = options.rateLimit ?? { perWindow: null, daily: null };
  const connectionIds = {} as Record<CrmType, string>;
  for (const crmType of ['hubspot', 'salesforce'] as const) {
    const connection = await createConnection(db.pool, TEST_SECRET_KEY, {
      workspaceId: workspace.id,
      crmType,
      name: `${crmType} sandbox`,
      // The emulator on loopback: a server-made sandbox connection.
      kind: 'sandbox',
      credentials: SANDBOX_CREDENTIALS[crmType](baseUrl),
      metadata: { sandbox: true, baseUrl, rateLimit },
      status: 'connected',
    });
    connectionIds[crmType] = connection.id;
  }
  const open = (crm: CrmType, tuning?: ConnectorTuning) =>
    openConnector(
      { pool: db.pool, secretKey: TEST_SECRET_KEY },
      workspace.id,
      connectionIds[crm],
      tuning,
    );
  return {
    db,
    emulator,
    baseUrl,
    workspaceId: workspace.id,
    connectionIds,
    open,
    async recordIds(crm, count, objectType = 'deal') {
      const { connector } = await open(crm);
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await connector.listChanged(objectType, { properties: [], cursor });
        ids.push(...page.records.map((record) => record.id));
        cursor = page.cursor;
      } while (cursor && ids.length < count);
      return ids.slice(0, count);
    },
    mark() {
      const after = emulator.ctx.log.lastSeq;
      return () =>
        emulator.ctx.log
          .listFor({ afterSeq: after })
          .map(({ method, path, batchSize, status, at }) => ({
            method,
            path,
            batchSize,
            status,
            at,
          }));
    },
  };
}
