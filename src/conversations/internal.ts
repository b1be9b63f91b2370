import type { Queryable } from '../db/pool.js';
import { HttpError, notFound } from '../errors.js';

/**
 * Email domains anybody can sign up on: a participant there says nothing about their
 * company, so they never match an account's domain (nor, in the internal filter, a
 * workspace's own domain).
 */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'zoho.com',
  'fastmail.com',
  'qq.com',
  '163.com',
];

/**
 * The internal-meeting filter: a meeting is internal when every participant with an
 * email is on one of the workspace's own domains, or when its title says so (a
 * stand-up, a 1:1...). Set-based over the workspace; the linker runs it as step 0.
 *
 * A title never outweighs a customer in the room: when a participant is a CRM contact
 * or on a CRM account's domain, "Interview with Acme's CFO" or "Acme offsite planning"
 * stays external. Titles match whole words, case-insensitively ("Retrofit kickoff" is
 * not a retro). A meeting its source marked internal (is_internal without a reason:
 * the demo, an upload that said so) is left as it is.
 */
export const INTERNAL_TITLES: readonly { label: string; pattern: string }[] = [
  { label: 'stand-up', pattern: String.raw`\mstand[- ]?ups?\M` },
  {
    label: '1:1',
    pattern: String.raw`(^|[^0-9a-z])(1:1|1-on-1|1 on 1|one[- ]on[- ]one)s?($|[^0-9a-z])`,
  },
  { label: 'all-hands', pattern: String.raw`\mall[- ]hands\M` },
  { label: 'interview', pattern: String.raw`\minterview(s|ing)?\M` },
  { label: 'retro', pattern: String.raw`\m(retro|retrospective)s?\M` },
  { label: 'sprint planning', pattern: String.raw`\msprint (planning|review)\M` },
  { label: 'team sync', pattern: String.raw`\mteam (sync|meeting)s?\M` },
  { label: 'offsite', pattern: String.raw`\moff-?sites?\M` },
  { label: 'internal', pattern: String.raw`\minternal\M` },
];

/** Where the workspace's own domains came from, first that gives any. */
export type InternalDomainSource = 'setting' | 'team' | 'inference' | 'none';

export interface InternalDomains {
  domains: string[];
  source: InternalDomainSource;
}

/**
 * The workspace's own email domains: the admin's setting when set (and then only it);
 * else the domains of the reps tracked on conversation sources and of the CRM's owners
 * (the team); else inferred: a meeting hosts' domain that no contact or account has and
 * that hosts most meetings. Free-mail domains never come from the team or inference.
 */
export async function resolveInternalDomains(
  db: Queryable,
  workspaceId: string,
): Promise<InternalDomains> {
  const { rows } = await db.query<{ setting: string[]; team: string[]; inferred: string[] }>(
    `select
       (select internal_domains from workspaces where id = $1::uuid) as setting,
       array(
         select distinct d from (
           select lower(split_part(u->>'email', '@', 2)) as d
           from connections c
           cross join lateral jsonb_array_elements(
             case when jsonb_typeof(c.metadata->'directory') = 'array'
                  then c.metadata->'directory' else '[]' end) u
           where c.workspace_id = $1::uuid and c.source_type is not null
             and jsonb_typeof(c.metadata->'trackedUserIds') = 'array'
             and c.metadata->'trackedUserIds' ? (u->>'id')
           union all
           select lower(split_part(o.email, '@', 2)) from owners o
           where o.workspace_id = $1::uuid and o.email like '%@%'
         ) team
         where d <> '' and d <> all($2::text[])
         order by d) as team,
       array(
         select h.d from (
           select lower(split_part(host_email, '@', 2)) as d, count(*) as n,
                  sum(count(*)) over () as total
           from conversations
           where workspace_id = $1::uuid and host_email like '%@%'
           group by 1
         ) h
         where h.n * 2 > h.total and h.d <> all($2::text[])
           and not exists (select 1 from accounts a
                           where a.workspace_id = $1::uuid and a.domain = h.d)
           and not exists (select 1 from contacts ct
                           where ct.workspace_id = $1::uuid
                             and lower(ct.email) like '%@' || h.d)) as inferred`,
    [workspaceId, FREE_MAIL_DOMAINS],
  );
  const row = rows[0];
  if (!row) return { domains: [], source: 'none' };
  if (row.setting.length) return { domains: row.setting, source: 'setting' };
  if (row.team.length) return { domains: row.team, source: 'team' };
  if (row.inferred.length) return { domains: row.inferred, source: 'inference' };
  return { domains: [], source: 'none' };
}

