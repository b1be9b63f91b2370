import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { previewAgentRun } from '../../agents/preview.js';
import { runAgentsForConversation } from '../../agents/run.js';
import { getActivityLog } from '../../agents/run-store.js';
import { configuredLlmExtractor } from '../../agents/llm/from-config.js';
import type { AppContext } from '../context.js';
import { Timestamp, Uuid, errorResponses } from '../schemas.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Decision = Type.Union([Type.Literal('auto_apply'), Type.Literal('inbox')]);

const PreviewField = Type.Object({
  field: Type.String({
    description: 'close_date, amount, stage, next_step, competitors, a MEDDICC or BANT field',
  }),
  crmProperty: Nullable(Type.String()),
  currentValue: Type.Unknown({ description: "The deal's value as of the last sync" }),
  newValue: Type.Unknown(),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  quote: Type.String({ description: 'Verbatim from the transcript' }),
  startSeconds: Type.Number({
    description: 'Where in the recording (estimated from the transcript)',
  }),
  decision: Decision,
  route: Type.Union(
    [Type.Literal('auto'), Type.Literal('inbox'), Type.Literal('shadow'), Type.Literal('unmapped')],
    {
      description:
        'What a run would do: write it, ask in the inbox, only record it (shadow), or nothing (no CRM property)',
    },
  ),
});

const Preview = Type.Object({
  agentConfigId: Uuid,
  conversationId: Uuid,
  matchedRecord: Nullable(
    Type.Object({
      type: Type.Literal('deal'),
      id: Uuid,
      crmId: Type.String(),
      name: Type.String(),
    }),
  ),
  matchConfidence: Type.Number(),
  match: Type.Object({
    method: Type.String(),
    reason: Type.String(),
    candidates: Type.Array(
      Type.Object({ dealId: Type.String(), name: Type.String(), score: Type.Number() }),
    ),
    question: Type.Optional(Type.String()),
  }),
  fields: Type.Array(PreviewField),
  mode: Type.Union([Type.Literal('shadow'), Type.Literal('live')]),
  warnings: Type.Array(Type.String()),
});

const FieldEntry = Type.Object({
  before: Type.Unknown(),
  after: Type.Unknown(),
  confidence: Type.Number(),
  quote: Type.String(),
  startSeconds: Nullable(Type.Number()),
  decision: Decision,
  status: Type.String({
    description:
      'applied, pending, failed, shadow, awaiting_approval, unmapped, approved, rejected',
  }),
  crmProperty: Nullable(Type.String()),
});

const AgentRun = Type.Object({
  id: Uuid,
  agentConfigId: Nullable(Uuid),
  conversationId: Nullable(Uuid),
  trigger: Type.String(),
  dealId: Nullable(Uuid),
  crmRecordType: Nullable(Type.String()),
  crmRecordId: Nullable(Type.String()),
  actionType: Type.String(),
  fieldsUpdated: Type.Record(Type.String(), FieldEntry),
  matchConfidence: Nullable(Type.Number()),
  overallConfidence: Nullable(Type.Number()),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('success'),
    Type.Literal('failed'),
    Type.Literal('rejected'),
  ]),
  shadow: Type.Boolean(),
  actionId: Nullable(Uuid),
  warnings: Type.Array(Type.String()),
  errorMessage: Nullable(Type.String()),
  retryable: Type.Boolean({ description: 'The CRM write failed in a way running again may fix' }),
  createdAt: Timestamp,
});

const Params = Type.Object({ agentId: Uuid });
const Body = Type.Object({ conversationId: Uuid }, { additionalProperties: false });

/** `POST .../agents/:agentId/preview` and `.../agents/:agentId/runs`. */
export function agentRunRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log };
  const options = { llm: configuredLlmExtractor(ctx.config) };
  return async (app) => {
    app.post(
      '/api/workspaces/:workspaceId/agents/:agentId/preview',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'previewAgentRun',
          tags: ['agents'],
          summary: 'Preview what an agent would do on a meeting',
          description:
            'Runs the agent on the meeting writing nothing: the deal it matches, and per field the ' +
            'current value, the new value, its confidence, the quote it rests on, the decision and ' +
            'what a run would do with it; with warnings. Any status, so a draft can be tried.',
          params: Params,
          body: Body,
          response: { 200: Type.Object({ preview: Preview }), ...errorResponses(403) },
        },
      },
      async (request) => ({
        preview: await previewAgentRun(
          ctx.pool,
          request.access.workspaceId,
          request.params.agentId,
          request.body.conversationId,
          options,
        ),
      }),
    );

    app.post(
      '/api/workspaces/:workspaceId/agents/:agentId/runs',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createAgentRun',
          tags: ['agents'],
          summary: 'Run an active agent on a meeting now',
          description:
            'Runs the agent on the meeting as after a link: confident values it may apply are ' +
            'written through the actions engine, the rest go to the inbox, an ambiguous match ' +
            'becomes a question; in shadow mode nothing is written. Each call is a new run with ' +
            'its activity row; the agent’s write for one meeting is one action, so running again ' +
            'after a failed write retries it and never writes a value twice.',
          params: Params,
          body: Body,
          response: {
            201: Type.Object({ run: AgentRun }),
            ...errorResponses(403, 409),
          },
        },
      },
      async (request, reply) => {
        const { workspaceId } = request.access;
        const [result] = await runAgentsForConversation(
          deps,
          {
            workspaceId,
            conversationId: request.body.conversationId,
            agentConfigId: request.params.agentId,
            trigger: 'manual',
          },
          options,
        );
        const row = await getActivityLog(ctx.pool, workspaceId, result!.activityLogId);
        reply.code(201);
        return { run: { ...row, retryable: result!.retryable } };
      },
    );
  };
}
