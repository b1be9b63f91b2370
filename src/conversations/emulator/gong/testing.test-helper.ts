import { afterAll } from 'vitest';
import { TEST_SECRET_KEY } from '../../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.js';
import type { ConnectorTuning } from '../../../crm/connect.js';
import { writeCredentials } from '../../../tenancy/connections.js';
import { createWorkspace } from '../../../tenancy/workspaces.js';
import { openSourceConnector, type OpenedSource } from '../../connect.js';
import type { SourceUser } from '../../port.js';
import type { ConversationDataset } from '../dataset.js';
import type { GongSettings } from './controls.js';
import {
  createGongEmulator,
  GONG_EMULATOR_ACCESS_KEY,
  GONG_EMULATOR_ACCESS_KEY_SECRET,
  type GongEmulator,
} from './emulator.js';
import type { CrmIdLookup } from './store.js';

export interface GongWorld {
  db: TestDatabase;
  gong: GongEmulator;
  baseUrl: string;
  workspaceId: string;
  connectionId: string;
  /** Every Gong user, as the port lists them. */
  users: SourceUser[];
  open(tuning?: ConnectorTuning): Promise<OpenedSource>;
  /** Sets what the connection stores in `metadata` (merged). */
  setMetadata(metadata: Record<string, unknown>): Promise<void>;
  setCredentials(credentials: Record<string, unknown>): Promise<void>;
  /** Requests the emulator answered since the mark. */
  mark(): () => ReturnType<GongEmulator['log']['list']>;
}

export const GONG_TEST_CREDENTIALS = {
  accessKey: GONG_EMULATOR_ACCESS_KEY,
  accessKeySecret: GONG_EMULATOR_ACCESS_KEY_SECRET,
};

/**
 * A fresh database with a workspace holding a sandbox Gong connection to a fresh Gong
 * emulator over real HTTP, every Gong user tracked. The limiter is off unless
 * `rateLimit` is given, so tests are not paced at Gong's 3 calls a second.
 */
export async function createGongWorld(options: {
  dataset: ConversationDataset;
  crmIdFor?: CrmIdLookup;
  settings?: Partial<GongSettings>;
  /** OAuth tokens the emulator accepts besides its access key. */
  bearerTokens?: string[];
  /** The emulator's clock (its daily quota resets at its midnight, UTC); real time by default. */
  now?: () => Date;
  rateLimit?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}): Promise<GongWorld> {
  const db = await createTestDatabase();
  const gong = await createGongEmulator({
    dataset: options.dataset,
    crmIdFor: options.crmIdFor,
    settings: options.settings,
    bearerTokens: options.bearerTokens,
    now: options.now,
  });
  const baseUrl = await gong.listen(0);
  afterAll(async () => {
    gong.app.server.closeAllConnections();
    await gong.close();
  });
  const workspace = await createWorkspace(db.pool, { name: 'Gong test' });
  const users: SourceUser[] = gong.store.users.map((user) => ({
    id: user.id,
    email: user.emailAddress,
    name: `${user.firstName} ${user.lastName}`.trim(),
    title: user.title,
    active: user.active,
  }));
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into connections (workspace_id, source_type, kind, name, metadata, status)
     values ($1::uuid, 'gong', 'sandbox', 'Gong (sandbox)', $2::jsonb, 'connected')
     returning id`,
    [
      workspace.id,
      JSON.stringify({
        baseUrl,
        directory: users,
        trackedUserIds: users.map((user) => user.id),
        rateLimit: options.rateLimit ?? { perWindow: null, daily: null },
        ...options.metadata,
      }),
    ],
  );
  const connectionId = rows[0]!.id;
  await writeCredentials(
    db.pool,
    TEST_SECRET_KEY,
    workspace.id,
    connectionId,
    GONG_TEST_CREDENTIALS,
  );
  return {
    db,
    gong,
    baseUrl,
    workspaceId: workspace.id,
    connectionId,
    users,
    open: (tuning) =>
      openSourceConnector(
        { pool: db.pool, secretKey: TEST_SECRET_KEY },
        workspace.id,
        connectionId,
        tuning,
      ),
    async setMetadata(metadata) {
      await db.pool.query(
        `update connections set metadata = metadata || $2::jsonb where id = $1::uuid`,
        [connectionId, JSON.stringify(metadata)],
      );
    },
    setCredentials: (credentials) =>
      writeCredentials(db.pool, TEST_SECRET_KEY, workspace.id, connectionId, credentials),
    mark() {
      const after = gong.log.lastSeq;
      return () => gong.log.list(after);
    },
  };
}
