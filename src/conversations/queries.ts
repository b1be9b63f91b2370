import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { participantsOf } from './gaps.js';

export const LINK_METHODS = [
  'email',
  'crm_ids',
  'single_open_deal',
  'account_domain',
  'manual',
] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

/** `deal`: linked to a deal; `account_only`: an account and no deal; `none`: neither. */
export const LINKED_FILTERS = ['deal', 'account_only', 'none'] as const;
export type LinkedFilter = (typeof LINKED_FILTERS)[number];

export interface ConversationSummary {
  id: string;
  source: string;
  sourceId: string;
  connectionId: string | null;
  title: string;
  startedAt: string;
  durationSeconds: number;
  isInternal: boolean;
  internalReason: string | null;
  hostEmail: string | null;
  owner: { id: string; name: string; email: string | null } | null;
  participantCount: number;
  account: { id: string; name: string; domain: string | null } | null;
  deal: { id: string; name: string; stage: string | null; stageNormalized: string | null } | null;
  contact: { id: string; name: string | null; email: string | null } | null;
  linkMethod: LinkMethod | null;
  linkConfidence: number | null;
  linkedAt: string | null;
  linkedBy: string | null;
}

export interface ConversationDetail extends ConversationSummary {
  participants: { email: string | null; name: string | null; contactId: string | null }[];
  transcript: string | null;
  /** Every CRM contact who took part, as the linker matched them. */
  contacts: { id: string; name: string | null; email: string | null; accountId: string | null }[];
  gap: {
    dismissedAt: string | null;
    dismissedBy: string | null;
    dismissReason: string | null;
    dealCreatedAt: string | null;
  };
}

export interface ConversationFilters {
  internal?: boolean;
  linked?: LinkedFilter;
  source?: string;
  /** The rep's email: the meeting's host, or its CRM owner's email. */
  rep?: string;
  /** Started at or after. */
  from?: string;
  /** Started before. */
  to?: string;
  limit?: number;
  after?: string;
}

const SUMMARY_COLUMNS = `
  c.id, c.source, c.source_id as "sourceId", c.connection_id as "connectionId", c.title,
  c.started_at as "startedAt", c.duration_seconds as "durationSeconds",
  c.is_internal as "isInternal", c.internal_reason as "internalReason",
  c.host_email as "hostEmail",
  case when o.id is null then null
       else jsonb_build_object('id', o.id, 'name', o.name, 'email', o.email) end as owner,
  case when jsonb_typeof(c.participants) = 'array' then jsonb_array_length(c.participants)
       else 0 end as "participantCount",
  case when a.id is null then null
       else jsonb_build_object('id', a.id, 'name', a.name, 'domain', a.domain) end as account,
  case when d.id is null then null
       else jsonb_build_object('id', d.id, 'name', d.name, 'stage', d.stage,
                               'stageNormalized', d.stage_normalized) end as deal,
  case when ct.id is null then null
       else jsonb_build_object('id', ct.id, 'email', ct.email,
              'name', nullif(concat_ws(' ', ct.first_name, ct.last_name), '')) end as contact,
  c.link_method as "linkMethod", c.link_confidence as "linkConfidence",
  c.linked_at as "linkedAt", c.linked_by as "linkedBy"`;

const JOINS = `
  left join owners o on o.id = c.owner_id
  left join accounts a on a.id = c.account_id
  left join deals d on d.id = c.deal_id
  left join contacts ct on ct.id = c.contact_id`;

/** Meetings, newest first, with keyset pagination. */
export async function listConversations(
  db: Queryable,
  workspaceId: string,
  filters: ConversationFilters = {},
): Promise<{ conversations: ConversationSummary[]; nextCursor: string | null }> {
  const params: unknown[] = [workspaceId];
  const where = ['c.workspace_id = $1::uuid'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filters.internal !== undefined) add((p) => `c.is_internal = ${p}::boolean`, filters.internal);
  if (filters.linked === 'deal') where.push('c.deal_id is not null');
  if (filters.linked === 'account_only') {
    where.push('c.deal_id is null and c.account_id is not null');
  }
  if (filters.linked === 'none') where.push('c.deal_id is null and c.account_id is null');
  if (filters.source) add((p) => `c.source = ${p}::text`, filters.source);
  if (filters.rep) {
    add(
      (p) => `(lower(c.host_email) = lower(${p}::text) or lower(o.email) = lower(${p}::text))`,
      filters.rep,
    );
  }
  if (filters.from) add((p) => `c.started_at >= ${p}::timestamptz`, filters.from);
  if (filters.to) add((p) => `c.started_at < ${p}::timestamptz`, filters.to);
  if (filters.after) {
    const { values, id } = decodeCursor(filters.after, ['string']);
    params.push(values[0], id);
    where.push(
      `(c.started_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
    );
  }
  const limit = filters.limit ?? 50;
  params.push(limit + 1);
  const { rows } = await db.query<ConversationSummary>(
    `select ${SUMMARY_COLUMNS}
     from conversations c ${JOINS}
     where ${where.join(' and ')}
     order by c.started_at desc, c.id desc
     limit $${params.length}::int`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    conversations: page,
    nextCursor: rows.length > limit && last ? encodeCursor([last.startedAt], last.id) : null,
  };
}

/** One meeting with its participants, transcript and linked records; 404 outside the workspace. */
export async function getConversation(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<ConversationDetail> {
  const { rows } = await db.query<
    ConversationSummary & {
      rawParticipants: unknown;
      transcript: string | null;
      contacts: ConversationDetail['contacts'];
      gap: ConversationDetail['gap'];
    }
  >(
    `select ${SUMMARY_COLUMNS}, c.participants as "rawParticipants", c.transcript,
            coalesce((select jsonb_agg(jsonb_build_object(
                        'id', x.id, 'email', x.email, 'accountId', x.account_id,
                        'name', nullif(concat_ws(' ', x.first_name, x.last_name), ''))
                      order by x.email, x.id)
                      from conversation_contacts cc join contacts x on x.id = cc.contact_id
                      where cc.conversation_id = c.id), '[]') as contacts,
            jsonb_build_object(
              'dismissedAt', c.gap_dismissed_at, 'dismissedBy', c.gap_dismissed_by,
              'dismissReason', c.gap_dismiss_reason, 'dealCreatedAt', c.gap_deal_created_at)
              as gap
     from conversations c ${JOINS}
     where c.workspace_id = $1::uuid and c.id = $2::uuid`,
    [workspaceId, conversationId],
  );
  const row = rows[0];
  if (!row) throw notFound('conversation', conversationId);
  const { rawParticipants, ...rest } = row;
  const byEmail = new Map(
    rest.contacts.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c.id]),
  );
  return {
    ...rest,
    // jsonb turns timestamps to text without the API's format; one format everywhere.
    gap: {
      ...rest.gap,
      dismissedAt: iso(rest.gap.dismissedAt),
      dealCreatedAt: iso(rest.gap.dealCreatedAt),
    },
    participants: participantsOf(rawParticipants).map((p) => ({
      ...p,
      contactId: (p.email && byEmail.get(p.email.trim().toLowerCase())) ?? null,
    })),
  };
}

function iso(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
