import type { Queryable } from '../src/db/pool.js';
import { createWorkspace } from '../src/tenancy/workspaces.js';

/** Hand-made CRM records and meetings for the linker and gaps tests. */
export interface MeetingWorld {
  workspaceId: string;
  owner(input: { name: string; email: string }): Promise<string>;
  account(input: { name: string; domain?: string | null; sourceId?: string }): Promise<string>;
  contact(input: {
    email: string;
    accountId?: string | null;
    sourceId?: string;
    firstName?: string;
  }): Promise<string>;
  deal(input: {
    name: string;
    accountId?: string | null;
    stage?: string;
    lastActivityAt?: string | null;
    sourceId?: string;
    ownerId?: string | null;
    amount?: number | null;
  }): Promise<string>;
  dealContact(dealId: string, contactId: string): Promise<void>;
  /** A person (no password, no membership): who linked or dismissed. */
  user(name: string): Promise<string>;
  meeting(input: MeetingInput): Promise<string>;
  /** The stored link of one meeting. */
  link(conversationId: string): Promise<StoredLink>;
}

export interface MeetingInput {
  title?: string;
  emails: string[];
  startedAt?: string;
  durationSeconds?: number;
  isInternal?: boolean;
  crmContext?: Record<string, unknown>;
  ownerId?: string | null;
  hostEmail?: string | null;
  source?: string;
}

export interface StoredLink {
  accountId: string | null;
  dealId: string | null;
  contactId: string | null;
  linkMethod: string | null;
  linkConfidence: number | null;
  linkedAt: string | null;
  linkedBy: string | null;
  contacts: string[];
}

let counter = 0;

export async function createMeetingWorld(
  db: Queryable,
  options: { source?: string; workspaceId?: string } = {},
): Promise<MeetingWorld> {
  counter += 1;
  const source = options.source ?? 'hubspot';
  const workspaceId =
    options.workspaceId ??
    (
      await createWorkspace(db, {
        name: `Meetings ${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      })
    ).id;
  let n = 0;
  const next = (kind: string) => `${kind}-${(n += 1)}`;
  const one = async (sql: string, params: unknown[]) =>
    (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
  return {
    workspaceId,
    owner: ({ name, email }) =>
      one(
        `insert into owners (workspace_id, source, source_id, email, name)
         values ($1::uuid, $2::text, $3::text, $4::text, $5::text) returning id`,
        [workspaceId, source, next('owner'), email, name],
      ),
    account: ({ name, domain = null, sourceId }) =>
      one(
        `insert into accounts (workspace_id, source, source_id, name, domain)
         values ($1::uuid, $2::text, $3::text, $4::text, $5::text) returning id`,
        [workspaceId, source, sourceId ?? next('account'), name, domain],
      ),
    contact: ({ email, accountId = null, sourceId, firstName = null }) =>
      one(
        `insert into contacts (workspace_id, source, source_id, account_id, email, first_name)
         values ($1::uuid, $2::text, $3::text, $4::uuid, $5::text, $6::text) returning id`,
        [workspaceId, source, sourceId ?? next('contact'), accountId, email, firstName],
      ),
    deal: ({ name, accountId = null, stage = 'discovery', lastActivityAt = null, ...rest }) =>
      one(
        `insert into deals (workspace_id, source, source_id, account_id, name, stage,
                            stage_normalized, last_activity_at, owner_id, amount)
         values ($1::uuid, $2::text, $3::text, $4::uuid, $5::text, $6::text, $6::text,
                 $7::timestamptz, $8::uuid, $9::numeric)
         returning id`,
        [
          workspaceId,
          source,
          rest.sourceId ?? next('deal'),
          accountId,
          name,
          stage,
          lastActivityAt,
          rest.ownerId ?? null,
          rest.amount ?? null,
        ],
      ),
    async dealContact(dealId, contactId) {
      await db.query(
        `insert into deal_contacts (workspace_id, deal_id, contact_id)
         values ($1::uuid, $2::uuid, $3::uuid)`,
        [workspaceId, dealId, contactId],
      );
    },
    user: (name) =>
      one(`insert into users (email, name) values ($1::text, $2::text) returning id`, [
        `${next('user')}-${workspaceId}@seller.io`,
        name,
      ]),
    meeting: (input) =>
      one(
        `insert into conversations (workspace_id, source, source_id, title, started_at,
                                    duration_seconds, participants, is_internal, source_data,
                                    owner_id, host_email)
         values ($1::uuid, $2::text, $3::text, $4::text, $5::timestamptz, $6::int,
                 $7::jsonb, $8::boolean, $9::jsonb, $10::uuid, $11::text)
         returning id`,
        [
          workspaceId,
          input.source ?? 'gong',
          next('call'),
          input.title ?? 'Call',
          input.startedAt ?? new Date(Date.now() - 86_400_000).toISOString(),
          input.durationSeconds ?? 1800,
          JSON.stringify(
            input.emails.map((email) => ({ email, name: email.split('@')[0] ?? null })),
          ),
          input.isInternal ?? false,
          JSON.stringify(input.crmContext ? { crmContext: input.crmContext } : {}),
          input.ownerId ?? null,
          input.hostEmail ?? null,
        ],
      ),
    async link(conversationId) {
      const { rows } = await db.query<StoredLink>(
        `select account_id as "accountId", deal_id as "dealId", contact_id as "contactId",
                link_method as "linkMethod", link_confidence as "linkConfidence",
                linked_at as "linkedAt", linked_by as "linkedBy",
                array(select contact_id::text from conversation_contacts cc
                      where cc.conversation_id = c.id order by contact_id) as contacts
         from conversations c where id = $1::uuid`,
        [conversationId],
      );
      return rows[0]!;
    },
  };
}
