import type { Queryable } from '../db/pool.js';
import { conflict, notFound } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/**
 * Conversations without deals: external meetings linked to an account but to no deal,
 * that nobody dismissed and no deal was created from. Each gets a likely cause and a
 * severity, computed in SQL from the thresholds below (the one place they live), so
 * lists filter and page on them.
 *
 * Cause, first that applies:
 * - `deal_not_created`: the account has open deals (the meeting belongs near one that
 *   the linker could not pick), or a substantive call in the stale window;
 * - `early_stage`: a call shorter than `substantiveSeconds` (an intro, a first touch);
 * - `disqualified_not_logged`: a substantive call older than `staleDays` with nothing
 *   since: most likely lost or disqualified without anybody writing it down.
 * Severity: `high` for deal_not_created within `recentDays`, `medium` for older
 * deal_not_created and recent early_stage, `low` for the rest.
 */
export const GAP_THRESHOLDS = {
  /** Calls at least this long are substantive; shorter ones are early-stage. */
  substantiveSeconds: 15 * 60,
  /** A call this recent is still actionable: a high-severity gap. */
  recentDays: 30,
  /** A substantive call older than this is taken as disqualified when the account has no open deal. */
  staleDays: 60,
} as const;

export const GAP_SEVERITIES = ['high', 'medium', 'low'] as const;
export type GapSeverity = (typeof GAP_SEVERITIES)[number];
export const GAP_CAUSES = ['deal_not_created', 'early_stage', 'disqualified_not_logged'] as const;
export type GapCause = (typeof GAP_CAUSES)[number];

export interface GapDeal {
  id: string;
  name: string;
  stage: string | null;
  amount: number | null;
  closeDate: string | null;
}

export interface GapContact {
  id: string;
  name: string | null;
  email: string | null;
  title: string | null;
  /** Took part in this meeting. */
  participated: boolean;
}

export interface Gap {
  conversationId: string;
  title: string;
  source: string;
  startedAt: string;
  durationSeconds: number;
  severity: GapSeverity;
  cause: GapCause;
  participants: { email: string | null; name: string | null }[];
  /** With the CRM it came from and its id there (for a create-deal action). */
  account: { id: string; name: string; domain: string | null; source: string; sourceId: string };
  openDeals: GapDeal[];
  contacts: GapContact[];
  totalContacts: number;
  rep: { ownerId: string | null; name: string | null; email: string | null };
}

export interface GapFilters {
  severity?: GapSeverity[];
  cause?: GapCause[];
  /** The rep's email: the meeting's host, or the email of its CRM owner. */
  rep?: string;
  limit?: number;
  after?: string;
}

/** How many of an account's contacts a gap carries (the count says how many more exist). */
const CONTACTS_PER_GAP = 25;

const OPEN_DEAL = `coalesce(d.stage_normalized, '') not in ('closed_won', 'closed_lost')`;

/** The open gaps with their cause, severity and sort rank; $1 is the workspace. */
const CLASSIFIED = `
  with base as (
    select c.id, c.title, c.source, c.started_at, c.duration_seconds, c.participants,
           c.account_id, c.owner_id, c.host_email,
           (select count(*) from deals d
            where d.workspace_id = c.workspace_id and d.account_id = c.account_id
              and ${OPEN_DEAL})::int as open_deals
    from conversations c
    where c.workspace_id = $1::uuid and not c.is_internal and c.account_id is not null
      and c.deal_id is null and c.gap_dismissed_at is null and c.gap_deal_created_at is null
  ),
  caused as (
    select b.*,
           case when b.open_deals > 0 then 'deal_not_created'
                when b.duration_seconds < ${GAP_THRESHOLDS.substantiveSeconds} then 'early_stage'
                when b.started_at < now() - interval '${GAP_THRESHOLDS.staleDays} days'
                  then 'disqualified_not_logged'
                else 'deal_not_created' end as cause,
           b.started_at >= now() - interval '${GAP_THRESHOLDS.recentDays} days' as recent
    from base b
  ),
  classified as (
    select x.*,
           case when x.cause = 'deal_not_created' and x.recent then 'high'
                when x.cause = 'deal_not_created' or (x.cause = 'early_stage' and x.recent)
                  then 'medium'
                else 'low' end as severity
    from caused x
  ),
  gaps as (
    select g.*,
           case g.severity when 'high' then 0 when 'medium' then 1 else 2 end as rank,
           o.name as owner_name, o.email as owner_email
    from classified g left join owners o on o.id = g.owner_id
  )`;

interface GapRow {
  id: string;
  title: string;
  source: string;
  startedAt: string;
  durationSeconds: number;
  participants: unknown;
  accountId: string;
  accountName: string;
  accountDomain: string | null;
  accountSource: string;
  accountSourceId: string;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  hostEmail: string | null;
  severity: GapSeverity;
  cause: GapCause;
  rank: number;
}

