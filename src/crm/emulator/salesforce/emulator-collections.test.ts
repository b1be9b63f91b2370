import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpClient } from './http-client.test-helper.js';
import {
  smallDataset,
  startSalesforceEmulator,
  type RunningSalesforce,
} from './testing.test-helper.js';

const V = '/services/data/v62.0';
let running: RunningSalesforce;
let call: ReturnType<typeof httpClient>;
const dataset = smallDataset();
let contactIds: string[];

beforeAll(async () => {
  running = await startSalesforceEmulator({ dataset });
  call = httpClient(running.baseUrl);
  contactIds = dataset.contacts.map((c) => running.salesforce.idFor(c.sourceId)!);
});
afterAll(() => running.close());
beforeEach(() => {
  running.emulator.ctx.faults.clear();
  running.salesforce.controls.unlockAll();
});

const contact = (id: string, fields: Record<string, unknown>) => ({
  attributes: { type: 'Contact' },
  id,
  ...fields,
});

async function titles(ids: string[]): Promise<(string | null)[]> {
  const answer = await call(
    'GET',
    `${V}/composite/sobjects/Contact?ids=${ids.join(',')}&fields=Id,Title`,
  );
  return answer.body.map((r: { Title: string | null } | null) => r?.Title ?? null);
}

describe('sObject Collections', () => {
  it('updates each record on its own without allOrNone', async () => {
    const answer = await call('PATCH', `${V}/composite/sobjects`, {
      body: {
        records: [
          contact(contactIds[0]!, { Title: 'CEO' }),
          contact(contactIds[1]!, { Email: 'not an email' }),
          contact('0035g00000009ZZAAA', { Title: 'x' }),
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { id: contactIds[0], success: true, errors: [] },
      {
        id: contactIds[1],
        success: false,
        errors: [
          { statusCode: 'INVALID_EMAIL_ADDRESS', message: expect.any(String), fields: ['Email'] },
        ],
      },
      {
        id: '0035g00000009ZZAAY',
        success: false,
        errors: [{ statusCode: 'NOT_FOUND', message: expect.any(String), fields: [] }],
      },
    ]);
    expect(await titles([contactIds[0]!])).toEqual(['CEO']);
  });

  it('rolls back every record when one fails under allOrNone', async () => {
    const before = await titles(contactIds.slice(2, 4));
    const answer = await call('PATCH', `${V}/composite/sobjects`, {
      body: {
        allOrNone: true,
        records: [
          contact(contactIds[2]!, { Title: 'Changed' }),
          contact(contactIds[3]!, { Colour: 'x' }),
        ],
      },
    });
    expect(
      answer.body.map((r: { errors: { statusCode: string }[] }) => r.errors[0]?.statusCode),
    ).toEqual(['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'INVALID_FIELD']);
    expect(await titles(contactIds.slice(2, 4))).toEqual(before);
  });

  it('refuses more than 200 records with EXCEEDED_ID_LIMIT', async () => {
    const records = Array.from({ length: 201 }, () => contact(contactIds[0]!, { Title: 'x' }));
    const answer = await call('PATCH', `${V}/composite/sobjects`, { body: { records } });
    expect(answer.status).toBe(400);
    expect(answer.body[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
    const ids = Array.from({ length: 201 }, () => contactIds[0]).join(',');
    expect((await call('DELETE', `${V}/composite/sobjects?ids=${ids}`)).body[0].errorCode).toBe(
      'EXCEEDED_ID_LIMIT',
    );
  });

  it('fails the records a partial_batch fault names, and counts the batch', async () => {
    running.emulator.ctx.faults.add({
      kind: 'partial_batch',
      api: 'salesforce',
      path: '/composite/sobjects',
      ids: [contactIds[5]!],
      times: 1,
    });
    const since = running.emulator.ctx.log.lastSeq;
    const answer = await call('PATCH', `${V}/composite/sobjects`, {
      body: {
        records: [contact(contactIds[4]!, { Title: 'A' }), contact(contactIds[5]!, { Title: 'B' })],
      },
    });
    expect(answer.body.map((r: { success: boolean }) => r.success)).toEqual([true, false]);
    expect(answer.body[1].errors[0].statusCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(running.requests(since)).toEqual([
      expect.objectContaining({ method: 'PATCH', batchSize: 2, status: 200 }),
    ]);
  });

  it('answers a locked row with UNABLE_TO_LOCK_ROW until the lock is spent', async () => {
    running.salesforce.controls.lockRecords([contactIds[6]!], 1);
    const body = { records: [contact(contactIds[6]!, { Title: 'Locked?' })] };
    const first = await call('PATCH', `${V}/composite/sobjects`, { body });
    expect(first.body[0].errors[0].statusCode).toBe('UNABLE_TO_LOCK_ROW');
    const second = await call('PATCH', `${V}/composite/sobjects`, { body });
    expect(second.body[0].success).toBe(true);
  });

  it('creates records of several types, and reports failures without an id', async () => {
    const accountId = running.salesforce.idFor(dataset.accounts[0]!.sourceId)!;
    const answer = await call('POST', `${V}/composite/sobjects`, {
      body: {
        records: [
          { attributes: { type: 'Contact' }, LastName: 'Newman', AccountId: accountId },
          { attributes: { type: 'Task' }, Subject: 'Audit', WhatId: accountId },
          { attributes: { type: 'Contact' }, FirstName: 'No last name' },
          { LastName: 'No type' },
        ],
      },
    });
    expect(answer.body).toEqual([
      { id: expect.stringMatching(/^003/), success: true, errors: [] },
      { id: expect.stringMatching(/^00T/), success: true, errors: [] },
      {
        success: false,
        errors: [
          expect.objectContaining({ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }),
        ],
      },
      { success: false, errors: [expect.objectContaining({ statusCode: 'INVALID_TYPE' })] },
    ]);
    const task = await call(
      'GET',
      `${V}/sobjects/Task/${answer.body[1].id}?fields=Status,Priority,WhatId`,
    );
    expect(task.body).toMatchObject({
      Status: 'Not Started',
      Priority: 'Normal',
      WhatId: accountId,
    });
  });

  it('links notes to records once', async () => {
    const dealId = running.salesforce.idFor(dataset.deals[0]!.sourceId)!;
    const note = await call('POST', `${V}/sobjects/ContentNote`, {
      body: {
        Title: 'Call notes',
        Content: Buffer.from('<p>Budget approved</p>').toString('base64'),
      },
    });
    expect(note.body.id).toMatch(/^069/);
    const link = {
      attributes: { type: 'ContentDocumentLink' },
      ContentDocumentId: note.body.id,
      LinkedEntityId: dealId,
      ShareType: 'V',
    };
    const answer = await call('POST', `${V}/composite/sobjects`, {
      body: { records: [link, link] },
    });
    expect(answer.body[0].success).toBe(true);
    expect(answer.body[1].errors[0].statusCode).toBe('DUPLICATE_VALUE');
    const preview = await call(
      'GET',
      `${V}/sobjects/ContentNote/${note.body.id}?fields=TextPreview,FileType`,
    );
    expect(preview.body).toMatchObject({ TextPreview: 'Budget approved', FileType: 'SNOTE' });
  });

  it('deletes in bulk, answering ENTITY_IS_DELETED the second time, and cascades to contact roles', async () => {
    const dealId = running.salesforce.idFor(dataset.deals[1]!.sourceId)!;
    const roles = async () =>
      (
        await call(
          'GET',
          `${V}/query?q=${encodeURIComponent(`SELECT COUNT() FROM OpportunityContactRole WHERE OpportunityId = '${dealId}'`)}`,
        )
      ).body.totalSize;
    expect(await roles()).toBeGreaterThan(0);
    const first = await call('DELETE', `${V}/composite/sobjects?ids=${dealId},junk`);
    expect(first.body).toEqual([
      { id: dealId, success: true, errors: [] },
      {
        id: 'junk',
        success: false,
        errors: [expect.objectContaining({ statusCode: 'MALFORMED_ID' })],
      },
    ]);
    const second = await call('DELETE', `${V}/composite/sobjects?ids=${dealId}`);
    expect(second.body[0].errors[0].statusCode).toBe('ENTITY_IS_DELETED');
    expect(await roles()).toBe(0);
  });

  it('retrieves by GET and POST, with null for records that are not there', async () => {
    const ids = [contactIds[7]!, '0035g00000009ZZAAA', contactIds[8]!];
    const byGet = await call(
      'GET',
      `${V}/composite/sobjects/Contact?ids=${ids.join(',')}&fields=Id,LastName`,
    );
    const byPost = await call('POST', `${V}/composite/sobjects/Contact`, {
      body: { ids, fields: ['Id', 'LastName'] },
    });
    expect(byGet.body).toEqual(byPost.body);
    expect(byGet.body.map((r: { Id: string } | null) => r?.Id ?? null)).toEqual([
      contactIds[7],
      null,
      contactIds[8],
    ]);
    const badField = await call('GET', `${V}/composite/sobjects/Contact?ids=${ids[0]}&fields=Nope`);
    expect(badField.body[0].errorCode).toBe('INVALID_FIELD');
  });
});
