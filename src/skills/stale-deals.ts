import { Type } from '@sinclair/typebox';
import type { Severity } from '../actions/store.js';
import type { Queryable } from '../db/pool.js';
import { DEAL_COLUMNS, DEAL_JOINS, OPEN_DEAL, type SkillDeal } from './deals.js';
import { dealPhrase, plural, stageLabel, utcDay } from './format.js';
import type { SkillDefinition, SkillOutput, SkillProposal } from './types.js';

export const STALE_DEALS = 'stale-deals';

export type OpenStage =
  'prospecting' | 'qualification' | 'discovery' | 'evaluation' | 'proposal' | 'negotiation';

/** Days without activity after which an open deal is stale, by stage: later stages move faster. */
export const DEFAULT_STALE_DAYS: Readonly<Record<OpenStage, number>> = {
  prospecting: 30,
  qualification: 30,
  discovery: 21,
  evaluation: 21,
  proposal: 14,
  negotiation: 10,
};
/** For open deals whose CRM stage is not mapped to one of Pandora's. */
export const DEFAULT_UNMAPPED_STALE_DAYS = 30;

/** Above this amount a stale deal is at least a `warning`. */
export const WARNING_AMOUNT = 50_000;
/** Above this amount, and stale for twice its stage's limit, a deal is `critical`. */
export const CRITICAL_AMOUNT = 100_000;

export interface StaleDealsOptions {
  /** Days per stage, overriding `DEFAULT_STALE_DAYS` stage by stage. */
  thresholds?: Partial<Record<OpenStage, number>>;
  unmappedDays?: number;
  /** How many deals to propose actions for, largest first (default 50). */
  limit?: number;
}