/** Open gaps, most severe then newest first, with keyset pagination. */
export async function listGaps(
  db: Queryable,
  workspaceId: string,
  filters: GapFilters = {},
): Promise<{ gaps: Gap[]; nextCursor: string | null }> {
  const params: unknown[] = [workspaceId];
  const where: string[] = ['true'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filters.severity?.length) add((p) => `g.severity = any(${p}::text[])`, filters.severity);
  if (filters.cause?.length) add((p) => `g.cause = any(${p}::text[])`, filters.cause);
  if (filters.rep) {
    add(
      (p) =>
        `(lower(g.host_email) = lower(${p}::text) or lower(g.owner_email) = lower(${p}::text))`,
      filters.rep,
    );
  }
  if (filters.after) {
    const { values, id } = decodeCursor(filters.after, ['number', 'string']);
    params.push(values[0], values[1], id);
    const [r, s, i] = [params.length - 2, params.length - 1, params.length];
    where.push(
      `(g.rank > $${r}::int or (g.rank = $${r}::int and (g.started_at, g.id) < ($${s}::timestamptz, $${i}::uuid)))`,
    );
  }
  const limit = filters.limit ?? 50;
  params.push(limit + 1);
  const { rows } = await db.query<GapRow>(
    `${CLASSIFIED}
     select g.id, g.title, g.source, g.started_at as "startedAt",
            g.duration_seconds as "durationSeconds", g.participants,
            a.id as "accountId", a.name as "accountName", a.domain as "accountDomain",
            a.source as "accountSource", a.source_id as "accountSourceId",
            g.owner_id as "ownerId", g.owner_name as "ownerName", g.owner_email as "ownerEmail",
            g.host_email as "hostEmail", g.severity, g.cause, g.rank
     from gaps g join accounts a on a.id = g.account_id
     where ${where.join(' and ')}
     order by g.rank, g.started_at desc, g.id desc
     limit $${params.length}::int`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const gaps = await enrich(db, workspaceId, page);
  return {
    gaps,
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.rank, last.startedAt], last.id) : null,
  };
}

/** One open gap, or a 404 when the meeting is not one (any more). */
export async function getGap(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<Gap> {
  const { rows } = await db.query<GapRow>(
    `${CLASSIFIED}
     select g.id, g.title, g.source, g.started_at as "startedAt",
            g.duration_seconds as "durationSeconds", g.participants,
            a.id as "accountId", a.name as "accountName", a.domain as "accountDomain",
            a.source as "accountSource", a.source_id as "accountSourceId",
            g.owner_id as "ownerId", g.owner_name as "ownerName", g.owner_email as "ownerEmail",
            g.host_email as "hostEmail", g.severity, g.cause, g.rank
     from gaps g join accounts a on a.id = g.account_id
     where g.id = $2::uuid`,
    [workspaceId, conversationId],
  );
  if (!rows[0]) throw notFound('conversation without a deal', conversationId);
  return (await enrich(db, workspaceId, rows))[0]!;
}

async function enrich(db: Queryable, workspaceId: string, rows: GapRow[]): Promise<Gap[]> {
  if (rows.length === 0) return [];
  const accountIds = [...new Set(rows.map((row) => row.accountId))];
  const deals = await db.query<GapDeal & { accountId: string }>(
    `select d.id, d.name, d.stage, d.amount, d.close_date as "closeDate",
            d.account_id as "accountId"
     from deals d
     where d.workspace_id = $1::uuid and d.account_id = any($2::uuid[]) and ${OPEN_DEAL}
     order by d.account_id, coalesce(d.last_activity_at, d.updated_at) desc, d.id`,
    [workspaceId, accountIds],
  );
  const contacts = await db.query<
    Omit<GapContact, 'participated'> & {
      accountId: string;
      total: number;
      conversationIds: string[];
    }
  >(
    `select x.id, x.name, x.email, x.title, x.account_id as "accountId", x.total,
            x.conversation_ids as "conversationIds"
     from (
       select ct.id, nullif(concat_ws(' ', ct.first_name, ct.last_name), '') as name,
              ct.email, ct.title, ct.account_id,
              count(*) over (partition by ct.account_id)::int as total,
              array(select cc.conversation_id::text from conversation_contacts cc
                    where cc.contact_id = ct.id and cc.conversation_id = any($3::uuid[]))
                as conversation_ids,
              row_number() over (partition by ct.account_id order by ct.last_name, ct.first_name, ct.id) as n
       from contacts ct
       where ct.workspace_id = $1::uuid and ct.account_id = any($2::uuid[])
     ) x
     where x.n <= $4::int
     order by x.account_id, x.n`,
    [workspaceId, accountIds, rows.map((row) => row.id), CONTACTS_PER_GAP],
  );
  return rows.map((row) => {
    const accountContacts = contacts.rows.filter((c) => c.accountId === row.accountId);
    return {
      conversationId: row.id,
      title: row.title,
      source: row.source,
      startedAt: row.startedAt,
      durationSeconds: row.durationSeconds,
      severity: row.severity,
      cause: row.cause,
      participants: participantsOf(row.participants),
      account: {
        id: row.accountId,
        name: row.accountName,
        domain: row.accountDomain,
        source: row.accountSource,
        sourceId: row.accountSourceId,
      },
      openDeals: deals.rows
        .filter((deal) => deal.accountId === row.accountId)
        .map(({ accountId: _a, ...deal }) => deal),
      contacts: accountContacts.map(({ accountId: _a, total: _t, conversationIds, ...c }) => ({
        ...c,
        participated: conversationIds.includes(row.id),
      })),
      totalContacts: accountContacts[0]?.total ?? 0,
      rep: {
        ownerId: row.ownerId,
        name: row.ownerName,
        email: row.ownerEmail ?? row.hostEmail,
      },
    };
  });
}

/** The stored participants, as `{ email, name }`, whatever else a recorder stored. */
export function participantsOf(value: unknown): { email: string | null; name: string | null }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
    .map((p) => ({
      email: typeof p.email === 'string' ? p.email : null,
      name: typeof p.name === 'string' ? p.name : null,
    }));
}

