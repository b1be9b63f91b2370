import type { Queryable } from '../db/pool.js';
import { PgCode, pgErrorCode } from '../db/pool.js';
import { conflict, notFound } from '../errors.js';

export type Role = 'admin' | 'member';
export const ROLES: readonly Role[] = ['admin', 'member'];

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  createdAt: string;
}

export interface WorkspaceWithRole extends Workspace {
  role: Role;
}

const WORKSPACE_COLUMNS = `w.id, w.name, w.slug, w.is_demo as "isDemo", w.created_at as "createdAt"`;

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'workspace';
}

/** Creates a workspace with a unique slug derived from its name. */
export async function createWorkspace(
  db: Queryable,
  input: { name: string; slug?: string; isDemo?: boolean },
): Promise<Workspace> {
  const base = input.slug ?? slugify(input.name);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    try {
      const { rows } = await db.query<Workspace>(
        `insert into workspaces as w (name, slug, is_demo) values ($1::text, $2::text, $3::boolean)
         returning ${WORKSPACE_COLUMNS}`,
        [input.name.trim(), slug, input.isDemo ?? false],
      );
      return rows[0]!;
    } catch (error) {
      if (pgErrorCode(error) !== PgCode.uniqueViolation || input.slug) throw error;
    }
  }
  throw conflict('slug_taken', `Could not find a free slug for "${input.name}"`);
}

export async function getWorkspace(db: Queryable, id: string): Promise<Workspace> {
  const { rows } = await db.query<Workspace>(
    `select ${WORKSPACE_COLUMNS} from workspaces w where w.id = $1::uuid`,
    [id],
  );
  if (!rows[0]) throw notFound('workspace', id);
  return rows[0];
}

export async function findWorkspaceBySlug(
  db: Queryable,
  slug: string,
): Promise<Workspace | undefined> {
  const { rows } = await db.query<Workspace>(
    `select ${WORKSPACE_COLUMNS} from workspaces w where w.slug = $1::text`,
    [slug],
  );
  return rows[0];
}

export async function listUserWorkspaces(
  db: Queryable,
  userId: string,
): Promise<WorkspaceWithRole[]> {
  const { rows } = await db.query<WorkspaceWithRole>(
    `select ${WORKSPACE_COLUMNS}, m.role
     from memberships m join workspaces w on w.id = m.workspace_id
     where m.user_id = $1::uuid order by w.created_at, w.id`,
    [userId],
  );
  return rows;
}

/** The user's role in the workspace, or undefined when they are not a member. */
export async function roleOf(
  db: Queryable,
  workspaceId: string,
  userId: string,
): Promise<Role | undefined> {
  const { rows } = await db.query<{ role: Role }>(
    'select role from memberships where workspace_id = $1::uuid and user_id = $2::uuid',
    [workspaceId, userId],
  );
  return rows[0]?.role;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

const MEMBER_SELECT = `
  select u.id as "userId", u.email, u.name, m.role, m.created_at as "createdAt"
  from memberships m join users u on u.id = m.user_id`;

export async function listMembers(db: Queryable, workspaceId: string): Promise<Member[]> {
  const { rows } = await db.query<Member>(
    `${MEMBER_SELECT} where m.workspace_id = $1::uuid order by m.created_at, u.email`,
    [workspaceId],
  );
  return rows;
}

export async function getMember(
  db: Queryable,
  workspaceId: string,
  userId: string,
): Promise<Member> {
  const { rows } = await db.query<Member>(
    `${MEMBER_SELECT} where m.workspace_id = $1::uuid and m.user_id = $2::uuid`,
    [workspaceId, userId],
  );
  if (!rows[0]) throw notFound('member', userId);
  return rows[0];
}

/**
 * Changes a member's role. The workspace must keep an admin: demoting the last one
 * is a 409 `last_admin`. The row lock makes two concurrent demotions see each other.
 */
export async function updateMemberRole(
  db: Queryable,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<Member> {
  await getMember(db, workspaceId, userId);
  if (role !== 'admin') await assertOtherAdmin(db, workspaceId, userId);
  await db.query(
    'update memberships set role = $3::text where workspace_id = $1::uuid and user_id = $2::uuid',
    [workspaceId, userId, role],
  );
  return getMember(db, workspaceId, userId);
}

export async function removeMember(
  db: Queryable,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await getMember(db, workspaceId, userId);
  await assertOtherAdmin(db, workspaceId, userId);
  await db.query('delete from memberships where workspace_id = $1::uuid and user_id = $2::uuid', [
    workspaceId,
    userId,
  ]);
}

async function assertOtherAdmin(db: Queryable, workspaceId: string, userId: string): Promise<void> {
  const { rows } = await db.query<{ others: number }>(
    `select count(*)::int as others from (
       select 1 from memberships
       where workspace_id = $1::uuid and role = 'admin' and user_id <> $2::uuid
       for update
     ) admins`,
    [workspaceId, userId],
  );
  if ((rows[0]?.others ?? 0) === 0) {
    const { rows: target } = await db.query<{ role: Role }>(
      'select role from memberships where workspace_id = $1::uuid and user_id = $2::uuid',
      [workspaceId, userId],
    );
    if (target[0]?.role === 'admin') {
      throw conflict(
        'last_admin',
        'A workspace needs at least one admin: make someone else admin first',
      );
    }
  }
}

export interface WorkspaceCounts {
  accounts: number;
  contacts: number;
  deals: number;
  openDeals: number;
  openPipelineAmount: number;
  meetings: number;
}

/** Record counts for the overview page, in one round trip. */
export async function workspaceCounts(
  db: Queryable,
  workspaceId: string,
): Promise<WorkspaceCounts> {
  const { rows } = await db.query<WorkspaceCounts>(
    `select
       (select count(*) from accounts where workspace_id = $1::uuid)::int as accounts,
       (select count(*) from contacts where workspace_id = $1::uuid)::int as contacts,
       (select count(*) from deals where workspace_id = $1::uuid)::int as deals,
       (select count(*) from deals where workspace_id = $1::uuid
          and coalesce(stage_normalized, '') not in ('closed_won', 'closed_lost'))::int as "openDeals",
       (select coalesce(sum(amount), 0) from deals where workspace_id = $1::uuid
          and coalesce(stage_normalized, '') not in ('closed_won', 'closed_lost'))::float8
          as "openPipelineAmount",
       (select count(*) from conversations where workspace_id = $1::uuid)::int as meetings`,
    [workspaceId],
  );
  return rows[0]!;
}
