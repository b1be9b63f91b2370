import type { Queryable } from '../db/pool.js';
import type { DemoDataset, DemoDeal, DemoStage } from './generate.js';

/** Rows written per table. */
export interface SeedCounts {
  owners: number;
  accounts: number;
  contacts: number;
  deals: number;
  dealContacts: number;
  stageHistory: number;
  conversations: number;
}

// Big enough to amortize round trips, small enough to keep each statement's arrays modest.
const CHUNK = 5_000;

// References are resolved with a scalar subquery on the unique key rather than a join:
// right after a bulk insert in the same transaction the planner has no statistics, guesses
// one row per workspace and picks a nested loop over the whole table (a minute per chunk
// at 10,000 accounts). A unique-key lookup is planned the same way whatever the statistics.
function idOf(table: 'owners' | 'accounts' | 'contacts' | 'deals', sourceIdColumn: string): string {
  return `(select id from ${table}
           where workspace_id = $1::uuid and source = 'demo' and source_id = ${sourceIdColumn})`;
}

interface Step<T> {
  table: keyof SeedCounts;
  rows: T[];
  sql: string;
  /** The column arrays, $2 onwards ($1 is the workspace id). */
  columns: (rows: T[]) => unknown[][];
}

const step = <T>(s: Step<T>): Step<unknown> => s as Step<unknown>;
const json = (value: unknown): string => JSON.stringify(value);

/**
 * Writes a generated data set into a workspace's tables with `source = 'demo'`: one
 * statement per table per chunk of rows (`unnest` of column arrays), references
 * resolved by source id inside SQL, upserted so a second run changes nothing.
 */
