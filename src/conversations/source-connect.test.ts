import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createDemoFirefliesEmulator } from '../demo/fireflies.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import type { FirefliesEmulator } from './emulator/fireflies/index.js';
import { FIREFLIES_EMULATOR_API_KEY } from './emulator/fireflies/index.js';
import { fetchUserDirectory, trackUsers } from './source-connect.js';
import { createSource } from './sources.js';
import { getDirectory, listTrackedUsers } from './tracked-users.js';

/**
 * The connect step against the Fireflies emulator over real HTTP: the directory comes
 * through Fireflies' connector, a refused key leaves the source in error saying so.
 */
let db: TestDatabase;
let fireflies: FirefliesEmulator;
let url: string;
let workspaceId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  fireflies = await createDemoFirefliesEmulator({ demoSeed: 5, accounts: 4 });
  url = await fireflies.listen(0);
  workspaceId = (await createWorkspace(db.pool, { name: 'Fireflies connect' })).id;
});

/** A source on the emulator, made as server code makes the sandbox's (the URL is loopback). */
async function emulatedFireflies(apiKey: string): Promise<string> {
  const source = await createSource(db.pool, TEST_SECRET_KEY, {
    workspaceId,
    sourceType: 'fireflies',
    kind: 'sandbox',
    name: 'Fireflies',
    credentials: { apiKey },
    metadata: { baseUrl: url, rateLimit: { perWindow: null, daily: null } },
  });
  return source.id;
}

afterAll(async () => {
  fireflies.app.server.closeAllConnections();
  await fireflies.close();
});

describe('fetching the Fireflies user directory', () => {
  it('stores every Fireflies user and lets the reps be tracked', async () => {
    const id = await emulatedFireflies(FIREFLIES_EMULATOR_API_KEY);
    const deps = { pool: db.pool, secretKey: TEST_SECRET_KEY };
    const source = await fetchUserDirectory(deps, workspaceId, id);
    expect(source.status).toBe('connected');
    expect(source.directorySize).toBe(fireflies.store.users.length);
    const { users } = await getDirectory(db.pool, workspaceId, id);
    expect(users.map((user) => user.email).sort()).toEqual(
      fireflies.store.users.map((user) => user.email).sort(),
    );

    const picked = users.slice(0, 2).map((user) => user.id);
    const tracked = await trackUsers(deps, workspaceId, id, picked);
    expect(tracked.syncQueued).toBe(true);
    const all = await listTrackedUsers(db.pool, workspaceId);
    expect(all.map((entry) => entry.user.id)).toEqual(picked);
    expect(all.every((entry) => entry.sourceType === 'fireflies')).toBe(true);
  });

  it('leaves a source whose key Fireflies refuses in error, saying so', async () => {
    const id = await emulatedFireflies('not-a-fireflies-key');
    const source = await fetchUserDirectory(
      { pool: db.pool, secretKey: TEST_SECRET_KEY },
      workspaceId,
      id,
    );
    expect(source.status).toBe('error');
    expect(source.statusMessage).toMatch(/^Fireflies rejected the credentials/);
    expect(source.directorySize).toBe(0);
  });
});
