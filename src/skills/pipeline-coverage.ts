import { Type } from '@sinclair/typebox';
import type { Severity } from '../actions/store.js';
import type { Queryable } from '../db/pool.js';
import { BY_IMPACT, DEAL_COLUMNS, DEAL_JOINS, OPEN_DEAL, type SkillDeal } from './deals.js';
import { cents, clip, daysBetween, dealPhrase, formatMoney, plural, utcDay } from './format.js';
import type { SkillDefinition, SkillOutput, SkillProposal } from './types.js';

export const PIPELINE_COVERAGE = 'pipeline-coverage';

export interface PipelineCoverageOptions {
  /** How many reps to propose actions for, largest gap to 3x first (default 10). */
  limit?: number;
}

const optionsSchema = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })) },
  { additionalProperties: false },
);

/** One rep's quota in a current period, with the pipeline that counts against it. */
export interface RepCoverage {
  quotaId: string;
  periodId: string;
  periodName: string;
  startsOn: string;
  endsOn: string;
  quota: number;
  /** The rep's owner id; null when a quota by email matches no owner yet. */
  repOwnerId: string | null;
  repName: string | null;
  repEmail: string | null;
  /** Sum of the amounts of the rep's open deals closing in the period. */
  pipeline: number;
  openDeals: number;
  /** The rep's largest open deal closing in the period, else their largest open deal. */
  target: SkillDeal | null;
}

export interface CoverageRule {
  severity: Severity;
  actionType: 'notify_manager' | 'notify_rep';
}

/**
 * Below 1.5x with under 45 days left: the manager steps in. Below 2.5x with under 60
 * days left: the rep is warned. Anything else under 3x is worth a note to the rep; 3x
 * and above needs nothing. Compared in cents, so 1.5x exactly is not "below 1.5x".
 */
export function coverageRule(
  pipeline: number,
  quota: number,
  daysLeft: number,
): CoverageRule | null {
  const p = cents(pipeline) * 10;
  const q = cents(quota);
  if (p >= q * 30) return null;
  if (p < q * 15 && daysLeft < 45) return { severity: 'critical', actionType: 'notify_manager' };
  if (p < q * 25 && daysLeft < 60) return { severity: 'warning', actionType: 'notify_rep' };
  return { severity: 'info', actionType: 'notify_rep' };
}

const coverageKey = (repOwnerId: string, periodId: string) =>
  `${PIPELINE_COVERAGE}:rep:${repOwnerId}:${periodId}`;

/** Coverage as people read it: 1.499 is "1.49x", never rounded up past a threshold. */
export function formatCoverage(pipeline: number, quota: number): string {
  return `${(Math.floor((cents(pipeline) * 100) / cents(quota)) / 100).toFixed(2)}x`;
}

function steps(row: RepCoverage, target: SkillDeal, rule: CoverageRule, gap: number): string[] {
  const rep = row.repName ?? row.repEmail ?? 'the rep';
  const common = [
    `Check which of ${rep}'s deals closing after ${row.endsOn} can close in ${row.periodName}`,
    `Start with ${dealPhrase(target)}, the largest open deal: confirm its close date and next step`,
  ];
  if (rule.actionType === 'notify_manager') {
    return [
      `Review the pipeline with ${rep} this week: ${plural(row.openDeals, 'open deal')} ` +
        `worth ${formatMoney(row.pipeline)} closing in ${row.periodName}`,
      ...common,
      `Agree on a plan to source ${formatMoney(gap)} of new pipeline, or lower the forecast ` +
        `for ${row.periodName}`,
    ];
  }
  return [
    `Add ${formatMoney(gap)} of pipeline closing by ${row.endsOn} to reach 3x coverage`,
    ...common,
    `Make sure every open deal closing in ${row.periodName} has an amount and a close date`,
  ];
}

export function coverageProposal(
  row: RepCoverage & { repOwnerId: string; target: SkillDeal },
  rule: CoverageRule,
  daysLeft: number,
): SkillProposal {
  const gap = (cents(row.quota) * 3 - cents(row.pipeline)) / 100;
  const rep = clip(row.repName ?? row.repEmail ?? 'Unnamed rep', 80);
  const coverage = formatCoverage(row.pipeline, row.quota);
  const days = plural(daysLeft, 'day');
  // An action needs a CRM record to point at, and a rep is none. The rep's largest
  // open deal in the period is where more pipeline or a pulled-in date matters most,
  // so it is the target; owner_email names the rep, whom notify_rep messages.
  const target = row.target;
  return {
    actionType: rule.actionType,
    severity: rule.severity,
    title: `${rep}: ${coverage} pipeline coverage for ${row.periodName}, ${formatMoney(gap)} short of 3x`,
    summary:
      `${rep} has ${formatMoney(row.pipeline)} of open pipeline closing in ${row.periodName} ` +
      `(${row.startsOn} to ${row.endsOn}) against a ${formatMoney(row.quota)} quota: ` +
      `${coverage} coverage with ${days} left. Reaching 3x takes ${formatMoney(gap)} more.`,
    impactAmount: gap,
    urgencyLabel: `${days} left in ${row.periodName}`,
    recommendedSteps: steps(row, target, rule, gap),
    connectionId: target.connectionId,
    targetType: 'deal',
    targetSourceId: target.sourceId,
    targetEntityId: target.id,
    targetName: target.name,
    ownerEmail: row.repEmail,
    executionPayload: {},
    dedupeKey: coverageKey(row.repOwnerId, row.periodId),
  };
}

