import {
  CREATE_DEAL,
  createDealKey,
  type CreateDealContact,
  type CreateDealSpec,
} from '../actions/create-deal.js';
import type { Queryable } from '../db/pool.js';
import { gapSummary, listGaps, type Gap, type GapSeverity } from '../conversations/gaps.js';
import type { SkillProposal } from './types.js';

/** What the conversation-coverage check found: open gaps by severity. */
export type ConversationCoverage = Record<GapSeverity, number>;

const DAY_MS = 86_400_000;
const PAGE = 200;

/**
 * The conversation-coverage check of the data-quality audit: external meetings with an
 * account and no deal, counted by severity, and for each high-severity one an executable
 * `create_deal` action (the deal on the meeting's account, its rep as owner, the
 * pipeline's first open stage, closing in 30 days; the account's contacts who took part
 * associated, other participants from the account's domain created). One action per
 * meeting: the key is the one a person's create-deal request uses.
 */
export async function conversationCoverage(
  db: Queryable,
  workspaceId: string,
  options: { now: Date; limit: number },
): Promise<{ coverage: ConversationCoverage; proposals: SkillProposal[]; qualifying: string[] }> {
  const summary = await gapSummary(db, workspaceId);
  const high: Gap[] = [];
  let after: string | undefined;
  do {
    const page = await listGaps(db, workspaceId, { severity: ['high'], limit: PAGE, after });
    high.push(...page.gaps);
    after = page.nextCursor ?? undefined;
  } while (after);
  const connections = await crmConnections(db, workspaceId);
  const proposals: SkillProposal[] = [];
  for (const gap of high) {
    if (proposals.length >= options.limit) break;
    const connectionId = connections.get(gap.account.source);
    if (!connectionId) continue;
    proposals.push(createDealProposal(gap, connectionId, options.now));
  }
  return {
    coverage: summary.bySeverity,
    proposals,
    qualifying: high.map((gap) => createDealKey(gap.conversationId)),
  };
}

/** The `create_deal` action for one gap. */
export function createDealProposal(gap: Gap, connectionId: string, now: Date): SkillProposal {
  const spec: CreateDealSpec = {
    conversationId: gap.conversationId,
    name: `${gap.account.name} – ${gap.title}`,
    amount: null,
    stage: '',
    pipeline: null,
    closeDate: new Date(now.getTime() + 30 * DAY_MS).toISOString().slice(0, 10),
    ownerEmail: gap.rep.email,
    contacts: contactsOf(gap),
  };
  const when = gap.startedAt.slice(0, 10);
  return {
    actionType: CREATE_DEAL,
    severity: 'warning',
    title: `Create the deal for "${gap.title}" with ${gap.account.name}`,
    summary:
      `${gap.account.name} met ${gap.rep.name ?? 'a rep'} on ${when} ("${gap.title}", ` +
      `${Math.round(gap.durationSeconds / 60)} min) and has no deal for it` +
      (gap.openDeals.length > 0
        ? `; its open deals (${gap.openDeals.map((d) => d.name).join(', ')}) were not linked to the meeting.`
        : '.'),
    impactAmount: null,
    urgencyLabel: 'Meeting without a deal',
    recommendedSteps: [
      'Check the stage, amount and close date, then execute to create the deal in the CRM',
      'Dismiss the gap instead if the meeting leads nowhere',
    ],
    connectionId,
    targetType: 'account',
    targetSourceId: gap.account.sourceId,
    targetEntityId: gap.account.id,
    targetName: gap.account.name,
    ownerEmail: gap.rep.email,
    executionPayload: { create_deal: spec } as SkillProposal['executionPayload'],
    dedupeKey: createDealKey(gap.conversationId),
  };
}

/**
 * The account's contacts who took part, to associate; participants from the account's
 * own domain whom the CRM does not know yet, to create.
 */
function contactsOf(gap: Gap): CreateDealContact[] {
  const known = new Set(gap.contacts.filter((c) => c.email).map((c) => c.email!.toLowerCase()));
  const result: CreateDealContact[] = gap.contacts
    .filter((contact) => contact.participated && contact.email)
    .map((contact) => ({ email: contact.email!, mode: 'associate' }));
  const domain = gap.account.domain?.toLowerCase();
  if (!domain) return result;
  for (const participant of gap.participants) {
    const email = participant.email?.toLowerCase();
    if (!email || known.has(email) || !email.endsWith(`@${domain}`)) continue;
    known.add(email);
    const [first, ...rest] = (participant.name ?? '').trim().split(/\s+/).filter(Boolean);
    result.push({
      email,
      firstName: first ?? null,
      lastName: rest.length > 0 ? rest.join(' ') : null,
      mode: 'create',
    });
  }
  return result;
}

async function crmConnections(db: Queryable, workspaceId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ crmType: string; id: string }>(
    `select distinct on (crm_type) crm_type as "crmType", id from connections
     where workspace_id = $1::uuid and crm_type is not null and status <> 'disconnected'
     order by crm_type, (status = 'connected') desc, created_at desc`,
    [workspaceId],
  );
  return new Map(rows.map((row) => [row.crmType, row.id]));
}
