import type pg from 'pg';
import type { Caller } from '../../src/actions/service.js';
import { activityStats } from '../../src/activity/stats.js';
import { listActivity } from '../../src/activity/timeline.js';
import type { ActivityViewer } from '../../src/activity/viewer.js';
import { countPendingInboxItems, listInboxItems } from '../../src/inbox/queries.js';
import { createConnection } from '../../src/tenancy/connections.js';
import { parseSecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import type { Suite } from './types.js';

const SECRET_KEY = parseSecretKey('44'.repeat(32));
const REPS = 50;
const MEMBERS = 20;
const AGENTS = 5;
const DAYS = 180;

/**
 * The reads behind the inbox and activity pages at scale: 1,000,000 activity rows and
 * 100,000 inbox items in one workspace (`--quick`: 50,000 and 10,000), loaded with
 * generate_series; the activity rollups the stats read are built in one statement
 * after the load (the per-row trigger would take minutes) and checked against the
 * rows. Reports the p95 in milliseconds of the inbox list (an admin's first
 * page, a member's, and a page 90% down the pending list), the pending count (admin, member),
 * the activity timeline (admin, a rep, one agent) and its quick stats (a week by hour,
 * a quarter by day); the goal is under 10 ms each. The baseline, in the same process:
 * the deep page (18,000 of 20,000 pending items down; `--quick`: 1,800 of 2,000) read
 * with OFFSET as a paging API without a keyset would, whose cost grows with the depth.
 */
export const inboxSuite: Suite = async ({ quick, report }) => {
  const activityRows = quick ? 50_000 : 1_000_000;
  const inboxItems = quick ? 10_000 : 100_000;
  const samples = quick ? 40 : 200;
  // The paging comparison reads the last pages of the pending list (90% down), where a
  // paging API without a keyset costs the most: OFFSET reads every row it skips.
  const depth = quick ? 1_800 : 18_000;
  const db = await benchDatabase();
  try {
    const started = performance.now();
    const seeded = await seed(db.pool, { activityRows, inboxItems });
    report({ metric: 'activity_rows', value: activityRows, unit: 'rows' });
    report({ metric: 'inbox_items', value: inboxItems, unit: 'items' });
    report({ metric: 'pending_items', value: seeded.pending, unit: 'items' });
    report({
      metric: 'seed_seconds',
      value: round((performance.now() - started) / 1000),
      unit: 's',
    });

    const { admin, member, workspaceId } = seeded;
    const all: ActivityViewer = { kind: 'all' };
    const rep: ActivityViewer = { kind: 'owner', email: seeded.memberEmail };
    const deepCursor = await cursorAt(db.pool, admin, depth);
    const measure = (fn: () => Promise<unknown>) => p95(fn, samples);
    const figures: [string, number][] = [
      ['inbox_list_admin', await measure(() => listInboxItems(db.pool, admin, { limit: 50 }))],
      ['inbox_list_member', await measure(() => listInboxItems(db.pool, member, { limit: 50 }))],
      [
        'inbox_list_deep_page',
        await measure(() => listInboxItems(db.pool, admin, { limit: 50, cursor: deepCursor })),
      ],
      ['inbox_count_admin', await measure(() => countPendingInboxItems(db.pool, admin))],
      ['inbox_count_member', await measure(() => countPendingInboxItems(db.pool, member))],
      [
        'activity_timeline_admin',
        await measure(() => listActivity(db.pool, workspaceId, all, { limit: 50 })),
      ],
      [
        'activity_timeline_rep',
        await measure(() => listActivity(db.pool, workspaceId, rep, { limit: 50 })),
      ],
      [
        'activity_timeline_agent',
        await measure(() =>
          listActivity(db.pool, workspaceId, all, { limit: 50, agentId: seeded.agentId }),
        ),
      ],
      [
        'activity_stats_week_by_hour',
        await measure(() => activityStats(db.pool, workspaceId, all, {}, seeded.now)),
      ],
      [
        'activity_stats_quarter_by_day',
        await measure(() =>
          activityStats(
            db.pool,
            workspaceId,
            all,
            { from: new Date(seeded.now.getTime() - 90 * 86_400_000).toISOString(), bucket: 'day' },
            seeded.now,
          ),
        ),
      ],
      [
        'activity_stats_rep_quarter',
        await measure(() =>
          activityStats(
            db.pool,
            workspaceId,
            rep,
            { from: new Date(seeded.now.getTime() - 90 * 86_400_000).toISOString(), bucket: 'day' },
            seeded.now,
          ),
        ),
      ],
    ];
    const offsetPage = await measure(() => offsetList(db.pool, workspaceId, depth));
    for (const [metric, value] of figures) {
      report({
        metric: `${metric}_p95_ms`,
        value: round(value),
        unit: 'ms',
        ...(metric === 'inbox_list_deep_page' ? { baseline: round(offsetPage) } : {}),
      });
    }
    const deep = figures.find(([metric]) => metric === 'inbox_list_deep_page')![1];
    report({
      metric: 'deep_page_ratio_offset_to_keyset',
      value: round(offsetPage / deep),
      unit: 'x',
    });
    const worst = Math.max(...figures.map(([, value]) => value));
    report({ metric: 'worst_p95_ms', value: round(worst), unit: 'ms' });
    report({ metric: 'under_10ms', value: worst < 10 ? 1 : 0, unit: 'bool' });
  } finally {
    await db.close();
  }
};

/** The 95th percentile of `samples` timed calls, in milliseconds, after a warm-up. */
async function p95(fn: () => Promise<unknown>, samples: number): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.ceil(samples * 0.95) - 1)]!;
}

