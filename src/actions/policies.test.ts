import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { HttpError } from '../errors.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import {
  createPolicy,
  decidePolicy,
  deletePolicy,
  firstMatch,
  getPolicy,
  listPolicies,
  matches,
  updatePolicy,
  validatePolicy,
  type ActionPolicy,
  type PolicyInput,
  type PolicyMatch,
  type PolicySubject,
} from './policies.js';

function subject(overrides: Partial<PolicySubject> = {}): PolicySubject {
  return {
    actionType: 'update_field',
    severity: 'warning',
    impactAmount: 5_000,
    executionPayload: {
      crm_updates: [
        { field: 'close_date', proposed_value: '2026-01-31' },
        { field: 'Amount', proposed_value: 5_000 },
      ],
    },
    sourceType: 'skill',
    sourceName: 'stale-deals',
    ...overrides,
  };
}

const withFields = (...fields: string[]): Partial<PolicySubject> => ({
  executionPayload: { crm_updates: fields.map((field) => ({ field, proposed_value: 'x' })) },
});

describe('matches', () => {
  it('an empty match applies to every action, even one with no amount and no updates', () => {
    expect(matches({}, subject())).toBe(true);
    expect(matches({}, subject({ impactAmount: null, executionPayload: {} }))).toBe(true);
  });

  it('actionTypes: the type is one of them', () => {
    expect(matches({ actionTypes: ['clean_data', 'update_field'] }, subject())).toBe(true);
    expect(matches({ actionTypes: ['clean_data'] }, subject())).toBe(false);
  });

  it('severities: the severity is one of them', () => {
    expect(matches({ severities: ['warning'] }, subject())).toBe(true);
    expect(matches({ severities: ['critical', 'info'] }, subject())).toBe(false);
  });

  it('impactMin and impactMax are inclusive', () => {
    expect(matches({ impactMin: 5_000 }, subject())).toBe(true);
    expect(matches({ impactMin: 5_000.01 }, subject())).toBe(false);
    expect(matches({ impactMax: 5_000 }, subject())).toBe(true);
    expect(matches({ impactMax: 4_999.99 }, subject())).toBe(false);
    expect(matches({ impactMin: 5_000, impactMax: 5_000 }, subject())).toBe(true);
    expect(matches({ impactMin: 1_000, impactMax: 4_000 }, subject())).toBe(false);
    expect(matches({ impactMin: 6_000, impactMax: 9_000 }, subject())).toBe(false);
  });

  it('a zero amount is an amount, not a missing one', () => {
    expect(matches({ impactMin: 0 }, subject({ impactAmount: 0 }))).toBe(true);
    expect(matches({ impactMax: 0 }, subject({ impactAmount: 0 }))).toBe(true);
    expect(matches({ impactMin: 1 }, subject({ impactAmount: 0 }))).toBe(false);
    expect(matches({ impactMax: -1 }, subject({ impactAmount: 0 }))).toBe(false);
  });

  it('an action without an amount matches only when neither bound is set', () => {
    const noAmount = subject({ impactAmount: null });
    expect(matches({ severities: ['warning'] }, noAmount)).toBe(true);
    expect(matches({ impactMin: 0 }, noAmount)).toBe(false);
    expect(matches({ impactMax: 1_000_000 }, noAmount)).toBe(false);
    expect(matches({ impactMin: -1, impactMax: 1 }, noAmount)).toBe(false);
  });

  it('fields: any updated field is listed, compared case-insensitively', () => {
    expect(matches({ fields: ['amount'] }, subject())).toBe(true);
    expect(matches({ fields: ['CLOSE_DATE'] }, subject())).toBe(true);
    expect(matches({ fields: ['CloseDate'] }, subject(withFields('closedate')))).toBe(true);
    expect(matches({ fields: ['stage'] }, subject())).toBe(false);
  });

  it('fields never match an action that updates no field', () => {
    expect(matches({ fields: ['amount'] }, subject({ executionPayload: {} }))).toBe(false);
    expect(matches({ fields: ['amount'] }, subject(withFields()))).toBe(false);
    expect(matches({ fields: ['amount'], fieldsOnly: true }, subject(withFields()))).toBe(false);
  });

  it('fieldsOnly: every updated field must be listed', () => {
    const only = (fields: string[]): PolicyMatch => ({ fields, fieldsOnly: true });
    expect(matches(only(['close_date', 'amount']), subject())).toBe(true);
    expect(matches(only(['Close_Date', 'AMOUNT', 'stage']), subject())).toBe(true);
    expect(matches(only(['close_date']), subject())).toBe(false);
    expect(matches({ fields: ['close_date'], fieldsOnly: false }, subject())).toBe(true);
    // The same field twice is still one field in the list.
    expect(matches(only(['amount']), subject(withFields('amount', 'AMOUNT')))).toBe(true);
  });

  it('ignores malformed payload entries rather than throwing', () => {
    const malformed = subject({
      executionPayload: {
        crm_updates: [null, { proposed_value: 1 }, { field: 7 }, { field: 'amount' }],
      } as unknown as PolicySubject['executionPayload'],
    });
    expect(matches({ fields: ['amount'], fieldsOnly: true }, malformed)).toBe(true);
    const notAList = subject({
      executionPayload: { crm_updates: 'amount' } as unknown as PolicySubject['executionPayload'],
    });
    expect(matches({ fields: ['amount'] }, notAList)).toBe(false);
  });

  it('sourceTypes and sourceNames: the source is one of them (names exactly)', () => {
    expect(matches({ sourceTypes: ['skill', 'flow'] }, subject())).toBe(true);
    expect(matches({ sourceTypes: ['person'] }, subject())).toBe(false);
    expect(matches({ sourceNames: ['stale-deals'] }, subject())).toBe(true);
    expect(matches({ sourceNames: ['Stale-Deals'] }, subject())).toBe(false);
    expect(matches({ sourceNames: ['stale-deals'] }, subject({ sourceName: null }))).toBe(false);
  });

  it('every given condition must hold', () => {
    const match: PolicyMatch = {
      actionTypes: ['update_field'],
      severities: ['warning'],
      impactMin: 1_000,
      impactMax: 10_000,
      fields: ['amount'],
      sourceTypes: ['skill'],
      sourceNames: ['stale-deals'],
    };
    expect(matches(match, subject())).toBe(true);
    expect(matches(match, subject({ severity: 'info' }))).toBe(false);
    expect(matches(match, subject({ sourceType: 'person' }))).toBe(false);
    expect(matches(match, subject({ impactAmount: 10_001 }))).toBe(false);
    expect(matches(match, subject(withFields('stage')))).toBe(false);
  });
});

