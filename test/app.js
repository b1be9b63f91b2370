import pino from 'pino';
import { afterAll } from 'vitest';
import { loadConfig } from '../src/config.js';
import { EventListener } from '../src/events/bus.js';
import { buildApp } from '../src/http/app.js';
import { openConnector } from '../src/crm/connect.js';
import { createDemoCrmEmulator } from '../src/demo/emulator.js';
import { createApiKey } from '../src/tenancy/api-keys.js';
import { parseSecretKey } from '../src/tenancy/secrets.js';
import { createUser } from '../src/tenancy/users.js';
import { createWorkspace } from '../src/tenancy/workspaces.js';
import { createTestDatabase } from './db.js';
export const TEST_SECRET_KEY = parseSecretKey('11'.repeat(32));
/** An in-process app on a fresh database (requests go through `app.inject`). */
export async function createTestApp(overrides = {}, options = {}) {
    const db = await createTestDatabase();
    const config = { ...loadConfig({}), demo: false, ...overrides };
    const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const events = options.events ? new EventListener(db.url) : undefined;
    await events?.start();
    const ctx = {
        pool: db.pool,
        config,
        secretKey: TEST_SECRET_KEY,
        log,
        events,
        sandboxUrl: options.sandboxUrl,
        outbound: options.outbound,
    };
    const app = await buildApp(ctx);
    afterAll(async () => {
        app.server.closeAllConnections();
        await app.close();
        await events?.close();
    });
    return { app, db, ctx };
}
/**
 * A CRM emulator holding `accounts` generated accounts (with their deals and
 * contacts), and an app using it as its sandbox; both are closed after the file.
 */
export async function createSandboxApp(accounts, overrides = {}) {
    const emulator = await createDemoCrmEmulator({ accounts });
    const sandboxUrl = await emulator.listen(0);
    afterAll(async () => {
        emulator.app.server.closeAllConnections();
        await emulator.close();
    });
    return { ...(await createTestApp(overrides, { sandboxUrl })), emulator };
}
let counter = 0;
/** A workspace with one user of the given role and an API key. */
export async function createTenant(testApp, role = 'admin', keyRole = 'admin') {
    counter += 1;
    const suffix = `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
    const workspace = await createWorkspace(testApp.db.pool, { name: `Tenant ${suffix}` });
    const email = `user-${suffix}@example.com`;
    const password = 'correct horse battery';
    const user = await createUser(testApp.db.pool, { email, name: `User ${suffix}`, password });
    await testApp.db.pool.query(`insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, $3::text)`, [workspace.id, user.id, role]);
    const { secret } = await createApiKey(testApp.db.pool, {
        workspaceId: workspace.id,
        name: 'test key',
        role: keyRole,
        createdBy: user.id,
    });
    return {
        workspaceId: workspace.id,
        userId: user.id,
        email,
        password,
        apiKey: secret,
        auth: { authorization: `Bearer ${secret}` },
    };
}
/** Headers of a new API key with `role` in the tenant's workspace. */
export async function apiKeyAuth(testApp, tenant, role) {
    const { secret } = await createApiKey(testApp.db.pool, {
        workspaceId: tenant.workspaceId,
        name: `${role} key`,
        role,
        createdBy: tenant.userId,
    });
    return { authorization: `Bearer ${secret}` };
}
/**
 * Connects the tenant's workspace to the app's CRM sandbox (the emulator given as
 * `sandboxUrl`) through the API, and opens a connector on it for setting up records.
 */
export async function connectSandbox(testApp, tenant, options = {}) {
    const created = await testApp.app.inject({
        method: 'POST',
        url: `/api/workspaces/${tenant.workspaceId}/connections/sandbox`,
        headers: tenant.auth,
        payload: { crmType: options.crmType ?? 'hubspot', name: options.name },
    });
    if (created.statusCode !== 201)
        throw new Error(`sandbox connection: ${created.body}`);
    const connectionId = created.json().connection.id;
    const { connector } = await openConnector({ pool: testApp.db.pool, secretKey: TEST_SECRET_KEY }, tenant.workspaceId, connectionId);
    return { connectionId, connector };
}
/** Logs in through the API and returns the session cookie header. */
export async function login(testApp, email, password) {
    const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
    });
    if (response.statusCode !== 200)
        throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'pandora_session');
    if (!cookie)
        throw new Error('login set no session cookie');
    return { cookie: `pandora_session=${cookie.value}` };
}
//# sourceMappingURL=app.js.map