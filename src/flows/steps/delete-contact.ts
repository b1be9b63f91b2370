/**
 * delete_contact: archives a contact in the CRM (HubSpot archives, Salesforce moves it
 * to the recycle bin) after keeping a backup in Pandora: its writable properties, its
 * deals and account, and Pandora's own row. The archive goes through the ledger
 * (operation `archive`). Undo makes the contact again from the backup (the CRM gives
 * it a new id) with its associations, and puts Pandora's row back under that id.
 */
import { Type, type Static } from '@sinclair/typebox';
import type pg from 'pg';
import { openConnector, type OpenedConnector } from '../../crm/connect.js';
import { archiveRecordsOnce, createRecordsOnce } from '../../crm/ledger/create.js';
import type { CrmProperties, RecordRef } from '../../crm/port.js';
import { conflict } from '../../errors.js';
import type { StepContext, StepDefinition } from '../types.js';
import { flowName, leaveStepNote, noteBody, openRecordConnector, stepErrorOf } from './crm.js';
import { requireCrm, resolveRecord, stepRecordRef, type FlowRecord } from './records.js';
import type { UndoContext } from './undo.js';

export const DeleteContactConfig = Type.Object(
  {
    contactId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          "Pandora's id of the contact or the CRM's, often a template; absent: the trigger's contact",
      }),
    ),
    reason: Type.Optional(
      Type.String({ maxLength: 500, description: 'Why, for the note and the backup' }),
    ),
  },
  { additionalProperties: false },
);
export type DeleteContactConfig = Static<typeof DeleteContactConfig>;

/** Unique markers of Pandora's creates: never copied onto a restored contact. */
const NOT_RESTORED = new Set(['pandora_create_key', 'pandora_key__c']);

interface Backup {
  crmId: string;
  connectionId: string | null;
  properties: CrmProperties;
  associations: { deal: string[]; account: string[] };
  archivedAt: string | null;
  restoredAt: string | null;
  restoredCrmId: string | null;
}

const BACKUP_COLUMNS = `crm_id as "crmId", connection_id as "connectionId", properties,
  associations, archived_at as "archivedAt", restored_at as "restoredAt",
  restored_crm_id as "restoredCrmId"`;

async function backupOf(pool: pg.Pool, workspaceId: string, key: string): Promise<Backup | null> {
  const { rows } = await pool.query<Backup>(
    `select ${BACKUP_COLUMNS} from flow_contact_backups
     where workspace_id = $1::uuid and idempotency_key = $2::text`,
    [workspaceId, key],
  );
  return rows[0] ?? null;
}

/** Reads the contact from the CRM and keeps it, with Pandora's row; once per step run. */
async function takeBackup(
  ctx: StepContext,
  opened: OpenedConnector,
  contact: FlowRecord & { connectionId: string },
): Promise<Backup> {
  const pool = ctx.services.db;
  const { connector } = opened;
  const writable = (await connector.listProperties('contact'))
    .filter((property) => !property.readOnly && !NOT_RESTORED.has(property.name.toLowerCase()))
    .map((property) => property.name);
  const [read] = await connector.readRecords('contact', [contact.crmId], writable);
  if (!read?.ok) throw read?.error ?? new Error(`No contact ${contact.crmId} in the CRM`);
  const properties = Object.fromEntries(
    Object.entries(read.value.properties).filter(
      ([name, value]) => writable.includes(name) && value !== null && value !== '',
    ),
  );
  const deals = await connector.listAssociations('contact', [contact.crmId], 'deal');
  const accounts = await connector.listAssociations('contact', [contact.crmId], 'account');
  await pool.query(
    `insert into flow_contact_backups
       (workspace_id, idempotency_key, connection_id, crm_type, crm_id, properties, associations,
        pandora_contact, pandora_deal_links)
     select $1::uuid, $2::text, $3::uuid, $4::text, $5::text, $6::jsonb, $7::jsonb,
            (select to_jsonb(c) from contacts c where c.id = $8::uuid),
            coalesce((select jsonb_agg(to_jsonb(dc)) from deal_contacts dc
                      where dc.contact_id = $8::uuid), '[]')
     on conflict (workspace_id, idempotency_key) do nothing`,
    [
      ctx.workspaceId,
      ctx.idempotencyKey,
      opened.connectionId,
      opened.crmType,
      contact.crmId,
      JSON.stringify(properties),
      JSON.stringify({
        deal: deals.get(contact.crmId) ?? [],
        account: accounts.get(contact.crmId) ?? [],
      }),
      contact.id,
    ],
  );
  return (await backupOf(pool, ctx.workspaceId, ctx.idempotencyKey))!;
}

