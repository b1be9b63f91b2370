/**
 * GraphQL for workspace flows, as over REST: any member reads flows, their versions and
 * the step catalogue; admins create, edit, publish and archive. The definition check is
 * the domain's (400 `invalid_flow` with `details: [{ path, message }]`).
 */
import { Type } from '@sinclair/typebox';
import { withTransaction } from '../db/pool.js';
import { stepCatalogue } from '../flows/step-catalogue.js';
import {
  archiveFlow,
  createFlow,
  getFlow,
  getFlowVersion,
  listFlows,
  listFlowVersions,
  publishFlow,
  updateFlowDraft,
  type FlowStatus,
} from '../flows/store.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls, type Nullable } from './validate.js';

export const flowTypeDefs = /* GraphQL */ `
  enum FlowStatus {
    active
    archived
  }

  type FlowStep {
    "Unique in the flow; {{steps.<key>.output}} names its output."
    key: String!
    type: String!
    config: JSON!
    name: String
    "{ attempts, backoffMs, maxDelayMs } overriding the type's default."
    retry: JSON
    timeoutMs: Int
  }

  type FlowDefinition {
    "{ type: manual } | { type: schedule, cron, timezone } | { type: event, event, filter? } | { type: webhook }"
    trigger: JSON!
    steps: [FlowStep!]!
  }

  type Flow {
    id: ID!
    name: String!
    description: String
    status: FlowStatus!
    draft: FlowDefinition!
    "Send it back with an update to refuse stale edits."
    draftRevision: Int!
    "The last published version; null until the first publish."
    latestVersion: Int
    hasUnpublishedChanges: Boolean!
    hasWebhookSecret: Boolean!
    createdBy: ID
    createdAt: String!
    updatedAt: String!
  }

  type FlowVersion {
    flowId: ID!
    version: Int!
    publishedBy: ID
    publishedAt: String!
    stepCount: Int!
    triggerType: String!
    "Null in lists; asked of flowVersion."
    definition: FlowDefinition
  }

  type PublishedFlowVersion {
    version: FlowVersion!
    "False when the draft equalled the latest version, which is answered."
    created: Boolean!
  }

  type FlowStepType {
    id: String!
    category: String!
    title: String!
    description: String!
    effect: String!
    "The config's JSON schema; the builder's forms are made from it."
    configSchema: JSON!
    allowedInAutomations: Boolean!
    defaultRetry: JSON!
    defaultTimeoutMs: Int!
    secretFields: [String!]!
    jumpFields: [String!]!
    "Config fields used as written: no {{...}} templates there."
    literalFields: [String!]!
  }

  input FlowRetryInput {
    attempts: Int
    backoffMs: Int
    maxDelayMs: Int
  }

  input FlowStepInput {
    key: String!
    type: String!
    config: JSON!
    name: String
    retry: FlowRetryInput
    timeoutMs: Int
  }

  input FlowInput {
    name: String!
    description: String
    trigger: JSON!
    steps: [FlowStepInput!]!
  }

  "The parts to change; trigger and steps each replace the old whole."
  input FlowPatch {
    name: String
    description: String
    trigger: JSON
    steps: [FlowStepInput!]
    "The revision the edit started from; an older one is refused (stale_draft)."
    draftRevision: Int
  }

  extend type Workspace {
    "Workspace flows, the most recently changed first."
    flows(status: FlowStatus): [Flow!]!
    flow(id: ID!): Flow!
    "Published versions, newest first."
    flowVersions(flowId: ID!): [FlowVersion!]!
    flowVersion(flowId: ID!, version: Int!): FlowVersion!
    "Every step type this server runs."
    flowStepTypes: [FlowStepType!]!
  }

  extend type Mutation {
    createFlow(workspaceId: ID!, input: FlowInput!): Flow!
    updateFlow(workspaceId: ID!, id: ID!, patch: FlowPatch!): Flow!
    "Freeze the draft as the next version; new runs use it."
    publishFlow(workspaceId: ID!, id: ID!, draftRevision: Int): PublishedFlowVersion!
    """
    The flow stops being triggered; its versions and runs stay. Its open runs are
    stopped by the caller, as cancelFlowRun stops one: pending and waiting runs are
    cancelled now (their approvals expire), a running one stops before its next step.
    """
    archiveFlow(workspaceId: ID!, id: ID!): Flow!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;
type StepInput = Nullable<{
  key: string;
  type: string;
  config: unknown;
  name: string;
  retry: Nullable<{ attempts: number; backoffMs: number; maxDelayMs: number }>;
  timeoutMs: number;
}>;

const Revision = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const checkNames = argument(
  'input',
  Type.Object({
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    draftRevision: Type.Optional(Revision),
  }),
);
const checkPatch = argument('patch', Type.Object({}, { minProperties: 1 }));
const checkRevision = argument('draftRevision', Revision);
const checkVersion = argument('version', Revision);

/** GraphQL's explicit nulls as the absent fields the definition check expects. */
function stepsOf(steps: StepInput[] | null | undefined) {
  return steps?.map((step) => {
    const plain = withoutNulls(step);
    return step.retry ? { ...plain, retry: withoutNulls(step.retry) } : plain;
  });
}

export const flowResolvers = {
  Workspace: {
    flows: (parent: Parent, args: { status?: FlowStatus | null }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return listFlows(context.pool, caller.workspaceId, {
          kind: 'flow',
          status: args.status ?? undefined,
        });
      }),
    flow: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return getFlow(context.pool, caller.workspaceId, uuidArg('id', args.id), 'flow');
      }),
    flowVersions: (parent: Parent, args: { flowId: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        const flowId = uuidArg('flowId', args.flowId);
        const versions = await listFlowVersions(context.pool, caller.workspaceId, flowId, 'flow');
        return versions.map((version) => ({ ...version, flowId }));
      }),
    flowVersion: (parent: Parent, args: { flowId: string; version: number }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        const flowId = uuidArg('flowId', args.flowId);
        checkVersion(args.version);
        return getFlowVersion(context.pool, caller.workspaceId, flowId, args.version, 'flow');
      }),
    flowStepTypes: (parent: Parent, _args: unknown, context: Ctx) =>
      guarded(async () => {
        await callerAs(context, parent.id);
        return stepCatalogue();
      }),
  },
  Mutation: {
    createFlow: (
      _parent: unknown,
      args: {
        workspaceId: string;
        input: { name: string; description?: string | null; trigger: unknown; steps: StepInput[] };
      },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const input = withoutNulls(args.input);
        checkNames(input);
        return createFlow(
          context.pool,
          caller.workspaceId,
          {
            kind: 'flow',
            name: input.name,
            description: input.description,
            definition: { trigger: input.trigger, steps: stepsOf(input.steps) },
          },
          caller.kind === 'user' ? caller.sourceId : null,
        );
      }),
    updateFlow: (
      _parent: unknown,
      args: {
        workspaceId: string;
        id: string;
        patch: Nullable<{
          name: string;
          description: string;
          trigger: unknown;
          steps: StepInput[];
          draftRevision: number;
        }>;
      },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const id = uuidArg('id', args.id);
        checkPatch(args.patch);
        // An explicit null description clears it; every other null means "leave it".
        const patch = withoutNulls(args.patch);
        checkNames(patch);
        return updateFlowDraft(context.pool, caller.workspaceId, id, 'flow', {
          ...patch,
          ...(args.patch.description === null ? { description: null } : {}),
          steps: stepsOf(patch.steps),
        });
      }),
    publishFlow: (
      _parent: unknown,
      args: { workspaceId: string; id: string; draftRevision?: number | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const id = uuidArg('id', args.id);
        checkRevision(args.draftRevision);
        return publishFlow(
          context.pool,
          caller.workspaceId,
          id,
          caller.kind === 'user' ? caller.sourceId : null,
          { kind: 'flow', draftRevision: args.draftRevision ?? undefined },
        );
      }),
    archiveFlow: (_parent: unknown, args: { workspaceId: string; id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const id = uuidArg('id', args.id);
        const userId = caller.kind === 'user' ? caller.sourceId : null;
        const archived = await withTransaction(context.pool, (client) =>
          archiveFlow(client, caller.workspaceId, id, 'flow', userId),
        );
        return archived.flow;
      }),
  },
};