/** The cursor of the page that starts `depth` items down the admin's pending list. */
async function cursorAt(pool: pg.Pool, admin: Caller, depth: number): Promise<string> {
  let cursor: string | undefined;
  for (let read = 0; read < depth; read += 200) {
    const page = await listInboxItems(pool, admin, { limit: 200, cursor });
    if (!page.nextCursor) throw new Error(`fewer than ${depth} pending items`);
    cursor = page.nextCursor;
  }
  return cursor!;
}

/** The baseline: the same page, found by skipping `depth` rows. */
async function offsetList(pool: pg.Pool, workspaceId: string, depth: number): Promise<unknown> {
  const { rows } = await pool.query(
    `select i.*, a.status as action_status from inbox_items i
     left join actions a on a.id = i.action_id
     where i.workspace_id = $1::uuid and i.status = 'pending'
     order by i.created_at desc, i.id desc offset $2::int limit 51`,
    [workspaceId, depth],
  );
  return rows;
}

interface Seeded {
  workspaceId: string;
  admin: Caller;
  member: Caller;
  memberEmail: string;
  agentId: string;
  pending: number;
  now: Date;
}

/**
 * One workspace: 50 reps (CRM owners), 20 of them members; 5 agents; activity spread
 * over 180 days with the statuses and confidences of a live workspace; inbox items a
 * third the admins', the rest the members', a fifth of them still pending.
 */
