import {
  CREATE_DEAL,
  createDealKey,
  planCreateDeal,
  type CreateDealSpec,
} from '../actions/create-deal.js';
import type { CreatedDeal } from '../actions/create-deal-execute.js';
import type { ActionExecution, EngineDeps } from '../actions/execute.js';
import { stageMappingOf } from '../actions/plan-inputs.js';
import { planContext } from '../actions/planner.js';
import { applyPoliciesToNew } from '../actions/policy-gate.js';
import { executeActionAs, type Caller } from '../actions/service.js';
import { proposeAction, type Action } from '../actions/store.js';
import { openConnector } from '../crm/connect.js';
import { CrmError } from '../crm/errors.js';
import { HttpError, badRequest, conflict, notFound } from '../errors.js';
import { defaultDealName } from './deal-name.js';

/** What a person asks for; everything but the stage has a default. */
export interface CreateDealInput {
  /** Default "Account – meeting title". */
  name?: string;
  amount?: number | null;
  /** A stage of the pipeline (id or label) or a Pandora stage; default the pipeline's first. */
  stage?: string;
  pipeline?: string;
  /** YYYY-MM-DD; default 30 days from now. */
  closeDate?: string;
  /** Default: the meeting's rep. */
  ownerEmail?: string;
  contacts?: CreateDealSpec['contacts'];
}

export interface CreateDealAnswer {
  actionId: string;
  crmType: string;
  dealId: string;
  dealUrl: string;
  pandoraDealId: string;
  conversationId: string;
  contacts: CreatedDeal['contacts'];
  execution: ActionExecution;
  /** Answered from the earlier create of this meeting's deal. */
  replayed: boolean;
}

