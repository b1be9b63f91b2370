/**
 * Flows for engine tests, written straight to the tables (the API's store is another
 * part's): a flow with its draft and published versions, and a runner's services.
 */
import pino from 'pino';
import type pg from 'pg';
import type { Queryable } from '../../db/pool.js';
import { parseSecretKey } from '../../tenancy/secrets.js';
import type { FlowDefinition, FlowServices, FlowStep } from '../types.js';

export const TEST_SECRET_KEY = parseSecretKey('42'.repeat(32));

export function testServices(db: pg.Pool, allowedHosts: string[] = []): FlowServices {
  return {
    db,
    secretKey: TEST_SECRET_KEY,
    log: pino({ level: process.env.FLOW_LOG ?? 'silent' }),
    allowedHosts,
  };
}

/** A flow whose versions 1..n are the given step lists (manual trigger); its id. */
export async function createPublishedFlow(
  db: Queryable,
  workspaceId: string,
  ...versions: FlowStep[][]
): Promise<string> {
  const definitions: FlowDefinition[] = versions.map((steps) => ({
    trigger: { type: 'manual' },
    steps,
  }));
  const { rows } = await db.query<{ id: string }>(
    `insert into flows (workspace_id, name, draft, latest_version)
     values ($1::uuid, 'Test flow', $2::jsonb, $3::int) returning id`,
    [
      workspaceId,
      JSON.stringify(definitions.at(-1) ?? { trigger: { type: 'manual' }, steps: [] }),
      definitions.length || null,
    ],
  );
  const flowId = rows[0]!.id;
  for (const [index, definition] of definitions.entries()) {
    await db.query(
      `insert into flow_versions (workspace_id, flow_id, version, definition)
       values ($1::uuid, $2::uuid, $3::int, $4::jsonb)`,
      [workspaceId, flowId, index + 1, JSON.stringify(definition)],
    );
  }
  return flowId;
}

/** Publishes one more version; its number. */
export async function publishVersion(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  steps: FlowStep[],
): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `with next as (
       update flows set latest_version = coalesce(latest_version, 0) + 1, draft = $3::jsonb
       where workspace_id = $1::uuid and id = $2::uuid returning latest_version as version)
     insert into flow_versions (workspace_id, flow_id, version, definition)
     select $1::uuid, $2::uuid, next.version, $3::jsonb from next returning version`,
    [workspaceId, flowId, JSON.stringify({ trigger: { type: 'manual' }, steps })],
  );
  return rows[0]!.version;
}

/** The `flows.run` jobs queued for a run (not yet worked). */
export async function queuedRunJobs(db: Queryable, runId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'flows.run' and j.payload ->> 'runId' = $1::text`,
    [runId],
  );
  return rows[0]!.n;
}
