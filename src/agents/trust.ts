import type { Queryable } from '../db/pool.js';

/**
 * Trust earned per field. Each proposal of a shadow run is later scored against what
 * a person decided: the rep's own value in the CRM (shadow-outcomes.ts) or an inbox
 * approval or rejection. A field's precision is measured over its most recent
 * outcomes (a window, so a field that starts going wrong shows it), and auto-apply may
 * be switched on only at the agent's precision threshold over its minimum sample.
 */

export type Outcome = 'correct' | 'incorrect';
export type OutcomeSource = 'crm' | 'inbox';

export interface FieldOutcomeInput {
  workspaceId: string;
  agentConfigId: string;
  activityLogId: string;
  field: string;
  proposed: unknown;
  actual: unknown;
  outcome: Outcome;
  source: OutcomeSource;
  /** Defaults to now. */
  decidedAt?: string;
}

/**
 * Records how one proposal turned out, once per run and field. A person's decision in
 * the inbox is the better evidence, so it replaces an earlier CRM comparison; a CRM
 * comparison never replaces an inbox decision. Returns whether a row was written.
 */
export async function recordFieldOutcome(
  db: Queryable,
  input: FieldOutcomeInput,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into agent_field_outcomes as o (workspace_id, agent_config_id, activity_log_id, field,
                                            proposed, actual, outcome, source, decided_at)
     values ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::jsonb, $6::jsonb, $7::text, $8::text,
             coalesce($9::timestamptz, now()))
     on conflict (activity_log_id, field) do update
       set proposed = excluded.proposed, actual = excluded.actual, outcome = excluded.outcome,
           source = excluded.source, decided_at = excluded.decided_at
       where excluded.source = 'inbox'`,
    [
      input.workspaceId,
      input.agentConfigId,
      input.activityLogId,
      input.field,
      JSON.stringify(input.proposed ?? null),
      JSON.stringify(input.actual ?? null),
      input.outcome,
      input.source,
      input.decidedAt ?? null,
    ],
  );
  return (rowCount ?? 0) > 0;
}

/** Outcomes a field's precision is measured over: its latest, at least the minimum sample. */
export const TRUST_WINDOW = 100;

export interface FieldTrust {
  field: string;
  rule: 'auto' | 'ask' | 'never';
  autoApplyEnabled: boolean;
  /** Outcomes in the window. */
  samples: number;
  correct: number;
  /** correct / samples; null without samples. */
  precision: number | null;
  /** The agent's precision threshold and minimum sample. */
  threshold: number;
  minSamples: number;
  /** Whether auto-apply may be switched on (or stay on): enough samples at the threshold. */
  autoApplyAllowed: boolean;
  lastDecidedAt: string | null;
}

/** Overrides for a check made with settings not yet saved. */
export interface TrustSettings {
  threshold?: number;
  minSamples?: number;
}

interface TrustRow {
  field: string;
  rule: 'auto' | 'ask' | 'never';
  autoApplyEnabled: boolean;
  samples: number;
  correct: number;
  threshold: number;
  minSamples: number;
  lastDecidedAt: string | null;
}

/**
 * Per configured field of an agent (in the agent's order): samples, precision over the
 * window, the threshold and minimum, and whether auto-apply may be on. Unknown agent: [].
 */
export async function fieldTrust(
  db: Queryable,
  agentConfigId: string,
  settings: TrustSettings = {},
): Promise<FieldTrust[]> {
  const { rows } = await db.query<TrustRow>(
    `with agent as (
       select id, fields, coalesce($2::numeric, precision_threshold)::float8 as threshold,
              coalesce($3::integer, min_samples) as min_samples
       from agent_configs where id = $1::uuid
     ),
     ranked as (
       select o.field, o.outcome, o.decided_at,
              row_number() over (partition by o.field order by o.decided_at desc, o.id desc) as n
       from agent_field_outcomes o where o.agent_config_id = $1::uuid
     ),
     measured as (
       select field, count(*)::int as samples,
              count(*) filter (where outcome = 'correct')::int as correct,
              max(decided_at) as last_decided_at
       from ranked, agent
       where n <= greatest(agent.min_samples, $4::integer)
       group by field
     )
     select f.value->>'field' as field, f.value->>'rule' as rule,
            coalesce((f.value->>'autoApplyEnabled')::boolean, false) as "autoApplyEnabled",
            coalesce(m.samples, 0) as samples, coalesce(m.correct, 0) as correct,
            agent.threshold, agent.min_samples as "minSamples",
            m.last_decided_at as "lastDecidedAt"
     from agent
     cross join lateral jsonb_array_elements(agent.fields) with ordinality as f(value, position)
     left join measured m on m.field = f.value->>'field'
     order by f.position`,
    [agentConfigId, settings.threshold ?? null, settings.minSamples ?? null, TRUST_WINDOW],
  );
  return rows.map((row) => {
    const precision = row.samples > 0 ? row.correct / row.samples : null;
    return {
      ...row,
      precision,
      // Compared in thousandths, as the threshold is stored, so 0.95 is not missed by a float.
      autoApplyAllowed:
        precision !== null &&
        row.samples >= row.minSamples &&
        Math.round(precision * 1000) >= Math.round(row.threshold * 1000),
    };
  });
}
