import { DEMO_PIPELINES, stageGroups, type DemoPipeline, type DemoStage } from './pipelines.js';
import type { Random } from './random.js';
import type {
  DemoAccount,
  DemoContact,
  DemoDeal,
  DemoDealContact,
  DemoOwner,
  DemoStageChange,
  ForecastCategory,
} from './types.js';
import { BUYER_TITLES, NEW_BUSINESS_THEMES, NEXT_STEPS } from './vocabulary.js';

export const DAY = 86_400_000;

const [SALES, RENEWALS] = DEMO_PIPELINES as [DemoPipeline, DemoPipeline];
const GROUPS = new Map(DEMO_PIPELINES.map((pipeline) => [pipeline.id, stageGroups(pipeline)]));
const STAGES = new Map(DEMO_PIPELINES.flatMap((p) => p.stages.map((s) => [s.id, s] as const)));
const ROLE_BY_TITLE = new Map(BUYER_TITLES.map(({ value }) => [value.title, value.role]));

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface DealInput {
  sourceId: string;
  account: DemoAccount;
  owner: DemoOwner;
  renewal: boolean;
  nowMs: number;
}

/**
 * One deal, with the flaws a real CRM has on purpose: open deals missing a close date
 * or an amount, close dates already past, no activity for months.
 */
export function makeDeal(random: Random, input: DealInput): DemoDeal {
  const { account, nowMs } = input;
  const pipeline = input.renewal ? RENEWALS : SALES;
  const groups = GROUPS.get(pipeline.id)!;
  const roll = random.next();
  const wonShare = input.renewal ? 0.25 : 0.2;
  const lostShare = input.renewal ? 0.08 : 0.13;
  // Open deals sit mostly in the early stages, as in any real funnel.
  const stage =
    roll < wonShare
      ? groups.won
      : roll < wonShare + lostShare
        ? groups.lost
        : random.weighted(
            groups.open.map((s, i) => ({ value: s, weight: groups.open.length - i })),
          );

  // Log-normal around $55K: most deals fall in $20K-$120K, with a long tail.
  const raw = Math.exp(Math.log(55_000) + 0.75 * random.normal());
  let amount: number | null = Math.round(Math.min(500_000, Math.max(5_000, raw)) / 100) * 100;

  let createdMs: number;
  let closeMs: number | null;
  let lastActivityMs: number | null;
  if (stage.isClosed) {
    createdMs = nowMs - random.int(40, 540) * DAY - random.int(0, 86_399) * 1000;
    closeMs = Math.min(nowMs - DAY, createdMs + random.int(14, 150) * DAY);
    lastActivityMs = closeMs - random.int(0, 3) * DAY;
  } else {
    createdMs = nowMs - random.int(3, 240) * DAY - random.int(0, 86_399) * 1000;
    const ageDays = Math.floor((nowMs - createdMs) / DAY);
    const flaw = random.next();
    if (flaw < 0.07) closeMs = null;
    else if (flaw < 0.17) closeMs = Math.max(createdMs + DAY, nowMs - random.int(1, 60) * DAY);
    else closeMs = nowMs + random.int(input.renewal ? 15 : 7, input.renewal ? 180 : 150) * DAY;
    if (random.chance(0.05)) amount = null;
    const activity = random.next();
    if (activity < 0.04) lastActivityMs = null;
    else if (activity < 0.2 && ageDays > 60) {
      lastActivityMs = nowMs - random.int(60, Math.min(180, ageDays)) * DAY;
    } else
      lastActivityMs = Math.max(createdMs, nowMs - random.next() * Math.min(21, ageDays) * DAY);
  }

  const theme = input.renewal
    ? `Renewal ${new Date(closeMs ?? nowMs).getUTCFullYear()}`
    : random.pick(NEW_BUSINESS_THEMES);
  return {
    sourceId: input.sourceId,
    accountSourceId: account.sourceId,
    ownerSourceId: input.owner.sourceId,
    name: `${account.name} – ${theme}`,
    amount,
    closeDate: closeMs === null ? null : isoDate(closeMs),
    pipeline: pipeline.id,
    stage: stage.id,
    stageNormalized: stage.normalized,
    probability: stage.probability,
    forecastCategory: forecastCategory(stage),
    nextStep: !stage.isClosed && random.chance(0.75) ? random.pick(NEXT_STEPS) : null,
    lastActivityAt:
      lastActivityMs === null ? null : new Date(Math.round(lastActivityMs)).toISOString(),
    createdAt: new Date(createdMs).toISOString(),
  };
}

function forecastCategory(stage: DemoStage): ForecastCategory {
  if (stage.isWon) return 'closed';
  if (stage.isClosed) return 'omitted';
  if (stage.probability >= 0.8) return 'commit';
  if (stage.probability >= 0.5) return 'best_case';
  return 'pipeline';
}

/** The stages a deal went through, from creation to its current stage. */
export function stageHistoryOf(random: Random, deal: DemoDeal, nowMs: number): DemoStageChange[] {
  const groups = GROUPS.get(deal.pipeline)!;
  const current = STAGES.get(deal.stage)!;
  let path: DemoStage[];
  if (current.isWon) path = [...groups.open, current];
  else if (current.isClosed)
    path = [...groups.open.slice(0, random.int(1, groups.open.length)), current];
  else path = groups.open.slice(0, groups.open.indexOf(current) + 1);
  // Inbound deals often start past the first stage.
  if (path.length > 2 && random.chance(0.25)) path = path.slice(1);

  const start = Date.parse(deal.createdAt);
  const last = current.isClosed
    ? Date.parse(`${deal.closeDate}T17:00:00.000Z`)
    : deal.lastActivityAt
      ? Date.parse(deal.lastActivityAt)
      : start;
  // Keep changes strictly ordered and never in the future.
  const end = Math.min(nowMs, Math.max(last, start + path.length * 60_000));
  const step = path.length > 1 ? (end - start) / (path.length - 1) : 0;
  return path.map((stage, index) => ({
    dealSourceId: deal.sourceId,
    fromStage: index === 0 ? null : path[index - 1]!.id,
    toStage: stage.id,
    changedAt: new Date(Math.round(start + step * index)).toISOString(),
  }));
}

/** One to three of the account's contacts on the deal; the first one is primary. */
export function dealContactsOf(
  random: Random,
  deal: DemoDeal,
  contacts: DemoContact[],
): DemoDealContact[] {
  return random.sample(contacts, random.int(1, 3)).map((contact, index) => ({
    dealSourceId: deal.sourceId,
    contactSourceId: contact.sourceId,
    role: ROLE_BY_TITLE.get(contact.title) ?? 'Influencer',
    isPrimary: index === 0,
  }));
}

export function isOpen(deal: DemoDeal): boolean {
  return deal.stageNormalized !== 'closed_won' && deal.stageNormalized !== 'closed_lost';
}
