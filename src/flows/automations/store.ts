/**
 * A member's automations: flows of kind `automation` with a `user_automations` row
 * naming the member whose records they may touch. Saving one publishes it (there is no
 * separate draft to review); its runs carry the member as `scope_user_id`, which the
 * steps enforce in SQL. Members see and manage their own; admins see and manage all.
 */
import type pg from 'pg';
import { withTransaction, type Queryable } from '../../db/pool.js';
import { HttpError } from '../../errors.js';
import type { Role } from '../../tenancy/workspaces.js';
import { archiveFlow, createFlow, publishFlow, updateFlowDraft } from '../store.js';
import type { FlowStep, FlowTrigger } from '../types.js';

/** Who asks: an admin sees every automation; a member only their own. */
export interface AutomationViewer {
  role: Role;
  /** Null for an API key: it acts for the workspace, and owns no automations. */
  userId: string | null;
}

export interface UserAutomation {
  /** The flow's id. */
  id: string;
  name: string;
  description: string | null;
  isActive: boolean;
  /** The member whose records it runs on. */
  user: { id: string; name: string; email: string };
  trigger: FlowTrigger;
  steps: FlowStep[];
  /** The version its runs start on: each save publishes one. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AutomationInput {
  name: string;
  description?: string | null;
  trigger: unknown;
  steps: unknown;
  isActive?: boolean;
  /** Whose it is (admins only; default the caller). */
  userId?: string;
}

export type AutomationPatch = Partial<Omit<AutomationInput, 'userId'>>;

const COLUMNS = `
  f.id, f.name, f.description, ua.is_active as "isActive",
  json_build_object('id', u.id, 'name', u.name, 'email', u.email) as user,
  v.definition -> 'trigger' as trigger, v.definition -> 'steps' as steps,
  f.latest_version as version, f.created_at as "createdAt",
  greatest(f.updated_at, ua.updated_at) as "updatedAt"`;

const FROM = `
  from flows f
  join user_automations ua on ua.flow_id = f.id
  join users u on u.id = ua.user_id
  join flow_versions v on v.flow_id = f.id and v.version = f.latest_version
  where f.workspace_id = $1::uuid and f.kind = 'automation' and f.status = 'active'`;

const isAdmin = (viewer: AutomationViewer) => viewer.role === 'admin';

function notFound(id: string): HttpError {
  // Another member's automation is not found either: its existence is theirs.
  return new HttpError(404, 'not_found', `No automation ${id} in this workspace`);
}

/** The caller's automations (an admin: everyone's, or `userId`'s), newest first. */
export async function listUserAutomations(
  db: Queryable,
  workspaceId: string,
  viewer: AutomationViewer,
  options: { userId?: string } = {},
): Promise<UserAutomation[]> {
  if (!isAdmin(viewer) && !viewer.userId) return [];
  const userId = isAdmin(viewer) ? (options.userId ?? null) : viewer.userId;
  if (!isAdmin(viewer) && options.userId && options.userId !== viewer.userId) {
    throw new HttpError(403, 'forbidden', 'Members see their own automations only; ask an admin');
  }
  const { rows } = await db.query<UserAutomation>(
    `select ${COLUMNS} ${FROM} and ($2::uuid is null or ua.user_id = $2::uuid)
     order by f.created_at desc, f.id desc limit 500`,
    [workspaceId, userId],
  );
  return rows;
}

/** One automation the caller may see (404 otherwise). */
export async function getUserAutomation(
  db: Queryable,
  workspaceId: string,
  viewer: AutomationViewer,
  id: string,
): Promise<UserAutomation> {
  const { rows } = await db.query<UserAutomation>(
    `select ${COLUMNS} ${FROM} and f.id = $2::uuid and ($3::uuid is null or ua.user_id = $3::uuid)`,
    [workspaceId, id, isAdmin(viewer) ? null : (viewer.userId ?? NOBODY)],
  );
  if (!rows[0]) throw notFound(id);
  return rows[0];
}

