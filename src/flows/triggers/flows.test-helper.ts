import type { Queryable } from '../../db/pool.js';
import type { FlowDefinition } from '../types.js';

/**
 * A flow with `definition` published as version 1 (and `versions` more when asked),
 * written in SQL so trigger tests do not depend on the API's store. An automation gets
 * its `user_automations` row.
 */
export async function insertPublishedFlow(
  db: Queryable,
  workspaceId: string,
  definition: FlowDefinition,
  options: {
    kind?: 'flow' | 'automation';
    userId?: string;
    isActive?: boolean;
    publishedAt?: string;
    status?: 'active' | 'archived';
  } = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into flows (workspace_id, kind, name, draft, latest_version, status)
     values ($1::uuid, $2::text, 'Test flow', $3::jsonb, 1, $4::text) returning id`,
    [workspaceId, options.kind ?? 'flow', JSON.stringify(definition), options.status ?? 'active'],
  );
  const flowId = rows[0]!.id;
  await publishVersion(db, workspaceId, flowId, 1, definition, options.publishedAt);
  if (options.kind === 'automation') {
    await db.query(
      `insert into user_automations (flow_id, workspace_id, user_id, is_active)
       values ($1::uuid, $2::uuid, $3::uuid, $4::boolean)`,
      [flowId, workspaceId, options.userId, options.isActive ?? true],
    );
  }
  return flowId;
}

export async function publishVersion(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  version: number,
  definition: FlowDefinition,
  publishedAt?: string,
): Promise<void> {
  await db.query(
    `insert into flow_versions (workspace_id, flow_id, version, definition, published_at)
     values ($1::uuid, $2::uuid, $3::int, $4::jsonb, coalesce($5::timestamptz, now()))`,
    [workspaceId, flowId, version, JSON.stringify(definition), publishedAt ?? null],
  );
  await db.query(`update flows set latest_version = $2::int where id = $1::uuid`, [
    flowId,
    version,
  ]);
}
