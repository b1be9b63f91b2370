import type { Queryable } from '../db/pool.js';
import type { DemoDataset } from './generate.js';
import type { DemoPipeline } from './pipelines.js';

export interface SeedCounts {
  owners: number;
  accounts: number;
  contacts: number;
  deals: number;
  dealContacts: number;
  stageHistory: number;
  conversations: number;
}

const SOURCE = 'demo';
// Big enough to amortize round trips, small enough to keep each statement's arrays modest.
const CHUNK = 5_000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

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
  const total =
    dataset.owners.length +
    dataset.accounts.length +
    dataset.contacts.length +
    dataset.deals.length +
    dataset.dealContacts.length +
    dataset.stageHistory.length +
    dataset.conversations.length;
  let done = 0;
  const progress = (rows: number) => {
    done += rows;
    options.onProgress?.(done, total);
  };
  options.onProgress?.(0, total);

  for (const rows of chunks(dataset.owners)) {
    await db.query(
      `insert into owners (workspace_id, source, source_id, email, name, title, source_data)
       select $1::uuid, '${SOURCE}', o.source_id, o.email, o.name, o.title, o.source_data
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
         as o(source_id, email, name, title, source_data)
       on conflict (workspace_id, source, source_id) do update
         set email = excluded.email, name = excluded.name, title = excluded.title,
             source_data = excluded.source_data, updated_at = now()`,
      [
        workspaceId,
        rows.map((o) => o.sourceId),
        rows.map((o) => o.email),
        rows.map((o) => o.name),
        rows.map((o) => o.title),
        rows.map((o) => json(o)),
      ],
    );
    progress(rows.length);
  }

  for (const rows of chunks(dataset.accounts)) {
    await db.query(
      `insert into accounts (workspace_id, source, source_id, name, domain, industry, employee_count,
                             annual_revenue, owner_id, source_data)
       select $1::uuid, '${SOURCE}', a.source_id, a.name, a.domain, a.industry, a.employee_count,
              a.annual_revenue, o.id, a.source_data
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::numeric[],
                   $8::text[], $9::jsonb[])
         as a(source_id, name, domain, industry, employee_count, annual_revenue, owner_source_id, source_data)
       left join owners o
         on o.workspace_id = $1::uuid and o.source = '${SOURCE}' and o.source_id = a.owner_source_id
       on conflict (workspace_id, source, source_id) do update
         set name = excluded.name, domain = excluded.domain, industry = excluded.industry,
             employee_count = excluded.employee_count, annual_revenue = excluded.annual_revenue,
             owner_id = excluded.owner_id, source_data = excluded.source_data, updated_at = now()`,
      [
        workspaceId,
        rows.map((a) => a.sourceId),
        rows.map((a) => a.name),
        rows.map((a) => a.domain),
        rows.map((a) => a.industry),
        rows.map((a) => a.employeeCount),
        rows.map((a) => a.annualRevenue),
        rows.map((a) => a.ownerSourceId),
        rows.map((a) => json(a)),
      ],
    );
    progress(rows.length);
  }

  for (const rows of chunks(dataset.contacts)) {
    await db.query(
      `insert into contacts (workspace_id, source, source_id, account_id, email, first_name, last_name,
                             title, phone, source_data)
       select $1::uuid, '${SOURCE}', c.source_id, a.id, c.email, c.first_name, c.last_name, c.title,
              c.phone, c.source_data
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::jsonb[])
         as c(source_id, account_source_id, email, first_name, last_name, title, phone, source_data)
       left join accounts a
         on a.workspace_id = $1::uuid and a.source = '${SOURCE}' and a.source_id = c.account_source_id
       on conflict (workspace_id, source, source_id) do update
         set account_id = excluded.account_id, email = excluded.email, first_name = excluded.first_name,
             last_name = excluded.last_name, title = excluded.title, phone = excluded.phone,
             source_data = excluded.source_data, updated_at = now()`,
      [
        workspaceId,
        rows.map((c) => c.sourceId),
        rows.map((c) => c.accountSourceId),
        rows.map((c) => c.email),
        rows.map((c) => c.firstName),
        rows.map((c) => c.lastName),
        rows.map((c) => c.title),
        rows.map((c) => c.phone),
        rows.map((c) => json(c)),
      ],
    );
    progress(rows.length);
  }

  const pipelines = new Map<string, DemoPipeline>(dataset.pipelines.map((p) => [p.id, p]));
  for (const rows of chunks(dataset.deals)) {
    await db.query(
      `insert into deals (workspace_id, source, source_id, account_id, owner_id, name, amount, close_date,
                          pipeline, stage, stage_normalized, probability, forecast_category, next_step,
                          last_activity_at, created_at, source_data)
       select $1::uuid, '${SOURCE}', d.source_id, a.id, o.id, d.name, d.amount, d.close_date, d.pipeline,
              d.stage, d.stage_normalized, d.probability, d.forecast_category, d.next_step,
              d.last_activity_at, d.created_at, d.source_data
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::date[], $8::text[],
                   $9::text[], $10::text[], $11::numeric[], $12::text[], $13::text[], $14::timestamptz[],
                   $15::timestamptz[], $16::jsonb[])
         as d(source_id, account_source_id, owner_source_id, name, amount, close_date, pipeline, stage,
              stage_normalized, probability, forecast_category, next_step, last_activity_at, created_at,
              source_data)
       left join accounts a
         on a.workspace_id = $1::uuid and a.source = '${SOURCE}' and a.source_id = d.account_source_id
       left join owners o
         on o.workspace_id = $1::uuid and o.source = '${SOURCE}' and o.source_id = d.owner_source_id
       on conflict (workspace_id, source, source_id) do update
         set account_id = excluded.account_id, owner_id = excluded.owner_id, name = excluded.name,
             amount = excluded.amount, close_date = excluded.close_date, pipeline = excluded.pipeline,
             stage = excluded.stage, stage_normalized = excluded.stage_normalized,
             probability = excluded.probability, forecast_category = excluded.forecast_category,
             next_step = excluded.next_step, last_activity_at = excluded.last_activity_at,
             source_data = excluded.source_data, updated_at = now()`,
      [
        workspaceId,
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
        rows.map((d) => {
          // The raw record as a CRM would hold it, with its pipeline's and stage's labels.
          const pipeline = pipelines.get(d.pipeline);
          const stage = pipeline?.stages.find((s) => s.id === d.stage);
          return json({ ...d, pipelineLabel: pipeline?.label, stageLabel: stage?.label });
        }),
      ],
    );
    progress(rows.length);
  }

  for (const rows of chunks(dataset.dealContacts)) {
    await db.query(
      `insert into deal_contacts (workspace_id, deal_id, contact_id, role, is_primary)
       select $1::uuid, d.id, c.id, dc.role, dc.is_primary
       from unnest($2::text[], $3::text[], $4::text[], $5::boolean[])
         as dc(deal_source_id, contact_source_id, role, is_primary)
       join deals d on d.workspace_id = $1::uuid and d.source = '${SOURCE}' and d.source_id = dc.deal_source_id
       join contacts c
         on c.workspace_id = $1::uuid and c.source = '${SOURCE}' and c.source_id = dc.contact_source_id
       on conflict (deal_id, contact_id) do update set role = excluded.role, is_primary = excluded.is_primary`,
      [
        workspaceId,
        rows.map((dc) => dc.dealSourceId),
        rows.map((dc) => dc.contactSourceId),
        rows.map((dc) => dc.role),
        rows.map((dc) => dc.isPrimary),
      ],
    );
    progress(rows.length);
  }

  // History rows have no natural key: replace the demo deals' history as a whole.
  await db.query(
    `delete from deal_stage_history h using deals d
     where h.workspace_id = $1::uuid and d.id = h.deal_id and d.source = '${SOURCE}'`,
    [workspaceId],
  );
  for (const rows of chunks(dataset.stageHistory)) {
    await db.query(
      `insert into deal_stage_history (workspace_id, deal_id, from_stage, to_stage, changed_at)
       select $1::uuid, d.id, h.from_stage, h.to_stage, h.changed_at
       from unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[])
         as h(deal_source_id, from_stage, to_stage, changed_at)
       join deals d on d.workspace_id = $1::uuid and d.source = '${SOURCE}' and d.source_id = h.deal_source_id`,
      [
        workspaceId,
        rows.map((h) => h.dealSourceId),
        rows.map((h) => h.fromStage),
        rows.map((h) => h.toStage),
        rows.map((h) => h.changedAt),
      ],
    );
    progress(rows.length);
  }

  for (const rows of chunks(dataset.conversations)) {
    await db.query(
      `insert into conversations (workspace_id, source, source_id, title, started_at, duration_seconds,
                                  participants, transcript, is_internal, account_id, deal_id, source_data)
       select $1::uuid, '${SOURCE}', m.source_id, m.title, m.started_at, m.duration_seconds, m.participants,
              m.transcript, m.is_internal, a.id, d.id, m.source_data
       from unnest($2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::jsonb[], $7::text[],
                   $8::boolean[], $9::text[], $10::text[], $11::jsonb[])
         as m(source_id, title, started_at, duration_seconds, participants, transcript, is_internal,
              account_source_id, deal_source_id, source_data)
       left join accounts a
         on a.workspace_id = $1::uuid and a.source = '${SOURCE}' and a.source_id = m.account_source_id
       left join deals d
         on d.workspace_id = $1::uuid and d.source = '${SOURCE}' and d.source_id = m.deal_source_id
       on conflict (workspace_id, source, source_id) do update
         set title = excluded.title, started_at = excluded.started_at,
             duration_seconds = excluded.duration_seconds, participants = excluded.participants,
             transcript = excluded.transcript, is_internal = excluded.is_internal,
             account_id = excluded.account_id, deal_id = excluded.deal_id,
             source_data = excluded.source_data, updated_at = now()`,
      [
        workspaceId,
        rows.map((m) => m.sourceId),
        rows.map((m) => m.title),
        rows.map((m) => m.startedAt),
        rows.map((m) => m.durationSeconds),
        rows.map((m) => json(m.participants)),
        rows.map((m) => m.transcript),
        rows.map((m) => m.isInternal),
        rows.map((m) => m.accountSourceId),
        rows.map((m) => m.dealSourceId),
        rows.map(({ transcript: _transcript, ...rest }) => json(rest)),
      ],
    );
    progress(rows.length);
  }

  return {
    owners: dataset.owners.length,
    accounts: dataset.accounts.length,
    contacts: dataset.contacts.length,
    deals: dataset.deals.length,
    dealContacts: dataset.dealContacts.length,
    stageHistory: dataset.stageHistory.length,
    conversations: dataset.conversations.length,
  };
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