// Matches no user: a member API key owns no automation.
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Creates and publishes an automation for the caller (or, by an admin, for `userId`). */
export async function createUserAutomation(
  pool: pg.Pool,
  workspaceId: string,
  viewer: AutomationViewer,
  input: AutomationInput,
): Promise<UserAutomation> {
  const ownerId = input.userId ?? viewer.userId;
  if (!ownerId) {
    throw new HttpError(
      400,
      'user_required',
      'An API key owns no records: name the member in userId',
      {
        field: 'userId',
      },
    );
  }
  if (!isAdmin(viewer) && ownerId !== viewer.userId) {
    throw new HttpError(403, 'forbidden', 'Members make automations for themselves only');
  }
  const id = await withTransaction(pool, async (client) => {
    await requireMember(client, workspaceId, ownerId);
    const flow = await createFlow(
      client,
      workspaceId,
      {
        kind: 'automation',
        name: input.name,
        description: input.description ?? null,
        definition: { trigger: input.trigger, steps: input.steps },
      },
      viewer.userId,
    );
    await client.query(
      `insert into user_automations (flow_id, workspace_id, user_id, is_active)
       values ($1::uuid, $2::uuid, $3::uuid, $4::boolean)`,
      [flow.id, workspaceId, ownerId, input.isActive ?? true],
    );
    await publishFlow(client, workspaceId, flow.id, viewer.userId, { kind: 'automation' });
    return flow.id;
  });
  return getUserAutomation(pool, workspaceId, viewer, id);
}

async function requireMember(db: Queryable, workspaceId: string, userId: string): Promise<void> {
  const { rows } = await db.query(
    `select 1 from memberships where workspace_id = $1::uuid and user_id = $2::uuid`,
    [workspaceId, userId],
  );
  if (!rows[0]) {
    throw new HttpError(400, 'unknown_member', `User ${userId} is not a member of this workspace`, {
      field: 'userId',
    });
  }
}

/** Changes an automation; a changed trigger or steps publish a new version. */
export async function updateUserAutomation(
  pool: pg.Pool,
  workspaceId: string,
  viewer: AutomationViewer,
  id: string,
  patch: AutomationPatch,
): Promise<UserAutomation> {
  await withTransaction(pool, async (client) => {
    const current = await lockVisible(client, workspaceId, viewer, id);
    const { isActive, ...draft } = patch;
    if (Object.values(draft).some((value) => value !== undefined)) {
      await updateFlowDraft(client, workspaceId, id, 'automation', draft);
      await publishFlow(client, workspaceId, id, viewer.userId, { kind: 'automation' });
    }
    if (isActive !== undefined && isActive !== current.isActive) {
      await client.query(
        `update user_automations set is_active = $2::boolean, updated_at = now()
         where flow_id = $1::uuid`,
        [id, isActive],
      );
    }
  });
  return getUserAutomation(pool, workspaceId, viewer, id);
}

/** Removes an automation from use (archived: its open runs stopped, its runs stay readable). */
export async function deleteUserAutomation(
  pool: pg.Pool,
  workspaceId: string,
  viewer: AutomationViewer,
  id: string,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    await lockVisible(client, workspaceId, viewer, id);
    await archiveFlow(client, workspaceId, id, 'automation', viewer.userId);
  });
}

async function lockVisible(
  db: Queryable,
  workspaceId: string,
  viewer: AutomationViewer,
  id: string,
): Promise<{ isActive: boolean; userId: string }> {
  const { rows } = await db.query<{ isActive: boolean; userId: string }>(
    `select ua.is_active as "isActive", ua.user_id as "userId"
     from user_automations ua join flows f on f.id = ua.flow_id
     where ua.workspace_id = $1::uuid and ua.flow_id = $2::uuid and f.status = 'active'
       and ($3::uuid is null or ua.user_id = $3::uuid)
     for update of ua`,
    [workspaceId, id, isAdmin(viewer) ? null : (viewer.userId ?? NOBODY)],
  );
  if (!rows[0]) throw notFound(id);
  return rows[0];
}