async function seed(
  pool: pg.Pool,
  size: { activityRows: number; inboxItems: number },
): Promise<Seeded> {
  const workspace = await createWorkspace(pool, { name: 'Inbox bench' });
  const workspaceId = workspace.id;
  const connection = await createConnection(pool, SECRET_KEY, {
    workspaceId,
    crmType: 'hubspot',
    name: 'Bench CRM',
    credentials: { accessToken: 'bench' },
  });
  const { rows: users } = await pool.query<{ id: string; email: string }>(
    `insert into users (email, name, password_hash)
     select 'rep' || i || '@bench.example', 'Rep ' || i, 'x' from generate_series(0, $1::int) i
     returning id, email`,
    [MEMBERS],
  );
  const adminUser = users.find((u) => u.email === `rep${MEMBERS}@bench.example`)!;
  await pool.query(
    `insert into memberships (workspace_id, user_id, role)
     select $1::uuid, u.id, case when u.id = $2::uuid then 'admin' else 'member' end
     from unnest($3::uuid[]) as u (id)`,
    [workspaceId, adminUser.id, users.map((u) => u.id)],
  );
  await pool.query(
    `insert into owners (workspace_id, source, source_id, email, name)
     select $1::uuid, 'hubspot', 'o' || i, 'rep' || i || '@bench.example', 'Rep ' || i
     from generate_series(0, $2::int - 1) i`,
    [workspaceId, REPS],
  );
  const { rows: agents } = await pool.query<{ id: string }>(
    `insert into agent_configs (workspace_id, connection_id, name, status, mode)
     select $1::uuid, $2::uuid, 'Agent ' || i, 'active', 'live' from generate_series(1, $3::int) i
     returning id`,
    [workspaceId, connection.id, AGENTS],
  );
  const now = new Date();
  await pool.query('alter table activity_logs disable trigger activity_logs_rollup');
  // Activity: run i by rep i % 50 and agent i % 5, spread evenly over the last 180 days.
  await pool.query(
    `insert into activity_logs (workspace_id, agent_config_id, owner_id, trigger, crm_record_type,
                                crm_record_id, action_type, fields_updated, match_confidence,
                                overall_confidence, status, created_at)
     select $1::uuid, ag.ids[1 + i % $5::int], ow.ids[1 + i % $6::int], 'manual', 'deal',
            'deal-' || (i % 20000), 'update',
            jsonb_build_object(
              'close_date', jsonb_build_object('before', '2027-01-31', 'after', '2027-02-27',
                'confidence', 0.9, 'quote', 'we will sign by the end of February',
                'decision', case when i % 3 = 0 then 'inbox' else 'auto_apply' end,
                'status', case when i % 3 = 0 then 'pending' else 'applied' end,
                'crmProperty', 'closedate')),
            0.95, 0.5 + (i % 50) / 100.0,
            case when i % 20 = 0 then 'failed' when i % 11 = 0 then 'rejected'
                 when i % 3 = 0 then 'pending' else 'success' end,
            $2::timestamptz - (i::float8 / $3::int) * $4::int * interval '1 day'
     from generate_series(1, $3::int) i,
          (select array_agg(id order by id) as ids from agent_configs where workspace_id = $1::uuid) ag,
          (select array_agg(id order by source_id) as ids from owners where workspace_id = $1::uuid) ow`,
    [workspaceId, now.toISOString(), size.activityRows, DAYS, AGENTS, REPS],
  );
  await pool.query('alter table activity_logs enable trigger activity_logs_rollup');
  await buildRollups(pool, workspaceId);
  // Inbox: item i assigned to member i % 21 (20 = the admins), pending one in five.
  await pool.query(
    `insert into inbox_items (workspace_id, assignee_user_id, item_type, source, title, context,
                              confidence, status, created_at, resolved_at)
     select $1::uuid, case when i % 3 = 0 then null else us.ids[1 + i % $4::int] end,
            case when i % 10 = 0 then 'question' when i % 25 = 0 then 'alert' else 'approval' end,
            'agent', 'Update Deal ' || i || ' from the call',
            jsonb_build_object(
              'meeting', jsonb_build_object('id', gen_random_uuid(), 'title', 'Call ' || i),
              'record', jsonb_build_object('type', 'deal', 'crmId', 'deal-' || i, 'name', 'Deal ' || i),
              'fields', jsonb_build_array(jsonb_build_object(
                'field', 'amount', 'crmProperty', 'amount', 'before', 100000, 'after', 120000,
                'confidence', 0.8, 'quote', 'we are at one twenty now', 'startSeconds', 610))),
            0.8,
            case when i % 5 = 0 then 'pending' when i % 7 = 0 then 'rejected'
                 when i % 13 = 0 then 'expired' else 'approved' end,
            $2::timestamptz - (i::float8 / $3::int) * $5::int * interval '1 day',
            case when i % 5 <> 0 then $2::timestamptz end
     from generate_series(1, $3::int) i,
          (select array_agg(u.id order by u.email) as ids from users u
           join memberships m on m.user_id = u.id and m.workspace_id = $1::uuid
           where m.role = 'member') us`,
    [workspaceId, now.toISOString(), size.inboxItems, MEMBERS, DAYS],
  );
  await pool.query('vacuum analyze activity_logs');
  await pool.query('vacuum analyze inbox_items');
  await pool.query('vacuum analyze activity_rollups');
  const memberUser = users.find((u) => u.email === 'rep1@bench.example')!;
  const { rows: counts } = await pool.query<{ pending: number }>(
    `select count(*)::int as pending from inbox_items
     where workspace_id = $1::uuid and status = 'pending'`,
    [workspaceId],
  );
  return {
    workspaceId,
    admin: {
      workspaceId,
      role: 'admin',
      actor: adminUser.email,
      sourceId: adminUser.id,
      kind: 'user',
    },
    member: {
      workspaceId,
      role: 'member',
      actor: memberUser.email,
      sourceId: memberUser.id,
      kind: 'user',
    },
    memberEmail: memberUser.email,
    agentId: agents[0]!.id,
    pending: counts[0]!.pending,
    now,
  };
}

