import type pg from 'pg';
import { withTransaction, type Queryable } from '../db/pool.js';
import { enqueue } from '../jobs/queue.js';
import { classifyConversations, FREE_MAIL_DOMAINS } from './internal.js';

/**
 * Ties each external meeting to the CRM: its contacts, account and deal. Set-based SQL
 * over the whole workspace (or some of its meetings), so 100,000 meetings cost a few
 * statements, not 100,000 round trips; running it twice changes nothing the second time.
 *
 * Tiers, first match wins:
 * 1. `email`: participant email -> contact -> its account -> open deals there (and open
 *    deals the contact is on). Several: the one whose contacts took part, then the one
 *    active closest to the meeting.
 * 2. `crm_ids`: the recorder's own CRM context (Gong), CRM ids -> Pandora rows by
 *    source + source_id. A deal named by the recorder is taken open or closed: the
 *    recorder saw the meeting, we only infer.
 * 3. `single_open_deal`: the only open deal of the account the recorder named; or
 *    `account_domain`: the account whose domain is a participant's email domain, and
 *    its only open deal if it has one.
 * No deal but an account: the meeting is linked to the account only (a gap, see gaps.ts).
 *
 * Confidence (0..1) is how sure we are of the most specific record linked:
 * LINK_CONFIDENCE below. Internal meetings are skipped, and unlinked if they became
 * internal (step 0, internal.ts, decides). A link a person made (`manual`, also a deal created from a gap) is never
 * replaced.
 */
export const LINK_CONFIDENCE = {
  /** A participant is a contact on the deal. */
  emailDealContact: 0.95,
  /** The participants' account has one open deal. */
  emailOnlyOpenDeal: 0.85,
  /** Several open deals; the one active closest to the meeting. */
  emailClosestDeal: 0.75,
  /** The participants' account has no open deal. */
  emailAccount: 0.9,
  crmIdsDeal: 0.9,
  crmIdsAccount: 0.85,
  singleOpenDeal: 0.6,
  domainDeal: 0.5,
  domainAccount: 0.6,
} as const;

export interface LinkReport {
  /** Meetings the internal filter (step 0) marked differently than before. */
  reclassified: number;
  /** External meetings considered. */
  considered: number;
  /** Meetings whose link changed (newly linked, moved, or unlinked). */
  changed: number;
  /** External meetings now linked to a deal (manual links included). */
  withDeal: number;
  /** External meetings linked to an account but no deal. */
  accountOnly: number;
  /** Internal meetings whose automatic link was removed. */
  unlinkedInternal: number;
  /** Meetings whose rep (the host's CRM owner) was set or changed. */
  repsAssigned: number;
  /** conversation_contacts rows added and removed. */
  contactsAdded: number;
  contactsRemoved: number;
}

export interface LinkOptions {
  /** Only these meetings (still scoped to the workspace); all when absent. */
  conversationIds?: string[];
}

/** Queues a linker run for the workspace; runs queued while one waits coalesce into it. */
export async function enqueueLinking(db: Queryable, workspaceId: string): Promise<void> {
  await enqueue(
    db,
    'conversations.link',
    { workspaceId },
    { jobKey: `conversations.link:${workspaceId}`, maxAttempts: 5 },
  );
}

/** Links the workspace's external meetings (see the module comment); idempotent. */
export async function linkConversations(
  pool: pg.Pool,
  workspaceId: string,
  options: LinkOptions = {},
): Promise<LinkReport> {
  const ids = options.conversationIds ?? null;
  return withTransaction(pool, async (db) => {
    // Two runs for one workspace (a sync's and a config change's) would fight over rows.
    await db.query(`select pg_advisory_xact_lock(hashtext('conversations.link:' || $1::text))`, [
      workspaceId,
    ]);
    // Step 0: the internal filter, so what became internal is unlinked below.
    const classified = await classifyConversations(db, workspaceId, {
      conversationIds: ids ?? undefined,
    });
    await collectParticipants(db, workspaceId, ids);
    const contacts = await syncConversationContacts(db, workspaceId, ids);
    const changed = await applyLinks(db, workspaceId);
    const unlinkedInternal = await unlinkInternal(db, workspaceId, ids);
    const repsAssigned = await assignReps(db, workspaceId, ids);
    const { rows } = await db.query<
      Omit<LinkReport, 'changed' | 'unlinkedInternal' | 'reclassified' | 'repsAssigned'>
    >(
      `select count(*)::int as considered,
              count(*) filter (where c.deal_id is not null)::int as "withDeal",
              count(*) filter (where c.deal_id is null and c.account_id is not null)::int
                as "accountOnly",
              $2::int as "contactsAdded", $3::int as "contactsRemoved"
       from link_scope s join conversations c on c.id = s.id
       where c.workspace_id = $1::uuid`,
      [workspaceId, contacts.added, contacts.removed],
    );
    return {
      ...rows[0]!,
      changed,
      unlinkedInternal,
      repsAssigned,
      reclassified: classified.changed,
    };
  });
}