export async function seedDemoData(
  db: Queryable,
  workspaceId: string,
  dataset: DemoDataset,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<SeedCounts> {
  const stages = new Map<string, { pipelineLabel: string; stage: DemoStage }>();
  for (const pipeline of dataset.pipelines) {
    for (const stage of pipeline.stages) {
      stages.set(`${pipeline.id}/${stage.id}`, { pipelineLabel: pipeline.label, stage });
    }
  }
  // The raw record as a CRM holds it, with its pipeline's label and its stage's
  // definition, which is what stage normalization reads.
  const dealSourceData = (deal: DemoDeal): string => {
    const found = stages.get(`${deal.pipeline}/${deal.stage}`);
    return json({
      ...deal,
      pipelineLabel: found?.pipelineLabel ?? null,
      stageLabel: found?.stage.label ?? null,
      stageDefinition: found?.stage ?? null,
    });
  };

  const steps = [
    step({
      table: 'owners',
      rows: dataset.owners,
      sql: `insert into owners (workspace_id, source, source_id, email, name, title, source_data)
            select $1::uuid, 'demo', o.source_id, o.email, o.name, o.title, o.source_data
            from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
              as o(source_id, email, name, title, source_data)
            on conflict (workspace_id, source, source_id) do update
              set email = excluded.email, name = excluded.name, title = excluded.title,
                  source_data = excluded.source_data, updated_at = now()`,
      columns: (rows) => [
        rows.map((o) => o.sourceId),
        rows.map((o) => o.email),
        rows.map((o) => o.name),
        rows.map((o) => o.title),
        rows.map((o) => json(o)),
      ],
    }),
    step({
      table: 'accounts',
      rows: dataset.accounts,
      sql: `insert into accounts (workspace_id, source, source_id, name, domain, industry,
                                  employee_count, annual_revenue, owner_id, source_data)
            select $1::uuid, 'demo', a.source_id, a.name, a.domain, a.industry, a.employee_count,
                   a.annual_revenue, ${idOf('owners', 'a.owner_source_id')}, a.source_data
            from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::numeric[],
                        $8::text[], $9::jsonb[])
              as a(source_id, name, domain, industry, employee_count, annual_revenue,
                   owner_source_id, source_data)
            on conflict (workspace_id, source, source_id) do update
              set name = excluded.name, domain = excluded.domain, industry = excluded.industry,
                  employee_count = excluded.employee_count,
                  annual_revenue = excluded.annual_revenue, owner_id = excluded.owner_id,
                  source_data = excluded.source_data, updated_at = now()`,
      columns: (rows) => [
        rows.map((a) => a.sourceId),
        rows.map((a) => a.name),
        rows.map((a) => a.domain),
        rows.map((a) => a.industry),
        rows.map((a) => a.employeeCount),
        rows.map((a) => a.annualRevenue),
        rows.map((a) => a.ownerSourceId),
        rows.map((a) => json(a)),
      ],
    }),
    step({
      table: 'contacts',
      rows: dataset.contacts,
      sql: `insert into contacts (workspace_id, source, source_id, account_id, email, first_name,
                                  last_name, title, phone, source_data)
            select $1::uuid, 'demo', c.source_id, ${idOf('accounts', 'c.account_source_id')},
                   c.email, c.first_name, c.last_name, c.title, c.phone, c.source_data
            from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::jsonb[])
              as c(source_id, account_source_id, email, first_name, last_name, title, phone,
                   source_data)
            on conflict (workspace_id, source, source_id) do update
              set account_id = excluded.account_id, email = excluded.email,
                  first_name = excluded.first_name, last_name = excluded.last_name,
                  title = excluded.title, phone = excluded.phone,
                  source_data = excluded.source_data, updated_at = now()`,
      columns: (rows) => [
        rows.map((c) => c.sourceId),
        rows.map((c) => c.accountSourceId),
        rows.map((c) => c.email),
        rows.map((c) => c.firstName),
        rows.map((c) => c.lastName),
        rows.map((c) => c.title),
        rows.map((c) => c.phone),
        rows.map((c) => json(c)),
      ],
    }),
    step({
      table: 'deals',
      rows: dataset.deals,
      sql: `insert into deals (workspace_id, source, source_id, account_id, owner_id, name, amount,
                               close_date, pipeline, stage, stage_normalized, probability,
                               forecast_category, next_step, last_activity_at, created_at,
                               source_data)
            select $1::uuid, 'demo', d.source_id, ${idOf('accounts', 'd.account_source_id')},
                   ${idOf('owners', 'd.owner_source_id')}, d.name, d.amount, d.close_date,
                   d.pipeline, d.stage, d.stage_normalized, d.probability, d.forecast_category,
                   d.next_step, d.last_activity_at, d.created_at, d.source_data
            from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::date[],
                        $8::text[], $9::text[], $10::text[], $11::numeric[], $12::text[],
                        $13::text[], $14::timestamptz[], $15::timestamptz[], $16::jsonb[])
              as d(source_id, account_source_id, owner_source_id, name, amount, close_date,
                   pipeline, stage, stage_normalized, probability, forecast_category, next_step,
                   last_activity_at, created_at, source_data)
            on conflict (workspace_id, source, source_id) do update
              set account_id = excluded.account_id, owner_id = excluded.owner_id,
                  name = excluded.name, amount = excluded.amount,
                  close_date = excluded.close_date, pipeline = excluded.pipeline,
                  stage = excluded.stage, stage_normalized = excluded.stage_normalized,
                  probability = excluded.probability,
                  forecast_category = excluded.forecast_category, next_step = excluded.next_step,
                  last_activity_at = excluded.last_activity_at, created_at = excluded.created_at,
                  source_data = excluded.source_data, updated_at = now()`,
      columns: (rows) => [
        rows.map((d) => d.sourceId),
        rows.map((d) => d.accountSourceId),
        rows.map((d) => d.ownerSourceId),
        rows.map((d) => d.name),
        rows.map((d) => d.amount),
        rows.map((d) => d.closeDate),
        rows.map((d) => d.pipeline),
        rows.map((d) => d.stage),
        rows.map((d) => d.stageNormalized),
        rows.map((d) => d.probability),
        rows.map((d) => d.forecastCategory),
        rows.map((d) => d.nextStep),
        rows.map((d) => d.lastActivityAt),
        rows.map((d) => d.createdAt),
        rows.map(dealSourceData),
      ],
    }),
    step({
      table: 'dealContacts',
      rows: dataset.dealContacts,
      // Links whose deal or contact is missing are skipped, which the count shows.
      sql: `insert into deal_contacts (workspace_id, deal_id, contact_id, role, is_primary)
            select $1::uuid, l.deal_id, l.contact_id, l.role, l.is_primary
            from (select ${idOf('deals', 'dc.deal_source_id')} as deal_id,
                         ${idOf('contacts', 'dc.contact_source_id')} as contact_id,
                         dc.role, dc.is_primary
                  from unnest($2::text[], $3::text[], $4::text[], $5::boolean[])
                    as dc(deal_source_id, contact_source_id, role, is_primary)) l
            where l.deal_id is not null and l.contact_id is not null
            on conflict (deal_id, contact_id) do update
              set role = excluded.role, is_primary = excluded.is_primary`,
      columns: (rows) => [
        rows.map((l) => l.dealSourceId),
        rows.map((l) => l.contactSourceId),
        rows.map((l) => l.role),
        rows.map((l) => l.isPrimary),
      ],
    }),
    step({
      table: 'stageHistory',
      rows: dataset.stageHistory,
      sql: `insert into deal_stage_history (workspace_id, deal_id, from_stage, to_stage, changed_at)
            select $1::uuid, h.deal_id, h.from_stage, h.to_stage, h.changed_at
            from (select ${idOf('deals', 'c.deal_source_id')} as deal_id,
                         c.from_stage, c.to_stage, c.changed_at
                  from unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[])
                    as c(deal_source_id, from_stage, to_stage, changed_at)) h
            where h.deal_id is not null`,
      columns: (rows) => [
        rows.map((h) => h.dealSourceId),
        rows.map((h) => h.fromStage),
        rows.map((h) => h.toStage),
        rows.map((h) => h.changedAt),
      ],
    }),
    step({
      table: 'conversations',
      rows: dataset.conversations,
      sql: `insert into conversations (workspace_id, source, source_id, title, started_at,
                                       duration_seconds, participants, transcript, is_internal,
                                       account_id, deal_id, source_data)
            select $1::uuid, 'demo', m.source_id, m.title, m.started_at, m.duration_seconds,
                   m.participants, m.transcript, m.is_internal,
                   ${idOf('accounts', 'm.account_source_id')},
                   ${idOf('deals', 'm.deal_source_id')}, m.source_data
            from unnest($2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::jsonb[],
                        $7::text[], $8::boolean[], $9::text[], $10::text[], $11::jsonb[])
              as m(source_id, title, started_at, duration_seconds, participants, transcript,
                   is_internal, account_source_id, deal_source_id, source_data)
            on conflict (workspace_id, source, source_id) do update
              set title = excluded.title, started_at = excluded.started_at,
                  duration_seconds = excluded.duration_seconds,
                  participants = excluded.participants, transcript = excluded.transcript,
                  is_internal = excluded.is_internal, account_id = excluded.account_id,
                  deal_id = excluded.deal_id, source_data = excluded.source_data,
                  updated_at = now()`,
      columns: (rows) => [
        rows.map((m) => m.sourceId),
        rows.map((m) => m.title),
        rows.map((m) => m.startedAt),
        rows.map((m) => m.durationSeconds),
        rows.map((m) => json(m.participants)),
        rows.map((m) => m.transcript),
        rows.map((m) => m.isInternal),
        rows.map((m) => m.accountSourceId),
        rows.map((m) => m.dealSourceId),
        // The transcript has a column of its own; no need to store it twice.
        rows.map(({ transcript: _transcript, ...rest }) => json(rest)),
      ],
    }),
  ];

  const total = steps.reduce((sum, s) => sum + s.rows.length, 0);
  const counts: SeedCounts = {
    owners: 0,
    accounts: 0,
    contacts: 0,
    deals: 0,
    dealContacts: 0,
    stageHistory: 0,
    conversations: 0,
  };
  let done = 0;
  options.onProgress?.(0, total);
  for (const { table, rows, sql, columns } of steps) {
    if (table === 'stageHistory') {
      // History rows have no natural key: the demo deals' history is replaced as a whole.
      await db.query(
        `delete from deal_stage_history
         where workspace_id = $1::uuid
           and deal_id in (select id from deals where workspace_id = $1::uuid and source = 'demo')`,
        [workspaceId],
      );
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const { rowCount } = await db.query(sql, [workspaceId, ...columns(chunk)]);
      counts[table] += rowCount ?? 0;
      done += chunk.length;
      options.onProgress?.(done, total);
    }
  }
  return counts;
}

/** Deletes every CRM record of one workspace (all sources), children first. */
export async function clearWorkspaceRecords(db: Queryable, workspaceId: string): Promise<void> {
  for (const table of [
    'deal_stage_history',
    'deal_contacts',
    'conversations',
    'deals',
    'contacts',
    'accounts',
    'owners',
  ]) {
    await db.query(`delete from ${table} where workspace_id = $1::uuid`, [workspaceId]);
  }
}

/**
 * Writes the data set's meetings into a workspace whose accounts and deals came from
 * a CRM (the sandbox) rather than from the generator: each meeting is linked to the
 * account with its domain and the deal of that account with its name, as a
 * conversation-intelligence tool would link them. Returns meetings written.
 */
export async function seedLinkedConversations(
  db: Queryable,
  workspaceId: string,
  dataset: DemoDataset,
  source: string,
): Promise<number> {
  const accounts = new Map(dataset.accounts.map((account) => [account.sourceId, account]));
  const deals = new Map(dataset.deals.map((deal) => [deal.sourceId, deal]));
  let written = 0;
  for (let i = 0; i < dataset.conversations.length; i += CHUNK) {
    const rows = dataset.conversations.slice(i, i + CHUNK);
    const { rowCount } = await db.query(
      `insert into conversations (workspace_id, source, source_id, title, started_at,
                                  duration_seconds, participants, transcript, is_internal,
                                  account_id, deal_id, source_data)
       select $1::uuid, 'demo', m.source_id, m.title, m.started_at, m.duration_seconds,
              m.participants, m.transcript, m.is_internal, a.id,
              (select d.id from deals d
               where d.workspace_id = $1::uuid and d.source = $2::text and d.account_id = a.id
                 and d.name = m.deal_name
               order by d.created_at limit 1),
              m.source_data
       from unnest($3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::jsonb[], $8::text[],
                   $9::boolean[], $10::text[], $11::text[], $12::jsonb[])
         as m(source_id, title, started_at, duration_seconds, participants, transcript,
              is_internal, account_domain, deal_name, source_data)
       left join lateral (
         select id from accounts
         where workspace_id = $1::uuid and source = $2::text and domain = m.account_domain
         limit 1
       ) a on true
       on conflict (workspace_id, source, source_id) do update
         set title = excluded.title, started_at = excluded.started_at,
             duration_seconds = excluded.duration_seconds, participants = excluded.participants,
             transcript = excluded.transcript, is_internal = excluded.is_internal,
             account_id = excluded.account_id, deal_id = excluded.deal_id,
             source_data = excluded.source_data, updated_at = now()`,
      [
        workspaceId,
        source,
        rows.map((m) => m.sourceId),
        rows.map((m) => m.title),
        rows.map((m) => m.startedAt),
        rows.map((m) => m.durationSeconds),
        rows.map((m) => json(m.participants)),
        rows.map((m) => m.transcript),
        rows.map((m) => m.isInternal),
        rows.map((m) =>
          m.accountSourceId ? (accounts.get(m.accountSourceId)?.domain ?? null) : null,
        ),
        rows.map((m) => (m.dealSourceId ? (deals.get(m.dealSourceId)?.name ?? null) : null)),
        rows.map(({ transcript: _transcript, ...rest }) => json(rest)),
      ],
    );
    written += rowCount ?? 0;
  }
  return written;
}
