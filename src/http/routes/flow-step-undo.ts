import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { undoFlowStepAs } from '../../flows/steps/undo.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { errorResponses, strictObject, Uuid } from '../schemas.js';

const Value = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

const StepUndoSchema = Type.Object({
  runId: Uuid,
  stepKey: Type.String(),
  stepType: Type.String(),
  status: Type.Union([Type.Literal('undone'), Type.Literal('blocked')], {
    description: 'blocked: something could not be put back (a field changed since; pass force)',
  }),
  fields: Type.Optional(
    Type.Array(
      Type.Object({
        objectType: Type.String(),
        recordId: Type.String(),
        field: Type.String(),
        before: Value,
        written: Value,
        current: Value,
        status: Type.Union(
          ['restored', 'already_restored', 'conflict', 'failed'].map((s) => Type.Literal(s)),
        ),
        message: Type.Optional(Type.String()),
      }),
    ),
  ),
  tags: Type.Optional(Type.Object({ removed: Type.Integer(), tagDeleted: Type.Boolean() })),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  note: Type.Optional(
    Type.Union([
      Type.Object({
        status: Type.Union([Type.Literal('created'), Type.Literal('failed')]),
        noteId: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
  ),
  replayed: Type.Optional(Type.Boolean()),
});

/**
 * Undoing a finished step of a flow run (crm_integration, assign_agent, add_tag,
 * subscribe_campaign, delete_contact). Admins undo any run's steps; a member only
 * those of their own automation's runs.
 */
export function flowStepUndoRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/workspaces/:workspaceId/flow-runs/:flowRunId/steps/:stepKey/undo',
      {
        schema: {
          operationId: 'undoFlowRunStep',
          tags: ['flows'],
          summary: 'Undo a step of a flow run',
          description:
            'Puts back what a finished step did: CRM fields where the CRM still holds what it wrote (force: overwrite changes made since), a tag, a campaign membership it made, a deleted contact (made again from its backup). A second undo returns the first. 409 not_undoable, step_not_completed.',
          params: Type.Object({
            flowRunId: Uuid,
            stepKey: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
          }),
          body: Type.Optional(strictObject({ force: Type.Optional(Type.Boolean()) })),
          response: { 200: Type.Object({ undo: StepUndoSchema }), ...errorResponses(403, 409) },
        },
      },
      async (request) => {
        const { access } = request;
        const caller = await callerOf(ctx.pool, access);
        const undo = await undoFlowStepAs(
          { pool: ctx.pool, secretKey: ctx.secretKey },
          { ...access, actor: caller.actor },
          request.params.flowRunId,
          request.params.stepKey,
          { force: request.body?.force ?? false },
        );
        return { undo };
      },
    );
  };
}
