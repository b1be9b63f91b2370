import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { startAutomationRun, type AutomationStart } from '../../flows/automations/start.js';
import {
  createUserAutomation,
  deleteUserAutomation,
  getUserAutomation,
  listUserAutomations,
  updateUserAutomation,
  type AutomationInput,
  type AutomationViewer,
} from '../../flows/automations/store.js';
import { listFlowRuns, startFlowRun } from '../../flows/engine/runs.js';
import { RUN_STATUSES } from '../../flows/types.js';
import { rotateFlowWebhookSecret } from '../../flows/triggers/webhook.js';
import type { AppContext } from '../context.js';
import { errorResponses, PageLimit, pageSize, strictObject, Timestamp, Uuid } from '../schemas.js';
import { RunSummarySchema, StepsSchema, TriggerSchema, literals } from './flow-schemas.js';
import { flowWebhookUrl, SecretReply } from './flow-hooks.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]);

const AutomationSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  isActive: Type.Boolean({ description: 'Paused automations start no runs' }),
  user: Type.Object(
    { id: Uuid, name: Type.String(), email: Type.String() },
    { description: 'The member whose records it runs on' },
  ),
  trigger: TriggerSchema,
  steps: StepsSchema,
  version: Type.Integer({ description: 'The published version its runs start on' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const AutomationReply = Type.Object({ automation: AutomationSchema });
const AutomationParams = Type.Object({ automationId: Uuid });
// A record by Pandora's id or the CRM's.
const RecordRef = strictObject({
  type: literals(['deal', 'account', 'contact']),
  id: Type.String({ minLength: 1, maxLength: 200 }),
});

const viewerOf = (access: { role: AutomationViewer['role']; userId: string | null }) => ({
  role: access.role,
  userId: access.userId,
});

/**
 * Members' automations: each member manages their own, admins all. Saving publishes;
 * runs act only on the owner's records.
 */
export function automationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/automations';
  const tags = ['flows'];
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listUserAutomations',
          tags,
          summary: 'List automations',
          description:
            "A member's own automations; an admin sees everyone's (or one member's with userId).",
          querystring: Type.Object({ userId: Type.Optional(Uuid) }),
          response: {
            200: Type.Object({ automations: Type.Array(AutomationSchema) }),
            ...errorResponses(403),
          },
        },
      },
      async (request) => ({
        automations: await listUserAutomations(
          ctx.pool,
          request.access.workspaceId,
          viewerOf(request.access),
          { userId: request.query.userId },
        ),
      }),
    );

    app.post(
      base,
      {
        schema: {
          operationId: 'createUserAutomation',
          tags,
          summary: 'Create an automation',
          description:
            "Saved and published at once; it runs on its owner's records only. Members make their own; admins may name another member in userId. Only step types allowed in automations (see flow-step-types). 400 invalid_flow names each problem by its path.",
          body: strictObject({
            name: Name,
            description: Type.Optional(Description),
            trigger: TriggerSchema,
            steps: StepsSchema,
            isActive: Type.Optional(Type.Boolean()),
            userId: Type.Optional(Uuid),
          }),
          response: { 201: AutomationReply, ...errorResponses(403) },
        },
      },
      async (request, reply) => {
        const automation = await createUserAutomation(
          ctx.pool,
          request.access.workspaceId,
          viewerOf(request.access),
          request.body as AutomationInput,
        );
        return reply.status(201).send({ automation });
      },
    );

    app.get(
      `${base}/:automationId`,
      {
        schema: {
          operationId: 'getUserAutomation',
          tags,
          summary: 'Get an automation',
          params: AutomationParams,
          response: { 200: AutomationReply },
        },
      },
      async (request) => ({
        automation: await getUserAutomation(
          ctx.pool,
          request.access.workspaceId,
          viewerOf(request.access),
          request.params.automationId,
        ),
      }),
    );

    app.patch(
      `${base}/:automationId`,
      {
        schema: {
          operationId: 'updateUserAutomation',
          tags,
          summary: 'Update an automation',
          description:
            'A changed trigger or steps publish a new version; running runs keep theirs.',
          params: AutomationParams,
          body: strictObject({
            name: Type.Optional(Name),
            description: Type.Optional(Description),
            trigger: Type.Optional(TriggerSchema),
            steps: Type.Optional(StepsSchema),
            isActive: Type.Optional(Type.Boolean()),
          }),
          response: { 200: AutomationReply },
        },
      },
      async (request) => ({
        automation: await updateUserAutomation(
          ctx.pool,
          request.access.workspaceId,
          viewerOf(request.access),
          request.params.automationId,
          request.body,
        ),
      }),
    );

    app.delete(
      `${base}/:automationId`,
      {
        schema: {
          operationId: 'deleteUserAutomation',
          tags,
          summary: 'Delete an automation',
          description:
            'It starts no more runs and its open runs are stopped (cancelled, or at their next step when under way); its past runs stay readable.',
          params: AutomationParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deleteUserAutomation(
          ctx.pool,
          request.access.workspaceId,
          viewerOf(request.access),
          request.params.automationId,
        );
        return reply.status(204).send(null);
      },
    );

    for (const [verb, isActive] of [
      ['activate', true],
      ['pause', false],
    ] as const) {
      app.post(
        `${base}/:automationId/${verb}`,
        {
          schema: {
            operationId: `${verb}UserAutomation`,
            tags,
            summary: isActive ? 'Activate an automation' : 'Pause an automation',
            params: AutomationParams,
            response: { 200: AutomationReply },
          },
        },
        async (request) => ({
          automation: await updateUserAutomation(
            ctx.pool,
            request.access.workspaceId,
            viewerOf(request.access),
            request.params.automationId,
            { isActive },
          ),
        }),
      );
    }

    app.post(
      `${base}/:automationId/runs`,
      {
        schema: {
          operationId: 'startUserAutomationRun',
          tags,
          summary: 'Run an automation now',
          description:
            "The run acts for the automation's owner: a record (`record`, or `input.record`) that is not theirs is refused with 403 record_out_of_scope.",
          params: AutomationParams,
          body: strictObject({
            input: Type.Optional(
              Type.Record(Type.String(), Type.Unknown(), {
                description: 'What the run reads as {{trigger.x}}',
              }),
            ),
            record: Type.Optional(RecordRef),
          }),
          response: { 201: Type.Object({ runId: Uuid }), ...errorResponses(403, 409) },
        },
      },
      async (request, reply) => {
        const started = await startAutomationRun(
          ctx.pool,
          startFlowRun,
          request.access.workspaceId,
          viewerOf(request.access),
          request.params.automationId,
          request.body as AutomationStart,
        );
        return reply.status(201).send(started);
      },
    );

    app.get(
      `${base}/:automationId/runs`,
      {
        schema: {
          operationId: 'listUserAutomationRuns',
          tags,
          summary: "List an automation's runs",
          description: 'Newest first; pass nextCursor back as cursor for the next page.',
          params: AutomationParams,
          querystring: Type.Object({
            status: Type.Optional(literals(RUN_STATUSES)),
            limit: PageLimit(200, 50),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          response: {
            200: Type.Object({
              runs: Type.Array(RunSummarySchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (request) => {
        const automation = await getUserAutomation(
          ctx.pool,
          request.access.workspaceId,
          viewerOf(request.access),
          request.params.automationId,
        );
        return listFlowRuns(ctx.pool, request.access.workspaceId, {
          flowId: automation.id,
          limit: pageSize(request.query, 50).limit,
          cursor: request.query.cursor,
        });
      },
    );

    app.post(
      `${base}/:automationId/rotate-secret`,
      {
        schema: {
          operationId: 'rotateUserAutomationSecret',
          tags,
          summary: "Make or replace an automation's webhook secret",
          description:
            'For an automation whose trigger is `webhook`. The old secret stops working at once; the new one is shown only here.',
          params: AutomationParams,
          response: { 200: SecretReply },
        },
      },
      async (request) => {
        const automation = await getUserAutomation(
          ctx.pool,
          request.access.workspaceId,
          viewerOf(request.access),
          request.params.automationId,
        );
        const { secret } = await rotateFlowWebhookSecret(
          ctx.pool,
          ctx.secretKey,
          request.access.workspaceId,
          automation.id,
          'automation',
        );
        return { secret, webhookUrl: flowWebhookUrl(ctx, automation.id) };
      },
    );
  };
}