const Days = Type.Integer({ minimum: 1, maximum: 3650 });
const optionsSchema = Type.Object(
  {
    thresholds: Type.Optional(
      Type.Object(
        Object.fromEntries(
          Object.keys(DEFAULT_STALE_DAYS).map((stage) => [stage, Type.Optional(Days)]),
        ),
        { additionalProperties: false },
      ),
    ),
    unmappedDays: Type.Optional(Days),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

export interface StaleDeal extends SkillDeal {
  /** The last activity, or when none was logged, the last stage change or creation. */
  lastTouchAt: string;
  daysStale: number;
  threshold: number;
  contactName: string | null;
  contactEmail: string | null;
}

/** `critical`: large and twice its stage's limit; `warning`: large or twice the limit. */
export function staleSeverity(
  deal: Pick<StaleDeal, 'amount' | 'daysStale' | 'threshold'>,
): Severity {
  const veryStale = deal.daysStale >= 2 * deal.threshold;
  const amount = deal.amount ?? 0;
  if (veryStale && amount > CRITICAL_AMOUNT) return 'critical';
  if (veryStale || amount > WARNING_AMOUNT) return 'warning';
  return 'info';
}

const STAGE_STEPS: Record<string, string> = {
  prospecting: 'Confirm there is a real need, a budget and a timeline; if not, close it as lost',
  qualification: 'Confirm there is a real need, a budget and a timeline; if not, close it as lost',
  discovery: 'Book the next meeting (demo, technical review) on a date both sides accept',
  evaluation: 'Book the next meeting (demo, technical review) on a date both sides accept',
  proposal: 'Ask for feedback on the proposal and the date a decision will be made',
  negotiation: 'Ask what still stands between the buyer and signature; agree on a signing date',
};

function steps(deal: StaleDeal, today: string): string[] {
  const result: string[] = [];
  const contact = deal.contactName ?? deal.contactEmail;
  if (contact) {
    const email = deal.contactName && deal.contactEmail ? ` (${deal.contactEmail})` : '';
    result.push(`Call or email ${contact}${email} to confirm ${deal.name} is still a priority`);
  } else {
    result.push(
      `No contact is linked to the deal: find the buyer at ${deal.accountName ?? 'the account'}` +
        ' and add them to it',
    );
  }
  result.push(
    STAGE_STEPS[deal.stageNormalized ?? ''] ?? 'Set a stage that says where the deal really is',
  );
  if (deal.closeDate === null) result.push('Set a close date the buyer has agreed to');
  else if (deal.closeDate < today) {
    result.push(
      `The close date ${deal.closeDate} has passed: set a realistic one or close the deal as lost`,
    );
  } else result.push(`Check that the close date ${deal.closeDate} still holds`);
  result.push("Log the call or email in the CRM so the deal's last activity is current");
  return result;
}

const staleKey = (sourceId: string) => `${STALE_DEALS}:deal:${sourceId}`;

export function staleProposal(deal: StaleDeal, now: Date): SkillProposal {
  const today = utcDay(now);
  const days = plural(deal.daysStale, 'day');
  return {
    actionType: 're_engage_deal',
    severity: staleSeverity(deal),
    title: `Re-engage: ${days} stale on ${dealPhrase(deal)}`,
    summary:
      `No activity on ${deal.name} for ${days} (since ${deal.lastTouchAt.slice(0, 10)}); ` +
      `${stageLabel(deal)} deals are flagged after ${deal.threshold} days.`,
    impactAmount: deal.amount,
    urgencyLabel: `${days} without activity`,
    recommendedSteps: steps(deal, today),
    connectionId: deal.connectionId,
    targetType: 'deal',
    targetSourceId: deal.sourceId,
    targetEntityId: deal.id,
    targetName: deal.name,
    ownerEmail: deal.ownerEmail,
    executionPayload: {},
    dedupeKey: staleKey(deal.sourceId),
  };
}

/**
 * Deals with their last touch and age in days against their stage's limit ($2: now,
 * $3: the limits by normalized stage). Without a logged activity, the deal's last
 * stage change (dated by the CRM) or its creation stands in. Not deals.updated_at:
 * that is when Pandora's copy last changed, which the first sync sets to "now" and
 * would hide every such deal for weeks.
 */
const STALE_FROM = `
  from deals d
  cross join lateral (
    select coalesce(d.last_activity_at,
                    greatest(d.created_at, (select max(h.changed_at) from deal_stage_history h
                                            where h.deal_id = d.id))) as at
  ) touch
  cross join lateral (
    select floor(extract(epoch from ($2::timestamptz - touch.at)) / 86400)::int as days,
           ($3::jsonb ->> coalesce(d.stage_normalized, 'unmapped'))::int as threshold
  ) age`;

const STALE = `d.workspace_id = $1::uuid and ${OPEN_DEAL} and age.days >= age.threshold`;

async function propose(
  db: Queryable,
  workspaceId: string,
  options: { now?: Date } & StaleDealsOptions,
): Promise<SkillOutput> {
  const now = options.now ?? new Date();
  const thresholds = {
    ...DEFAULT_STALE_DAYS,
    ...options.thresholds,
    unmapped: options.unmappedDays ?? DEFAULT_UNMAPPED_STALE_DAYS,
  };
  const params = [workspaceId, now.toISOString(), JSON.stringify(thresholds)];
  const { rows } = await db.query<StaleDeal & { total: number }>(
    `select ${DEAL_COLUMNS}, touch.at as "lastTouchAt", age.days as "daysStale",
            age.threshold, pc.name as "contactName", pc.email as "contactEmail",
            count(*) over ()::int as total
     ${STALE_FROM}
     ${DEAL_JOINS}
     left join lateral (
       select nullif(btrim(concat_ws(' ', c.first_name, c.last_name)), '') as name, c.email
       from deal_contacts dc join contacts c on c.id = dc.contact_id
       where dc.deal_id = d.id
       order by dc.is_primary desc, c.last_name, c.first_name, c.id
       limit 1
     ) pc on true
     where ${STALE}
     order by d.amount desc nulls last, age.days desc, d.source, d.source_id
     limit $4::int`,
    [...params, options.limit ?? 50],
  );
  const { rows: all } = await db.query<{ sourceId: string }>(
    `select d.source_id as "sourceId" ${STALE_FROM} where ${STALE}`,
    params,
  );
  return {
    proposals: rows.map(({ total: _total, ...deal }) => staleProposal(deal, now)),
    candidates: rows[0]?.total ?? 0,
    skipped: 0,
    qualifying: all.map((row) => staleKey(row.sourceId)),
  };
}

/** Open deals without activity for longer than their stage allows: `re_engage_deal`. */
export const staleDeals: SkillDefinition<StaleDealsOptions> = {
  name: STALE_DEALS,
  description:
    'Open deals with no activity for longer than their stage allows (negotiation 10 days ' +
    'to prospecting 30), largest first, with steps to re-engage.',
  optionsSchema,
  propose,
};
