/** GraphQL for write-back: the same domain calls as REST (src/writeback), the same errors. */
import { listWrites } from '../crm/ledger/queries.js';
import { Type } from '@sinclair/typebox';
import { WRITE_STATUSES, type WriteStatus } from '../crm/ledger/types.js';
import { badRequest, conflict } from '../errors.js';
import { computeFields } from '../skills/fields/run.js';
import { getConnection } from '../tenancy/connections.js';
import { FIELDS, type FieldObjectType } from '../writeback/fields.js';
import {
  createMapping,
  crmProperties,
  deleteMapping,
  getMapping,
  listMappings,
  updateMapping,
  type MappingInput,
} from '../writeback/mappings.js';
import { previewMapping } from '../writeback/preview.js';
import { SCORE_LABELS, WRITE_MODES, WRITE_MODE_SENTENCES } from '../writeback/rules.js';
import { getRun, listRuns, startRun } from '../writeback/runs.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, uuidList } from './validate.js';

export const writebackTypeDefs = /* GraphQL */ `
  enum FieldObjectType {
    deal
    account
  }

  type PandoraField {
    name: String!
    label: String!
    description: String!
    example: String!
    objectTypes: [FieldObjectType!]!
    kind: String!
    compatibleTypes: [String!]!
    lossyTypes: [String!]!
    skills: [String!]!
  }

  type WriteModeInfo {
    mode: String!
    description: String!
  }

  type CrmPropertyChoice {
    name: String!
    label: String!
    type: String!
    readOnly: Boolean!
    "Pandora fields that fit this property without loss, and with a loss."
    fits: [String!]!
    fitsWithLoss: [String!]!
  }

  type WritebackMapping {
    id: ID!
    connectionId: ID!
    pandoraField: String!
    objectType: FieldObjectType!
    crmProperty: String!
    crmPropertyType: String!
    writeMode: String!
    appendSeparator: String!
    timestampFormat: String!
    maxEntries: Int
    writeCondition: String
    valueTransform: String!
    trigger: String!
    enabled: Boolean!
    createdBy: String
    createdAt: String!
    updatedAt: String!
    "Ledger rows of the last 7 days by status, and the last write."
    recent: JSON
    lastWrite: JSON
  }

  type MappingSaved {
    mapping: WritebackMapping!
    warnings: [String!]!
  }

  type WritebackRun {
    id: ID!
    trigger: String!
    actor: String
    mappingIds: [ID!]!
    status: String!
    total: Int!
    done: Int!
    "{ considered, unchanged, skipped_condition, written, failed, crm_calls }"
    report: JSON!
    failures: JSON!
    error: String
    createdAt: String!
    startedAt: String
    finishedAt: String
  }

  type WritebackLogPage {
    writes: JSON!
    nextCursor: Int
  }

  input MappingInput {
    connectionId: ID!
    pandoraField: String!
    objectType: FieldObjectType!
    crmProperty: String!
    writeMode: String
    appendSeparator: String
    timestampFormat: String
    maxEntries: Int
    writeCondition: String
    valueTransform: String
    trigger: String
    enabled: Boolean
  }

  input MappingPatch {
    connectionId: ID
    crmProperty: String
    writeMode: String
    appendSeparator: String
    timestampFormat: String
    maxEntries: Int
    writeCondition: String
    valueTransform: String
    trigger: String
    enabled: Boolean
  }

  extend type Workspace {
    writebackFields: [PandoraField!]!
    writeModes: [WriteModeInfo!]!
    "Score labels from the top: a score at or above min gets the label."
    scoreLabels: JSON!
    crmProperties(connectionId: ID!, objectType: FieldObjectType!): [CrmPropertyChoice!]!
    mappings: [WritebackMapping!]!
    mapping(id: ID!): WritebackMapping!
    writebackRuns(first: Int): [WritebackRun!]!
    writebackRun(id: ID!): WritebackRun!
    writebackLog(
      mappingId: ID
      recordId: String
      status: String
      before: Int
      first: Int
    ): WritebackLogPage!
  }

  extend type Mutation {
    createMapping(workspaceId: ID!, input: MappingInput!): MappingSaved!
    updateMapping(workspaceId: ID!, id: ID!, patch: MappingPatch!): MappingSaved!
    deleteMapping(workspaceId: ID!, id: ID!): Boolean!
    "Exactly what a run would write for a record (the full text after an append); writes nothing."
    testMapping(workspaceId: ID!, id: ID!, entityId: ID): JSON!
    "Sync all: every enabled mapping, or the given ones, in a background run."
    startWritebackRun(workspaceId: ID!, mappingIds: [ID!]): WritebackRun!
    "Compute deal-score or account-score now; the mappings that follow computation write what changed."
    computeFields(workspaceId: ID!, skill: String!): JSON!
  }
`;

type Parent = { id: string };
const deps = (context: GraphQLContext) => ({
  pool: context.pool,
  secretKey: context.secretKey,
  log: context.log,
});

// The REST write log's and run list's bounds, so GraphQL refuses what REST refuses.
const checkRunsFirst = argument('first', Type.Integer({ minimum: 1, maximum: 100 }));
const checkLogFirst = argument('first', Type.Integer({ minimum: 1, maximum: 200 }));
const checkBefore = argument('before', Type.Integer({ minimum: 1 }));
const checkRecordId = argument('recordId', Type.String({ minLength: 1, maxLength: 64 }));
const checkStatus = argument(
  'status',
  Type.Union(WRITE_STATUSES.map((status) => Type.Literal(status))),
);

