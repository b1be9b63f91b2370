/**
 * crm_integration: sets fields of a CRM record through the write ledger (origin
 * `flow`), so every change is recorded before the call, audited with a note on the
 * record, exactly-once when the step is run again, and undoable.
 */
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { OpenedConnector } from '../../crm/connect.js';
import { writeFields } from '../../crm/ledger/write.js';
import { CRM_OBJECT_TYPES, type CrmObjectType, type CrmValue } from '../../crm/port.js';
import type { StepContext, StepDefinition } from '../types.js';
import {
  flowName,
  leaveStepNote,
  noteBody,
  openRecordConnector,
  settleLeftPending,
  stepErrorOf,
} from './crm.js';
import { requireCrm, resolveRecord, stepRecordRef, type FlowRecord } from './records.js';

export const RecordRefSchema = {
  objectType: Type.Union(
    CRM_OBJECT_TYPES.map((type) => Type.Literal(type)),
    { description: 'The kind of record' },
  ),
  recordId: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        "Pandora's id of the record or the CRM's, often a template ({{trigger.dealId}}); absent: the trigger's record",
    }),
  ),
};

const FieldValue = Type.Union([
  Type.String({ maxLength: 65_536 }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
]);

export const CrmIntegrationConfig = Type.Object(
  {
    ...RecordRefSchema,
    fields: Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,99}$' }), FieldValue, {
      minProperties: 1,
      maxProperties: 50,
      description:
        "Fields to set: Pandora's names (amount, close_date, stage) or the CRM's own property names",
    }),
    note: Type.Optional(
      Type.String({ maxLength: 2000, description: 'A line added to the audit note on the record' }),
    ),
  },
  { additionalProperties: false },
);
export type CrmIntegrationConfig = Static<typeof CrmIntegrationConfig>;

export interface CrmChangeOutput {
  field: string;
  before: CrmValue;
  after: CrmValue;
  status: 'written' | 'unchanged';
}

/** The ledger key of one field of one step run: the same field and value, the same key. */
export function fieldKey(idempotencyKey: string, field: string, value: CrmValue): string {
  const hash = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
  return `flow:${idempotencyKey}:${field}:${hash}`;
}

async function run(ctx: StepContext, config: CrmIntegrationConfig) {
  const { db: pool, secretKey } = ctx.services;
  const record = requireCrm(
    await resolveRecord(
      pool,
      ctx,
      config.objectType as CrmObjectType,
      stepRecordRef(ctx, config.objectType as CrmObjectType, config.recordId),
    ),
  );
  const opened = await openRecordConnector({ pool, secretKey }, ctx.workspaceId, record);
  const fields = Object.entries(config.fields).map(([name, value]) => ({
    field: opened.connector.crmField(record.objectType, name),
    value,
  }));
  return writeRecordFields(ctx, record, opened, fields, {
    summary: `update ${record.objectType} ${record.name}`,
    extra: config.note,
  });
}

/**
 * Writes CRM fields of one record for a step run through the ledger and leaves the
 * audit note; the step's output. Shared by the steps that change CRM fields.
 */
export async function writeRecordFields(
  ctx: StepContext,
  record: FlowRecord & { crm: string },
  opened: OpenedConnector,
  fields: { field: string; value: CrmValue }[],
  note: { summary: string; extra?: string },
) {
  const pool = ctx.services.db;
  const actor = ctx.scopeUserId ?? 'flow';
  const changes = fields.map(({ field, value }) => ({
    objectType: record.objectType,
    recordId: record.crmId,
    field,
    value,
    idempotencyKey: fieldKey(ctx.idempotencyKey, field, value),
  }));
  let report;
  try {
    // What a stopped worker left unsettled is settled first, so nothing is sent twice.
    await settleLeftPending(pool, opened, 'flow', ctx.idempotencyKey);
    report = await writeFields(
      { pool, ...opened },
      { type: 'flow', id: ctx.idempotencyKey, actor },
      changes,
    );
  } catch (error) {
    throw stepErrorOf(error);
  }
  const failed = report.entries.find((entry) => entry.status === 'failed');
  if (failed) throw stepErrorOf(failed.error ?? { kind: 'transient', message: 'Not written' });
  if (report.pending > 0) {
    throw stepErrorOf({
      kind: 'transient',
      message: 'The CRM did not say whether the change was made; it is checked and tried again',
      retryable: true,
    });
  }
  const output: CrmChangeOutput[] = report.entries.map((entry) => ({
    field: entry.field,
    before: entry.valueBefore,
    after: entry.valueToWrite,
    status: entry.status === 'written' ? 'written' : 'unchanged',
  }));
  const written = output.filter((change) => change.status === 'written');
  let noteResult = null;
  if (written.length > 0) {
    noteResult = await leaveStepNote(pool, opened, {
      idempotencyKey: ctx.idempotencyKey,
      kind: 'execute',
      record,
      title: `Pandora flow: ${note.summary}`,
      body: noteBody({
        kind: 'execute',
        flowName: await flowName(pool, ctx.flowId),
        stepKey: ctx.stepKey,
        runId: ctx.runId,
        summary: note.summary,
        changes: written,
        extra: note.extra,
        actor,
        at: ctx.now(),
      }),
    });
  }
  return {
    kind: 'completed' as const,
    output: {
      record: {
        objectType: record.objectType,
        id: record.id,
        crm: record.crm,
        crmId: record.crmId,
        name: record.name,
      },
      changes: output,
      written: written.length,
      unchanged: output.length - written.length,
      note: noteResult,
    },
  };
}

export const crmIntegrationStep: StepDefinition<CrmIntegrationConfig> = {
  type: 'crm_integration',
  category: 'integration',
  title: 'Update CRM record',
  description:
    'Sets fields of a deal, contact or account in the CRM through the write ledger: audited with a note on the record, written once, undoable.',
  effect: 'write',
  configSchema: CrmIntegrationConfig,
  allowedInAutomations: true,
  defaultRetry: { attempts: 3, backoffMs: 2000, maxDelayMs: 30_000 },
  defaultTimeoutMs: 60_000,
  run,
};
