import type pg from 'pg';
import { FIELD_PRECISION_RULE, fieldScope, ruleById } from '../anomalies/rules.js';
import { raiseOrRefresh } from '../anomalies/store.js';
import type { Queryable } from '../db/pool.js';
import { agentFieldNamed, sameFieldValue } from './fields.js';
import { fieldTrust, recordFieldOutcome, type FieldTrust } from './trust.js';

/**
 * Shadow mode's scoring job. Each field a shadow run proposed (activity_logs with
 * `shadow`, the field's status `shadow`) is compared with what the rep put in the CRM
 * afterwards, as sync brought it into `deals` and `deal_stage_history`:
 *
 * - Stage: the first stage change after the run, once there is one; its stage,
 *   normalized through the synced pipeline stages, is what the rep chose.
 * - Close date, amount, next step: once the deal's value differs from the run's
 *   `before`, the new value is what the rep chose.
 * - When nothing changed within the waiting period (SHADOW_WAIT_DAYS after the run),
 *   the CRM's value then is taken as the rep's answer: a proposal the rep did not
 *   adopt in that time counts against the field. That is the cautious reading: trust
 *   is earned only from values reps actually hold, never from their silence.
 *
 * Competitors and the qualification fields have no synced column to compare with, so
 * only inbox decisions score them. Proposals older than SCORING_HORIZON_DAYS are left
 * unscored (the deal has moved on too far to say).
 *
 * Afterwards, a field whose auto-apply is on and whose precision has fallen below the
 * agent's threshold is switched back to `ask` and the anomaly `field_precision_drop`
 * (scope `<agentId>:<field>`, the anomalies part's rule for it) is raised.
 */

export const SHADOW_WAIT_DAYS = 14;
export const SCORING_HORIZON_DAYS = 90;
const BATCH = 2000;
const DAY_MS = 86_400_000;

const SCORED_FIELDS = ['close_date', 'amount', 'stage', 'next_step'];

interface PendingProposal {
  workspaceId: string;
  agentConfigId: string;
  activityLogId: string;
  field: string;
  before: unknown;
  after: unknown;
  runAt: string;
  closeDate: string | null;
  amount: number | null;
  nextStep: string | null;
  stageNormalized: string | null;
  /** The first stage change after the run, normalized (or as the CRM named it). */
  firstStage: string | null;
  firstStageAt: string | null;
}

/** The CRM value as the deals table holds it, in the agent's form. */
function currentValue(row: PendingProposal): unknown {
  switch (row.field) {
    case 'close_date':
      return row.closeDate;
    case 'amount':
      return row.amount;
    case 'next_step':
      return row.nextStep;
    default:
      return row.stageNormalized;
  }
}

/** Whether two values are the same for change detection: exact, nulls equal. */
function unchanged(field: string, a: unknown, b: unknown): boolean {
  const blank = (value: unknown) => value === null || value === undefined || value === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  const kind = agentFieldNamed(field)?.kind;
  if (kind === 'money') return Math.round(Number(a) * 100) === Math.round(Number(b) * 100);
  if (kind === 'date') return String(a).slice(0, 10) === String(b).slice(0, 10);
  return String(a).trim() === String(b).trim();
}

export type Judgement = { actual: unknown; decidedAt: string } | null;

/** What the rep's answer to one proposal is, or null while it cannot be told yet. */
export function judge(row: PendingProposal, now: Date, waitMs: number): Judgement {
  const waited = now.getTime() - Date.parse(row.runAt) >= waitMs;
  if (row.field === 'stage') {
    if (row.firstStage !== null) return { actual: row.firstStage, decidedAt: row.firstStageAt! };
    return waited ? { actual: row.stageNormalized, decidedAt: now.toISOString() } : null;
  }
  const current = currentValue(row);
  if (!unchanged(row.field, row.before, current) || waited) {
    return { actual: current, decidedAt: now.toISOString() };
  }
  return null;
}

async function pendingProposals(
  db: Queryable,
  now: Date,
  afterId: string | null,
): Promise<PendingProposal[]> {
  const { rows } = await db.query<PendingProposal>(
    `select l.workspace_id as "workspaceId", l.agent_config_id as "agentConfigId",
            l.id as "activityLogId", f.key as field, f.value->'before' as before,
            f.value->'after' as after, l.created_at as "runAt",
            d.close_date::text as "closeDate", d.amount::float8 as amount,
            d.next_step as "nextStep", d.stage_normalized as "stageNormalized",
            coalesce(s.stage_normalized, h.to_stage) as "firstStage", h.changed_at as "firstStageAt"
     from activity_logs l
     join deals d on d.id = l.deal_id
     cross join lateral jsonb_each(l.fields_updated) f
     left join lateral (
       select h.to_stage, h.changed_at from deal_stage_history h
       where h.workspace_id = l.workspace_id and h.deal_id = l.deal_id
         and h.changed_at > l.created_at
       order by h.changed_at, h.id limit 1
     ) h on f.key = 'stage'
     left join lateral (
       select p.stage_normalized from pipeline_stages p
       where p.workspace_id = l.workspace_id and p.source = d.source
         and (p.stage_id = h.to_stage or p.stage_label = h.to_stage)
       order by (p.pipeline_id = d.pipeline) desc nulls last limit 1
     ) s on h.to_stage is not null
     where l.shadow and l.agent_config_id is not null and l.status <> 'failed'
       and l.created_at > $1::timestamptz - make_interval(days => $2::integer)
       and ($3::uuid is null or l.id >= $3::uuid)
       and f.key = any($4::text[]) and f.value->>'status' = 'shadow'
       and not exists (select 1 from agent_field_outcomes o
                       where o.activity_log_id = l.id and o.field = f.key)
     order by l.id, f.key
     limit $5::integer`,
    [now.toISOString(), SCORING_HORIZON_DAYS, afterId, SCORED_FIELDS, BATCH],
  );
  return rows;
}

