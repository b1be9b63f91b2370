/**
 * GraphQL for trying an agent on a meeting: the same call as REST's
 * `POST .../agents/:agentId/preview`.
 */
import { previewAgentRun } from '../agents/preview.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { uuidArg } from './validate.js';

export const agentRunTypeDefs = /* GraphQL */ `
  "The deal an agent matched a meeting to."
  type AgentMatchedRecord {
    type: String!
    "Pandora's id of the deal"
    id: ID!
    "The deal's id in the CRM"
    crmId: String!
    name: String!
  }

  type AgentMatchCandidate {
    dealId: ID!
    name: String!
    score: Float!
  }

  type AgentMatch {
    "contact, account, domain, ambiguous or none"
    method: String!
    reason: String!
    candidates: [AgentMatchCandidate!]!
    "For an ambiguous match: the question the inbox asks"
    question: String
  }

  type AgentFieldPreview {
    fieldName: String!
    crmProperty: String
    "The deal's value as of the last sync"
    currentValue: JSON
    newValue: JSON
    confidence: Float!
    "Verbatim from the transcript"
    quote: String!
    startSeconds: Float!
    "auto_apply or inbox"
    decision: String!
    "What a run would do: auto (write), inbox, shadow (record only) or unmapped"
    route: String!
  }

  type AgentPreviewResult {
    matchedRecord: AgentMatchedRecord
    matchConfidence: Float!
    match: AgentMatch!
    fieldsToUpdate: [AgentFieldPreview!]!
    "shadow or live"
    mode: String!
    warnings: [String!]!
  }

  extend type Mutation {
    "What the agent would do on the meeting, writing nothing (admins)."
    previewAgentRun(workspaceId: ID!, agentConfigId: ID!, meetingId: ID!): AgentPreviewResult!
  }
`;

export const agentRunResolvers = {
  Mutation: {
    previewAgentRun: (
      _parent: unknown,
      args: { workspaceId: string; agentConfigId: string; meetingId: string },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const preview = await previewAgentRun(
          context.pool,
          caller.workspaceId,
          uuidArg('agentConfigId', args.agentConfigId),
          uuidArg('meetingId', args.meetingId),
        );
        return {
          ...preview,
          fieldsToUpdate: preview.fields.map(({ field, ...rest }) => ({
            fieldName: field,
            ...rest,
          })),
        };
      }),
  },
};
