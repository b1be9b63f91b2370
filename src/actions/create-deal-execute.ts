import type { OpenedConnector } from '../crm/connect.js';
import { CrmError, type CrmErrorJson } from '../crm/errors.js';
import { createMarker, createRecordsOnce, type RecordCreate } from '../crm/ledger/create.js';
import type { Association } from '../crm/port.js';
import { recordUrl } from '../crm/record-url.js';
import type { SalesforceConnector } from '../crm/salesforce/connector.js';
import { closeGapWithDeal } from '../conversations/gaps.js';
import {
  createDealSpecOf,
  planCreateDeal,
  type CreateDealPlan,
  type CreateDealSpec,
} from './create-deal.js';
import { storeCreatedDeal, type StoredContact } from './create-deal-store.js';
import type { ActionExecution, EngineDeps, ExecuteOptions, OperationResult } from './execute.js';
import { errorMessage, finish } from './execution-records.js';
import type { PlanContext } from './planner.js';
import type { Action } from './store.js';

/** What executing a `create_deal` action made, kept on its execution result. */
export interface CreatedDeal {
  crmType: string;
  /** The deal's CRM id, and where a person opens it. */
  dealId: string;
  dealUrl: string;
  /** Pandora's id of the deal. */
  pandoraDealId: string;
  conversationId: string | null;
  contacts: { email: string; contactId: string; created: boolean }[];
}

const keyOf = (action: Action, part: string) => `create_deal:${action.id}:${part}`;

/**
 * Executes `create_deal` actions on one connection (the caller holds their locks, has
 * gated them and opened an execution each): resolves each against the CRM (stage,
 * owner, contacts), creates the deal on its account and the new contacts through the
 * ledger (`createRecordsOnce`: a lost answer is looked up by marker, a settled create
 * never sent again), associates every contact with the deal (the first primary) and
 * the new ones with the account, leaves an audit note (HubSpot) or task (Salesforce),
 * stores the deal and contacts in Pandora's tables and links the meeting.
 */
export async function executeCreateDeals(
  deps: EngineDeps,
  opened: OpenedConnector,
  ctx: PlanContext,
  actions: Action[],
  executions: Map<string, string>,
  options: ExecuteOptions,
): Promise<ActionExecution[]> {
  const results: ActionExecution[] = [];
  for (const action of actions) {
    const executionId = executions.get(action.id)!;
    let outcome: Omit<ActionExecution, 'actionId' | 'status' | 'executionId'>;
    try {
      outcome = await createOne(deps, opened, ctx, action, options);
    } catch (error) {
      const retryable = !(error instanceof CrmError) || error.retryable;
      outcome = {
        outcome: retryable ? 'partial' : 'failed',
        operations: [],
        errors: [
          { code: error instanceof CrmError ? error.kind : 'failed', message: errorMessage(error) },
        ],
        retryable,
      };
    }
    results.push(await finish(deps.pool, action, executionId, options.actor, outcome));
  }
  return results;
}

type Outcome = Omit<ActionExecution, 'actionId' | 'status' | 'executionId'>;

async function createOne(
  deps: EngineDeps,
  opened: OpenedConnector,
  ctx: PlanContext,
  action: Action,
  options: ExecuteOptions,
): Promise<Outcome> {
  const { pool } = deps;
  const spec = createDealSpecOf(action);
  if (!spec) {
    return invalid('create_deal', 'The action carries no create_deal payload to execute');
  }
  const planned = await planCreateDeal(pool, ctx, action.workspaceId, action.targetSourceId, spec);
  if (!planned.plan) {
    return { outcome: 'invalid', operations: [], errors: planned.errors, retryable: false };
  }
  const plan = planned.plan;
  const { connector } = opened;
  const target = { pool, ...opened };
  const origin = { type: 'action' as const, id: action.id, actor: options.actor };
  const operations: OperationResult[] = [];

  const [deal] = await createRecordsOnce(target, origin, [
    {
      objectType: 'deal',
      properties: plan.dealProperties,
      associations: [{ objectType: 'account', id: plan.accountId }],
      idempotencyKey: keyOf(action, 'deal'),
    },
  ]);
  if (!deal!.recordId) {
    const error = deal!.error;
    operations.push(createOp('deal', null, 'failed', error));
    return failedWith(operations, error);
  }
  const dealId = deal!.recordId;
  const dealUrl = await recordUrl(pool, opened, 'deal', dealId);
  operations.push({ ...createOp('deal', dealId, 'created', deal!.error), url: dealUrl });

  // New contacts, on the account.
  const fresh = plan.contacts.filter((contact) => !contact.existingId);
  const creates: RecordCreate[] = fresh.map((contact) => ({
    objectType: 'contact',
    properties: {
      [connector.crmField('contact', 'email')]: contact.email,
      ...(contact.firstName
        ? { [connector.crmField('contact', 'first_name')]: contact.firstName }
        : {}),
      ...(contact.lastName
        ? { [connector.crmField('contact', 'last_name')]: contact.lastName }
        : {}),
    },
    associations: [{ objectType: 'account', id: plan.accountId }],
    idempotencyKey: keyOf(action, `contact:${contact.email}`),
  }));
  const made = creates.length > 0 ? await createRecordsOnce(target, origin, creates) : [];
  const stored: StoredContact[] = [];
  const failures: CrmErrorJson[] = [];
  for (const contact of plan.contacts) {
    if (contact.existingId) {
      stored.push({ ...contact, crmId: contact.existingId, created: false });
      continue;
    }
    const entry = made[fresh.indexOf(contact)]!;
    operations.push({
      ...createOp('contact', entry.recordId, entry.recordId ? 'created' : 'failed', entry.error),
      field: contact.email,
    });
    if (entry.recordId) stored.push({ ...contact, crmId: entry.recordId, created: true });
    else if (entry.error) failures.push(entry.error);
  }

  // Every contact on the deal, the first primary (Salesforce: OpportunityContactRole).
  const associations: Association[] = stored.map((contact, index) => ({
    from: { objectType: 'deal', id: dealId },
    to: { objectType: 'contact', id: contact.crmId },
    primary: index === 0,
  }));
  if (associations.length > 0) {
    const linked = await connector.associate(associations);
    linked.forEach((result, index) => {
      const error = result.ok ? null : result.error.toJSON();
      if (error) failures.push(error);
      operations.push({
        kind: 'associate',
        objectType: 'contact',
        recordId: stored[index]!.crmId,
        status: result.ok ? 'written' : 'failed',
        ...(error ? { error: opError(error) } : {}),
      });
    });
  }

  const audit = await leaveAudit(opened, action, spec, plan, dealId, stored, options.actor);
  operations.push(audit);
  if (audit.status === 'failed' && audit.error) failures.push({ ...audit.error } as CrmErrorJson);

  const pandoraDealId = await storeCreatedDeal(pool, action.workspaceId, opened.crmType, {
    dealId,
    spec,
    plan,
    contacts: stored,
  });
  if (spec.conversationId) {
    await closeGapWithDeal(
      pool,
      action.workspaceId,
      spec.conversationId,
      pandoraDealId,
      await userIdOf(deps, options.actor),
    );
  }
  const created: CreatedDeal = {
    crmType: opened.crmType,
    dealId,
    dealUrl,
    pandoraDealId,
    conversationId: spec.conversationId,
    contacts: stored.map((contact) => ({
      email: contact.email,
      contactId: contact.crmId,
      created: contact.created,
    })),
  };
  operations[0] = { ...operations[0]!, created };
  return failures.length > 0
    ? failedWith(operations, failures[0]!)
    : { outcome: 'executed', operations, errors: [], retryable: false };
}

