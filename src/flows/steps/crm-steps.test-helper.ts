/**
 * A CRM world for the CRM steps' tests: the emulator over real HTTP, a workspace
 * connected to both CRMs, Pandora records mirroring some of the emulator's (owned by
 * reps who are members), a published flow, and a StepContext per step run, with the
 * run and step run rows the runner would have written.
 */
import pino from 'pino';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../../test/crm.js';
import type { CrmObjectType, CrmType } from '../../crm/port.js';
import type { StepContext, StepDefinition, StepOutcome } from '../types.js';

export interface StepWorld extends CrmWorld {
  flowId: string;
  /** Users (members) by email. */
  users: Record<string, string>;
  /** A Pandora record for a CRM record, owned by the rep with this email (or no one). */
  mirror(
    crm: CrmType,
    objectType: CrmObjectType,
    crmId: string,
    input?: { ownerEmail?: string | null; accountId?: string | null; name?: string },
  ): Promise<string>;
  /** Links a contact to a deal in Pandora. */
  link(dealId: string, contactId: string): Promise<void>;
  /** A fresh run of the test flow with one step run row; its context. */
  context(
    stepKey: string,
    stepType: StepDefinition['type'],
    options?: { scopeUserId?: string | null; runId?: string; attempt?: number },
  ): Promise<StepContext>;
  run<C>(definition: StepDefinition<C>, context: StepContext, config: C): Promise<StepOutcome>;
}

export async function createStepWorld(): Promise<StepWorld> {
  const world = await createCrmWorld({ accounts: 12 });
  const pool = world.db.pool;
  const users: Record<string, string> = {};
  for (const email of ['ana@example.com', 'bob@example.com']) {
    const { rows } = await pool.query<{ id: string }>(
      `insert into users (email, name) values ($1::text, $1::text)
       on conflict (email) do update set name = excluded.name returning id`,
      [email],
    );
    users[email] = rows[0]!.id;
    await pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [world.workspaceId, rows[0]!.id],
    );
  }
  const { rows: flows } = await pool.query<{ id: string }>(
    `insert into flows (workspace_id, name, draft, latest_version)
     values ($1::uuid, 'Deal room', '{"trigger":{"type":"manual"},"steps":[]}', 1) returning id`,
    [world.workspaceId],
  );
  const flowId = flows[0]!.id;
  await pool.query(
    `insert into flow_versions (workspace_id, flow_id, version, definition)
     values ($1::uuid, $2::uuid, 1, '{"trigger":{"type":"manual"},"steps":[]}')`,
    [world.workspaceId, flowId],
  );
  const owners = new Map<string, string>();
  async function ownerId(crm: CrmType, email: string): Promise<string> {
    const key = `${crm}:${email}`;
    if (!owners.has(key)) {
      const { rows } = await pool.query<{ id: string }>(
        `insert into owners (workspace_id, source, source_id, email, name)
         values ($1::uuid, $2::text, $3::text, $4::text, $4::text) returning id`,
        [world.workspaceId, crm, `owner-${email}`, email],
      );
      owners.set(key, rows[0]!.id);
    }
    return owners.get(key)!;
  }
  const log = pino({ level: 'silent' });
  return {
    ...world,
    flowId,
    users,
    async mirror(crm, objectType, crmId, input = {}) {
      const owner = input.ownerEmail ? await ownerId(crm, input.ownerEmail) : null;
      const name = input.name ?? `${objectType} ${crmId}`;
      const sql = {
        deal: `insert into deals (workspace_id, source, source_id, name, owner_id, account_id)
               values ($1::uuid, $2::text, $3::text, $4::text, $5::uuid, $6::uuid)
               on conflict (workspace_id, source, source_id)
               do update set name = excluded.name, owner_id = excluded.owner_id,
                             account_id = excluded.account_id`,
        account: `insert into accounts (workspace_id, source, source_id, name, owner_id)
                  values ($1::uuid, $2::text, $3::text, $4::text, $5::uuid)
                  on conflict (workspace_id, source, source_id)
                  do update set name = excluded.name, owner_id = excluded.owner_id`,
        contact: `insert into contacts (workspace_id, source, source_id, first_name, account_id)
                  values ($1::uuid, $2::text, $3::text, $4::text, $5::uuid)
                  on conflict (workspace_id, source, source_id)
                  do update set first_name = excluded.first_name, account_id = excluded.account_id`,
      }[objectType];
      const { rows } = await pool.query<{ id: string }>(`${sql} returning id`, [
        world.workspaceId,
        crm,
        crmId,
        name,
        objectType === 'contact' ? (input.accountId ?? null) : owner,
        ...(objectType === 'deal' ? [input.accountId ?? null] : []),
      ]);
      return rows[0]!.id;
    },
    async link(dealId, contactId) {
      await pool.query(
        `insert into deal_contacts (workspace_id, deal_id, contact_id)
         values ($1::uuid, $2::uuid, $3::uuid) on conflict do nothing`,
        [world.workspaceId, dealId, contactId],
      );
    },
    async context(stepKey, stepType, options = {}) {
      let runId = options.runId;
      if (!runId) {
        const { rows } = await pool.query<{ id: string }>(
          `insert into flow_runs (workspace_id, flow_id, version, status, trigger, scope_user_id)
           values ($1::uuid, $2::uuid, 1, 'running', '{"type":"manual"}', $3::uuid) returning id`,
          [world.workspaceId, flowId, options.scopeUserId ?? null],
        );
        runId = rows[0]!.id;
      }
      const idempotencyKey = `${runId}:${stepKey}`;
      await pool.query(
        `insert into flow_step_runs (run_id, step_key, workspace_id, step_type, idempotency_key)
         values ($1::uuid, $2::text, $3::uuid, $4::text, $5::text) on conflict do nothing`,
        [runId, stepKey, world.workspaceId, stepType, idempotencyKey],
      );
      return {
        services: { db: pool, secretKey: TEST_SECRET_KEY, log, allowedHosts: [] },
        workspaceId: world.workspaceId,
        flowId,
        version: 1,
        runId,
        stepKey,
        attempt: options.attempt ?? 1,
        idempotencyKey,
        scopeUserId: options.scopeUserId ?? null,
        scope: { trigger: {}, vars: {}, steps: {} },
        state: null,
        signal: new AbortController().signal,
        now: () => new Date(),
      };
    },
    async run(definition, context, config) {
      const outcome = await definition.run(context, config);
      // What the runner does with a completed step: store it before the next one starts.
      if (outcome.kind === 'completed') {
        await pool.query(
          `update flow_step_runs set status = 'completed', output = $3::jsonb, finished_at = now()
           where run_id = $1::uuid and step_key = $2::text`,
          [context.runId, context.stepKey, JSON.stringify(outcome.output)],
        );
      }
      return outcome;
    },
  };
}
