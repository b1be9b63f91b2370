/**
 * subscribe_campaign: makes a contact a member of a campaign, a HubSpot list (v3 lists
 * memberships) or a Salesforce campaign (CampaignMember). Recorded in the write ledger
 * (operation `add_member`) before the call with whether the contact was a member
 * already, so a step run again after a crash neither adds twice nor mistakes its own
 * earlier add for an old membership; undo removes only a membership this step made.
 */
import { Type, type Static } from '@sinclair/typebox';
import type pg from 'pg';
import { openConnector, type OpenedConnector } from '../../crm/connect.js';
import { CrmError } from '../../crm/errors.js';
import type { CampaignPort } from '../../crm/port.js';
import { FlowStepError, type StepContext, type StepDefinition } from '../types.js';
import { flowName, leaveStepNote, noteBody, openRecordConnector, stepErrorOf } from './crm.js';
import { requireCrm, resolveRecord, stepRecordRef } from './records.js';
import type { UndoContext } from './undo.js';
import { conflict } from '../../errors.js';

export const SubscribeCampaignConfig = Type.Object(
  {
    contactId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          "Pandora's id of the contact or the CRM's, often a template; absent: the trigger's contact",
      }),
    ),
    campaignId: Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'The HubSpot list id (a MANUAL or SNAPSHOT contact list) or the Salesforce campaign id',
    }),
  },
  { additionalProperties: false },
);
export type SubscribeCampaignConfig = Static<typeof SubscribeCampaignConfig>;

export interface MembershipRow {
  id: number;
  status: 'pending' | 'written' | 'unchanged' | 'failed';
  connectionId: string | null;
  recordId: string;
  field: string;
  wasMember: boolean | null;
}

export const membershipKey = (idempotencyKey: string, campaignId: string) =>
  `flow:${idempotencyKey}:campaign:${campaignId}`;

export function campaignsOf(opened: OpenedConnector): CampaignPort {
  const campaigns = opened.connector.campaigns;
  if (!campaigns) {
    throw new FlowStepError('validation', `${opened.crmType} has no campaigns Pandora can use`, {
      suggestion: 'Use a HubSpot or Salesforce connection',
    });
  }
  return campaigns;
}

/**
 * Records a membership change before the call. A key recorded already comes back as
 * it is (pending ones too: the earlier run's `value_before` is the truth).
 */
export async function recordMembership(
  pool: pg.Pool,
  opened: OpenedConnector,
  input: {
    operation: 'add_member' | 'remove_member';
    contactId: string;
    campaignId: string;
    before: boolean;
    key: string;
    origin: { type: 'flow' | 'undo'; id: string; actor: string };
  },
): Promise<MembershipRow> {
  const { rows } = await pool.query<MembershipRow>(
    `insert into crm_write_log as l
       (workspace_id, connection_id, crm_type, object_type, record_id, field, value_before,
        value_to_write, origin_type, origin_id, actor, idempotency_key, operation, attempts)
     values ($1::uuid, $2::uuid, $3::text, 'contact', $4::text, $5::text, $6::jsonb, $7::jsonb,
             $8::text, $9::text, $10::text, $11::text, $12::text, 1)
     on conflict (workspace_id, idempotency_key) do update
       set status = 'pending', error = null, settled_at = null, attempts = l.attempts + 1,
           updated_at = now()
       where l.status = 'failed' and coalesce((l.error ->> 'retryable')::boolean, false)
     returning id, status, connection_id as "connectionId", record_id as "recordId", field,
               (value_before)::boolean as "wasMember"`,
    [
      opened.workspaceId,
      opened.connectionId,
      opened.crmType,
      input.contactId,
      `campaign:${input.campaignId}`,
      JSON.stringify(input.before),
      JSON.stringify(input.operation === 'add_member'),
      input.origin.type,
      input.origin.id,
      input.origin.actor,
      input.key,
      input.operation,
    ],
  );
  if (rows[0]) return rows[0];
  return (await membershipRow(pool, opened.workspaceId, input.key))!;
}

export async function membershipRow(
  pool: pg.Pool,
  workspaceId: string,
  key: string,
): Promise<MembershipRow | null> {
  const { rows } = await pool.query<MembershipRow>(
    `select id, status, connection_id as "connectionId", record_id as "recordId", field,
            (value_before)::boolean as "wasMember"
     from crm_write_log where workspace_id = $1::uuid and idempotency_key = $2::text`,
    [workspaceId, key],
  );
  return rows[0] ?? null;
}

export async function settleMembership(
  pool: pg.Pool,
  id: number,
  status: 'written' | 'unchanged' | 'failed',
  error?: CrmError,
): Promise<void> {
  await pool.query(
    `update crm_write_log
     set status = $2::text, error = $3::jsonb, settled_by = 'response', settled_at = now(),
         updated_at = now()
     where id = $1::bigint and status = 'pending'`,
    [id, status, error ? JSON.stringify(error.toJSON()) : null],
  );
}

