import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { withTransaction } from '../../db/pool.js';
import { stepCatalogue } from '../../flows/step-catalogue.js';
import {
  archiveFlow,
  createFlow,
  getFlow,
  getFlowVersion,
  listFlows,
  listFlowVersions,
  publishFlow,
  updateFlowDraft,
} from '../../flows/store.js';
import type { AppContext } from '../context.js';
import { strictObject } from '../schemas.js';
import {
  FlowParams,
  FlowSchema,
  literals,
  StepsSchema,
  StepTypeSchema,
  TriggerSchema,
  VersionNumber,
  VersionSchema,
  VersionSummarySchema,
} from './flow-schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 2000 });
const DraftRevision = Type.Integer({
  minimum: 1,
  maximum: 2_147_483_647,
  description:
    'The revision the edit started from; an older one than the stored is a 409 stale_draft',
});

/**
 * Workspace flows: any member reads them, their versions and the step catalogue;
 * admins create, edit, publish and archive them. Members' own automations are served
 * by the automation routes (an automation's id is not found here).
 */
export function flowRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/flows';
  const tags = ['flows'];
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listFlows',
          tags,
          summary: 'List flows',
          description: 'The workspace flows, the most recently changed first.',
          querystring: Type.Object({ status: Type.Optional(literals(['active', 'archived'])) }),
          response: { 200: Type.Object({ flows: Type.Array(FlowSchema) }) },
        },
      },
      async (request) => ({
        flows: await listFlows(ctx.pool, request.access.workspaceId, {
          kind: 'flow',
          status: request.query.status,
        }),
      }),
    );

    app.post(
      base,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createFlow',
          tags,
          summary: 'Create a flow',
          description:
            'A flow with its draft (admins). Nothing runs until it is published. 400 invalid_flow names each problem by its path (steps[2].config.url).',
          body: strictObject({
            name: Name,
            description: Type.Optional(Description),
            trigger: TriggerSchema,
            steps: StepsSchema,
          }),
          response: { 201: Type.Object({ flow: FlowSchema }) },
        },
      },
      async (request, reply) => {
        const { name, description, trigger, steps } = request.body;
        const flow = await createFlow(
          ctx.pool,
          request.access.workspaceId,
          { kind: 'flow', name, description, definition: { trigger, steps } },
          request.access.userId,
        );
        return reply.status(201).send({ flow });
      },
    );

    app.get(
      `${base}/:flowId`,
      {
        schema: {
          operationId: 'getFlow',
          tags,
          summary: 'Get a flow',
          description: 'The flow with its draft.',
          params: FlowParams,
          response: { 200: Type.Object({ flow: FlowSchema }) },
        },
      },
      async (request) => ({
        flow: await getFlow(ctx.pool, request.access.workspaceId, request.params.flowId, 'flow'),
      }),
    );

    app.patch(
      `${base}/:flowId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'updateFlow',
          tags,
          summary: 'Update a flow draft',
          description:
            'Change the name, description or draft (trigger, steps: each replaces the old whole). Published versions do not change.',
          params: FlowParams,
          body: Type.Object(
            {
              name: Type.Optional(Name),
              description: Type.Optional(Type.Union([Description, Type.Null()])),
              trigger: Type.Optional(TriggerSchema),
              steps: Type.Optional(StepsSchema),
              draftRevision: Type.Optional(DraftRevision),
            },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: { 200: Type.Object({ flow: FlowSchema }) },
        },
      },
      async (request) => ({
        flow: await updateFlowDraft(
          ctx.pool,
          request.access.workspaceId,
          request.params.flowId,
          'flow',
          request.body,
        ),
      }),
    );

    app.delete(
      `${base}/:flowId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'archiveFlow',
          tags,
          summary: 'Archive a flow',
          description:
            'The flow stops being triggered and cannot be changed; its versions and runs stay. Its open runs are stopped, as cancelFlowRun stops one, by the caller: pending and waiting runs are cancelled now (their approvals expire), a running one stops before its next step. `runs` counts both.',
          params: FlowParams,
          response: {
            200: Type.Object({
              flow: FlowSchema,
              runs: Type.Object(
                {
                  cancelled: Type.Integer({ description: 'Open runs cancelled now' }),
                  stopping: Type.Integer({
                    description: 'Runs under way, asked to stop before their next step',
                  }),
                },
                { description: "What archiving did to the flow's open runs" },
              ),
            }),
          },
        },
      },
      async (request) =>
        withTransaction(ctx.pool, (client) =>
          archiveFlow(
            client,
            request.access.workspaceId,
            request.params.flowId,
            'flow',
            request.access.userId,
          ),
        ),
    );

    app.post(
      `${base}/:flowId/publish`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'publishFlow',
          tags,
          summary: 'Publish a flow',
          description:
            'Freeze the draft as the next version; new runs use it. A draft equal to the latest version answers that version (200, created false).',
          params: FlowParams,
          body: Type.Optional(strictObject({ draftRevision: Type.Optional(DraftRevision) })),
          response: {
            200: Type.Object({ version: VersionSchema, created: Type.Boolean() }),
            201: Type.Object({ version: VersionSchema, created: Type.Boolean() }),
          },
        },
      },
      async (request, reply) => {
        const result = await publishFlow(
          ctx.pool,
          request.access.workspaceId,
          request.params.flowId,
          request.access.userId,
          { kind: 'flow', draftRevision: request.body?.draftRevision },
        );
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.get(
      `${base}/:flowId/versions`,
      {
        schema: {
          operationId: 'listFlowVersions',
          tags,
          summary: 'List flow versions',
          description: 'The published versions, newest first.',
          params: FlowParams,
          response: { 200: Type.Object({ versions: Type.Array(VersionSummarySchema) }) },
        },
      },
      async (request) => ({
        versions: await listFlowVersions(
          ctx.pool,
          request.access.workspaceId,
          request.params.flowId,
          'flow',
        ),
      }),
    );

    app.get(
      `${base}/:flowId/versions/:version`,
      {
        schema: {
          operationId: 'getFlowVersion',
          tags,
          summary: 'Get a flow version',
          description: 'One published version with its frozen definition.',
          params: Type.Object({ flowId: FlowParams.properties.flowId, version: VersionNumber }),
          response: { 200: Type.Object({ version: VersionSchema }) },
        },
      },
      async (request) => ({
        version: await getFlowVersion(
          ctx.pool,
          request.access.workspaceId,
          request.params.flowId,
          request.params.version,
          'flow',
        ),
      }),
    );

    app.get(
      '/api/workspaces/:workspaceId/flow-step-types',
      {
        schema: {
          operationId: 'listFlowStepTypes',
          tags,
          summary: 'List flow step types',
          description:
            "Every step type this server runs, with its config's JSON schema (the builder's forms) and whether members' automations may use it.",
          response: { 200: Type.Object({ stepTypes: Type.Array(StepTypeSchema) }) },
        },
      },
      async () => ({ stepTypes: stepCatalogue() }),
    );
  };
}
