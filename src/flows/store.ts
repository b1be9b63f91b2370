/**
 * Flows as stored: an editable draft (checked by definition.ts on every save), frozen
 * versions made by publishing, and archiving. Workspace flows (`kind = 'flow'`) and
 * members' automations (`kind = 'automation'`) share these functions; each caller says
 * which kind it serves, so one never reaches the other's ids.
 */
import type { Queryable } from '../db/pool.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { validateFlowDefinition } from './definition.js';
import { cancelOpenFlowRuns, type StoppedRuns } from './engine/runs.js';
import type { FlowDefinition } from './types.js';

export type FlowKind = 'flow' | 'automation';
export type FlowStatus = 'active' | 'archived';

export interface Flow {
  id: string;
  kind: FlowKind;
  name: string;
  description: string | null;
  status: FlowStatus;
  draft: FlowDefinition;
  draftRevision: number;
  latestVersion: number | null;
  /** Whether the draft differs from the latest version (or nothing is published yet). */
  hasUnpublishedChanges: boolean;
  hasWebhookSecret: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FlowVersionSummary {
  version: number;
  publishedBy: string | null;
  publishedAt: string;
  stepCount: number;
  triggerType: string;
}

export interface FlowVersion extends FlowVersionSummary {
  flowId: string;
  definition: FlowDefinition;
}

export const MAX_FLOWS_LISTED = 500;

const FLOW_COLUMNS = `
  f.id, f.kind, f.name, f.description, f.status, f.draft, f.draft_revision as "draftRevision",
  f.latest_version as "latestVersion",
  (f.latest_version is null or f.draft is distinct from
     (select v.definition from flow_versions v
      where v.flow_id = f.id and v.version = f.latest_version)) as "hasUnpublishedChanges",
  f.webhook_secret is not null as "hasWebhookSecret",
  f.created_by as "createdBy", f.created_at as "createdAt", f.updated_at as "updatedAt"`;

const VERSION_COLUMNS = `
  v.version, v.published_by as "publishedBy", v.published_at as "publishedAt",
  jsonb_array_length(v.definition -> 'steps')::int as "stepCount",
  v.definition -> 'trigger' ->> 'type' as "triggerType"`;

export interface NewFlow {
  kind: FlowKind;
  name: string;
  description?: string | null;
  /** `{ trigger, steps }`, checked here. */
  definition: unknown;
}

export async function createFlow(
  db: Queryable,
  workspaceId: string,
  input: NewFlow,
  userId: string | null,
): Promise<Flow> {
  const draft = validateFlowDefinition(input.definition, { kind: input.kind });
  const { rows } = await db.query<Flow>(
    `with f as (
       insert into flows (workspace_id, kind, name, description, draft, created_by)
       values ($1::uuid, $2::text, $3::text, $4::text, $5::jsonb, $6::uuid)
       returning *)
     select ${FLOW_COLUMNS} from f`,
    [workspaceId, input.kind, input.name, input.description ?? null, JSON.stringify(draft), userId],
  );
  return rows[0]!;
}

/** The flow of this kind in the workspace, or 404 (another kind's id, another workspace's). */
export async function getFlow(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  kind: FlowKind,
): Promise<Flow> {
  const { rows } = await db.query<Flow>(
    `select ${FLOW_COLUMNS} from flows f
     where f.workspace_id = $1::uuid and f.id = $2::uuid and f.kind = $3::text`,
    [workspaceId, flowId, kind],
  );
  if (!rows[0]) throw notFound('flow', flowId);
  return rows[0];
}

export async function listFlows(
  db: Queryable,
  workspaceId: string,
  options: { kind: FlowKind; status?: FlowStatus; limit?: number },
): Promise<Flow[]> {
  const { rows } = await db.query<Flow>(
    `select ${FLOW_COLUMNS} from flows f
     where f.workspace_id = $1::uuid and f.kind = $2::text
       and ($3::text is null or f.status = $3::text)
     order by f.updated_at desc, f.id desc
     limit $4::int`,
    [workspaceId, options.kind, options.status ?? null, options.limit ?? MAX_FLOWS_LISTED],
  );
  return rows;
}

export interface FlowPatch {
  name?: string;
  description?: string | null;
  trigger?: unknown;
  steps?: unknown;
  /** The revision the editor started from; an older one than the stored is a 409. */
  draftRevision?: number;
}

/**
 * Changes the draft (what is given of it) and its name; a stale `draftRevision` is 409
 * `stale_draft` so two editors never overwrite each other in silence. An archived flow
 * is read-only (409 `flow_archived`).
 */
export async function updateFlowDraft(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  kind: FlowKind,
  patch: FlowPatch,
): Promise<Flow> {
  const current = await getFlow(db, workspaceId, flowId, kind);
  if (current.status === 'archived') {
    throw conflict('flow_archived', 'This flow is archived; archived flows cannot be changed');
  }
  const changesDraft = patch.trigger !== undefined || patch.steps !== undefined;
  const draft = changesDraft
    ? validateFlowDefinition(
        {
          trigger: patch.trigger ?? current.draft.trigger,
          steps: patch.steps ?? current.draft.steps,
        },
        { kind },
      )
    : null;
  const { rows } = await db.query<Flow>(
    `with f as (
       update flows set
         name = coalesce($4::text, name),
         description = case when $5::boolean then $6::text else description end,
         draft = coalesce($7::jsonb, draft),
         draft_revision = draft_revision + 1,
         updated_at = now()
       where workspace_id = $1::uuid and id = $2::uuid and kind = $3::text and status = 'active'
         and ($8::int is null or draft_revision = $8::int)
       returning *)
     select ${FLOW_COLUMNS} from f`,
    [
      workspaceId,
      flowId,
      kind,
      patch.name ?? null,
      patch.description !== undefined,
      patch.description ?? null,
      draft ? JSON.stringify(draft) : null,
      patch.draftRevision ?? null,
    ],
  );
  if (rows[0]) return rows[0];
  // Changed or archived between the read and the update: say which, from what is there now.
  const now = await getFlow(db, workspaceId, flowId, kind);
  if (now.status === 'archived') {
    throw conflict('flow_archived', 'This flow is archived; archived flows cannot be changed');
  }
  throw staleDraft(patch.draftRevision ?? 0, now.draftRevision);
}

function staleDraft(given: number, current: number): HttpError {
  return conflict(
    'stale_draft',
    `The draft changed since revision ${given} (it is at ${current}); reload it and apply your change again`,
    { draftRevision: current },
  );
}

export interface ArchivedFlow {
  flow: Flow;
  /** Its open runs: `cancelled` ended now, `stopping` (under way) end at their next step. */
  runs: StoppedRuns;
}

/**
 * Archives the flow: it stops triggering, and its open runs are cancelled as by
 * cancelFlowRun (by `actorUserId`): pending and waiting ones now, their approvals
 * expired; a running one at its next step. Its runs and versions stay readable.
 * Idempotent. Pass a transaction's client so the flow and its runs change together.
 */
export async function archiveFlow(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  kind: FlowKind,
  actorUserId: string | null,
): Promise<ArchivedFlow> {
  const { rowCount } = await db.query(
    `update flows set status = 'archived',
       updated_at = case when status = 'archived' then updated_at else now() end
     where workspace_id = $1::uuid and id = $2::uuid and kind = $3::text`,
    [workspaceId, flowId, kind],
  );
  if (!rowCount) throw notFound('flow', flowId);
  const runs = await cancelOpenFlowRuns(db, workspaceId, flowId, actorUserId);
  return { flow: await getFlow(db, workspaceId, flowId, kind), runs };
}

/**
 * Freezes the draft as the next version, after checking it again against the step
 * registry of the moment. A draft equal to the latest version publishes nothing and
 * answers that version (`created: false`). The flow row is locked, so two publishes
 * cannot take the same number; pass a transaction's client to make it one with more.
 */
export async function publishFlow(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  userId: string | null,
  options: { kind?: FlowKind; draftRevision?: number } = {},
): Promise<{ version: FlowVersion; created: boolean }> {
  const { rows } = await db.query<{
    kind: FlowKind;
    status: FlowStatus;
    draft: unknown;
    draftRevision: number;
    latestVersion: number | null;
    same: boolean;
  }>(
    `select f.kind, f.status, f.draft, f.draft_revision as "draftRevision",
            f.latest_version as "latestVersion",
            coalesce((select v.definition = f.draft from flow_versions v
                      where v.flow_id = f.id and v.version = f.latest_version), false) as same
     from flows f
     where f.workspace_id = $1::uuid and f.id = $2::uuid and ($3::text is null or f.kind = $3::text)
     for update of f`,
    [workspaceId, flowId, options.kind ?? null],
  );
  const flow = rows[0];
  if (!flow) throw notFound('flow', flowId);
  if (flow.status === 'archived') {
    throw conflict('flow_archived', 'This flow is archived; archived flows cannot be published');
  }
  if (options.draftRevision !== undefined && options.draftRevision !== flow.draftRevision) {
    throw staleDraft(options.draftRevision, flow.draftRevision);
  }
  if (flow.same && flow.latestVersion !== null) {
    return {
      version: await getFlowVersion(db, workspaceId, flowId, flow.latestVersion, flow.kind),
      created: false,
    };
  }
  const definition = validateFlowDefinition(flow.draft, { kind: flow.kind });
  const next = (flow.latestVersion ?? 0) + 1;
  await db.query(
    `with v as (
       insert into flow_versions (workspace_id, flow_id, version, definition, published_by)
       values ($1::uuid, $2::uuid, $3::int, $4::jsonb, $5::uuid))
     update flows set latest_version = $3::int, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, flowId, next, JSON.stringify(definition), userId],
  );
  return {
    version: await getFlowVersion(db, workspaceId, flowId, next, flow.kind),
    created: true,
  };
}

/** The flow's versions, newest first (404 for an unknown flow). */
export async function listFlowVersions(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  kind: FlowKind,
): Promise<FlowVersionSummary[]> {
  await getFlow(db, workspaceId, flowId, kind);
  const { rows } = await db.query<FlowVersionSummary>(
    `select ${VERSION_COLUMNS} from flow_versions v
     where v.workspace_id = $1::uuid and v.flow_id = $2::uuid
     order by v.version desc`,
    [workspaceId, flowId],
  );
  return rows;
}

export async function getFlowVersion(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  version: number,
  kind: FlowKind,
): Promise<FlowVersion> {
  const { rows } = await db.query<FlowVersion>(
    `select ${VERSION_COLUMNS}, v.flow_id as "flowId", v.definition
     from flow_versions v join flows f on f.id = v.flow_id
     where v.workspace_id = $1::uuid and v.flow_id = $2::uuid and v.version = $3::int
       and f.kind = $4::text`,
    [workspaceId, flowId, version, kind],
  );
  if (!rows[0]) {
    throw new HttpError(
      404,
      'not_found',
      `No version ${version} of flow ${flowId} in this workspace`,
    );
  }
  return rows[0];
}

/**
 * Whether the caller may see a run: any member sees a workspace flow's runs; an
 * automation's run is its member's, and admins'. (An automation's scope is its owner's.)
 */
export async function runVisibleTo(
  db: Queryable,
  workspaceId: string,
  run: { flowId: string; scopeUserId: string | null },
  caller: { role: 'admin' | 'member'; userId: string | null },
): Promise<boolean> {
  if (caller.role === 'admin') return true;
  const { rows } = await db.query<{ kind: FlowKind }>(
    'select kind from flows where workspace_id = $1::uuid and id = $2::uuid',
    [workspaceId, run.flowId],
  );
  if (rows[0]?.kind === 'flow') return true;
  return run.scopeUserId !== null && run.scopeUserId === caller.userId;
}
