import type { Record as JsforceRecord } from 'jsforce';
import { createOnce, titleWithMarker } from '../create-once.js';
import { CrmError } from '../errors.js';
import type { Association, CrmObjectType, RecordRef, RecordResult } from '../port.js';
import type { SalesforceClient } from './client.js';
import { SOBJECT } from './field-map.js';
import {
  WRITE_BATCH,
  createMany,
  missingResult,
  notFound,
  recordId,
  saveError,
} from './records.js';
import { IDS_PER_QUERY, chunk, queryAll, soqlIdList, soqlString } from './soql.js';
import type { TaskInput } from './types.js';

type Plan =
  | { kind: 'role'; opportunityId: string; contactId: string; role?: string; primary?: boolean }
  | { kind: 'lookup'; sobject: 'Opportunity' | 'Contact'; id: string; accountId: string };

function pairOf(association: Association): Record<CrmObjectType, RecordRef | undefined> {
  const refs = [association.from, association.to];
  return {
    deal: refs.find((r) => r.objectType === 'deal'),
    contact: refs.find((r) => r.objectType === 'contact'),
    account: refs.find((r) => r.objectType === 'account'),
  };
}

function planOf(association: Association): Plan | CrmError {
  const { from, to } = association;
  for (const ref of [from, to])
    if (!recordId(ref.objectType, ref.id)) return notFound(ref.objectType, ref.id);
  const pair = pairOf(association);
  const id = (ref: RecordRef) => recordId(ref.objectType, ref.id)!;
  if (from.objectType !== to.objectType && pair.deal && pair.contact) {
    return {
      kind: 'role',
      opportunityId: id(pair.deal),
      contactId: id(pair.contact),
      role: association.role,
      primary: association.primary,
    };
  }
  if (from.objectType !== to.objectType && pair.account && (pair.deal || pair.contact)) {
    const child = pair.deal ?? pair.contact!;
    return {
      kind: 'lookup',
      sobject: SOBJECT[child.objectType] as 'Opportunity' | 'Contact',
      id: id(child),
      accountId: id(pair.account),
    };
  }
  return new CrmError(
    'validation',
    `Salesforce cannot associate a ${from.objectType} with a ${to.objectType}: only deal-contact (contact roles), deal-account and contact-account`,
  );
}

/**
 * Associations the Salesforce way: deal-contact as OpportunityContactRole (Role,
 * IsPrimary), deal-account and contact-account as the child's AccountId. Existing
 * contact roles are looked up first, so associating twice changes nothing.
 */
export async function associate(
  client: SalesforceClient,
  associations: Association[],
): Promise<RecordResult<null>[]> {
  const results: RecordResult<null>[] = new Array(associations.length);
  const plans = associations.map(planOf);
  const idOf = (index: number) => associations[index]!.from.id;
  plans.forEach((plan, index) => {
    if (plan instanceof CrmError) results[index] = { ok: false, id: idOf(index), error: plan };
  });
  const roles = plans.flatMap((plan, index) =>
    plan instanceof CrmError || plan.kind !== 'role' ? [] : [{ plan, index }],
  );
  const lookups = plans.flatMap((plan, index) =>
    plan instanceof CrmError || plan.kind !== 'lookup' ? [] : [{ plan, index }],
  );

  const existing = new Map<string, JsforceRecord>();
  const opportunityIds = [...new Set(roles.map((r) => r.plan.opportunityId))];
  for (const part of chunk(opportunityIds, IDS_PER_QUERY)) {
    const rows = await queryAll(
      client,
      `SELECT Id, OpportunityId, ContactId, Role, IsPrimary FROM OpportunityContactRole WHERE OpportunityId IN ${soqlIdList(part)}`,
    );
    for (const row of rows) existing.set(`${row.OpportunityId}:${row.ContactId}`, row);
  }
  const creates: { index: number; record: ContactRole }[] = [];
  const updates: {
    index: number;
    sobject: string;
    record: { Id: string } & Record<string, string | boolean>;
  }[] = [];
  for (const { plan, index } of roles) {
    const found = existing.get(`${plan.opportunityId}:${plan.contactId}`);
    const fields: Record<string, string | boolean> = {};
    if (plan.role !== undefined) fields.Role = plan.role;
    if (plan.primary !== undefined) fields.IsPrimary = plan.primary;
    if (!found)
      creates.push({
        index,
        record: { OpportunityId: plan.opportunityId, ContactId: plan.contactId, ...fields },
      });
    else if (Object.entries(fields).some(([key, value]) => found[key] !== value)) {
      updates.push({
        index,
        sobject: 'OpportunityContactRole',
        record: { Id: String(found.Id), ...fields },
      });
    } else results[index] = { ok: true, id: idOf(index), value: null };
  }
  for (const { plan, index } of lookups) {
    updates.push({
      index,
      sobject: plan.sobject,
      record: { Id: plan.id, AccountId: plan.accountId },
    });
  }

  const made = await createContactRoles(
    client,
    creates.map((c) => c.record),
  );
  creates.forEach(({ index }, i) => {
    const result = made[i]!;
    results[index] = result.ok
      ? { ok: true, id: idOf(index), value: null }
      : { ok: false, id: idOf(index), error: result.error };
  });
  for (const sobject of ['OpportunityContactRole', 'Opportunity', 'Contact']) {
    const group = updates.filter((u) => u.sobject === sobject);
    for (const part of chunk(group, WRITE_BATCH)) {
      const done = await client.call('idempotent', (conn) =>
        conn.update(
          sobject,
          part.map((u) => u.record),
          { allOrNone: false },
        ),
      );
      part.forEach(({ index }, i) => {
        const result = done[i];
        results[index] = result?.success
          ? { ok: true, id: idOf(index), value: null }
          : { ok: false, id: idOf(index), error: result ? saveError(result) : missingResult() };
      });
    }
  }
  return results;
}