async function run(ctx: StepContext, config: SubscribeCampaignConfig) {
  const { db: pool, secretKey } = ctx.services;
  const contact = requireCrm(
    await resolveRecord(pool, ctx, 'contact', stepRecordRef(ctx, 'contact', config.contactId)),
  );
  const opened = await openRecordConnector({ pool, secretKey }, ctx.workspaceId, contact);
  const campaigns = campaignsOf(opened);
  const key = membershipKey(ctx.idempotencyKey, config.campaignId);
  const actor = ctx.scopeUserId ?? 'flow';
  let row = await membershipRow(pool, ctx.workspaceId, key);
  let campaign;
  try {
    campaign = await campaigns.describe(config.campaignId);
    if (!row || row.status === 'pending' || row.status === 'failed') {
      const member = await campaigns.isMember(config.campaignId, contact.crmId);
      row = await recordMembership(pool, opened, {
        operation: 'add_member',
        contactId: contact.crmId,
        campaignId: config.campaignId,
        before: member,
        key,
        origin: { type: 'flow', id: ctx.idempotencyKey, actor },
      });
      if (row.status === 'pending') {
        if (member) {
          // A member now: added by this step's earlier run (recorded as not a member
          // before), or a member all along.
          await settleMembership(pool, row.id, row.wasMember ? 'unchanged' : 'written');
        } else {
          await campaigns.add(config.campaignId, contact.crmId);
          await settleMembership(pool, row.id, 'written');
        }
        row = (await membershipRow(pool, ctx.workspaceId, key))!;
      }
    }
  } catch (error) {
    const failure = stepErrorOf(error);
    if (row?.status === 'pending' && error instanceof CrmError && !error.retryable) {
      await settleMembership(pool, row.id, 'failed', error);
    }
    throw failure;
  }
  if (row.status === 'failed') {
    throw new FlowStepError('validation', 'The CRM refused the membership', {
      suggestion: 'Check the campaign id and that it takes contacts by hand',
    });
  }
  const added = row.status === 'written';
  let note = null;
  if (added) {
    const summary = `subscribe ${contact.name} to campaign ${campaign.name}`;
    note = await leaveStepNote(pool, opened, {
      idempotencyKey: ctx.idempotencyKey,
      kind: 'execute',
      record: contact,
      title: `Pandora flow: ${summary}`,
      body: noteBody({
        kind: 'execute',
        flowName: await flowName(pool, ctx.flowId),
        stepKey: ctx.stepKey,
        runId: ctx.runId,
        summary,
        actor,
        at: ctx.now(),
      }),
    });
  }
  return {
    kind: 'completed' as const,
    output: {
      contact: { id: contact.id, crm: contact.crm, crmId: contact.crmId, name: contact.name },
      campaign: { id: campaign.id, name: campaign.name },
      added,
      alreadyMember: !added,
      note,
    },
  };
}

export const subscribeCampaignStep: StepDefinition<SubscribeCampaignConfig> = {
  type: 'subscribe_campaign',
  category: 'basic',
  title: 'Subscribe to campaign',
  description:
    'Adds a contact to a HubSpot list or a Salesforce campaign, through the write ledger; undo takes out only a membership it made.',
  effect: 'write',
  configSchema: SubscribeCampaignConfig,
  allowedInAutomations: true,
  defaultRetry: { attempts: 3, backoffMs: 2000, maxDelayMs: 30_000 },
  defaultTimeoutMs: 60_000,
  run,
};

/** Takes the contact out of the campaign, if this step run is what put it in. */
export async function undoSubscribeCampaign(ctx: UndoContext) {
  const { pool } = ctx.deps;
  const { rows } = await pool.query<MembershipRow>(
    `select id, status, connection_id as "connectionId", record_id as "recordId", field,
            (value_before)::boolean as "wasMember"
     from crm_write_log
     where workspace_id = $1::uuid and origin_type = 'flow' and origin_id = $2::text
       and operation = 'add_member' and status = 'written'`,
    [ctx.workspaceId, ctx.idempotencyKey],
  );
  const row = rows[0];
  if (!row) return { status: 'undone' as const, details: { removed: false } };
  if (!row.connectionId) throw conflict('no_connection', 'The CRM connection is gone');
  const opened = await openConnector(ctx.deps, ctx.workspaceId, row.connectionId);
  const campaignId = row.field.slice('campaign:'.length);
  const undoRow = await recordMembership(pool, opened, {
    operation: 'remove_member',
    contactId: row.recordId,
    campaignId,
    before: true,
    key: `undo:${row.id}`,
    origin: { type: 'undo', id: ctx.idempotencyKey, actor: ctx.actor },
  });
  if (undoRow.status === 'pending') {
    try {
      await campaignsOf(opened).remove(campaignId, row.recordId);
      await settleMembership(pool, undoRow.id, 'written');
    } catch (error) {
      const crmError = error instanceof CrmError ? error : null;
      if (crmError && !crmError.retryable)
        await settleMembership(pool, undoRow.id, 'failed', crmError);
      return {
        status: 'blocked' as const,
        details: { removed: false, campaignId, message: (error as Error).message },
      };
    }
  }
  return {
    status: 'undone' as const,
    details: { removed: true, campaignId, contactId: row.recordId },
  };
}