/**
 * The external meetings in scope (link_scope) and the CRM contacts among their
 * participants (link_participants): by email, and by the recorder's contact ids.
 */
async function collectParticipants(
  db: pg.PoolClient,
  workspaceId: string,
  ids: string[] | null,
): Promise<void> {
  await db.query(
    `create temp table link_scope on commit drop as
     select c.id, c.started_at, c.participants, c.source_data->'crmContext' as crm_context
     from conversations c
     where c.workspace_id = $1::uuid and not c.is_internal
       and ($2::uuid[] is null or c.id = any($2::uuid[]))`,
    [workspaceId, ids],
  );
  await db.query(`alter table link_scope add primary key (id)`);
  await db.query(
    `create temp table link_emails on commit drop as
     select distinct on (s.id, lower(btrim(p.value->>'email')))
            s.id as conversation_id, lower(btrim(p.value->>'email')) as email,
            p.n as position
     from link_scope s
     cross join lateral jsonb_array_elements(
       case when jsonb_typeof(s.participants) = 'array' then s.participants else '[]' end
     ) with ordinality as p(value, n)
     where jsonb_typeof(p.value) = 'object'
       and position('@' in coalesce(p.value->>'email', '')) > 1
     order by s.id, lower(btrim(p.value->>'email')), p.n`,
  );
  await db.query(
    `create temp table link_participants on commit drop as
     select distinct on (conversation_id, contact_id) conversation_id, contact_id, account_id,
            position
     from (
       select e.conversation_id, ct.id as contact_id, ct.account_id, e.position
       from link_emails e
       join contacts ct on ct.workspace_id = $1::uuid and lower(ct.email) = e.email
       union all
       select s.id, ct.id, ct.account_id, 1000 + i.n
       from link_scope s
       cross join lateral jsonb_array_elements_text(
         case when jsonb_typeof(s.crm_context->'contactIds') = 'array'
              then s.crm_context->'contactIds' else '[]' end
       ) with ordinality as i(source_id, n)
       join contacts ct on ct.workspace_id = $1::uuid
         and ct.source = s.crm_context->>'crmType' and ct.source_id = i.source_id
     ) found
     order by conversation_id, contact_id, position`,
    [workspaceId],
  );
  await db.query(`create index on link_participants (conversation_id)`);
  await db.query(`analyze link_scope`);
  await db.query(`analyze link_emails`);
  await db.query(`analyze link_participants`);
}

async function syncConversationContacts(
  db: pg.PoolClient,
  workspaceId: string,
  ids: string[] | null,
): Promise<{ added: number; removed: number }> {
  // Internal meetings in scope lose theirs too: they have no customer contacts.
  const removed = await db.query(
    `delete from conversation_contacts cc
     using conversations c
     where c.id = cc.conversation_id and c.workspace_id = $1::uuid
       and cc.workspace_id = $1::uuid
       and ($2::uuid[] is null or c.id = any($2::uuid[]))
       and not exists (select 1 from link_participants p
                       where p.conversation_id = cc.conversation_id
                         and p.contact_id = cc.contact_id)`,
    [workspaceId, ids],
  );
  const added = await db.query(
    `insert into conversation_contacts (workspace_id, conversation_id, contact_id)
     select $1::uuid, p.conversation_id, p.contact_id from link_participants p
     on conflict do nothing`,
    [workspaceId],
  );
  return { added: added.rowCount ?? 0, removed: removed.rowCount ?? 0 };
}

