/**
 * Who a rep's manager is, for `notify_manager` actions: the CRM's owner hierarchy
 * where it has one (Salesforce `User.ManagerId`), else the workspace's own mapping of
 * reps to managers (`rep_managers`, set by an admin), else the workspace's admins. A
 * manager counts only while they are a member of the workspace.
 */
import type pg from 'pg';
import type { CrmConnector } from '../crm/port.js';
import { withTransaction, type Queryable } from '../db/pool.js';
import { badRequest } from '../errors.js';
import { recipientsFor } from './recipients.js';

export interface RepManager {
  repEmail: string;
  managerUserId: string;
  managerEmail: string;
  managerName: string;
  updatedAt: string;
}

export interface RepManagerInput {
  repEmail: string;
  managerUserId: string;
}

/** At most this many reps per workspace mapping (one PUT replaces it whole). */
export const MAX_REP_MANAGERS = 2000;

export async function listRepManagers(db: Queryable, workspaceId: string): Promise<RepManager[]> {
  const { rows } = await db.query<RepManager>(
    `select r.rep_email as "repEmail", r.manager_user_id as "managerUserId",
            u.email as "managerEmail", u.name as "managerName", r.updated_at as "updatedAt"
     from rep_managers r join users u on u.id = r.manager_user_id
     where r.workspace_id = $1::uuid
     order by r.rep_email`,
    [workspaceId],
  );
  return rows;
}

/**
 * Replaces the workspace's mapping. Every rep once, every manager a member: the first
 * entry that is not is a 400 naming it (`repManagers[2].managerUserId`), and nothing
 * changes.
 */
export async function replaceRepManagers(
  pool: pg.Pool,
  workspaceId: string,
  entries: RepManagerInput[],
): Promise<RepManager[]> {
  if (entries.length > MAX_REP_MANAGERS) {
    throw invalid('repManagers', `at most ${MAX_REP_MANAGERS} reps, got ${entries.length}`);
  }
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const email = entry.repEmail.trim().toLowerCase();
    const first = seen.get(email);
    if (first !== undefined) {
      throw invalid(
        `repManagers[${index}].repEmail`,
        `${email} is already mapped at repManagers[${first}]; a rep has one manager`,
      );
    }
    seen.set(email, index);
  });
  return withTransaction(pool, async (db) => {
    const ids = [...new Set(entries.map((entry) => entry.managerUserId))];
    const { rows } = await db.query<{ id: string }>(
      `select user_id::text as id from memberships
       where workspace_id = $1::uuid and user_id = any($2::uuid[])`,
      [workspaceId, ids],
    );
    const members = new Set(rows.map((row) => row.id));
    entries.forEach((entry, index) => {
      if (!members.has(entry.managerUserId)) {
        throw invalid(
          `repManagers[${index}].managerUserId`,
          `${entry.managerUserId} is not a member of this workspace`,
        );
      }
    });
    await db.query(`delete from rep_managers where workspace_id = $1::uuid`, [workspaceId]);
    await db.query(
      `insert into rep_managers (workspace_id, rep_email, manager_user_id)
       select $1::uuid, e.rep_email, e.manager_user_id
       from unnest($2::text[], $3::uuid[]) as e (rep_email, manager_user_id)`,
      [
        workspaceId,
        entries.map((entry) => entry.repEmail.trim().toLowerCase()),
        entries.map((entry) => entry.managerUserId),
      ],
    );
    return listRepManagers(db, workspaceId);
  });
}

function invalid(field: string, message: string) {
  return badRequest('validation_failed', `${field}: ${message}`, [{ field, message }]);
}

export type ManagerSource = 'crm' | 'setting' | 'admins';

export interface ResolvedManagers {
  userIds: string[];
  /** Where the manager came from: the CRM's hierarchy, the workspace's mapping, or neither. */
  source: ManagerSource;
  /** Why the CRM named no one (it has no hierarchy, no manager, a non-member, an error). */
  crmNote?: string;
}

/**
 * The members to tell as the rep's manager. A CRM that fails to answer falls through
 * to the mapping and the admins rather than leaving the notice unsent: the rep's
 * changes were written already, and someone should hear of them.
 */
export async function resolveManagers(
  db: Queryable,
  workspaceId: string,
  repEmail: string | null,
  crm?: Pick<CrmConnector, 'findManagerOf'> | null,
): Promise<ResolvedManagers> {
  let crmNote: string | undefined;
  if (repEmail && crm?.findManagerOf) {
    try {
      const manager = await crm.findManagerOf(repEmail);
      if (manager?.email) {
        const ids = await recipientsFor(db, workspaceId, { email: manager.email });
        if (ids.length > 0) return { userIds: ids, source: 'crm' };
        crmNote = `the CRM's manager ${manager.email} is not a member of this workspace`;
      } else {
        crmNote = `the CRM names no manager for ${repEmail}`;
      }
    } catch (error) {
      crmNote = `the CRM's owner hierarchy could not be read: ${
        error instanceof Error ? error.message : String(error)
      }`;
    }
  } else if (repEmail) {
    crmNote = 'the CRM keeps no owner hierarchy';
  }
  if (repEmail) {
    const { rows } = await db.query<{ id: string }>(
      `select r.manager_user_id::text as id from rep_managers r
       join memberships m on m.user_id = r.manager_user_id and m.workspace_id = r.workspace_id
       where r.workspace_id = $1::uuid and r.rep_email = lower($2::text)`,
      [workspaceId, repEmail.trim()],
    );
    if (rows[0]) return { userIds: [rows[0].id], source: 'setting', crmNote };
  }
  return {
    userIds: await recipientsFor(db, workspaceId, { admins: true }),
    source: 'admins',
    crmNote,
  };
}
