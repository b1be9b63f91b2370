/**
 * assign_agent: makes a rep the owner of a deal, contact or account in the CRM. The rep
 * is named by email and looked up among the CRM's owners; the owner field is written
 * through the ledger like crm_integration's fields (audited, once, undoable).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { CrmObjectType } from '../../crm/port.js';
import { FlowStepError, type StepContext, type StepDefinition } from '../types.js';
import { openRecordConnector, stepErrorOf } from './crm.js';
import { RecordRefSchema, writeRecordFields } from './crm-integration.js';
import { requireCrm, resolveRecord, stepRecordRef } from './records.js';

export const AssignAgentConfig = Type.Object(
  {
    ...RecordRefSchema,
    ownerEmail: Type.String({
      minLength: 3,
      maxLength: 320,
      description: "The rep's email, as the CRM's owner (user) has it",
    }),
    priority: Type.Optional(
      Type.Union(
        ['low', 'normal', 'high', 'urgent'].map((level) => Type.Literal(level)),
        { description: 'Told to the rep in the note left on the record' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AssignAgentConfig = Static<typeof AssignAgentConfig>;

async function run(ctx: StepContext, config: AssignAgentConfig) {
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
  let owner;
  try {
    owner = await opened.connector.findOwnerByEmail(config.ownerEmail);
  } catch (error) {
    throw stepErrorOf(error);
  }
  if (!owner || !owner.active) {
    throw new FlowStepError(
      'validation',
      `No active ${record.crm} owner has the email ${config.ownerEmail}`,
      {
        severity: 'medium',
        suggestion: `Check the email, or add the rep as a user in ${record.crm}`,
      },
    );
  }
  const outcome = await writeRecordFields(
    ctx,
    record,
    opened,
    [{ field: opened.connector.crmField(record.objectType, 'owner'), value: owner.id }],
    {
      summary: `assign ${record.objectType} ${record.name} to ${owner.email ?? config.ownerEmail}`,
      extra: config.priority ? `Priority: ${config.priority}` : undefined,
    },
  );
  return {
    ...outcome,
    output: {
      ...outcome.output,
      owner: { id: owner.id, email: owner.email, priority: config.priority ?? 'normal' },
    },
  };
}

export const assignAgentStep: StepDefinition<AssignAgentConfig> = {
  type: 'assign_agent',
  category: 'basic',
  title: 'Assign owner',
  description:
    'Makes a rep (by email) the owner of a deal, contact or account in the CRM, through the write ledger; undoable.',
  effect: 'write',
  configSchema: AssignAgentConfig,
  allowedInAutomations: true,
  defaultRetry: { attempts: 3, backoffMs: 2000, maxDelayMs: 30_000 },
  defaultTimeoutMs: 60_000,
  run,
};
