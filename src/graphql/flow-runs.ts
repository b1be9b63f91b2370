/**
 * GraphQL for flow runs, as over REST: members read a workspace flow's runs (a member's
 * automation runs only theirs); admins start, cancel and rerun them.
 */
import { Type } from '@sinclair/typebox';
import {
  cancelFlowRun,
  getFlowRun,
  listFlowRuns,
  rerunFlowRun,
  startFlowRun,
} from '../flows/engine/runs.js';
import { notFound } from '../errors.js';
import { getFlow, runVisibleTo } from '../flows/store.js';
import type { RunStatus } from '../flows/types.js';
import { access, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg } from './validate.js';

export const flowRunTypeDefs = /* GraphQL */ `
  enum FlowRunStatus {
    pending
    running
    waiting
    completed
    failed
    cancelled
    timeout
  }

  enum RerunVersion {
    same
    latest
  }

  type FlowStepError {
    "validation, network, timeout, permission, sandbox or internal."
    category: String!
    severity: String!
    message: String!
    suggestion: String!
    retryable: Boolean!
    "What an outside system answered."
    status: Int
    "The step that failed (on a run)."
    stepKey: String
  }

  type FlowStepRun {
    key: String!
    type: String!
    status: String!
    "The config as resolved; secrets shown as [secret]."
    input: JSON
    output: JSON
    error: FlowStepError
    attempts: Int!
    startedAt: String!
    finishedAt: String
    durationMs: Int
  }

  type FlowRun {
    id: ID!
    flowId: ID!
    version: Int!
    status: FlowRunStatus!
    trigger: JSON!
    input: JSON!
    scopeUserId: ID
    startedBy: ID
    rerunOf: ID
    rerunFromStep: String
    currentStep: String
    error: FlowStepError
    wakeAt: String
    cancelRequestedAt: String
    createdAt: String!
    startedAt: String
    finishedAt: String
    durationMs: Int
    "In the version's step order: the steps that ran. Empty in lists."
    steps: [FlowStepRun!]!
  }

  type FlowRunPage {
    runs: [FlowRun!]!
    "Pass as after for the next page; null on the last."
    nextCursor: String
  }

  extend type Workspace {
    "A flow's runs, newest first (1 to 200 a page, default 50)."
    flowRuns(flowId: ID!, status: FlowRunStatus, limit: Int, after: String): FlowRunPage!
    flowRun(id: ID!): FlowRun!
  }

  extend type Mutation {
    "A manual run of the latest published version; input is what {{trigger.x}} reads."
    startFlowRun(workspaceId: ID!, flowId: ID!, input: JSON): FlowRun!
    cancelFlowRun(workspaceId: ID!, id: ID!): FlowRun!
    "A new run from the step that stopped this one (default: on the same version)."
    rerunFlowRun(workspaceId: ID!, id: ID!, version: RerunVersion): FlowRun!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;

const checkLimit = argument('limit', Type.Integer({ minimum: 1, maximum: 200 }));
const checkAfter = argument('after', Type.String({ maxLength: 200 }));
const checkInput = argument('input', Type.Record(Type.String(), Type.Unknown()));

/** The run as the caller may see it, or not_found. */
async function visibleRun(
  context: Ctx,
  granted: { workspaceId: string; role: 'admin' | 'member'; userId: string | null },
  runId: string,
) {
  const run = await getFlowRun(context.pool, granted.workspaceId, runId);
  if (!run || !(await runVisibleTo(context.pool, granted.workspaceId, run, granted))) {
    throw notFound('flow run', runId);
  }
  return run;
}

export const flowRunResolvers = {
  Workspace: {
    flowRuns: (
      parent: Parent,
      args: {
        flowId: string;
        status?: RunStatus | null;
        limit?: number | null;
        after?: string | null;
      },
      context: Ctx,
    ) =>
      guarded(async () => {
        const granted = await access(context, parent.id);
        const flowId = uuidArg('flowId', args.flowId);
        checkLimit(args.limit);
        checkAfter(args.after);
        await getFlow(context.pool, granted.workspaceId, flowId, 'flow');
        const page = await listFlowRuns(context.pool, granted.workspaceId, {
          flowId,
          status: args.status ?? undefined,
          limit: args.limit ?? 50,
          cursor: args.after ?? undefined,
        });
        return { ...page, runs: page.runs.map((run) => ({ ...run, steps: [] })) };
      }),
    flowRun: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const granted = await access(context, parent.id);
        return visibleRun(context, granted, uuidArg('id', args.id));
      }),
  },
  Mutation: {
    startFlowRun: (
      _parent: unknown,
      args: { workspaceId: string; flowId: string; input?: Record<string, unknown> | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const granted = await access(context, args.workspaceId, 'admin');
        const flowId = uuidArg('flowId', args.flowId);
        checkInput(args.input);
        await getFlow(context.pool, granted.workspaceId, flowId, 'flow');
        const { runId } = await startFlowRun(context.pool, {
          workspaceId: granted.workspaceId,
          flowId,
          trigger: { type: 'manual' },
          input: args.input ?? {},
          startedBy: granted.userId,
        });
        return visibleRun(context, granted, runId);
      }),
    cancelFlowRun: (_parent: unknown, args: { workspaceId: string; id: string }, context: Ctx) =>
      guarded(async () => {
        const granted = await access(context, args.workspaceId, 'admin');
        const id = uuidArg('id', args.id);
        await cancelFlowRun(context.pool, granted.workspaceId, id, granted.userId);
        return visibleRun(context, granted, id);
      }),
    rerunFlowRun: (
      _parent: unknown,
      args: { workspaceId: string; id: string; version?: 'same' | 'latest' | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const granted = await access(context, args.workspaceId, 'admin');
        const { runId } = await rerunFlowRun(
          context.pool,
          granted.workspaceId,
          uuidArg('id', args.id),
          { on: args.version ?? 'same', startedBy: granted.userId },
        );
        return visibleRun(context, granted, runId);
      }),
  },
};