/** Decides each in-scope meeting's link by tier and writes the ones that changed. */
async function applyLinks(db: pg.PoolClient, workspaceId: string): Promise<number> {
  const c = LINK_CONFIDENCE;
  const { rowCount } = await db.query(
    `with open_deals as (
       select d.id, d.account_id, coalesce(d.last_activity_at, d.updated_at) as active_at
       from deals d
       where d.workspace_id = $1::uuid
         and coalesce(d.stage_normalized, '') not in ('closed_won', 'closed_lost')
     ),
     single_open as (
       select account_id, (array_agg(id))[1] as deal_id
       from open_deals where account_id is not null
       group by account_id having count(*) = 1
     ),
     -- Tier 1: open deals at the participants' accounts, or that a participant is on.
     t1_candidates as (
       select p.conversation_id, od.id as deal_id, od.account_id, od.active_at
       from (select distinct conversation_id, account_id from link_participants
             where account_id is not null) p
       join open_deals od on od.account_id = p.account_id
       union
       select p.conversation_id, od.id, od.account_id, od.active_at
       from link_participants p
       join deal_contacts dc on dc.workspace_id = $1::uuid and dc.contact_id = p.contact_id
       join open_deals od on od.id = dc.deal_id
     ),
     t1_scored as (
       select t.conversation_id, t.deal_id, t.account_id, t.active_at,
              count(dc.contact_id) as took_part
       from t1_candidates t
       join link_participants p on p.conversation_id = t.conversation_id
       left join deal_contacts dc on dc.deal_id = t.deal_id and dc.contact_id = p.contact_id
       group by t.conversation_id, t.deal_id, t.account_id, t.active_at
     ),
     t1_deal as (
       select distinct on (t.conversation_id) t.conversation_id, t.deal_id, t.account_id,
              case when t.took_part > 0 then $2::numeric
                   when count(*) over (partition by t.conversation_id) = 1 then $3::numeric
                   else $4::numeric end as confidence
       from t1_scored t join link_scope s on s.id = t.conversation_id
       order by t.conversation_id, t.took_part desc,
                abs(extract(epoch from t.active_at - s.started_at)) nulls last, t.deal_id
     ),
     t1_account as (
       select distinct on (conversation_id) conversation_id, account_id
       from link_participants where account_id is not null
       group by conversation_id, account_id
       order by conversation_id, count(*) desc, min(position), account_id
     ),
     -- Tier 2: the recorder's CRM ids; open deals before closed ones, then its order.
     t2_deal as (
       select distinct on (s.id) s.id as conversation_id, d.id as deal_id, d.account_id
       from link_scope s
       cross join lateral jsonb_array_elements_text(
         case when jsonb_typeof(s.crm_context->'dealIds') = 'array'
              then s.crm_context->'dealIds' else '[]' end
       ) with ordinality as i(source_id, n)
       join deals d on d.workspace_id = $1::uuid
         and d.source = s.crm_context->>'crmType' and d.source_id = i.source_id
       order by s.id,
                coalesce(d.stage_normalized, '') in ('closed_won', 'closed_lost'), i.n
     ),
     t2_account as (
       select distinct on (s.id) s.id as conversation_id, a.id as account_id
       from link_scope s
       cross join lateral jsonb_array_elements_text(
         case when jsonb_typeof(s.crm_context->'accountIds') = 'array'
              then s.crm_context->'accountIds' else '[]' end
       ) with ordinality as i(source_id, n)
       join accounts a on a.workspace_id = $1::uuid
         and a.source = s.crm_context->>'crmType' and a.source_id = i.source_id
       order by s.id, i.n
     ),
     -- Tier 3 by domain: only for meetings where no participant is a known contact.
     t3_domain as (
       select distinct on (e.conversation_id) e.conversation_id, a.id as account_id
       from link_emails e
       join accounts a on a.workspace_id = $1::uuid
         and a.domain = split_part(e.email, '@', 2)
       where split_part(e.email, '@', 2) <> all($11::text[])
         and not exists (select 1 from link_participants p
                         where p.conversation_id = e.conversation_id)
       order by e.conversation_id, e.position, a.id
     ),
     candidates as (
       select conversation_id, 1 as tier, deal_id, account_id, 'email' as method, confidence
       from t1_deal
       union all
       select conversation_id, 2, deal_id, account_id, 'crm_ids', $5::numeric from t2_deal
       union all
       select t.conversation_id, 3, so.deal_id, t.account_id, 'single_open_deal', $6::numeric
       from t2_account t join single_open so on so.account_id = t.account_id
       union all
       select t.conversation_id, 4, so.deal_id, t.account_id, 'account_domain', $7::numeric
       from t3_domain t join single_open so on so.account_id = t.account_id
       union all
       select conversation_id, 5, null, account_id, 'email', $8::numeric from t1_account
       union all
       select conversation_id, 6, null, account_id, 'crm_ids', $9::numeric from t2_account
       union all
       select conversation_id, 7, null, account_id, 'account_domain', $10::numeric
       from t3_domain
     ),
     chosen as (
       select distinct on (conversation_id) conversation_id, deal_id, account_id, method,
              confidence
       from candidates order by conversation_id, tier
     ),
     decided as (
       select s.id as conversation_id, ch.deal_id,
              coalesce(d.account_id, ch.account_id) as account_id, ch.method, ch.confidence,
              (select p.contact_id from link_participants p
               where p.conversation_id = s.id
               order by exists (select 1 from deal_contacts dc
                                where dc.deal_id = ch.deal_id and dc.contact_id = p.contact_id)
                          desc,
                        p.account_id is not distinct from coalesce(d.account_id, ch.account_id)
                          desc,
                        p.position, p.contact_id
               limit 1) as contact_id
       from link_scope s
       left join chosen ch on ch.conversation_id = s.id
       left join deals d on d.id = ch.deal_id
     )
     update conversations c
     set deal_id = x.deal_id, account_id = x.account_id, contact_id = x.contact_id,
         link_method = x.method, link_confidence = x.confidence,
         linked_at = case when x.method is null then null else now() end,
         linked_by = null, updated_at = now()
     from decided x
     where c.id = x.conversation_id and c.workspace_id = $1::uuid
       and c.link_method is distinct from 'manual'
       and (c.deal_id, c.account_id, c.contact_id, c.link_method, c.link_confidence)
           is distinct from (x.deal_id, x.account_id, x.contact_id, x.method, x.confidence)`,
    [
      workspaceId,
      c.emailDealContact,
      c.emailOnlyOpenDeal,
      c.emailClosestDeal,
      c.crmIdsDeal,
      c.singleOpenDeal,
      c.domainDeal,
      c.emailAccount,
      c.crmIdsAccount,
      c.domainAccount,
      FREE_MAIL_DOMAINS,
    ],
  );
  return rowCount ?? 0;
}

