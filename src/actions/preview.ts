import { openConnector } from '../crm/connect.js';
import type { CrmValue } from '../crm/port.js';
import { sameCrmValue } from '../crm/values.js';
import { HttpError } from '../errors.js';
import type { EngineDeps } from './execute.js';
import { dealPipelines, stageMappingOf } from './plan-inputs.js';
import { auditNote } from './notes.js';
import { CREATE_DEAL, createDealSpecOf, planCreateDeal } from './create-deal.js';
import { planAction, planContext, type PlanContext, type PlanError } from './planner.js';
import { getAction, type Action } from './store.js';
import { notifyRecipients } from './notify.js';
import type { ManagerSource } from '../notifications/managers.js';
import type { Queryable } from '../db/pool.js';
import type { CrmConnector } from '../crm/port.js';

export interface PreviewChange {
  field: string;
  crmField: string;
  label: string;
  /** What the CRM holds now, read for this preview. */
  before: CrmValue;
  /** What execute would write (a stage resolved to the CRM's value). */
  after: CrmValue;
  proposed: CrmValue;
  /** False when the CRM already holds the value: execute will not call for it. */
  changes: boolean;
}

export interface Preview {
  actionId: string;
  status: Action['status'];
  crmType: 'hubspot' | 'salesforce';
  recordId: string;
  objectType: Action['targetType'];
  executable: boolean;
  errors: PlanError[];
  changes: PreviewChange[];
  /** The audit note execute would leave on the record (null when it leaves none). */
  note: string | null;
  notifications: PreviewNotification[];
}

/** A notification execute would send, and to whom as things stand now. */
export interface PreviewNotification {
  audience: 'rep' | 'manager';
  recipients: { userId: string; email: string; name: string }[];
  /** For a manager: the CRM's hierarchy, the workspace's mapping, or the admins. */
  managerSource: ManagerSource | null;
}

/**
 * The exact diff an execution would apply, with the current values read fresh from
 * the CRM. Reads only: nothing is written anywhere, not even Pandora's tables.
 */
export async function previewAction(
  deps: EngineDeps,
  workspaceId: string,
  actionId: string,
  actor: string,
): Promise<Preview> {
  const action = await getAction(deps.pool, workspaceId, actionId);
  if (!action.connectionId) {
    throw new HttpError(
      409,
      'no_connection',
      'The action names no CRM connection to preview against',
    );
  }
  const opened = await openConnector(deps, workspaceId, action.connectionId);
  const ctx = planContext(
    opened.connector,
    await stageMappingOf(deps.pool, workspaceId, action.connectionId),
  );
  if (action.actionType === CREATE_DEAL)
    return previewCreateDeal(deps, ctx, action, opened.crmType);
  const pipelines = await dealPipelines(ctx, [action]);
  const plan = await planAction(ctx, action, pipelines.get(action.targetSourceId));
  const fieldOps = plan.operations.filter((op) => op.kind === 'field_update');
  const current = new Map<string, CrmValue>();
  if (fieldOps.length > 0) {
    const [record] = await opened.connector.readRecords(
      action.targetType,
      [action.targetSourceId],
      fieldOps.map((op) => op.crmField),
    );
    if (!record?.ok) {
      throw new HttpError(
        409,
        'target_not_found',
        record && !record.ok
          ? record.error.message
          : `The CRM has no ${action.targetType} ${action.targetSourceId}`,
      );
    }
    for (const op of fieldOps)
      current.set(op.crmField, record.value.properties[op.crmField] ?? null);
  }
  const changes = fieldOps.map((op) => {
    const before = current.get(op.crmField) ?? null;
    return {
      field: op.field,
      crmField: op.crmField,
      label: op.label,
      before,
      after: op.value,
      proposed: op.proposed,
      changes: !sameCrmValue(before, op.value),
    };
  });
  const hasNote = plan.operations.some((op) => op.kind === 'note');
  return {
    actionId: action.id,
    status: action.status,
    crmType: opened.crmType,
    recordId: action.targetSourceId,
    objectType: action.targetType,
    executable: plan.errors.length === 0,
    errors: plan.errors,
    changes,
    note:
      hasNote && plan.errors.length === 0 ? auditNote(action, changes, actor, new Date()) : null,
    notifications: await previewNotifications(
      deps.pool,
      action,
      plan.operations.flatMap((op) => (op.kind === 'notification' ? [op.audience] : [])),
      opened.connector,
    ),
  };
}

/**
 * What a `create_deal` action would make: the new deal's properties as the CRM takes
 * them (stage and owner resolved), and its contacts, new or existing, in the note.
 */
async function previewCreateDeal(
  deps: EngineDeps,
  ctx: PlanContext,
  action: Action,
  crmType: Preview['crmType'],
): Promise<Preview> {
  const spec = createDealSpecOf(action);
  const planned = spec
    ? await planCreateDeal(deps.pool, ctx, action.workspaceId, action.targetSourceId, spec)
    : {
        plan: null,
        errors: [
          {
            field: 'create_deal',
            code: 'invalid_value' as const,
            message: 'The action carries no create_deal payload',
          },
        ],
      };
  const plan = planned.plan;
  return {
    actionId: action.id,
    status: action.status,
    crmType,
    recordId: action.targetSourceId,
    objectType: action.targetType,
    executable: planned.errors.length === 0,
    errors: planned.errors,
    changes: Object.entries(plan?.dealProperties ?? {}).map(([crmField, value]) => ({
      field: crmField,
      crmField,
      label: crmField,
      before: null,
      after: value,
      proposed: value,
      changes: true,
    })),
    note: plan
      ? `Creates the deal on ${action.targetName ?? `account ${action.targetSourceId}`}` +
        (plan.contacts.length > 0
          ? ` with ${plan.contacts.map((c) => `${c.email} (${c.existingId ? 'existing' : 'new'})`).join(', ')}.`
          : ', with no contacts.')
      : null,
    notifications: [],
  };
}

/** Who each notification would reach (read only: the CRM's manager lookup is a query). */
async function previewNotifications(
  db: Queryable,
  action: Action,
  audiences: ('rep' | 'manager')[],
  crm: Pick<CrmConnector, 'findManagerOf'>,
): Promise<PreviewNotification[]> {
  const previews: PreviewNotification[] = [];
  for (const audience of audiences) {
    const { userIds, managerSource } = await notifyRecipients(db, action, audience, crm);
    const { rows } = await db.query<{ userId: string; email: string; name: string }>(
      `select id::text as "userId", email, name from users where id = any($1::uuid[])
       order by email`,
      [userIds],
    );
    previews.push({ audience, recipients: rows, managerSource: managerSource ?? null });
  }
  return previews;
}