/** The audit trail in the CRM: a note on the deal (HubSpot), a task on it (Salesforce). */
async function leaveAudit(
  opened: OpenedConnector,
  action: Action,
  spec: CreateDealSpec,
  plan: CreateDealPlan,
  dealId: string,
  contacts: StoredContact[],
  actor: string,
): Promise<OperationResult> {
  const marker = createMarker(action.workspaceId, keyOf(action, 'audit'));
  const lines = [
    `Deal created by Pandora for ${actor}${spec.conversationId ? ' from a meeting that had no deal' : ''}.`,
    `Stage ${plan.stage}; close date ${spec.closeDate}${spec.amount !== null ? `; amount ${spec.amount}` : ''}.`,
    contacts.length > 0
      ? `Contacts: ${contacts.map((c) => `${c.email}${c.created ? ' (new)' : ''}`).join(', ')}.`
      : 'No contacts.',
  ];
  try {
    if (opened.connector.crm === 'salesforce') {
      const task = await (opened.connector as SalesforceConnector).createTask({
        whatId: dealId,
        subject: `Deal created by Pandora`,
        description: lines.join('\n'),
        marker,
        mayExist: true,
      });
      return { kind: 'note', objectType: 'deal', recordId: task.id, status: 'created' };
    }
    const note = await opened.connector.addNote({
      title: 'Deal created by Pandora',
      body: lines.join('<br>'),
      attachTo: [{ objectType: 'deal', id: dealId }],
      marker,
      mayExist: true,
    });
    return { kind: 'note', objectType: 'deal', recordId: note.id, status: 'created' };
  } catch (error) {
    const crmError =
      error instanceof CrmError ? error : new CrmError('transient', errorMessage(error));
    return { kind: 'note', status: 'failed', error: opError(crmError.toJSON()) };
  }
}

async function userIdOf(deps: EngineDeps, actor: string): Promise<string | null> {
  const { rows } = await deps.pool.query<{ id: string }>(
    `select id from users where lower(email) = lower($1::text) limit 1`,
    [actor],
  );
  return rows[0]?.id ?? null;
}

function createOp(
  objectType: 'deal' | 'contact',
  recordId: string | null,
  status: OperationResult['status'],
  error: CrmErrorJson | null,
): OperationResult {
  return {
    kind: 'create',
    objectType,
    recordId,
    status,
    ...(error ? { error: opError(error) } : {}),
  };
}

function opError(error: CrmErrorJson): NonNullable<OperationResult['error']> {
  return {
    kind: error.kind,
    message: error.message,
    field: error.field ?? null,
    retryable: error.retryable,
  };
}

function failedWith(operations: OperationResult[], error: CrmErrorJson | null): Outcome {
  const retryable = error?.retryable ?? true;
  return {
    outcome: retryable ? 'partial' : 'failed',
    operations,
    errors: [{ code: error?.kind ?? 'failed', message: error?.message ?? 'Not created' }],
    retryable,
  };
}

function invalid(field: string, message: string): Outcome {
  return {
    outcome: 'invalid',
    operations: [],
    errors: [{ field, code: 'invalid_value', message }],
    retryable: false,
  };
}
