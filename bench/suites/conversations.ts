import type pg from 'pg';
import { linkConversations } from '../../src/conversations/linker.js';
import { parseSecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import { measureGongSync } from './gong-sync.js';
import type { Suite } from './types.js';

const SECRET_KEY = parseSecretKey('33'.repeat(32));

/**
 * The linker over 100,000 meetings against 100,000 deals (`--quick`: 10,000 each):
 * 50,000 accounts with two deals, two contacts and a domain each; meetings with a
 * contact (tier 1), a stranger at a known domain (tier 3), the recorder's CRM ids
 * (tier 2), nobody known, or only sellers (internal). Reports meetings linked per
 * second of one set-based run, the same run again (idempotent: nothing changes), and,
 * as the baseline in the same process, a naive linker doing tier 1 only with a few
 * queries per meeting (on a sample, extrapolated per second): the ratio is what
 * set-based SQL buys. Then the Gong sync's API calls per 1,000 meetings against the
 * paging minimum.
 */
export const conversationsSuite: Suite = async ({ quick, report }) => {
  const deals = quick ? 10_000 : 100_000;
  const meetings = deals;
  const db = await benchDatabase();
  try {
    const workspace = await createWorkspace(db.pool, { name: 'Linker bench' });
    await seed(db.pool, workspace.id, { deals, meetings });

    const started = performance.now();
    const first = await linkConversations(db.pool, workspace.id);
    const seconds = (performance.now() - started) / 1000;
    const againStarted = performance.now();
    const again = await linkConversations(db.pool, workspace.id);
    const againSeconds = (performance.now() - againStarted) / 1000;
    if (again.changed !== 0) throw new Error(`a second run changed ${again.changed} links`);

    const sample = quick ? 500 : 2_000;
    const naive = await naiveLink(db.pool, workspace.id, sample);
    const perSecond = first.considered / seconds;
    report({ metric: 'deals', value: deals, unit: 'deals' });
    report({ metric: 'meetings', value: meetings, unit: 'meetings' });
    report({ metric: 'linked_with_deal', value: first.withDeal, unit: 'meetings' });
    report({ metric: 'linked_account_only', value: first.accountOnly, unit: 'meetings' });
    report({ metric: 'link_seconds', value: round(seconds), unit: 's' });
    report({
      metric: 'meetings_linked_per_s',
      value: Math.round(perSecond),
      unit: 'meetings/s',
      baseline: Math.round(naive.perSecond),
    });
    report({
      metric: 'linked_per_s_ratio_to_naive',
      value: round(perSecond / naive.perSecond),
      unit: 'x',
    });
    report({ metric: 'idempotent_rerun_seconds', value: round(againSeconds), unit: 's' });
    report({ metric: 'idempotent_rerun_changed', value: again.changed, unit: 'meetings' });

    const gong = await measureGongSync({
      pool: db.pool,
      secretKey: SECRET_KEY,
      meetings: quick ? 1_000 : 10_000,
    });
    report({
      metric: 'gong_calls_per_1000_meetings',
      value: gong.callsPer1000,
      unit: 'calls',
      baseline: gong.pagingMinimumPer1000,
    });
    report({ metric: 'gong_second_run_calls', value: gong.secondRunCalls, unit: 'calls' });
    report({
      metric: 'gong_meetings_synced_per_s',
      value: gong.meetingsPerSecond,
      unit: 'meetings/s',
    });
  } finally {
    await db.close();
  }
};

/** Accounts, contacts, deals and meetings for the bench, made in a few statements. */
async function seed(
  pool: pg.Pool,
  workspaceId: string,
  size: { deals: number; meetings: number },
): Promise<void> {
  const accounts = size.deals / 2;
  await pool.query(
    `insert into accounts (workspace_id, source, source_id, name, domain)
     select $1::uuid, 'hubspot', 'a' || i, 'Account ' || i, 'acct' || i || '.example'
     from generate_series(1, $2::int) i`,
    [workspaceId, accounts],
  );
  await pool.query(
    `insert into contacts (workspace_id, source, source_id, account_id, email)
     select $1::uuid, 'hubspot', 'c' || a.source_id || '-' || k, a.id,
            'person' || k || '@' || a.domain
     from accounts a cross join generate_series(1, 2) k
     where a.workspace_id = $1::uuid`,
    [workspaceId],
  );
  // Two deals an account; one in five closed, so some accounts have one open deal.
  await pool.query(
    `insert into deals (workspace_id, source, source_id, account_id, name, stage_normalized,
                        last_activity_at)
     select $1::uuid, 'hubspot', 'd' || a.source_id || '-' || k, a.id, a.name || ' deal ' || k,
            case when (substr(a.source_id, 2)::int + k) % 5 = 0 then 'closed_won'
                 else 'discovery' end,
            timestamptz '2026-01-01' + (substr(a.source_id, 2)::int % 300) * interval '1 day'
                                     + k * interval '7 days'
     from accounts a cross join generate_series(1, 2) k
     where a.workspace_id = $1::uuid`,
    [workspaceId],
  );
  await pool.query(
    `insert into deal_contacts (workspace_id, deal_id, contact_id)
     select $1::uuid, d.id, c.id
     from deals d join contacts c on c.account_id = d.account_id
       and c.source_id = 'c' || substr(d.source_id, 2)
     where d.workspace_id = $1::uuid`,
    [workspaceId],
  );
  // Meeting i is at account (i % accounts) + 1; its kind by i % 10.
  await pool.query(
    `insert into conversations (workspace_id, source, source_id, title, started_at,
                                duration_seconds, participants, is_internal, source_data)
     select $1::uuid, 'gong', 'm' || i, 'Call ' || i,
            timestamptz '2026-01-01' + (i % 330) * interval '1 day', 1800,
            jsonb_build_array(jsonb_build_object('email', 'rep' || (i % 20) || '@seller.example'))
              || case
                   when i % 10 < 6 then jsonb_build_array(jsonb_build_object(
                     'email', 'person' || (1 + i % 2) || '@acct' || acct || '.example'))
                   when i % 10 = 6 then jsonb_build_array(jsonb_build_object(
                     'email', 'stranger' || i || '@acct' || acct || '.example'))
                   when i % 10 = 7 then jsonb_build_array(jsonb_build_object(
                     'email', 'nobody' || i || '@unknown.example'))
                   else '[]'::jsonb end,
            i % 10 = 9,
            case when i % 10 = 8 then jsonb_build_object('crmContext', jsonb_build_object(
                   'crmType', 'hubspot', 'accountIds', jsonb_build_array('a' || acct),
                   'dealIds', jsonb_build_array('da' || acct || '-1')))
                 else '{}'::jsonb end
     from (select i, (i % $3::int) + 1 as acct from generate_series(1, $2::int) i) s`,
    [workspaceId, size.meetings, accounts],
  );
  await pool.query('analyze');
}

/**
 * The baseline: tier 1 done the obvious way, meeting by meeting (read it, look each
 * participant up, pick the open deal, write the link), over the first `sample` meetings.
 */
async function naiveLink(
  pool: pg.Pool,
  workspaceId: string,
  sample: number,
): Promise<{ perSecond: number }> {
  const { rows: meetings } = await pool.query<{ id: string }>(
    `select id from conversations where workspace_id = $1::uuid and not is_internal
     order by id limit $2::int`,
    [workspaceId, sample],
  );
  const started = performance.now();
  for (const { id } of meetings) {
    const { rows } = await pool.query<{ participants: { email?: string }[]; startedAt: string }>(
      `select participants, started_at as "startedAt" from conversations where id = $1::uuid`,
      [id],
    );
    let accountId: string | null = null;
    let contactId: string | null = null;
    for (const participant of rows[0]!.participants) {
      if (!participant.email) continue;
      const found = await pool.query<{ id: string; accountId: string | null }>(
        `select id, account_id as "accountId" from contacts
         where workspace_id = $1::uuid and lower(email) = lower($2::text) limit 1`,
        [workspaceId, participant.email],
      );
      if (found.rows[0]) {
        contactId = found.rows[0].id;
        accountId = found.rows[0].accountId;
        break;
      }
    }
    let dealId: string | null = null;
    if (accountId) {
      const deal = await pool.query<{ id: string }>(
        `select id from deals
         where workspace_id = $1::uuid and account_id = $2::uuid
           and coalesce(stage_normalized, '') not in ('closed_won', 'closed_lost')
         order by abs(extract(epoch from coalesce(last_activity_at, updated_at) - $3::timestamptz))
         limit 1`,
        [workspaceId, accountId, rows[0]!.startedAt],
      );
      dealId = deal.rows[0]?.id ?? null;
    }
    await pool.query(
      `update conversations set account_id = $2::uuid, deal_id = $3::uuid, contact_id = $4::uuid
       where id = $1::uuid`,
      [id, accountId, dealId, contactId],
    );
  }
  return { perSecond: meetings.length / ((performance.now() - started) / 1000) };
}
