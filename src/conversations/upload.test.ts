import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { parseParticipants } from './upload.js';

/**
 * Uploading meetings as JSON or CSV through the API: good rows stored once (by id, or
 * by title and start), bad rows named by row and column, whole-file problems a 400.
 */
let t: TestApp;
let admin: Tenant;

const url = () => `/api/workspaces/${admin.workspaceId}/conversations/upload`;

function upload(payload: string, contentType: string, headers: object = admin.auth) {
  return t.app.inject({
    method: 'POST',
    url: url(),
    headers: { ...headers, 'content-type': contentType },
    payload,
  });
}

const json = (rows: unknown) => upload(JSON.stringify(rows), 'application/json');
const csv = (text: string) => upload(text, 'text/csv');

function meeting(id: string | undefined, overrides: Record<string, unknown> = {}) {
  return {
    ...(id ? { id } : {}),
    title: `Call ${id ?? 'without id'}`,
    startedAt: '2026-10-01T09:00:00Z',
    duration: 900,
    participants: [{ email: 'buyer@acme.example', name: 'Bea Buyer' }],
    ...overrides,
  };
}

async function uploaded() {
  const { rows } = await t.db.pool.query(
    `select source_id as "sourceId", title, duration_seconds as "durationSeconds",
            participants, transcript, connection_id as "connectionId"
     from conversations where workspace_id = $1::uuid and source = 'upload'
     order by title`,
    [admin.workspaceId],
  );
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
});

describe('uploading meetings as JSON', () => {
  it('stores the valid rows, names the bad ones, and stores nothing twice on a second upload', async () => {
    const rows = [
      meeting('m-1'),
      meeting('m-2', { transcript: 'Bea Buyer: hello' }),
      meeting('m-3'),
      meeting('m-4', { participants: [{ email: 'not-an-email' }] }),
      meeting('m-1', { title: 'Again' }),
      meeting('m-5', { startedAt: 'last tuesday', duration: -1 }),
    ];
    const first = await json(rows);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      rows: 6,
      created: 3,
      updated: 0,
      unchanged: 0,
      skipped: 3,
      errors: [
        { row: 4, column: 'participants.0.email', message: 'must match format "email"' },
        { row: 5, column: 'id', message: 'repeats the id of row 1; skipped' },
        { row: 6, column: 'startedAt', message: 'must match format "date-time"' },
        { row: 6, column: 'duration', message: 'must be >= 0' },
      ],
      errorCount: 4,
    });
    const stored = await uploaded();
    expect(stored.map((row) => row.sourceId)).toEqual(['m-1', 'm-2', 'm-3']);
    expect(stored[1]).toMatchObject({ transcript: 'Bea Buyer: hello', connectionId: null });

    const again = await json(rows.slice(0, 3));
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, skipped: 0 });
    const changed = await json([meeting('m-3', { duration: 60 })]);
    expect(changed.json()).toMatchObject({ created: 0, updated: 1 });
    expect((await uploaded()).length).toBe(3);
  });

  it('queues the linker for what it stored', async () => {
    const { rows } = await t.db.pool.query<{ n: number }>(
      `select count(*)::int as n from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id
       where t.identifier = 'conversations.link' and payload->>'workspaceId' = $1::text`,
      [admin.workspaceId],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses what is not an array, more rows than allowed, and members', async () => {
    const notArray = await json({ meetings: [] });
    expect(notArray.statusCode).toBe(400);
    const tooMany = await json(Array.from({ length: 5_001 }, (_, i) => meeting(`x-${i}`)));
    expect(tooMany.statusCode).toBe(400);
    const member = await apiKeyAuth(t, admin, 'member');
    const byMember = await upload('[]', 'application/json', member);
    expect(byMember.statusCode).toBe(403);
  });
});

describe('uploading meetings as CSV', () => {
  const header = 'Title,Started At,Duration,Participants,Host Email,Transcript\n';

  it('reads quoted cells and participants, identifies id-less rows by title and start, names bad cells', async () => {
    const file =
      header +
      '"Acme, renewal",2026-11-02T10:00:00Z,1800,"Ann Lee <Ann@Acme.example>; ""Doe, Jo"" <jo@acme.example>; cfo@acme.example",rep@seller.example,"Ann Lee: first line\nRep: second line"\n' +
      'Bad duration,2026-11-03T10:00:00Z,half an hour,,,\n' +
      'No start,,600,,,\n' +
      'Globex intro,2026-11-04T10:00:00Z,600,,,\n';
    const first = await csv(file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      rows: 4,
      created: 2,
      skipped: 2,
      errors: [
        { row: 2, column: 'duration', message: 'must be integer' },
        { row: 3, column: 'startedAt', message: 'is required' },
      ],
    });
    const renewal = (await uploaded()).find((row) => row.title === 'Acme, renewal');
    expect(renewal).toMatchObject({
      durationSeconds: 1800,
      transcript: 'Ann Lee: first line\nRep: second line',
      participants: [
        { email: 'ann@acme.example', name: 'Ann Lee' },
        { email: 'jo@acme.example', name: 'Doe, Jo' },
        { email: 'cfo@acme.example' },
      ].map((p) => expect.objectContaining(p)),
    });
    expect(renewal!.sourceId).toMatch(/^sha256:[0-9a-f]{32}$/);

    const again = await csv(file);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 2, skipped: 2 });
  });

  it('refuses a file with an unknown or missing column, broken quoting, or too many rows', async () => {
    const unknown = await csv('Title,Started At,Duration,Mood\nx,2026-01-01T00:00:00Z,1,happy\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('header.4');
    const missing = await csv('Title,Participants\nx,a@b.example\n');
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'header.startedAt',
      'header.duration',
    ]);
    const broken = await csv(header + '"unclosed,2026-01-01T00:00:00Z,1,,,\n');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('malformed_csv');
    const long =
      header +
      Array.from({ length: 5_001 }, (_, i) => `Call ${i},2026-01-01T00:00:00Z,60,,,`).join('\n');
    const tooLong = await csv(long);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe('too_many_rows');
  });
});

describe('parseParticipants', () => {
  it('splits on semicolons and keeps names with commas', () => {
    expect(parseParticipants(' "Doe, Jo" <jo@x.example> ;b@y.example;; Ann <a@z.example>')).toEqual(
      [
        { email: 'jo@x.example', name: 'Doe, Jo' },
        { email: 'b@y.example' },
        { email: 'a@z.example', name: 'Ann' },
      ],
    );
  });
});