/**
 * Every rep quota of the periods containing `day`. A quota by email counts the deals
 * of every owner with that email (one person in two CRMs); the first of them, by
 * creation, names the rep in the dedupe key.
 */
export async function repCoverage(
  db: Queryable,
  workspaceId: string,
  day: string,
): Promise<RepCoverage[]> {
  const { rows } = await db.query<RepCoverage>(
    `select q.id as "quotaId", p.id as "periodId", p.name as "periodName",
            p.starts_on as "startsOn", p.ends_on as "endsOn", q.amount as quota,
            rep.ids[1] as "repOwnerId", ro.name as "repName",
            coalesce(ro.email, q.owner_email) as "repEmail",
            coalesce(pipe.amount, 0) as pipeline, pipe.deals as "openDeals",
            target.deal as target
     from rep_quotas q
     join quota_periods p on p.id = q.period_id
     cross join lateral (
       select array_agg(o.id order by o.created_at, o.id) as ids from owners o
       where o.workspace_id = q.workspace_id
         and (o.id = q.owner_id or lower(o.email) = q.owner_email)
     ) rep
     left join owners ro on ro.id = rep.ids[1]
     cross join lateral (
       select sum(d.amount) as amount, count(*)::int as deals from deals d
       where d.workspace_id = q.workspace_id and d.owner_id = any(rep.ids) and ${OPEN_DEAL}
         and d.close_date between p.starts_on and p.ends_on
     ) pipe
     left join lateral (
       select to_jsonb(t) as deal from (
         select ${DEAL_COLUMNS} from deals d ${DEAL_JOINS}
         where d.workspace_id = q.workspace_id and d.owner_id = any(rep.ids) and ${OPEN_DEAL}
         order by coalesce(d.close_date between p.starts_on and p.ends_on, false) desc,
                  ${BY_IMPACT}
         limit 1
       ) t
     ) target on true
     where q.workspace_id = $1::uuid and p.workspace_id = $1::uuid
       and p.starts_on <= $2::date and p.ends_on >= $2::date`,
    [workspaceId, day],
  );
  return rows;
}

async function propose(
  db: Queryable,
  workspaceId: string,
  options: { now?: Date } & PipelineCoverageOptions,
): Promise<SkillOutput> {
  const today = utcDay(options.now ?? new Date());
  type Candidate = {
    row: RepCoverage & { repOwnerId: string; target: SkillDeal };
    rule: CoverageRule;
    daysLeft: number;
    gap: number;
  };
  const candidates: Candidate[] = [];
  let skipped = 0;
  for (const row of await repCoverage(db, workspaceId, today)) {
    // Days after today until the period ends: its last day has 0 left.
    const daysLeft = daysBetween(today, row.endsOn);
    const rule = coverageRule(row.pipeline, row.quota, daysLeft);
    if (!rule) continue;
    const { repOwnerId, target } = row;
    // A quota for an email no owner has yet, or a rep without a single open deal,
    // has no CRM record to point an action at.
    if (!repOwnerId || !target) {
      skipped += 1;
      continue;
    }
    candidates.push({
      row: { ...row, repOwnerId, target },
      rule,
      daysLeft,
      gap: cents(row.quota) * 3 - cents(row.pipeline),
    });
  }
  candidates.sort(
    (x, y) =>
      y.gap - x.gap ||
      x.row.endsOn.localeCompare(y.row.endsOn) ||
      x.row.repOwnerId.localeCompare(y.row.repOwnerId) ||
      x.row.quotaId.localeCompare(y.row.quotaId),
  );
  const proposals = candidates
    .slice(0, options.limit ?? 10)
    .map(({ row, rule, daysLeft }) => coverageProposal(row, rule, daysLeft));
  return {
    proposals,
    candidates: candidates.length,
    skipped,
    qualifying: candidates.map(({ row }) => coverageKey(row.repOwnerId, row.periodId)),
  };
}

/** Reps whose open pipeline in the current quota period is under 3x their quota. */
export const pipelineCoverage: SkillDefinition<PipelineCoverageOptions> = {
  name: PIPELINE_COVERAGE,
  description:
    "Each rep's open pipeline closing in the current quota period against 3x their quota; " +
    'warns the rep, or their manager when the period is nearly over.',
  optionsSchema,
  propose,
};
