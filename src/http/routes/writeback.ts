import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { listWrites } from '../../crm/ledger/queries.js';
import { WRITE_STATUSES } from '../../crm/ledger/types.js';
import { conflict } from '../../errors.js';
import { FIELDS } from '../../writeback/fields.js';
import {
  MAPPING_TRIGGERS,
  createMapping,
  crmProperties,
  deleteMapping,
  getMapping,
  listMappings,
  updateMapping,
} from '../../writeback/mappings.js';
import { previewMapping } from '../../writeback/preview.js';
import {
  SCORE_LABELS,
  TIMESTAMP_FORMATS,
  WRITE_MODES,
  WRITE_MODE_SENTENCES,
} from '../../writeback/rules.js';
import { computeFields } from '../../skills/fields/run.js';
import { getRun, listRuns, startRun } from '../../writeback/runs.js';
import { getConnection } from '../../tenancy/connections.js';
import { actorName } from '../auth.js';
import type { AppContext } from '../context.js';
import { errorResponses, PageLimit, pageSize, strictObject, Timestamp, Uuid } from '../schemas.js';
import {
  ComputeSchema,
  CrmPropertiesSchema,
  FieldRegistrySchema,
  MappingAnswerSchema,
  MappingChangeSchema,
  MappingListSchema,
  MappingPreviewSchema,
  RunAnswerSchema,
  RunListSchema,
  WriteLogSchema,
} from './writeback-schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

const ObjectType = literals(['deal', 'account'] as const);
const Rule = (description: string) => Type.String({ maxLength: 50, description });

const MappingFields = {
  connectionId: Uuid,
  crmProperty: Type.String({ minLength: 1, maxLength: 200 }),
  writeMode: Type.Optional(literals(WRITE_MODES)),
  appendSeparator: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  timestampFormat: Type.Optional(literals(TIMESTAMP_FORMATS)),
  maxEntries: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()])),
  writeCondition: Type.Optional(
    Type.Union([
      Rule('score_above:n, score_below:n, score_changed_by:n or field_is_blank'),
      Type.Null(),
    ]),
  ),
  valueTransform: Type.Optional(
    Rule('raw, truncate:n, round:n, date_only, uppercase or score_label'),
  ),
  trigger: Type.Optional(literals(MAPPING_TRIGGERS)),
  enabled: Type.Optional(Type.Boolean()),
};

const CreateBody = strictObject({
  pandoraField: Type.String({ minLength: 1, maxLength: 100 }),
  objectType: ObjectType,
  ...MappingFields,
});
const PatchBody = strictObject({
  connectionId: Type.Optional(Uuid),
  crmProperty: Type.Optional(MappingFields.crmProperty),
  writeMode: MappingFields.writeMode,
  appendSeparator: MappingFields.appendSeparator,
  timestampFormat: MappingFields.timestampFormat,
  maxEntries: MappingFields.maxEntries,
  writeCondition: MappingFields.writeCondition,
  valueTransform: MappingFields.valueTransform,
  trigger: MappingFields.trigger,
  enabled: MappingFields.enabled,
});

const MappingParams = Type.Object({ mappingId: Uuid });

/**
 * Write-back: the field registry, the CRM's properties, mappings (admins change
 * them; anyone in the workspace reads and tests them), runs and the write log.
 */
