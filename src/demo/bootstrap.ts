import type pg from 'pg';
import { withTransaction, type Queryable } from '../db/pool.js';
import { publishEvent } from '../events/bus.js';
import { portalUrl } from '../crm/emulator/portals.js';
import { enqueue } from '../jobs/queue.js';
import { createUser, findUserByEmail, setPassword } from '../tenancy/users.js';
import { createWorkspace, findWorkspaceBySlug, type Workspace } from '../tenancy/workspaces.js';
import { createConnection } from '../tenancy/connections.js';
import { createSource } from '../conversations/sources.js';
import {
  GONG_EMULATOR_ACCESS_KEY,
  GONG_EMULATOR_ACCESS_KEY_SECRET,
} from '../conversations/emulator/gong/emulator.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { generateDemoData } from './generate.js';
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_SEED, DEMO_SLUG } from './constants.js';
import { clearWorkspaceRecords, seedDemoData, type SeedCounts } from './seed.js';

/** The private-app token the emulator's HubSpot accepts. */
export const SANDBOX_HUBSPOT_TOKEN = 'pat-emulator-hubspot';

/** The demo login, printed at start. It only exists in a database Pandora created the demo in. */
export { DEMO_EMAIL, DEMO_PASSWORD, DEMO_SEED, DEMO_SLUG };

/**
 * On a database with no workspace at all, creates the demo workspace and its admin,
 * and queues the job that fills it, in one transaction: if anything fails, nothing
 * is left half made. Returns the workspace when it was created.
 */
export async function ensureDemoWorkspace(
  pool: pg.Pool,
  options: { sandboxUrl?: string; gongUrl?: string; secretKey?: SecretKey } = {},
): Promise<Workspace | undefined> {
  return withTransaction(pool, async (client) => {
    // Two processes starting on an empty database must not both create a demo.
    await client.query('lock table workspaces in share row exclusive mode');
    const { rows } = await client.query<{ any: boolean }>(
      'select exists (select 1 from workspaces) as any',
    );
    if (rows[0]?.any) return undefined;
    const workspace = await createDemoWorkspace(client);
    // With the emulator running, the demo's records come from its CRM, by a real sync.
    if (options.sandboxUrl && options.secretKey) {
      await createConnection(client, options.secretKey, {
        workspaceId: workspace.id,
        crmType: 'hubspot',
        kind: 'sandbox',
        name: 'HubSpot (sandbox)',
        credentials: { kind: 'private_app', accessToken: SANDBOX_HUBSPOT_TOKEN },
        metadata: {
          sandbox: true,
          baseUrl: portalUrl(options.sandboxUrl, workspace.id),
          tier: 'professional',
        },
        status: 'connected',
      });
    }
    // With the emulated Gong running, the meetings come from it, by a real sync.
    if (options.gongUrl && options.secretKey) {
      await createSource(client, options.secretKey, {
        workspaceId: workspace.id,
        sourceType: 'gong',
        kind: 'sandbox',
        name: 'Gong (sandbox)',
        credentials: {
          accessKey: GONG_EMULATOR_ACCESS_KEY,
          accessKeySecret: GONG_EMULATOR_ACCESS_KEY_SECRET,
        },
        // The demo's meetings go back years; a real first sync reads the last 180 days.
        metadata: { baseUrl: options.gongUrl, syncLookbackDays: 3650 },
      });
    }
    await enqueue(
      client,
      'demo.seed',
      { workspaceId: workspace.id, seed: DEMO_SEED },
      { jobKey: `demo.seed:${workspace.id}` },
    );
    return workspace;
  });
}

async function createDemoWorkspace(db: Queryable): Promise<Workspace> {
  const workspace = await createWorkspace(db, {
    name: 'Acme Revenue (demo)',
    slug: DEMO_SLUG,
    isDemo: true,
  });
  let user = await findUserByEmail(db, DEMO_EMAIL);
  if (user) await setPassword(db, user.id, DEMO_PASSWORD);
  else
    user = await createUser(db, { email: DEMO_EMAIL, name: 'Demo Admin', password: DEMO_PASSWORD });
  await db.query(
    `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'admin')
     on conflict (workspace_id, user_id) do update set role = 'admin'`,
    [workspace.id, user.id],
  );
  return workspace;
}

/**
 * Replaces a workspace's records with the generated demo data set, in one transaction
 * so readers see the old data or the new, never a mix.
 */
export async function seedWorkspace(
  pool: pg.Pool,
  workspaceId: string,
  options: { seed?: number; now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<SeedCounts> {
  const dataset = generateDemoData({
    seed: options.seed ?? DEMO_SEED,
    now: options.now ?? new Date(),
  });
  return withTransaction(pool, async (client) => {
    await clearWorkspaceRecords(client, workspaceId);
    const counts = await seedDemoData(client, workspaceId, dataset, {
      onProgress: options.onProgress,
    });
    await publishEvent(client, { workspaceId, type: 'demo.seeded', payload: { ...counts } });
    return counts;
  });
}

/**
 * `pandora demo reset`: brings the demo workspace back to its first state (creating it
 * if it is gone), demo login included.
 */
export async function resetDemo(
  pool: pg.Pool,
  onProgress?: (done: number, total: number) => void,
): Promise<{ workspace: Workspace; counts: SeedCounts }> {
  const workspace = await withTransaction(pool, async (client) => {
    const existing = await findWorkspaceBySlug(client, DEMO_SLUG);
    if (!existing) return createDemoWorkspace(client);
    const user = await findUserByEmail(client, DEMO_EMAIL);
    if (user) await setPassword(client, user.id, DEMO_PASSWORD);
    return existing;
  });
  const counts = await seedWorkspace(pool, workspace.id, { onProgress });
  return { workspace, counts };
}