async function run(ctx: StepContext, config: DeleteContactConfig) {
  const { db: pool, secretKey } = ctx.services;
  let backup = await backupOf(pool, ctx.workspaceId, ctx.idempotencyKey);
  // A step run again after its archive finished: the contact is gone from Pandora too.
  if (backup?.archivedAt) return done(backup, null);
  const contact = requireCrm(
    await resolveRecord(
      pool,
      ctx,
      'contact',
      backup?.crmId ?? stepRecordRef(ctx, 'contact', config.contactId),
    ),
  );
  const opened = await openRecordConnector({ pool, secretKey }, ctx.workspaceId, contact);
  try {
    backup ??= await takeBackup(ctx, opened, contact);
    const [archived] = await archiveRecordsOnce(
      { pool, ...opened },
      { type: 'flow', id: ctx.idempotencyKey, actor: ctx.scopeUserId ?? 'flow' },
      'contact',
      [{ recordId: contact.crmId, idempotencyKey: `flow:${ctx.idempotencyKey}:archive` }],
    );
    if (archived!.status !== 'written') {
      throw stepErrorOf(archived!.error ?? { kind: 'transient', message: 'Not archived' });
    }
  } catch (error) {
    throw stepErrorOf(error);
  }
  // Pandora forgets it as the CRM did (its links go with it); the backup keeps both.
  await pool.query(
    `with kept as (
       update flow_contact_backups set archived_at = now()
       where workspace_id = $1::uuid and idempotency_key = $2::text
     )
     delete from contacts where workspace_id = $1::uuid and id = $3::uuid`,
    [ctx.workspaceId, ctx.idempotencyKey, contact.id],
  );
  backup = (await backupOf(pool, ctx.workspaceId, ctx.idempotencyKey))!;
  // The audit note goes where people will look: the contact's account, else its first deal.
  const holder: RecordRef | null = backup.associations.account[0]
    ? { objectType: 'account', id: backup.associations.account[0] }
    : backup.associations.deal[0]
      ? { objectType: 'deal', id: backup.associations.deal[0] }
      : null;
  let note = null;
  if (holder) {
    const summary = `delete contact ${contact.name}`;
    note = await leaveStepNote(pool, opened, {
      idempotencyKey: ctx.idempotencyKey,
      kind: 'execute',
      record: { objectType: holder.objectType, crmId: holder.id },
      title: `Pandora flow: ${summary}`,
      body: noteBody({
        kind: 'execute',
        flowName: await flowName(pool, ctx.flowId),
        stepKey: ctx.stepKey,
        runId: ctx.runId,
        summary,
        extra: [
          config.reason,
          'A backup is kept in Pandora; undoing the step restores the contact.',
        ]
          .filter(Boolean)
          .join('\n'),
        actor: ctx.scopeUserId ?? 'flow',
        at: ctx.now(),
      }),
    });
  }
  return done(backup, note);
}

function done(backup: Backup, note: unknown) {
  return {
    kind: 'completed' as const,
    output: {
      contact: { crmId: backup.crmId },
      archived: true,
      backup: {
        properties: Object.keys(backup.properties).length,
        deals: backup.associations.deal.length,
        accounts: backup.associations.account.length,
      },
      note,
    },
  };
}

/** Makes the contact again from its backup, with its associations and Pandora's row. */
export async function undoDeleteContact(ctx: UndoContext) {
  const { pool } = ctx.deps;
  const backup = await backupOf(pool, ctx.workspaceId, ctx.idempotencyKey);
  if (!backup?.archivedAt) throw conflict('nothing_to_undo', 'The contact was not archived');
  if (backup.restoredAt) {
    return { status: 'undone' as const, details: { restoredCrmId: backup.restoredCrmId } };
  }
  if (!backup.connectionId) throw conflict('no_connection', 'The CRM connection is gone');
  const opened = await openConnector(ctx.deps, ctx.workspaceId, backup.connectionId);
  const [made] = await createRecordsOnce(
    { pool, ...opened },
    { type: 'undo', id: ctx.idempotencyKey, actor: ctx.actor },
    [
      {
        objectType: 'contact',
        properties: backup.properties,
        associations: [
          ...backup.associations.deal.map((id) => ({ objectType: 'deal' as const, id })),
          ...backup.associations.account.map((id) => ({ objectType: 'account' as const, id })),
        ],
        idempotencyKey: `undo:${ctx.idempotencyKey}:restore`,
      },
    ],
  );
  if (!made?.recordId) {
    return {
      status: 'blocked' as const,
      details: { message: made?.error?.message ?? 'The CRM did not make the contact' },
    };
  }
  await restorePandoraRow(pool, ctx.workspaceId, ctx.idempotencyKey, made.recordId);
  return {
    status: 'undone' as const,
    details: {
      restoredCrmId: made.recordId,
      associationError: made.error?.message ?? null,
    },
  };
}

/** Pandora's row again, under the CRM's new id, with the deal links it had. */
async function restorePandoraRow(
  pool: pg.Pool,
  workspaceId: string,
  key: string,
  crmId: string,
): Promise<void> {
  await pool.query(
    `with backup as (
       update flow_contact_backups set restored_at = now(), restored_crm_id = $3::text
       where workspace_id = $1::uuid and idempotency_key = $2::text
       returning pandora_contact, pandora_deal_links
     ),
     contact as (
       insert into contacts
       select (jsonb_populate_record(null::contacts,
                 b.pandora_contact || jsonb_build_object('source_id', $3::text,
                                                         'updated_at', now()))).*
       from backup b where b.pandora_contact is not null
       on conflict do nothing
       returning id
     )
     insert into deal_contacts
     select (jsonb_populate_record(null::deal_contacts, link)).*
     from backup b, jsonb_array_elements(b.pandora_deal_links) link
     where exists (select 1 from contact)
       and exists (select 1 from deals d where d.id = (link ->> 'deal_id')::uuid)
     on conflict do nothing`,
    [workspaceId, key, crmId],
  );
}

export const deleteContactStep: StepDefinition<DeleteContactConfig> = {
  type: 'delete_contact',
  category: 'basic',
  title: 'Delete contact',
  description:
    'Archives a contact in the CRM after keeping a backup in Pandora (properties, deals, account); undoing the step restores it.',
  effect: 'write',
  configSchema: DeleteContactConfig,
  // Destructive beyond one rep's records (a contact may sit on others' deals): workspace flows only.
  allowedInAutomations: false,
  defaultRetry: { attempts: 3, backoffMs: 2000, maxDelayMs: 30_000 },
  defaultTimeoutMs: 60_000,
  run,
};