describe('firstMatch', () => {
  const policy = (id: string, effect: ActionPolicy['effect'], extra: Partial<ActionPolicy>) =>
    ({
      id,
      workspaceId: 'w',
      name: id,
      enabled: true,
      priority: 100,
      match: {},
      effect,
      createdBy: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      ...extra,
    }) satisfies ActionPolicy;

  it('the first enabled matching policy in the given order decides; none is null', () => {
    const policies = [
      policy('off', 'block', { enabled: false }),
      policy('other-type', 'block', { match: { actionTypes: ['clean_data'] } }),
      policy('warning', 'require_approval', { match: { severities: ['warning'] } }),
      policy('all', 'auto_execute', {}),
    ];
    expect(firstMatch(policies, subject())?.policy.id).toBe('warning');
    expect(firstMatch(policies, subject())?.effect).toBe('require_approval');
    expect(firstMatch(policies, subject({ severity: 'info' }))?.policy.id).toBe('all');
    expect(firstMatch(policies.slice(0, 3), subject({ severity: 'info' }))).toBeNull();
  });
});

function invalidField(fn: () => unknown): { status: number; code: string; field: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) {
      return {
        status: error.status,
        code: error.code,
        field: (error.details as { field?: string }).field,
      };
    }
    throw error;
  }
  throw new Error('expected an invalid_policy error');
}

describe('validatePolicy', () => {
  const body = (match: unknown, extra: Partial<PolicyInput> = {}): PolicyInput => ({
    name: 'Big deals',
    effect: 'require_approval',
    match: match as PolicyMatch,
    ...extra,
  });

  it('fills in defaults, trims the name and removes repeated values', () => {
    expect(
      validatePolicy({
        name: '  Big deals ',
        effect: 'block',
        match: { severities: ['critical', 'critical'] },
      }),
    ).toEqual({
      name: 'Big deals',
      enabled: true,
      priority: 100,
      match: { severities: ['critical'] },
      effect: 'block',
    });
  });

  it.each([
    [{ impactMin: 10, impactMax: 5 }, {}, 'match.impactMin'],
    [{ fieldsOnly: true }, {}, 'match.fieldsOnly'],
    [{ fields: [] }, {}, 'match.fields'],
    [{ fields: ['amount', ' '] }, {}, 'match.fields'],
    [{ severities: ['urgent'] }, {}, 'match.severities'],
    [{ sourceTypes: ['robot'] }, {}, 'match.sourceTypes'],
    [{ actionTypes: ['Update Field'] }, {}, 'match.actionTypes'],
    [{ impactMin: Number.NaN }, {}, 'match.impactMin'],
    [{ impactMax: '5' }, {}, 'match.impactMax'],
    [{ owner: 'x' }, {}, 'match.owner'],
    [[], {}, 'match'],
    [{}, { name: '   ' }, 'name'],
    [{}, { priority: -1 }, 'priority'],
    [{}, { priority: 1.5 }, 'priority'],
    [{}, { effect: 'allow' }, 'effect'],
  ])('rejects %j %j naming %s', (match, extra, field) => {
    expect(invalidField(() => validatePolicy(body(match, extra as Partial<PolicyInput>)))).toEqual({
      status: 400,
      code: 'invalid_policy',
      field,
    });
  });

  it('allows equal bounds', () => {
    expect(validatePolicy(body({ impactMin: 5, impactMax: 5 })).match).toEqual({
      impactMin: 5,
      impactMax: 5,
    });
  });
});