async function unlinkInternal(
  db: pg.PoolClient,
  workspaceId: string,
  ids: string[] | null,
): Promise<number> {
  const { rowCount } = await db.query(
    `update conversations
     set deal_id = null, account_id = null, contact_id = null, link_method = null,
         link_confidence = null, linked_at = null, updated_at = now()
     where workspace_id = $1::uuid and is_internal
       and ($2::uuid[] is null or id = any($2::uuid[]))
       and link_method is distinct from 'manual'
       and (deal_id is not null or account_id is not null or contact_id is not null
            or link_method is not null)`,
    [workspaceId, ids],
  );
  return rowCount ?? 0;
}

/**
 * The rep of each meeting: the CRM owner with the host's email. With owners of the same
 * email in two CRMs, the one of the CRM the meeting is linked to wins, then the oldest.
 * Runs after a CRM sync too, so a rep who joins the CRM later gets their meetings. A
 * rep the meeting already has (set by its source) stays when no owner has the email.
 */
async function assignReps(
  db: pg.PoolClient,
  workspaceId: string,
  ids: string[] | null,
): Promise<number> {
  const { rowCount } = await db.query(
    `update conversations c
     set owner_id = rep.id, updated_at = now()
     from conversations m
     left join accounts a on a.id = m.account_id
     join lateral (
       select o.id from owners o
       where o.workspace_id = m.workspace_id and m.host_email is not null
         and lower(o.email) = lower(m.host_email)
       order by (o.source = a.source) desc nulls last, o.created_at, o.id
       limit 1
     ) rep on true
     where c.id = m.id and m.workspace_id = $1::uuid
       and ($2::uuid[] is null or m.id = any($2::uuid[]))
       and c.owner_id is distinct from rep.id`,
    [workspaceId, ids],
  );
  return rowCount ?? 0;
}