export interface ScoringResult {
  recorded: number;
  switchedBack: { agentConfigId: string; field: string; precision: number }[];
}

/** Scores the shadow proposals that can be told now, then guards the trusted fields. */
export async function scoreShadowProposals(
  db: pg.Pool,
  options: { now?: Date; waitMs?: number } = {},
): Promise<ScoringResult> {
  const now = options.now ?? new Date();
  const waitMs = options.waitMs ?? SHADOW_WAIT_DAYS * DAY_MS;
  let recorded = 0;
  let afterId: string | null = null;
  for (;;) {
    const rows = await pendingProposals(db, now, afterId);
    for (const row of rows) {
      const judgement = judge(row, now, waitMs);
      if (!judgement) continue;
      const written = await recordFieldOutcome(db, {
        workspaceId: row.workspaceId,
        agentConfigId: row.agentConfigId,
        activityLogId: row.activityLogId,
        field: row.field,
        proposed: row.after,
        actual: judgement.actual,
        outcome: sameFieldValue(row.field, row.after, judgement.actual) ? 'correct' : 'incorrect',
        source: 'crm',
        decidedAt: judgement.decidedAt,
      });
      if (written) recorded += 1;
    }
    if (rows.length < BATCH) break;
    // The next page starts at the last run again, for its fields the limit cut off; a
    // run has at most four scored fields, so each page still moves past earlier runs.
    afterId = rows.at(-1)!.activityLogId;
  }
  return { recorded, switchedBack: await guardTrustedFields(db, now) };
}

/**
 * Every field with auto-apply on whose precision is now below its agent's threshold
 * goes back to `ask`, with an anomaly a person will see.
 */
export async function guardTrustedFields(
  db: pg.Pool,
  now: Date = new Date(),
): Promise<ScoringResult['switchedBack']> {
  const { rows: agents } = await db.query<{ id: string; workspaceId: string; name: string }>(
    `select id, workspace_id as "workspaceId", name from agent_configs
     where fields @> '[{"autoApplyEnabled": true}]'::jsonb`,
  );
  const switched: ScoringResult['switchedBack'] = [];
  for (const agent of agents) {
    for (const trust of await fieldTrust(db, agent.id)) {
      if (!trust.autoApplyEnabled || trust.precision === null) continue;
      if (Math.round(trust.precision * 1000) >= Math.round(trust.threshold * 1000)) continue;
      const { rowCount } = await db.query(
        `update agent_configs
         set fields = (select jsonb_agg(case when e->>'field' = $2::text
                                             then e || '{"rule": "ask", "autoApplyEnabled": false}'
                                             else e end order by n)
                       from jsonb_array_elements(fields) with ordinality x(e, n)),
             updated_at = now()
         where id = $1::uuid and fields @> jsonb_build_array(
           jsonb_build_object('field', $2::text, 'autoApplyEnabled', true))`,
        [agent.id, trust.field],
      );
      if (!rowCount) continue;
      switched.push({ agentConfigId: agent.id, field: trust.field, precision: trust.precision });
      await raisePrecisionDrop(db, agent, trust, now);
    }
  }
  return switched;
}

/**
 * The anomaly for a field switched back, raised through the anomalies part so it is the
 * same finding its evaluator watches (rule field_precision_drop, one per agent and
 * field, an alert in the admins' inbox, cleared when the precision recovers), fired at
 * once rather than at the evaluator's next tick.
 */
async function raisePrecisionDrop(
  pool: pg.Pool,
  agent: { id: string; workspaceId: string; name: string },
  trust: FieldTrust,
  now: Date,
): Promise<void> {
  const rule = ruleById(FIELD_PRECISION_RULE)!;
  const thresholds = {
    ...rule.thresholds,
    fireAt: trust.threshold,
    recoverAt: Math.min(1, trust.threshold + 0.02),
    minSample: trust.minSamples,
  };
  const measurement = {
    workspaceId: agent.workspaceId,
    scopeKey: fieldScope(agent.id, trust.field),
    value: trust.precision!,
    sampleSize: trust.samples,
    label: `${agent.name}, ${trust.field}`,
  };
  await raiseOrRefresh(
    pool,
    {
      workspaceId: agent.workspaceId,
      rule: FIELD_PRECISION_RULE,
      scopeKey: measurement.scopeKey,
      severity: rule.severity,
      title: rule.title(measurement).slice(0, 300),
      description: `${rule.description(measurement, thresholds)} It was switched back to "ask".`,
      data: {
        value: measurement.value,
        threshold: thresholds.fireAt,
        recoverAt: thresholds.recoverAt,
        direction: thresholds.direction,
        sampleSize: measurement.sampleSize,
        minSample: thresholds.minSample,
        label: measurement.label,
        agentConfigId: agent.id,
        field: trust.field,
        correct: trust.correct,
        switchedTo: 'ask',
      },
    },
    { ...rule.timing, pendingMs: 0 },
    now,
  );
}
