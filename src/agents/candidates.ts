import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';
import { FREE_MAIL_DOMAINS } from '../conversations/internal.js';
import type { CrmRecords, Meeting, Stage } from './cases.js';

/**
 * What an agent run reads from Postgres: the meeting as the core takes it, and the CRM
 * records it may be about. Three indexed queries whatever the workspace's size:
 * contacts by the participants' emails (contacts_email_idx) and the linker's matches,
 * their accounts and the accounts of the participants' email domains
 * (accounts_domain_idx), then the open and recently closed deals of those accounts
 * (deals_account_idx) and contacts (deal_contacts_contact_idx).
 */

/** A closed deal this recent still counts: a call about an expansion follows a win. */
export const RECENTLY_CLOSED_DAYS = 180;

export interface AgentConversation {
  id: string;
  title: string;
  startedAt: string;
  durationSeconds: number;
  participants: { name: string; email: string | null }[];
  transcript: string | null;
  isInternal: boolean;
  /** The linker's (or a person's) link. */
  dealId: string | null;
  accountId: string | null;
  linkMethod: string | null;
  ownerId: string | null;
}

/** A meeting of the workspace; another workspace's id is not found. */
export async function loadConversation(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<AgentConversation> {
  const { rows } = await db.query<AgentConversation>(
    `select id, title, started_at as "startedAt", duration_seconds as "durationSeconds",
            coalesce((select jsonb_agg(jsonb_build_object(
                        'name', coalesce(p->>'name', p->>'email', 'Unknown'),
                        'email', nullif(lower(btrim(p->>'email')), '')))
                      from jsonb_array_elements(case when jsonb_typeof(participants) = 'array'
                                                     then participants else '[]' end) p
                      where jsonb_typeof(p) = 'object'), '[]') as participants,
            transcript, is_internal as "isInternal", deal_id as "dealId",
            account_id as "accountId", link_method as "linkMethod", owner_id as "ownerId"
     from conversations where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, conversationId],
  );
  if (!rows[0]) throw notFound('conversation', conversationId);
  return rows[0];
}

/** A line that starts "Name: " names its speaker; a longer prefix is part of the text. */
const SPEAKER_LINE = /^([^:\n]{1,80}?):\s+(.*)$/;

/**
 * The meeting as the core reads it. Stored transcripts are "Speaker: text" lines
 * without times (Gong's and Fireflies' sentences are joined per speaker on sync), so
 * each utterance's start is estimated from its position in the text over the
 * meeting's length: close enough to find the moment in the recording.
 */
export function meetingOf(conversation: AgentConversation): Meeting {
  const lines = (conversation.transcript ?? '').split(/\r?\n/);
  const total = Math.max(1, conversation.transcript?.length ?? 1);
  const transcript: Meeting['transcript'] = [];
  let offset = 0;
  for (const line of lines) {
    const at = offset;
    offset += line.length + 1;
    const text = line.trim();
    if (!text) continue;
    const match = SPEAKER_LINE.exec(text);
    const startSeconds = Math.floor((at / total) * conversation.durationSeconds);
    if (match) {
      transcript.push({ speaker: match[1]!.trim(), text: match[2]!.trim(), startSeconds });
    } else if (transcript.length > 0) {
      transcript[transcript.length - 1]!.text += ` ${text}`;
    } else {
      transcript.push({ speaker: 'Unknown speaker', text, startSeconds });
    }
  }
  return {
    title: conversation.title,
    startedAt: new Date(conversation.startedAt).toISOString(),
    durationSeconds: conversation.durationSeconds,
    participants: conversation.participants,
    transcript,
  };
}

/** What a run needs of a candidate deal beyond the core's view: where to write, who owns it. */
export interface CandidateDeal {
  id: string;
  /** The deal's id in the CRM. */
  sourceId: string;
  name: string;
  pipeline: string | null;
  ownerId: string | null;
  ownerEmail: string | null;
  /** The values the run shows as "before", as of the last sync. */
  amount: number | null;
  closeDate: string | null;
  stage: string | null;
  stageNormalized: Stage | null;
  nextStep: string | null;
}

export interface Candidates {
  crm: CrmRecords;
  deals: Map<string, CandidateDeal>;
}

export interface CandidateScope {
  /** The CRM the agent writes to: records of other sources are not candidates. */
  source: string;
  internalDomains: readonly string[];
}

/** The CRM records `conversation` may be about, in the core's shape (ids are Pandora's). */
export async function loadCandidates(
  db: Queryable,
  workspaceId: string,
  conversation: AgentConversation,
  scope: CandidateScope,
): Promise<Candidates> {
  const internal = new Set(scope.internalDomains.map((domain) => domain.toLowerCase()));
  const emails = [
    ...new Set(
      conversation.participants
        .map((participant) => participant.email)
        .filter((email): email is string => Boolean(email && email.indexOf('@') > 0)),
    ),
  ].filter((email) => !internal.has(domainOf(email)));
  const domains = [...new Set(emails.map(domainOf))].filter(
    (domain) => !FREE_MAIL_DOMAINS.includes(domain),
  );

  const { rows: contacts } = await db.query<CrmRecords['contacts'][number]>(
    `select ct.id, coalesce(nullif(btrim(concat_ws(' ', ct.first_name, ct.last_name)), ''),
                            ct.email, 'Unknown') as name,
            ct.email, ct.account_id as "accountId"
     from contacts ct
     where ct.workspace_id = $1::uuid and ct.source = $2::text and lower(ct.email) = any($3::text[])
     union
     select ct.id, coalesce(nullif(btrim(concat_ws(' ', ct.first_name, ct.last_name)), ''),
                            ct.email, 'Unknown'),
            ct.email, ct.account_id
     from conversation_contacts cc
     join contacts ct on ct.id = cc.contact_id and ct.source = $2::text
     where cc.conversation_id = $4::uuid and cc.workspace_id = $1::uuid`,
    [workspaceId, scope.source, emails, conversation.id],
  );

  const accountIds = [
    ...new Set([
      ...contacts.flatMap((contact) => contact.accountId ?? []),
      ...(conversation.accountId ? [conversation.accountId] : []),
    ]),
  ];
  const { rows: accounts } = await db.query<CrmRecords['accounts'][number]>(
    `select id, name, domain from accounts
     where workspace_id = $1::uuid and source = $2::text and id = any($3::uuid[])
     union
     select id, name, domain from accounts
     where workspace_id = $1::uuid and source = $2::text and domain = any($4::text[])`,
    [workspaceId, scope.source, accountIds, domains],
  );

  const { rows: deals } = await db.query<
    CandidateDeal & { accountId: string | null; contactIds: string[]; updatedAt: string }
  >(
    `with found as (
       select id from deals
       where workspace_id = $1::uuid and source = $2::text and account_id = any($3::uuid[])
       union
       select dc.deal_id from deal_contacts dc
       where dc.workspace_id = $1::uuid and dc.contact_id = any($4::uuid[])
       union
       select id from deals where workspace_id = $1::uuid and id = $5::uuid
     )
     select d.id, d.source_id as "sourceId", d.name, d.pipeline, d.owner_id as "ownerId",
            o.email as "ownerEmail", d.amount::float8 as amount,
            to_char(d.close_date, 'YYYY-MM-DD') as "closeDate", d.stage,
            d.stage_normalized as "stageNormalized", d.next_step as "nextStep",
            d.account_id as "accountId",
            array(select dc.contact_id::text from deal_contacts dc
                  where dc.deal_id = d.id and dc.contact_id = any($4::uuid[])
                  order by dc.contact_id) as "contactIds",
            coalesce(d.last_activity_at, d.updated_at) as "updatedAt"
     from found f
     join deals d on d.id = f.id and d.workspace_id = $1::uuid and d.source = $2::text
     left join owners o on o.id = d.owner_id
     where coalesce(d.stage_normalized, '') not in ('closed_won', 'closed_lost')
        or coalesce(d.close_date, d.updated_at::date)
             >= ($6::timestamptz - make_interval(days => $7::int))::date
     order by d.id`,
    [
      workspaceId,
      scope.source,
      accounts.map((account) => account.id),
      contacts.map((contact) => contact.id),
      conversation.dealId,
      conversation.startedAt,
      RECENTLY_CLOSED_DAYS,
    ],
  );

  return {
    crm: {
      accounts,
      contacts,
      deals: deals.map((deal) => ({
        id: deal.id,
        name: deal.name,
        accountId: deal.accountId,
        contactIds: deal.contactIds,
        // A deal whose stage maps to none of Pandora's is treated as early and open.
        stage: deal.stageNormalized ?? 'prospecting',
        amount: deal.amount,
        closeDate: deal.closeDate,
        nextStep: deal.nextStep,
        competitors: [],
        isClosed: deal.stageNormalized === 'closed_won' || deal.stageNormalized === 'closed_lost',
        updatedAt: new Date(deal.updatedAt).toISOString(),
      })),
    },
    deals: new Map(
      deals.map(({ accountId: _a, contactIds: _c, updatedAt: _u, ...deal }) => [deal.id, deal]),
    ),
  };
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