type ContactRole = Record<string, string | boolean> & { OpportunityId: string; ContactId: string };

/**
 * Creates contact roles once. An opportunity holds one role per contact, so the pair is
 * the marker: a create whose answer was lost is looked up by it before it is sent again.
 */
function createContactRoles(
  client: SalesforceClient,
  roles: ContactRole[],
): Promise<RecordResult<{ id: string }>[]> {
  return createOnce(roles, {
    ...client.createRetry(),
    marker: (role) => `${role.OpportunityId}:${role.ContactId}`,
    // Existing roles were read just before: only a lost answer needs a look.
    mayExist: () => false,
    send: async (inputs) => {
      const saved = await createMany(client, 'OpportunityContactRole', inputs);
      return saved.map((result) =>
        result?.success
          ? { ok: true, id: String(result.id), value: { id: String(result.id) } }
          : { ok: false, id: null, error: result ? saveError(result) : missingResult() },
      );
    },
    find: async (inputs) => {
      const found = new Map<string, string>();
      const ids = [...new Set(inputs.map((role) => role.OpportunityId))];
      for (const part of chunk(ids, IDS_PER_QUERY)) {
        const rows = await queryAll(
          client,
          `SELECT Id, OpportunityId, ContactId FROM OpportunityContactRole WHERE OpportunityId IN ${soqlIdList(part)}`,
        );
        for (const row of rows) found.set(`${row.OpportunityId}:${row.ContactId}`, String(row.Id));
      }
      return inputs.map((role) => {
        const id = found.get(`${role.OpportunityId}:${role.ContactId}`);
        return id ? { id } : null;
      });
    },
  });
}

/** How each pair of object types is stored: a junction object or a lookup field. */
function associationQuery(
  from: CrmObjectType,
  to: CrmObjectType,
): { soql: string; key: string; value: string } | undefined {
  if (from === 'deal' && to === 'contact')
    return {
      soql: 'SELECT OpportunityId, ContactId FROM OpportunityContactRole WHERE OpportunityId IN',
      key: 'OpportunityId',
      value: 'ContactId',
    };
  if (from === 'contact' && to === 'deal')
    return {
      soql: 'SELECT OpportunityId, ContactId FROM OpportunityContactRole WHERE ContactId IN',
      key: 'ContactId',
      value: 'OpportunityId',
    };
  if (from === 'deal' && to === 'account')
    return {
      soql: 'SELECT Id, AccountId FROM Opportunity WHERE Id IN',
      key: 'Id',
      value: 'AccountId',
    };
  if (from === 'contact' && to === 'account')
    return { soql: 'SELECT Id, AccountId FROM Contact WHERE Id IN', key: 'Id', value: 'AccountId' };
  if (from === 'account' && to === 'deal')
    return {
      soql: 'SELECT Id, AccountId FROM Opportunity WHERE AccountId IN',
      key: 'AccountId',
      value: 'Id',
    };
  if (from === 'account' && to === 'contact')
    return {
      soql: 'SELECT Id, AccountId FROM Contact WHERE AccountId IN',
      key: 'AccountId',
      value: 'Id',
    };
  return undefined;
}

/** Ids of the `to` records of each `from` record, by SOQL on contact roles and AccountId lookups. */
export async function listAssociations(
  client: SalesforceClient,
  from: CrmObjectType,
  ids: string[],
  to: CrmObjectType,
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(ids.map((id) => [id, []]));
  const query = associationQuery(from, to);
  const inputsById = new Map<string, string[]>();
  for (const id of ids) {
    const id18 = recordId(from, id);
    if (id18) inputsById.set(id18, [...(inputsById.get(id18) ?? []), id]);
  }
  if (!query) return result;
  for (const part of chunk([...inputsById.keys()], IDS_PER_QUERY)) {
    const rows = await queryAll(client, `${query.soql} ${soqlIdList(part)}`);
    for (const row of rows) {
      const key = row[query.key];
      const value = row[query.value];
      if (typeof key !== 'string' || typeof value !== 'string') continue;
      for (const input of inputsById.get(key) ?? []) {
        const list = result.get(input)!;
        if (!list.includes(value)) list.push(value);
      }
    }
  }
  return result;
}

/** An audit Task on a record (Salesforce only, so not part of the port). */
export async function createTask(
  client: SalesforceClient,
  input: TaskInput,
): Promise<{ id: string }> {
  const subject = titleWithMarker(input.subject, input.marker, 255);
  const [made] = await createOnce([input], {
    ...client.createRetry(),
    marker: () => input.marker,
    mayExist: () => input.mayExist === true,
    // SOQL answers from the database at once: a task just made is found.
    find: async () => {
      const rows = await queryAll<{ Id: string; Subject: string | null }>(
        client,
        `SELECT Id, Subject FROM Task WHERE WhatId = ${soqlString(input.whatId)} AND Subject = ${soqlString(subject)}`,
      );
      return [rows[0] ? { id: rows[0].Id } : null];
    },
    send: async () => {
      const created = await client.call('unsafe', (conn) =>
        conn.create('Task', {
          WhatId: input.whatId,
          Subject: subject,
          Description: input.description ?? null,
          Status: input.status ?? 'Completed',
          ActivityDate: input.activityDate ?? new Date().toISOString().slice(0, 10),
        }),
      );
      return [
        created.success
          ? { ok: true, id: created.id, value: { id: created.id } }
          : { ok: false, id: null, error: saveError(created) },
      ];
    },
  });
  if (!made!.ok) throw made!.error;
  return made!.value;
}