export function writebackRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log };
  const base = '/api/workspaces/:workspaceId/writeback';
  return async (app) => {
    app.get(
      `${base}/fields`,
      {
        schema: {
          operationId: 'listWritebackFields',
          tags: ['writeback'],
          summary: 'List write-back fields',
          description:
            'Fields Pandora computes and can write to CRM properties, and the write modes.',
          response: { 200: FieldRegistrySchema },
        },
      },
      async () => {
        return {
          fields: [...FIELDS],
          writeModes: WRITE_MODES.map((mode) => ({
            mode,
            description: WRITE_MODE_SENTENCES[mode],
          })),
          scoreLabels: SCORE_LABELS.map((band) => ({
            label: band.label,
            min: Number.isFinite(band.min) ? band.min : 0,
          })),
        };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/connections/:connectionId/properties',
      {
        schema: {
          operationId: 'listCrmProperties',
          tags: ['writeback'],
          summary: 'List CRM properties',
          description:
            "The CRM's properties of an object type, read live, with the Pandora fields each can take.",
          params: Type.Object({ connectionId: Uuid }),
          querystring: strictObject({ objectType: Type.Optional(ObjectType) }),
          response: { 200: CrmPropertiesSchema, ...errorResponses(409) },
        },
      },
      async (request) => {
        const objectType = request.query.objectType ?? 'deal';
        // A connection in the path that is not this workspace's is not found.
        await getConnection(ctx.pool, request.access.workspaceId, request.params.connectionId);
        const properties = await crmProperties(
          deps,
          request.access.workspaceId,
          request.params.connectionId,
          objectType,
        );
        const fields = FIELDS.filter((field) => field.objectTypes.includes(objectType));
        return {
          properties: properties.map((property) => ({
            ...property,
            fits: fields
              .filter((field) => (field.compatibleTypes as string[]).includes(property.type))
              .map((field) => field.name),
            fitsWithLoss: fields
              .filter((field) => (field.lossyTypes as string[]).includes(property.type))
              .map((field) => field.name),
          })),
        };
      },
    );

    app.get(
      `${base}/mappings`,
      {
        schema: {
          operationId: 'listWritebackMappings',
          tags: ['writeback'],
          summary: 'List write-back mappings',
          description: 'Live mappings with their writes of the last 7 days.',
          response: { 200: MappingListSchema },
        },
      },
      async (request) => {
        return { mappings: await listMappings(ctx.pool, request.access.workspaceId) };
      },
    );

    app.post(
      `${base}/mappings`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createWritebackMapping',
          tags: ['writeback'],
          summary: 'Create a write-back mapping',
          description: 'Map a Pandora field to a CRM property (admins); warnings name lossy pairs.',
          body: CreateBody,
          response: { 201: MappingChangeSchema, ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        const created = await createMapping(
          deps,
          request.access.workspaceId,
          request.body as Static<typeof CreateBody>,
          await actorName(ctx.pool, request.access),
        );
        return reply.code(201).send(created);
      },
    );

    app.get(
      `${base}/mappings/:mappingId`,
      {
        schema: {
          operationId: 'getWritebackMapping',
          tags: ['writeback'],
          summary: 'Get a write-back mapping',
          params: MappingParams,
          response: { 200: MappingAnswerSchema },
        },
      },
      async (request) => {
        return {
          mapping: await getMapping(ctx.pool, request.access.workspaceId, request.params.mappingId),
        };
      },
    );

    app.patch(
      `${base}/mappings/:mappingId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'updateWritebackMapping',
          tags: ['writeback'],
          summary: 'Update a write-back mapping',
          description:
            'Change a mapping, enable or disable it (admins); checked again against the CRM.',
          params: MappingParams,
          body: PatchBody,
          response: { 200: MappingChangeSchema, ...errorResponses(409) },
        },
      },
      async (request) => {
        return updateMapping(
          deps,
          request.access.workspaceId,
          request.params.mappingId,
          request.body,
        );
      },
    );

    app.delete(
      `${base}/mappings/:mappingId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'deleteWritebackMapping',
          tags: ['writeback'],
          summary: 'Delete a write-back mapping',
          description: 'Delete a mapping (admins); its write history stays.',
          params: MappingParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deleteMapping(ctx.pool, request.access.workspaceId, request.params.mappingId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/mappings/:mappingId/test`,
      {
        schema: {
          operationId: 'testWritebackMapping',
          tags: ['writeback'],
          summary: 'Test a write-back mapping',
          description:
            'Exactly what a run would write for a sample record (the full text after an append); writes nothing.',
          params: MappingParams,
          body: Type.Optional(strictObject({ entityId: Type.Optional(Uuid) })),
          response: { 200: MappingPreviewSchema, ...errorResponses(409) },
        },
      },
      async (request) => {
        return {
          preview: await previewMapping(
            deps,
            request.access.workspaceId,
            request.params.mappingId,
            request.body?.entityId,
          ),
        };
      },
    );

    app.post(
      `${base}/runs`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'startWritebackRun',
          tags: ['writeback'],
          summary: 'Start a write-back run',
          description:
            'Sync all: write every enabled mapping (or the given ones) in a background run (admins).',
          body: Type.Optional(
            strictObject({
              mappingIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 50 })),
            }),
          ),
          response: { 202: RunAnswerSchema, ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        const ids = request.body?.mappingIds;
        if (ids) {
          for (const id of ids) await getMapping(ctx.pool, request.access.workspaceId, id);
        }
        const run = await startRun(ctx.pool, request.access.workspaceId, {
          trigger: 'manual',
          actor: await actorName(ctx.pool, request.access),
          mappingIds: ids,
        });
        if (!run) throw conflict('nothing_to_run', 'No enabled mapping to run; add or enable one');
        return reply.code(202).send({ run });
      },
    );

    app.post(
      `${base}/compute`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'computeWritebackFields',
          tags: ['writeback'],
          summary: 'Compute fields now',
          description:
            "Compute a skill's fields now (deal-score or account-score); the mappings that follow computation write what changed.",
          body: strictObject({ skill: literals(['deal-score', 'account-score'] as const) }),
          response: { 200: ComputeSchema },
        },
      },
      async (request) => {
        return computeFields(ctx.pool, request.access.workspaceId, request.body.skill, {
          trigger: 'manual',
          actor: await actorName(ctx.pool, request.access),
        });
      },
    );

    app.get(
      `${base}/runs`,
      {
        schema: {
          operationId: 'listWritebackRuns',
          tags: ['writeback'],
          summary: 'List write-back runs',
          description: 'Recent write-back runs, newest first.',
          querystring: strictObject({
            limit: PageLimit(100, 20),
          }),
          response: { 200: RunListSchema },
        },
      },
      async (request) => {
        return { runs: await listRuns(ctx.pool, request.access.workspaceId, request.query.limit) };
      },
    );

    app.get(
      `${base}/runs/:writebackRunId`,
      {
        schema: {
          operationId: 'getWritebackRun',
          tags: ['writeback'],
          summary: 'Get a write-back run',
          description: "A run's progress and report.",
          params: Type.Object({ writebackRunId: Uuid }),
          response: { 200: RunAnswerSchema },
        },
      },
      async (request) => {
        return {
          run: await getRun(ctx.pool, request.access.workspaceId, request.params.writebackRunId),
        };
      },
    );

    app.get(
      `${base}/log`,
      {
        schema: {
          operationId: 'listWritebackLog',
          tags: ['writeback'],
          summary: 'List write-back writes',
          description:
            'Write-back writes from the ledger, newest first, by mapping, record, status, time.',
          querystring: strictObject({
            mappingId: Type.Optional(Uuid),
            recordId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            status: Type.Optional(literals(WRITE_STATUSES)),
            since: Type.Optional(Timestamp),
            until: Type.Optional(Timestamp),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: PageLimit(200, 50),
          }),
          response: { 200: WriteLogSchema },
        },
      },
      async (request) => {
        const { mappingId, ...filters } = pageSize(request.query, 50);
        if (mappingId) await getMapping(ctx.pool, request.access.workspaceId, mappingId);
        const { entries, nextCursor } = await listWrites(ctx.pool, request.access.workspaceId, {
          ...filters,
          originType: 'writeback',
          originId: mappingId,
        });
        return { writes: entries, nextCursor };
      },
    );
  };
}