export interface GapSummary {
  open: number;
  bySeverity: Record<GapSeverity, number>;
  /** Deals created from a gap since the first of this month (UTC). */
  createdThisMonth: number;
  dismissedThisMonth: number;
}

export async function gapSummary(db: Queryable, workspaceId: string): Promise<GapSummary> {
  const { rows } = await db.query<{
    high: number;
    medium: number;
    low: number;
    created: number;
    dismissed: number;
  }>(
    `${CLASSIFIED}
     select (select count(*) from gaps where severity = 'high')::int as high,
            (select count(*) from gaps where severity = 'medium')::int as medium,
            (select count(*) from gaps where severity = 'low')::int as low,
            (select count(*) from conversations
             where workspace_id = $1::uuid
               and gap_deal_created_at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc')::int
              as created,
            (select count(*) from conversations
             where workspace_id = $1::uuid
               and gap_dismissed_at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc')::int
              as dismissed`,
    [workspaceId],
  );
  const row = rows[0]!;
  return {
    open: row.high + row.medium + row.low,
    bySeverity: { high: row.high, medium: row.medium, low: row.low },
    createdThisMonth: row.created,
    dismissedThisMonth: row.dismissed,
  };
}

/** A person says this meeting needs no deal; it leaves the list for good. */
export async function dismissGap(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  input: { reason: string; userId: string | null },
): Promise<{ dismissedAt: string }> {
  const { rows } = await db.query<{ dismissedAt: string }>(
    `update conversations
     set gap_dismissed_at = now(), gap_dismissed_by = $3::uuid, gap_dismiss_reason = $4::text,
         updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid and not is_internal
       and account_id is not null and deal_id is null and gap_dismissed_at is null
       and gap_deal_created_at is null
     returning gap_dismissed_at as "dismissedAt"`,
    [workspaceId, conversationId, input.userId, input.reason],
  );
  if (rows[0]) return rows[0];
  return explainNotAGap(db, workspaceId, conversationId);
}

/**
 * Closes a gap with the deal created from it (create-deal calls this once the deal is in
 * Pandora's tables). The link is `manual`: a person chose that deal for that meeting, and
 * the linker must not move the meeting before the CRM sync has seen the deal's contacts.
 */
export async function closeGapWithDeal(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  dealId: string,
  userId: string | null,
): Promise<void> {
  const { rowCount } = await db.query(
    `update conversations c
     set deal_id = d.id, account_id = coalesce(d.account_id, c.account_id),
         link_method = 'manual', link_confidence = 1, linked_at = now(), linked_by = $4::uuid,
         gap_deal_created_at = now(), updated_at = now()
     from deals d
     where c.workspace_id = $1::uuid and c.id = $2::uuid
       and d.workspace_id = $1::uuid and d.id = $3::uuid`,
    [workspaceId, conversationId, dealId, userId],
  );
  if (rowCount) return;
  const { rows } = await db.query(
    `select 1 from conversations where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, conversationId],
  );
  throw rows[0] ? notFound('deal', dealId) : notFound('conversation', conversationId);
}

/**
 * Undoes closeGapWithDeal (the created deal was undone): the meeting is a gap again
 * and back in the linker's hands. Only a link made by closing the gap is cleared.
 */
export async function reopenGap(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update conversations
     set deal_id = null, link_method = null, link_confidence = null, linked_at = null,
         linked_by = null, gap_deal_created_at = null, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid and gap_deal_created_at is not null`,
    [workspaceId, conversationId],
  );
  return (rowCount ?? 0) > 0;
}

async function explainNotAGap(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<never> {
  const { rows } = await db.query<{ why: string }>(
    `select case when is_internal then 'it is an internal meeting'
                 when gap_dismissed_at is not null then 'it was dismissed already'
                 when gap_deal_created_at is not null or deal_id is not null
                   then 'it is linked to a deal'
                 else 'it is linked to no account' end as why
     from conversations where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, conversationId],
  );
  if (!rows[0]) throw notFound('conversation', conversationId);
  throw conflict('not_a_gap', `This conversation is not an open gap: ${rows[0].why}`, {
    conversationId,
  });
}