/**
 * The counters migration 019's trigger keeps, built for the whole load at once: per
 * hour and day, for the workspace (the nil key) and each rep. Checked against the rows
 * themselves, so a bench that read wrong counters fails instead of looking fast.
 */
async function buildRollups(pool: pg.Pool, workspaceId: string): Promise<void> {
  await pool.query(
    `with runs as (
       select l.*,
              (select count(*) from jsonb_each(l.fields_updated) f
               where jsonb_typeof(f.value) = 'object' and f.value->>'decision' = 'auto_apply'
                 and f.value->>'status' = 'applied') as auto,
              coalesce((select bool_or(f.value->>'decision' = 'inbox')
                        from jsonb_each(l.fields_updated) f
                        where jsonb_typeof(f.value) = 'object'), false) as inbox
       from activity_logs l where l.workspace_id = $1::uuid)
     insert into activity_rollups (workspace_id, grain, bucket, owner_key, runs, succeeded,
                                   failed, rejected, pending, approved, auto_applied,
                                   confidence_sum, confidence_count)
     select r.workspace_id, g.grain, date_trunc(g.grain, r.created_at, 'UTC'), k.owner_key,
            count(*), count(*) filter (where r.status = 'success'),
            count(*) filter (where r.status = 'failed'),
            count(*) filter (where r.status = 'rejected'),
            count(*) filter (where r.status = 'pending'),
            count(*) filter (where r.status = 'success' and r.inbox), sum(r.auto),
            coalesce(sum(r.overall_confidence), 0), count(r.overall_confidence)
     from runs r
     cross join (values ('hour'), ('day')) g (grain)
     cross join lateral unnest(array['00000000-0000-0000-0000-000000000000'::uuid]
       || case when r.owner_id is null then '{}'::uuid[] else array[r.owner_id] end) k (owner_key)
     group by 1, 2, 3, 4`,
    [workspaceId],
  );
  const { rows } = await pool.query<{
    rows: number;
    counted: number;
    pending: number;
    waiting: number;
  }>(
    `select (select count(*)::int from activity_logs where workspace_id = $1::uuid) as rows,
            (select sum(runs)::int from activity_rollups where workspace_id = $1::uuid
               and grain = 'day' and owner_key = '00000000-0000-0000-0000-000000000000') as counted,
            (select count(*)::int from activity_logs
             where workspace_id = $1::uuid and status = 'pending') as pending,
            (select sum(pending)::int from activity_rollups where workspace_id = $1::uuid
               and grain = 'hour' and owner_key <> '00000000-0000-0000-0000-000000000000') as waiting`,
    [workspaceId],
  );
  const check = rows[0]!;
  if (check.rows !== check.counted || check.pending !== check.waiting) {
    throw new Error(`activity rollups do not match the rows: ${JSON.stringify(check)}`);
  }
}