export const writebackResolvers = {
  Workspace: {
    writebackFields: () => FIELDS,
    writeModes: () =>
      WRITE_MODES.map((mode) => ({ mode, description: WRITE_MODE_SENTENCES[mode] })),
    scoreLabels: () =>
      SCORE_LABELS.map((band) => ({
        label: band.label,
        min: Number.isFinite(band.min) ? band.min : 0,
      })),
    crmProperties: (
      parent: Parent,
      args: { connectionId: string; objectType: FieldObjectType },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        await getConnection(
          context.pool,
          caller.workspaceId,
          uuidArg('connectionId', args.connectionId),
        );
        const properties = await crmProperties(
          deps(context),
          caller.workspaceId,
          args.connectionId,
          args.objectType,
        );
        const fields = FIELDS.filter((field) => field.objectTypes.includes(args.objectType));
        return properties.map((property) => ({
          ...property,
          fits: fields
            .filter((f) => (f.compatibleTypes as string[]).includes(property.type))
            .map((f) => f.name),
          fitsWithLoss: fields
            .filter((f) => (f.lossyTypes as string[]).includes(property.type))
            .map((f) => f.name),
        }));
      }),
    mappings: (parent: Parent, _args: unknown, context: GraphQLContext) =>
      guarded(async () =>
        listMappings(context.pool, (await callerAs(context, parent.id)).workspaceId),
      ),
    mapping: (parent: Parent, args: { id: string }, context: GraphQLContext) =>
      guarded(async () =>
        getMapping(
          context.pool,
          (await callerAs(context, parent.id)).workspaceId,
          uuidArg('id', args.id),
        ),
      ),
    writebackRuns: (parent: Parent, args: { first?: number }, context: GraphQLContext) =>
      guarded(async () =>
        listRuns(
          context.pool,
          (await callerAs(context, parent.id)).workspaceId,
          checkRunsFirst(args.first) ?? 20,
        ),
      ),
    writebackRun: (parent: Parent, args: { id: string }, context: GraphQLContext) =>
      guarded(async () =>
        getRun(
          context.pool,
          (await callerAs(context, parent.id)).workspaceId,
          uuidArg('id', args.id),
        ),
      ),
    writebackLog: (
      parent: Parent,
      args: {
        mappingId?: string;
        recordId?: string;
        status?: WriteStatus;
        before?: number;
        first?: number;
      },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        if (args.mappingId)
          await getMapping(context.pool, caller.workspaceId, uuidArg('mappingId', args.mappingId));
        const { entries, nextCursor } = await listWrites(context.pool, caller.workspaceId, {
          originType: 'writeback',
          originId: args.mappingId ?? undefined,
          recordId: checkRecordId(args.recordId),
          status: checkStatus(args.status),
          before: checkBefore(args.before),
          limit: checkLogFirst(args.first) ?? 50,
        });
        return { writes: entries, nextCursor };
      }),
  },
  Mutation: {
    createMapping: (
      _p: unknown,
      args: { workspaceId: string; input: MappingInput },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        uuidArg('input.connectionId', args.input.connectionId);
        return createMapping(deps(context), caller.workspaceId, args.input, caller.actor);
      }),
    updateMapping: (
      _p: unknown,
      args: { workspaceId: string; id: string; patch: Partial<MappingInput> },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        if (args.patch.connectionId) uuidArg('patch.connectionId', args.patch.connectionId);
        // GraphQL sends an explicit null for a field left alone; only these two clear with one.
        const patch = Object.fromEntries(
          Object.entries(args.patch).filter(
            ([key, value]) => value !== null || key === 'maxEntries' || key === 'writeCondition',
          ),
        );
        return updateMapping(deps(context), caller.workspaceId, uuidArg('id', args.id), patch);
      }),
    deleteMapping: (
      _p: unknown,
      args: { workspaceId: string; id: string },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        await deleteMapping(context.pool, caller.workspaceId, uuidArg('id', args.id));
        return true;
      }),
    testMapping: (
      _p: unknown,
      args: { workspaceId: string; id: string; entityId?: string },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return previewMapping(
          deps(context),
          caller.workspaceId,
          uuidArg('id', args.id),
          args.entityId ? uuidArg('entityId', args.entityId) : undefined,
        );
      }),
    computeFields: (
      _p: unknown,
      args: { workspaceId: string; skill: string },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        if (args.skill !== 'deal-score' && args.skill !== 'account-score') {
          throw badRequest(
            'validation_failed',
            `skill: "${args.skill}" is not deal-score or account-score`,
            [{ field: 'skill', message: 'must be deal-score or account-score' }],
          );
        }
        return computeFields(context.pool, caller.workspaceId, args.skill, {
          trigger: 'manual',
          actor: caller.actor,
        });
      }),
    startWritebackRun: (
      _p: unknown,
      args: { workspaceId: string; mappingIds?: string[] },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        for (const id of uuidList('mappingIds', args.mappingIds ?? []))
          await getMapping(context.pool, caller.workspaceId, id);
        const run = await startRun(context.pool, caller.workspaceId, {
          trigger: 'manual',
          actor: caller.actor,
          mappingIds: args.mappingIds ?? undefined,
        });
        if (!run) throw conflict('nothing_to_run', 'No enabled mapping to run; add or enable one');
        return run;
      }),
  },
};
