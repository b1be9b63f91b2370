/**
 * The sales roster: the people tracked on any conversation source, merged by email
 * (the same rep in Gong and Fireflies is one person), each with the CRM owner of that
 * email, so skills and the console can speak of reps across recorders and CRMs.
 */
import type { Queryable } from '../db/pool.js';
import type { SourceType } from './port.js';
import { listTrackedUsers } from './tracked-users.js';

export interface RosterOwner {
  /** Pandora's owner row. */
  id: string;
  /** The CRM it came from (`hubspot`, `salesforce`). */
  source: string;
  sourceId: string;
  name: string;
}

export interface RosterSource {
  connectionId: string;
  sourceType: SourceType;
  sourceName: string;
  /** The recorder's id of this person. */
  userId: string;
}

export interface RosterEntry {
  email: string;
  name: string;
  title: string | null;
  /** Active in at least one recorder. */
  active: boolean;
  /** The CRM owners with this email (one per CRM connected, usually). */
  crmOwners: RosterOwner[];
  sources: RosterSource[];
}

export async function salesRoster(db: Queryable, workspaceId: string): Promise<RosterEntry[]> {
  const byEmail = new Map<string, RosterEntry>();
  for (const { connectionId, sourceType, sourceName, user } of await listTrackedUsers(
    db,
    workspaceId,
  )) {
    const email = user.email.trim().toLowerCase();
    let entry = byEmail.get(email);
    if (!entry) {
      entry = {
        email,
        name: user.name,
        title: user.title,
        active: false,
        crmOwners: [],
        sources: [],
      };
      byEmail.set(email, entry);
    }
    entry.name ||= user.name;
    entry.title ??= user.title;
    entry.active ||= user.active;
    entry.sources.push({ connectionId, sourceType, sourceName, userId: user.id });
  }
  if (byEmail.size) {
    const { rows } = await db.query<RosterOwner & { email: string }>(
      `select id, source, source_id as "sourceId", name, lower(email) as email from owners
       where workspace_id = $1::uuid and lower(email) = any($2::text[])
       order by source, source_id`,
      [workspaceId, [...byEmail.keys()]],
    );
    for (const { email, ...owner } of rows) byEmail.get(email)!.crmOwners.push(owner);
  }
  return [...byEmail.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email),
  );
}
