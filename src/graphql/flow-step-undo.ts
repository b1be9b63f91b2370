/**
 * GraphQL for undoing a finished step of a flow run, as REST's
 * POST .../flow-runs/:flowRunId/steps/:stepKey/undo.
 */
import { Type } from '@sinclair/typebox';
import { undoFlowStepAs } from '../flows/steps/undo.js';
import { access, callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg } from './validate.js';

export const flowStepUndoTypeDefs = /* GraphQL */ `
  enum FlowStepUndoStatus {
    undone
    "Something could not be put back (a field changed since): undo again with force."
    blocked
  }

  type FlowStepUndo {
    runId: ID!
    stepKey: String!
    stepType: String!
    status: FlowStepUndoStatus!
    "CRM fields put back: { objectType, recordId, field, before, written, current, status, message }."
    fields: JSON
    "Tags taken off: { removed, tagDeleted }."
    tags: JSON
    "Other effects reversed (a campaign membership, a restored contact's new id)."
    details: JSON
    note: JSON
    "This undo was done before; its result is returned again."
    replayed: Boolean!
  }

  extend type Mutation {
    "Undo a completed step of a flow run (admins; a member for their own automation's runs)."
    undoFlowRunStep(workspaceId: ID!, runId: ID!, stepKey: String!, force: Boolean): FlowStepUndo!
  }
`;

const checkStepKey = argument('stepKey', Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }));

export const flowStepUndoResolvers = {
  Mutation: {
    undoFlowRunStep: (
      _parent: unknown,
      args: { workspaceId: string; runId: string; stepKey: string; force?: boolean | null },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const granted = await access(context, args.workspaceId);
        const caller = await callerAs(context, args.workspaceId);
        const undo = await undoFlowStepAs(
          { pool: context.pool, secretKey: context.secretKey },
          { ...granted, actor: caller.actor },
          uuidArg('runId', args.runId),
          checkStepKey(args.stepKey)!,
          { force: args.force ?? false },
        );
        return { ...undo, replayed: undo.replayed ?? false };
      }),
  },
};