interface Gap {
  id: string;
  title: string;
  isInternal: boolean;
  dealId: string | null;
  accountId: string | null;
  accountName: string | null;
  accountSource: string | null;
  accountSourceId: string | null;
  ownerEmail: string | null;
  /** Closed by a deal Pandora created. */
  gapDealCreated: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Creates the missing deal of a meeting (a conversation without a deal) as the
 * caller: a `create_deal` action is proposed (so policies, the action card, audit and
 * undo apply) and executed at once. Input is checked against the CRM first (stage in
 * the pipeline, owner, contacts), a 400 naming the field. Asking again after the deal
 * was made answers with that deal: one meeting, one deal.
 */
export async function createDealFromConversation(
  deps: EngineDeps,
  caller: Caller,
  conversationId: string,
  input: CreateDealInput,
  idempotencyKey?: string,
): Promise<CreateDealAnswer> {
  const { pool } = deps;
  const gap = await gapOf(deps, caller.workspaceId, conversationId);
  const earlier = await latestAction(deps, caller.workspaceId, conversationId);
  if (gap.dealId && earlier?.status === 'executed') return answerOf(earlier, conversationId, true);
  // The deal was made and linked, and something after it (a contact) is still to do:
  // asking again finishes the same action.
  const unfinished =
    gap.gapDealCreated && (earlier?.status === 'open' || earlier?.status === 'failed');
  if (gap.dealId && !unfinished) {
    throw conflict('conversation_has_deal', 'This meeting is linked to a deal already', {
      dealId: gap.dealId,
    });
  }
  if (gap.isInternal) {
    throw conflict('internal_conversation', 'This is an internal meeting: it needs no deal');
  }
  if (!gap.accountId || !gap.accountSourceId) {
    throw conflict('no_account', 'This meeting is linked to no CRM account to make the deal on');
  }
  const connectionId = await connectionFor(deps, caller.workspaceId, gap.accountSource!);
  const spec = await checkedSpec(deps, caller, connectionId, conversationId, gap, input).catch(
    (error: unknown) => {
      throw error instanceof CrmError ? crmRefusal(error) : error;
    },
  );

  const { action } = await proposeAction(pool, caller.workspaceId, {
    actionType: CREATE_DEAL,
    severity: 'warning',
    title: `Create the deal ${spec.name}`,
    summary: `"${gap.title}" with ${gap.accountName ?? 'the account'} has no deal; this creates it in the CRM.`,
    connectionId,
    targetType: 'account',
    targetSourceId: gap.accountSourceId,
    targetEntityId: gap.accountId,
    targetName: gap.accountName,
    ownerEmail: spec.ownerEmail,
    executionPayload: { create_deal: spec } as Action['executionPayload'],
    sourceType: caller.kind === 'apiKey' ? 'api' : 'person',
    sourceId: caller.sourceId,
    sourceName: caller.actor,
    actor: caller.actor,
    dedupeKey: createDealKey(conversationId),
  });
  await applyPoliciesToNew(pool, caller.workspaceId, [action]);
  const execution = await executeActionAs(deps, caller, action.id, idempotencyKey);
  if (execution.outcome !== 'executed') {
    throw new HttpError(
      502,
      'crm_write_failed',
      `The deal was not fully created: ${execution.errors.map((e) => e.message).join('; ')}. ` +
        (execution.retryable ? 'Pandora retries it shortly; ' : '') +
        'the action card shows what was made.',
      { actionId: action.id, execution },
    );
  }
  return answerOf({ id: action.id, execution }, conversationId, execution.replayed ?? false);
}

async function gapOf(deps: EngineDeps, workspaceId: string, conversationId: string): Promise<Gap> {
  const { rows } = await deps.pool.query<Gap>(
    `select c.id, c.title, c.is_internal as "isInternal", c.deal_id as "dealId",
            c.account_id as "accountId", a.name as "accountName", a.source as "accountSource",
            a.source_id as "accountSourceId", o.email as "ownerEmail",
            c.gap_deal_created_at is not null as "gapDealCreated"
     from conversations c
     left join accounts a on a.id = c.account_id and a.workspace_id = c.workspace_id
     left join owners o on o.id = c.owner_id and o.workspace_id = c.workspace_id
     where c.workspace_id = $1::uuid and c.id = $2::uuid`,
    [workspaceId, conversationId],
  );
  if (!rows[0]) throw notFound('conversation', conversationId);
  return rows[0];
}

/** The latest `create_deal` action of this meeting not dismissed or undone, with its execution. */
async function latestAction(
  deps: EngineDeps,
  workspaceId: string,
  conversationId: string,
): Promise<{ id: string; status: string; execution: ActionExecution } | null> {
  const { rows } = await deps.pool.query<{
    id: string;
    status: string;
    execution: ActionExecution;
  }>(
    `select id, status, execution_result as execution from actions
     where workspace_id = $1::uuid and action_type = $2::text and dedupe_key = $3::text
       and status not in ('dismissed', 'undone')
     order by created_at desc limit 1`,
    [workspaceId, CREATE_DEAL, createDealKey(conversationId)],
  );
  return rows[0] ? { ...rows[0], execution: { ...rows[0].execution, actionId: rows[0].id } } : null;
}

function answerOf(
  action: { id: string; execution: ActionExecution },
  conversationId: string,
  replayed: boolean,
): CreateDealAnswer {
  const created = action.execution.operations.find((op) => op.kind === 'create' && op.created)
    ?.created as CreatedDeal | undefined;
  if (!created) {
    throw conflict('conversation_has_deal', 'This meeting is linked to a deal already');
  }
  return {
    actionId: action.id,
    crmType: created.crmType,
    dealId: created.dealId,
    dealUrl: created.dealUrl,
    pandoraDealId: created.pandoraDealId,
    conversationId,
    contacts: created.contacts,
    execution: action.execution,
    replayed,
  };
}

/** The workspace's connection to the CRM the account came from. */
async function connectionFor(
  deps: EngineDeps,
  workspaceId: string,
  crmType: string,
): Promise<string> {
  const { rows } = await deps.pool.query<{ id: string }>(
    `select id from connections
     where workspace_id = $1::uuid and crm_type = $2::text and status <> 'disconnected'
     order by (status = 'connected') desc, created_at desc limit 1`,
    [workspaceId, crmType],
  );
  if (!rows[0]) {
    throw conflict('no_connection', `The account came from ${crmType}, which is not connected`);
  }
  return rows[0].id;
}

/** The spec with its defaults, checked against the CRM: a 400 naming the field. */
async function checkedSpec(
  deps: EngineDeps,
  caller: Caller,
  connectionId: string,
  conversationId: string,
  gap: Gap,
  input: CreateDealInput,
): Promise<CreateDealSpec> {
  const { pool } = deps;
  const opened = await openConnector(deps, caller.workspaceId, connectionId);
  const ctx = planContext(
    opened.connector,
    await stageMappingOf(pool, caller.workspaceId, connectionId),
  );
  const spec: CreateDealSpec = {
    conversationId,
    name: input.name?.trim() || defaultDealName(gap.accountName, gap.title),
    amount: input.amount ?? null,
    stage: input.stage ?? '',
    pipeline: input.pipeline ?? null,
    closeDate: input.closeDate ?? new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10),
    ownerEmail: input.ownerEmail ?? gap.ownerEmail,
    contacts: input.contacts ?? [],
  };
  const { errors } = await planCreateDeal(
    pool,
    ctx,
    caller.workspaceId,
    gap.accountSourceId!,
    spec,
  );
  if (errors.length > 0) {
    throw badRequest(errors[0]!.code, errors.map((error) => error.message).join('; '), {
      field: errors[0]!.field,
      errors,
    });
  }

  return spec;
}

/** A CRM failure while checking the input, as an answer the caller can act on. */
function crmRefusal(error: CrmError): HttpError {
  if (error.kind === 'auth_expired' || error.kind === 'permission') {
    return new HttpError(409, 'crm_refused', `The CRM refused Pandora: ${error.message}`);
  }
  return new HttpError(502, 'crm_unavailable', `The CRM could not be read: ${error.message}`, {
    retryable: error.retryable,
  });
}
