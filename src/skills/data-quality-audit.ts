import { Type } from '@sinclair/typebox';
import type { CrmUpdate, Severity } from '../actions/store.js';
import type { Queryable } from '../db/pool.js';
import { conversationCoverage } from './conversation-coverage.js';
import { BY_IMPACT, DEAL_COLUMNS, DEAL_JOINS, OPEN_DEAL, type SkillDeal } from './deals.js';
import { dealPhrase, joinWords, quarterEnd, stageLabel } from './format.js';
import type { SkillDefinition, SkillOutput, SkillProposal } from './types.js';

export const DATA_QUALITY_AUDIT = 'data-quality-audit';

/** Deals above this amount get `warning`; the rest (and deals with no amount) `info`. */
export const WARNING_AMOUNT = 50_000;

export interface DataQualityAuditOptions {
  /** How many deals to propose actions for, largest first (default 10). */
  limit?: number;
}

const optionsSchema = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })) },
  { additionalProperties: false },
);

type MissingField = 'close_date' | 'amount' | 'stage';
const LABELS: Record<MissingField, string> = {
  close_date: 'close date',
  amount: 'amount',
  stage: 'stage',
};

interface Row extends SkillDeal {
  total: number;
}

function missingFields(deal: SkillDeal): MissingField[] {
  const missing: MissingField[] = [];
  if (deal.closeDate === null) missing.push('close_date');
  if (deal.amount === null) missing.push('amount');
  if (!deal.stage?.trim()) missing.push('stage');
  return missing;
}

/** One action for all of a deal's missing fields, with the values that can be inferred. */
export function auditProposal(deal: SkillDeal, now: Date): SkillProposal {
  const missing = missingFields(deal);
  const owner = deal.ownerName ?? 'the deal owner';
  const updates: CrmUpdate[] = [];
  const steps: string[] = [];
  for (const field of missing) {
    if (field === 'close_date') {
      // Undated open deals are most often expected "this quarter"; the rep confirms.
      const proposed = quarterEnd(now);
      updates.push({ field: 'close_date', proposed_value: proposed, current_value: null });
      steps.push(
        `Confirm ${proposed} (the end of this quarter) as the close date with ${owner}, ` +
          'or set the date the buyer expects',
      );
    } else if (field === 'amount') {
      steps.push(`Ask ${owner} for the expected deal value and enter it as the amount`);
    } else {
      steps.push("Set the deal's stage in the CRM to where the deal really is");
    }
  }
  const words = missing.map((field) => LABELS[field]);
  const severity: Severity =
    deal.amount !== null && deal.amount > WARNING_AMOUNT ? 'warning' : 'info';
  return {
    actionType: 'clean_data',
    severity,
    title: `Fix missing ${joinWords(words)} on ${dealPhrase(deal)}`,
    summary:
      `${deal.name} (${stageLabel(deal)}${deal.ownerName ? `, owned by ${deal.ownerName}` : ''})` +
      ` is open with no ${joinWords(words)}. Forecasts and pipeline coverage leave it out ` +
      'until these are set.',
    impactAmount: deal.amount,
    urgencyLabel: `Missing ${joinWords(words)}`,
    recommendedSteps: steps,
    connectionId: deal.connectionId,
    targetType: 'deal',
    targetSourceId: deal.sourceId,
    targetEntityId: deal.id,
    targetName: deal.name,
    ownerEmail: deal.ownerEmail,
    executionPayload: {
      crm_updates: updates,
      note: `Pandora data-quality audit: the deal had no ${joinWords(words)}.`,
    },
    dedupeKey: auditKey(deal.sourceId),
  };
}

const auditKey = (sourceId: string) => `${DATA_QUALITY_AUDIT}:deal:${sourceId}`;

const MISSING_SOMETHING = `d.workspace_id = $1::uuid and ${OPEN_DEAL}
  and (d.close_date is null or d.amount is null or nullif(btrim(d.stage), '') is null)`;

async function propose(
  db: Queryable,
  workspaceId: string,
  options: { now?: Date } & DataQualityAuditOptions,
): Promise<SkillOutput> {
  const now = options.now ?? new Date();
  const { rows } = await db.query<Row>(
    `select ${DEAL_COLUMNS}, count(*) over ()::int as total
     from deals d ${DEAL_JOINS}
     where ${MISSING_SOMETHING}
     order by ${BY_IMPACT}
     limit $2::int`,
    [workspaceId, options.limit ?? 10],
  );
  const { rows: all } = await db.query<{ sourceId: string }>(
    `select d.source_id as "sourceId" from deals d where ${MISSING_SOMETHING}`,
    [workspaceId],
  );
  const coverage = await conversationCoverage(db, workspaceId, {
    now,
    limit: options.limit ?? 10,
  });
  return {
    proposals: [
      ...rows.map(({ total: _total, ...deal }) => auditProposal(deal, now)),
      ...coverage.proposals,
    ],
    candidates: (rows[0]?.total ?? 0) + coverage.qualifying.length,
    skipped: 0,
    qualifying: [...all.map((row) => auditKey(row.sourceId)), ...coverage.qualifying],
    checks: { conversationCoverage: coverage.coverage },
  };
}

/**
 * Open deals missing a close date, an amount or a stage: one `clean_data` action each;
 * and conversation coverage: meetings without a deal counted by severity, a
 * `create_deal` action for each high-severity one.
 */
export const dataQualityAudit: SkillDefinition<DataQualityAuditOptions> = {
  name: DATA_QUALITY_AUDIT,
  description:
    'Open deals missing a close date, amount or stage, largest first; proposes the end of ' +
    'the quarter as a close date. Counts meetings without a deal by severity and proposes ' +
    'creating the deal of each high-severity one.',
  optionsSchema,
  propose,
};
