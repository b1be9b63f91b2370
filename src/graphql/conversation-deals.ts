/**
 * GraphQL for creating the missing deal of a meeting: the same call as REST's
 * `POST .../conversations/without-deals/:conversationId/create-deal`.
 */
import { Type } from '@sinclair/typebox';
import { createDealFromConversation } from '../conversations/create-deal.js';
import { CreateDealBody } from '../conversations/create-deal-schema.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg } from './validate.js';

export const conversationDealTypeDefs = /* GraphQL */ `
  enum CreateDealContactMode {
    "A new CRM contact, on the account"
    create
    "The CRM contact with this email, already synced"
    associate
  }

  input CreateDealContactInput {
    email: String!
    firstName: String
    lastName: String
    mode: CreateDealContactMode!
  }

  "Everything but the stage has a default; the stage defaults to the pipeline's first open one."
  input CreateDealInput {
    "Default: Account – meeting title"
    name: String
    amount: Float
    "A stage of the pipeline (id or label), or a Pandora stage"
    stage: String
    pipeline: String
    "YYYY-MM-DD; default 30 days from today"
    closeDate: String
    "Default: the meeting's rep"
    ownerEmail: String
    contacts: [CreateDealContactInput!]
  }

  type CreatedDealContact {
    email: String!
    "The contact's CRM id"
    contactId: String!
    created: Boolean!
  }

  type CreatedDeal {
    "The create_deal action (undo it to archive the deal)"
    actionId: ID!
    crmType: String!
    "The deal's CRM id"
    dealId: String!
    "Where to open the deal in the CRM (or the sandbox)"
    dealUrl: String!
    pandoraDealId: ID!
    conversationId: ID!
    contacts: [CreatedDealContact!]!
    execution: ActionExecution!
    "Made by an earlier request: nothing was created this time."
    replayed: Boolean!
  }

  extend type Mutation {
    "Create the missing deal of a meeting in the CRM, as a create_deal action executed at once."
    createDealFromConversation(
      workspaceId: ID!
      conversationId: ID!
      input: CreateDealInput
      idempotencyKey: String
    ): CreatedDeal!
  }
`;

const checkInput = argument('input', CreateDealBody);
const checkKey = argument('idempotencyKey', Type.String({ minLength: 1, maxLength: 200 }));

/** GraphQL's explicit nulls as absent fields, nested contacts too. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, field]) => field !== null || key === 'amount')
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}

export const conversationDealResolvers = {
  Mutation: {
    createDealFromConversation: (
      _parent: unknown,
      args: {
        workspaceId: string;
        conversationId: string;
        input?: Record<string, unknown> | null;
        idempotencyKey?: string | null;
      },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        const input = checkInput(withoutNulls(args.input) as never) ?? {};
        return createDealFromConversation(
          context,
          caller,
          uuidArg('conversationId', args.conversationId),
          input,
          checkKey(args.idempotencyKey),
        );
      }),
  },
};
