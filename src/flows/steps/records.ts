/**
 * The record a CRM step acts on, found in SQL with the run's scope applied there: an
 * automation's run (`scopeUserId` set) reaches only records its member owns, so a step
 * can never be pointed at another rep's record by a template or a crafted trigger.
 */
import type { Queryable } from '../../db/pool.js';
import type { CrmObjectType, CrmType } from '../../crm/port.js';
import { FlowStepError, type StepContext } from '../types.js';

export interface FlowRecord {
  objectType: CrmObjectType;
  /** Pandora's id. */
  id: string;
  /** Where the record came from: a CRM type, or `demo`, `test`, a CSV import. */
  source: string;
  /** The CRM's id of it (the source's own id). */
  crmId: string;
  name: string;
  /** The workspace's connection to the record's CRM (oldest connected first); null when none. */
  connectionId: string | null;
  crm: CrmType | null;
}

interface RecordRow extends FlowRecord {
  owned: boolean;
  exact: boolean;
}

// `$4` is the member whose records an automation may touch; null for a workspace flow.
// A deal or an account is the member's when its CRM owner's email is the member's.
const OWNED_BY = (ownerColumn: string) => `exists (
  select 1 from owners o join users u on lower(u.email) = lower(o.email)
  where o.id = ${ownerColumn} and u.id = $4::uuid)`;

const CONNECTION = (alias: string) => `left join lateral (
    select k.id from connections k
    where k.workspace_id = ${alias}.workspace_id and k.crm_type = ${alias}.source
    order by (k.status = 'disconnected'), k.created_at, k.id
    limit 1
  ) conn on true`;

const MATCH = (alias: string) =>
  `${alias}.workspace_id = $1::uuid and (${alias}.id::text = $2::text or ${alias}.source_id = $2::text)`;

const QUERIES: Record<CrmObjectType, string> = {
  deal: `select 'deal' as "objectType", d.id, d.source, d.source_id as "crmId", d.name, conn.id as "connectionId",
           ($4::uuid is null or ${OWNED_BY('d.owner_id')}) as owned,
           d.id::text = $2::text as exact
         from deals d ${CONNECTION('d')}
         where ${MATCH('d')} and $3::text = 'deal'`,
  account: `select 'account' as "objectType", a.id, a.source, a.source_id as "crmId", a.name, conn.id as "connectionId",
              ($4::uuid is null or ${OWNED_BY('a.owner_id')}) as owned,
              a.id::text = $2::text as exact
            from accounts a ${CONNECTION('a')}
            where ${MATCH('a')} and $3::text = 'account'`,
  // A contact is the member's when its account is, or one of the deals it is on.
  contact: `select 'contact' as "objectType", c.id, c.source, c.source_id as "crmId",
              coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email,
                       c.source_id) as name,
              conn.id as "connectionId",
              ($4::uuid is null
               or exists (select 1 from accounts a
                          where a.id = c.account_id and ${OWNED_BY('a.owner_id')})
               or exists (select 1 from deal_contacts dc join deals d on d.id = dc.deal_id
                          where dc.contact_id = c.id and ${OWNED_BY('d.owner_id')})) as owned,
              c.id::text = $2::text as exact
            from contacts c ${CONNECTION('c')}
            where ${MATCH('c')} and $3::text = 'contact'`,
};

/**
 * The record `ref` names (Pandora's id or the CRM's), of `objectType`, in the
 * workspace. Throws FlowStepError: `validation` when there is no such record (or the
 * CRM id is held by records of two sources), `permission` when the run is a member's
 * automation and the record is not theirs.
 */
export async function resolveRecord(
  db: Queryable,
  scope: { workspaceId: string; scopeUserId: string | null },
  objectType: CrmObjectType,
  ref: string,
): Promise<FlowRecord> {
  const { rows } = await db.query<RecordRow>(`${QUERIES[objectType]} order by exact desc limit 2`, [
    scope.workspaceId,
    ref,
    objectType,
    scope.scopeUserId,
  ]);
  const [first, second] = rows;
  if (!first) {
    throw new FlowStepError(
      'validation',
      `No ${objectType} ${JSON.stringify(ref)} in this workspace`,
      {
        severity: 'medium',
        suggestion: `Check the step's record id: it takes Pandora's ${objectType} id or the CRM's, often from {{trigger...}}`,
      },
    );
  }
  if (second && !first.exact) {
    throw new FlowStepError(
      'validation',
      `Two ${objectType}s have the CRM id ${JSON.stringify(ref)} (from ${first.source} and ${second.source})`,
      { severity: 'medium', suggestion: `Use Pandora's ${objectType} id instead of the CRM's` },
    );
  }
  if (!first.owned) {
    throw new FlowStepError(
      'permission',
      `The ${objectType} ${JSON.stringify(first.name)} is not one of this automation's owner's records`,
      {
        severity: 'high',
        suggestion:
          "A member's automation acts only on records they own; an admin's workspace flow can act on any",
      },
    );
  }
  const { owned: _owned, exact: _exact, ...record } = first;
  return {
    ...record,
    crm: record.connectionId && isCrm(record.source) ? record.source : null,
  };
}

/** The record's CRM connection, or a validation error for a record no CRM holds. */
export function requireCrm(
  record: FlowRecord,
): FlowRecord & { connectionId: string; crm: CrmType } {
  if (!record.connectionId || !record.crm) {
    throw new FlowStepError(
      'validation',
      `The ${record.objectType} ${JSON.stringify(record.name)} is not from a connected CRM (source ${record.source})`,
      {
        severity: 'medium',
        suggestion: 'Connect the CRM the record comes from, or point the step at a CRM record',
      },
    );
  }
  return record as FlowRecord & { connectionId: string; crm: CrmType };
}

function isCrm(source: string): source is CrmType {
  return source === 'hubspot' || source === 'salesforce';
}

/**
 * The record a step names, or else the trigger's (event payloads and automation starts
 * carry `record: { type, id }`) when it is of the step's type.
 */
export function stepRecordRef(
  ctx: Pick<StepContext, 'scope'>,
  objectType: CrmObjectType,
  ref: string | undefined,
): string {
  if (ref) return ref;
  const record = ctx.scope.trigger.record as { type?: unknown; id?: unknown } | undefined;
  if (record && record.type === objectType && typeof record.id === 'string') return record.id;
  throw new FlowStepError(
    'validation',
    `The step names no ${objectType} and its trigger carries none`,
    {
      severity: 'medium',
      suggestion: `Set the step's ${objectType} id, or start the flow from a trigger about a ${objectType}`,
    },
  );
}