describe('stored policies', () => {
  let db: TestDatabase;
  let workspaceId: string;
  let otherWorkspaceId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    workspaceId = (await createWorkspace(db.pool, { name: 'Policies' })).id;
    otherWorkspaceId = (await createWorkspace(db.pool, { name: 'Other' })).id;
  });

  it('decides by priority, then age, skipping disabled ones and other workspaces', async () => {
    expect(await decidePolicy(db.pool, workspaceId, subject())).toBeNull();
    // Another workspace's policy, first by priority, must not count here.
    await createPolicy(db.pool, otherWorkspaceId, { name: 'Theirs', effect: 'block', priority: 0 });
    const broad = await createPolicy(db.pool, workspaceId, {
      name: 'Approve warnings',
      effect: 'require_approval',
      priority: 50,
      match: { severities: ['warning'] },
    });
    const sameRankLater = await createPolicy(db.pool, workspaceId, {
      name: 'Block warnings',
      effect: 'block',
      priority: 50,
      match: { severities: ['warning'] },
    });
    const disabled = await createPolicy(db.pool, workspaceId, {
      name: 'Off',
      effect: 'block',
      priority: 1,
      enabled: false,
    });
    expect(await decidePolicy(db.pool, workspaceId, subject())).toMatchObject({
      effect: 'require_approval',
      policy: { id: broad.id },
    });

    const exception = await createPolicy(db.pool, workspaceId, {
      name: 'Small close dates run',
      effect: 'auto_execute',
      priority: 10,
      match: { fields: ['close_date', 'amount'], fieldsOnly: true, impactMax: 10_000 },
    });
    expect((await decidePolicy(db.pool, workspaceId, subject()))?.policy.id).toBe(exception.id);
    expect(
      (await decidePolicy(db.pool, workspaceId, subject({ impactAmount: 20_000 })))?.policy.id,
    ).toBe(broad.id);
    expect(
      await decidePolicy(db.pool, workspaceId, subject({ severity: 'info', impactAmount: 20_000 })),
    ).toBeNull();

    await updatePolicy(db.pool, workspaceId, disabled.id, { enabled: true });
    expect((await decidePolicy(db.pool, workspaceId, subject()))?.effect).toBe('block');
    await deletePolicy(db.pool, workspaceId, disabled.id);

    expect((await listPolicies(db.pool, workspaceId)).map((policy) => policy.id)).toEqual([
      exception.id,
      broad.id,
      sameRankLater.id,
    ]);
  });

  it('a patch changes only what it names; a new match replaces the old whole', async () => {
    const created = await createPolicy(
      db.pool,
      workspaceId,
      { name: 'Patch me', effect: 'block', match: { severities: ['info'], impactMin: 5 } },
      'admin@example.com',
    );
    const patched = await updatePolicy(db.pool, workspaceId, created.id, {
      match: { actionTypes: ['clean_data'] },
    });
    expect(patched).toMatchObject({
      name: 'Patch me',
      effect: 'block',
      priority: 100,
      match: { actionTypes: ['clean_data'] },
      createdBy: 'admin@example.com',
    });
    expect(patched.match).not.toHaveProperty('severities');
    expect(Date.parse(patched.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    await expect(
      updatePolicy(db.pool, workspaceId, created.id, { match: { impactMin: 2, impactMax: 1 } }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'invalid_policy',
      details: { field: 'match.impactMin' },
    });
    expect((await getPolicy(db.pool, workspaceId, created.id)).match).toEqual(patched.match);
  });

  it("another workspace's policy id is not found", async () => {
    const theirs = await createPolicy(db.pool, otherWorkspaceId, {
      name: 'Theirs too',
      effect: 'block',
    });
    const notFound = { status: 404, code: 'not_found' };
    await expect(getPolicy(db.pool, workspaceId, theirs.id)).rejects.toMatchObject(notFound);
    await expect(
      updatePolicy(db.pool, workspaceId, theirs.id, { name: 'Mine now' }),
    ).rejects.toMatchObject(notFound);
    await expect(deletePolicy(db.pool, workspaceId, theirs.id)).rejects.toMatchObject(notFound);
    expect((await getPolicy(db.pool, otherWorkspaceId, theirs.id)).name).toBe('Theirs too');
  });
});
