/**
 * GraphQL for meetings, their links and the conversations without deals: the same
 * reads and mutations as REST (src/http/routes/conversations.ts, conversation-gaps.ts),
 * any member, arguments checked as REST checks them.
 */
import { Type } from '@sinclair/typebox';
import {
  dismissGap,
  gapSummary,
  listGaps,
  type GapCause,
  type GapSeverity,
} from '../conversations/gaps.js';
import { withTransaction } from '../db/pool.js';
import { resolveInternalDomains, setInternalDomains } from '../conversations/internal.js';
import { enqueueLinking } from '../conversations/linker.js';
import { linkByHand, unlinkByHand, type ManualLinkInput } from '../conversations/manual-links.js';
import {
  getConversation,
  listConversations,
  type ConversationDetail,
  type ConversationFilters,
  type ConversationSummary,
} from '../conversations/queries.js';
import { badRequest } from '../errors.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls, type Nullable } from './validate.js';
import type { Caller } from '../actions/service.js';

export const conversationTypeDefs = /* GraphQL */ `
  "How the linker (or a person: manual) tied a meeting to the CRM."
  enum LinkMethod {
    email
    crm_ids
    single_open_deal
    account_domain
    manual
  }

  "deal: linked to a deal; account_only: an account and no deal; none: neither."
  enum LinkedFilter {
    deal
    account_only
    none
  }

  enum GapSeverity {
    high
    medium
    low
  }

  enum GapCause {
    deal_not_created
    early_stage
    disqualified_not_logged
  }

  type ConversationOwner {
    id: ID!
    name: String!
    email: String
  }

  type ConversationAccount {
    id: ID!
    name: String!
    domain: String
  }

  type ConversationDeal {
    id: ID!
    name: String!
    stage: String
    stageNormalized: String
  }

  type ConversationContact {
    id: ID!
    name: String
    email: String
  }

  type ConversationParticipant {
    email: String
    name: String
    "The CRM contact with this email, when the linker matched one."
    contactId: ID
  }

  type ConversationMatchedContact {
    id: ID!
    name: String
    email: String
    accountId: ID
  }

  type ConversationGapState {
    dismissedAt: String
    dismissedBy: ID
    dismissReason: String
    dealCreatedAt: String
  }

  type Conversation {
    id: ID!
    "gong, fireflies, webhook, upload, demo..."
    source: String!
    sourceId: String!
    connectionId: ID
    title: String!
    startedAt: String!
    durationSeconds: Int!
    isInternal: Boolean!
    internalReason: String
    hostEmail: String
    owner: ConversationOwner
    participantCount: Int!
    account: ConversationAccount
    deal: ConversationDeal
    contact: ConversationContact
    linkMethod: LinkMethod
    "How sure the linker is, 0 to 1; 1 for manual."
    linkConfidence: Float
    linkedAt: String
    linkedBy: ID
    participants: [ConversationParticipant!]!
    transcript: String
    "Every CRM contact who took part, as the linker matched them."
    contacts: [ConversationMatchedContact!]!
    gap: ConversationGapState!
  }

  type ConversationConnection {
    conversations: [Conversation!]!
    nextCursor: String
  }

  input ConversationFilter {
    internal: Boolean
    linked: LinkedFilter
    source: String
    "The rep's email: the host, or the CRM owner's email."
    rep: String
    "Started at or after (ISO 8601)."
    from: String
    "Started before (ISO 8601)."
    to: String
  }

  type GapAccount {
    id: ID!
    name: String!
    domain: String
    "The CRM it came from (hubspot, salesforce...) and its id there."
    source: String!
    sourceId: String!
  }

  type GapDeal {
    id: ID!
    name: String!
    stage: String
    amount: Float
    closeDate: String
  }

  type GapContact {
    id: ID!
    name: String
    email: String
    title: String
    participated: Boolean!
  }

  type GapRep {
    ownerId: ID
    name: String
    email: String
  }

  type GapParticipant {
    email: String
    name: String
  }

  type ConversationGap {
    conversationId: ID!
    title: String!
    source: String!
    startedAt: String!
    durationSeconds: Int!
    severity: GapSeverity!
    cause: GapCause!
    participants: [GapParticipant!]!
    account: GapAccount!
    openDeals: [GapDeal!]!
    "The account's contacts (at most 25; totalContacts counts them all)."
    contacts: [GapContact!]!
    totalContacts: Int!
    rep: GapRep!
  }

  type ConversationGapConnection {
    gaps: [ConversationGap!]!
    nextCursor: String
  }

  type GapSeverityCounts {
    high: Int!
    medium: Int!
    low: Int!
  }

  type ConversationGapSummary {
    open: Int!
    bySeverity: GapSeverityCounts!
    "Deals created from gaps since the first of this month (UTC)."
    createdThisMonth: Int!
    dismissedThisMonth: Int!
  }

  type ConversationGapDismissal {
    conversationId: ID!
    dismissedAt: String!
  }

  input ConversationLinkInput {
    dealId: ID
    accountId: ID
    contactId: ID
  }

  enum InternalDomainSource {
    setting
    team
    inference
    none
  }

  type ResolvedInternalDomains {
    domains: [String!]!
    "setting: the admin's list; team: tracked reps' and CRM owners' domains; inference: the hosts' domain no contact has."
    source: InternalDomainSource!
  }

  type InternalDomains {
    "The admin's list."
    domains: [String!]!
    "What the internal-meeting filter uses now."
    resolved: ResolvedInternalDomains!
  }

  type InternalDomainsUpdate {
    domains: [String!]!
    resolved: ResolvedInternalDomains!
    "Always true: meetings are re-classified and re-linked by a background job."
    reclassificationQueued: Boolean!
  }

  extend type Workspace {
    internalDomains: InternalDomains!
    "Meetings, newest first; first is 1 to 200 (50)."
    conversations(filter: ConversationFilter, first: Int, after: String): ConversationConnection!
    conversation(id: ID!): Conversation!
    "Conversations without deals: most severe, then newest first; first is 1 to 200 (50)."
    conversationGaps(
      severity: [GapSeverity!]
      cause: [GapCause!]
      rep: String
      first: Int
      after: String
    ): ConversationGapConnection!
    conversationGapSummary: ConversationGapSummary!
  }

  extend type Mutation {
    "Replace the admin's internal domains (admins); meetings are re-classified in the background."
    setInternalDomains(workspaceId: ID!, domains: [String!]!): InternalDomainsUpdate!
    "Link a meeting by hand to a deal, an account or a contact (at least one); never replaced by the linker."
    setConversationLink(
      workspaceId: ID!
      conversationId: ID!
      input: ConversationLinkInput!
    ): Conversation!
    "Unlink by hand: stays unlinked, unless automatic hands it back to the linker, which links it again at once."
    removeConversationLink(workspaceId: ID!, conversationId: ID!, automatic: Boolean): Conversation!
    "This meeting needs no deal: it leaves the gaps list for good."
    dismissConversationGap(
      workspaceId: ID!
      conversationId: ID!
      reason: String!
    ): ConversationGapDismissal!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;
type Row = ConversationSummary & Partial<ConversationDetail> & { workspaceId: string };

const checkFirst = argument('first', Type.Integer({ minimum: 1, maximum: 200 }));
const checkAfter = argument('after', Type.String({ maxLength: 500 }));
const checkRep = argument('rep', Type.String({ minLength: 3, maxLength: 254 }));
const checkFilter = argument(
  'filter',
  Type.Object({
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    rep: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
);
const checkDomains = argument(
  'domains',
  Type.Array(Type.String({ maxLength: 253 }), { maxItems: 100 }),
);
const checkReason = argument('reason', Type.String({ minLength: 1, maxLength: 1_000 }));

/** The person behind the caller, for linked_by and gap_dismissed_by; null for an API key. */
const personOf = (caller: Caller) => (caller.kind === 'user' ? caller.sourceId : null);

// A list's meetings carry no transcript or participants; asked for, each is read once.
const details = new WeakMap<Ctx, Map<string, Promise<ConversationDetail>>>();
function detailOf(context: Ctx, row: Row): Promise<ConversationDetail> {
  let known = details.get(context);
  if (!known) details.set(context, (known = new Map()));
  let detail = known.get(row.id);
  if (!detail) {
    detail = getConversation(context.pool, row.workspaceId, row.id);
    known.set(row.id, detail);
  }
  return detail;
}

const lazy =
  <K extends 'participants' | 'transcript' | 'contacts' | 'gap'>(key: K) =>
  (parent: Row, _args: unknown, context: Ctx) =>
    guarded(async () =>
      parent[key] !== undefined ? parent[key] : (await detailOf(context, parent))[key],
    );

export const conversationResolvers = {
  Workspace: {
    internalDomains: (parent: Parent, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        const resolved = await resolveInternalDomains(context.pool, caller.workspaceId);
        return { domains: resolved.source === 'setting' ? resolved.domains : [], resolved };
      }),
    conversations: (
      parent: Parent,
      args: Nullable<{ filter: Nullable<ConversationFilters>; first: number; after: string }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        const filter = withoutNulls(args.filter ?? {});
        checkFilter(filter);
        const page = await listConversations(context.pool, caller.workspaceId, {
          ...filter,
          limit: checkFirst(args.first) ?? 50,
          after: checkAfter(args.after),
        });
        return {
          ...page,
          conversations: page.conversations.map((c) => ({
            ...c,
            workspaceId: caller.workspaceId,
          })),
        };
      }),
    conversation: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        const detail = await getConversation(
          context.pool,
          caller.workspaceId,
          uuidArg('id', args.id),
        );
        return { ...detail, workspaceId: caller.workspaceId };
      }),
    conversationGaps: (
      parent: Parent,
      args: Nullable<{
        severity: GapSeverity[];
        cause: GapCause[];
        rep: string;
        first: number;
        after: string;
      }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return listGaps(context.pool, caller.workspaceId, {
          severity: args.severity ?? undefined,
          cause: args.cause ?? undefined,
          rep: checkRep(args.rep),
          limit: checkFirst(args.first) ?? 50,
          after: checkAfter(args.after),
        });
      }),
    conversationGapSummary: (parent: Parent, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return gapSummary(context.pool, caller.workspaceId);
      }),
  },
  Conversation: {
    participants: lazy('participants'),
    transcript: lazy('transcript'),
    contacts: lazy('contacts'),
    gap: lazy('gap'),
  },
  Mutation: {
    setInternalDomains: (
      _parent: unknown,
      args: { workspaceId: string; domains: string[] },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        checkDomains(args.domains);
        const domains = await setInternalDomains(context.pool, caller.workspaceId, args.domains);
        await enqueueLinking(context.pool, caller.workspaceId);
        return {
          domains,
          resolved: await resolveInternalDomains(context.pool, caller.workspaceId),
          reclassificationQueued: true,
        };
      }),
    setConversationLink: (
      _parent: unknown,
      args: { workspaceId: string; conversationId: string; input: Nullable<ManualLinkInput> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        const conversationId = uuidArg('conversationId', args.conversationId);
        const input = withoutNulls(args.input);
        if (Object.keys(input).length === 0) {
          throw badRequest('validation_failed', 'Give a dealId, an accountId or a contactId', [
            { field: 'input', message: 'must have at least one of dealId, accountId, contactId' },
          ]);
        }
        for (const [field, value] of Object.entries(input)) uuidArg(`input.${field}`, value);
        await withTransaction(context.pool, (client) =>
          linkByHand(client, caller.workspaceId, conversationId, input, personOf(caller)),
        );
        const detail = await getConversation(context.pool, caller.workspaceId, conversationId);
        return { ...detail, workspaceId: caller.workspaceId };
      }),
    removeConversationLink: (
      _parent: unknown,
      args: { workspaceId: string; conversationId: string; automatic?: boolean | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        const conversationId = uuidArg('conversationId', args.conversationId);
        await unlinkByHand(context.pool, caller.workspaceId, conversationId, {
          automatic: args.automatic ?? false,
          userId: personOf(caller),
        });
        const detail = await getConversation(context.pool, caller.workspaceId, conversationId);
        return { ...detail, workspaceId: caller.workspaceId };
      }),
    dismissConversationGap: (
      _parent: unknown,
      args: { workspaceId: string; conversationId: string; reason: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        const conversationId = uuidArg('conversationId', args.conversationId);
        const { dismissedAt } = await dismissGap(context.pool, caller.workspaceId, conversationId, {
          reason: checkReason(args.reason)!,
          userId: personOf(caller),
        });
        return { conversationId, dismissedAt };
      }),
  },
};