export interface ClassifyReport {
  internal: number;
  external: number;
  /** Meetings whose is_internal or reason changed. */
  changed: number;
}

/**
 * Sets is_internal and internal_reason ('all_participants_internal:acme.com',
 * 'title:stand-up') on the workspace's meetings (or some of them); idempotent.
 */
export async function classifyConversations(
  db: Queryable,
  workspaceId: string,
  options: { conversationIds?: string[] } = {},
): Promise<ClassifyReport> {
  const { domains } = await resolveInternalDomains(db, workspaceId);
  const { rows } = await db.query<ClassifyReport>(
    `with scope as (
       select c.id, c.title, c.is_internal, c.internal_reason,
              case when jsonb_typeof(c.participants) = 'array' then c.participants
                   else '[]' end as participants
       from conversations c
       where c.workspace_id = $1::uuid
         and ($5::uuid[] is null or c.id = any($5::uuid[]))
     ),
     emails as (
       select s.id, lower(btrim(p->>'email')) as email,
              lower(split_part(btrim(p->>'email'), '@', 2)) as domain
       from scope s cross join lateral jsonb_array_elements(s.participants) p
       where jsonb_typeof(p) = 'object' and position('@' in coalesce(p->>'email', '')) > 1
     ),
     by_domain as (
       select e.id, bool_and(e.domain = any($2::text[])) as all_internal,
              string_agg(distinct e.domain, ',' order by e.domain) as domains,
              bool_or(exists (select 1 from contacts ct
                              where ct.workspace_id = $1::uuid and lower(ct.email) = e.email)
                      or exists (select 1 from accounts a
                                 where a.workspace_id = $1::uuid and a.domain = e.domain))
                as customer_present
       from emails e group by e.id
     ),
     titled as (
       select distinct on (s.id) s.id, t.label
       from scope s
       join unnest($3::text[], $4::text[]) with ordinality as t(label, pattern, n)
         on s.title ~* t.pattern
       order by s.id, t.n
     ),
     decided as (
       select s.id,
              case when s.is_internal and s.internal_reason is null then 'source'
                   when d.all_internal then 'all_participants_internal:' || d.domains
                   when t.label is not null and not coalesce(d.customer_present, false)
                     then 'title:' || t.label
              end as reason
       from scope s
       left join by_domain d on d.id = s.id
       left join titled t on t.id = s.id
     ),
     updated as (
       update conversations c
       set is_internal = x.reason is not null, internal_reason = x.reason, updated_at = now()
       from decided x
       where c.id = x.id and c.workspace_id = $1::uuid and x.reason is distinct from 'source'
         and (c.is_internal, c.internal_reason) is distinct from (x.reason is not null, x.reason)
       returning c.id
     )
     select count(*) filter (where reason is not null)::int as internal,
            count(*) filter (where reason is null)::int as external,
            (select count(*) from updated)::int as changed
     from decided`,
    [
      workspaceId,
      domains,
      INTERNAL_TITLES.map((t) => t.label),
      INTERNAL_TITLES.map((t) => t.pattern),
      options.conversationIds ?? null,
    ],
  );
  return rows[0]!;
}

const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * The admin's internal domains, trimmed, lowercased and deduplicated; a value that is
 * not a domain (a URL, an email, a wildcard) is refused naming it. Re-classifying is
 * the caller's to queue (enqueueLinking), so the answer does not wait for it.
 */
export async function setInternalDomains(
  db: Queryable,
  workspaceId: string,
  values: string[],
): Promise<string[]> {
  const domains: string[] = [];
  values.forEach((value, index) => {
    const domain = value.trim().toLowerCase().replace(/\.$/, '');
    if (!DOMAIN.test(domain)) {
      throw new HttpError(
        400,
        'invalid_domain',
        `domains[${index}] "${value}" is not an email domain; give it as example.com, without @, scheme or path`,
        [{ field: `domains[${index}]`, message: 'must be a domain such as example.com' }],
      );
    }
    if (!domains.includes(domain)) domains.push(domain);
  });
  const { rows } = await db.query<{ domains: string[] }>(
    `update workspaces set internal_domains = $2::text[] where id = $1::uuid
     returning internal_domains as domains`,
    [workspaceId, domains],
  );
  if (!rows[0]) throw notFound('workspace', workspaceId);
  return rows[0].domains;
}
