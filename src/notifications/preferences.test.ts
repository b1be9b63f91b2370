import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { HttpError } from '../errors.js';
import { addMember, newWorkspace } from './fixtures.test-helper.js';
import { effectiveMode, preferencesOf, updatePreferences } from './preferences.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

describe('effectiveMode', () => {
  it('uses the stored choice over the default', () => {
    expect(effectiveMode('email', 'agent_run', false, undefined)).toBe('digest');
    expect(effectiveMode('email', 'agent_run', false, 'immediate')).toBe('immediate');
    expect(effectiveMode('slack', 'approval', false, 'off')).toBe('off');
  });

  it('never holds a critical notification for a digest, and pushes it unless push was turned off', () => {
    expect(effectiveMode('email', 'anomaly', true, 'digest')).toBe('immediate');
    expect(effectiveMode('email', 'anomaly', true, undefined)).toBe('immediate');
    expect(effectiveMode('push', 'anomaly', false, undefined)).toBe('off');
    expect(effectiveMode('push', 'anomaly', true, undefined)).toBe('immediate');
    expect(effectiveMode('push', 'anomaly', true, 'off')).toBe('off');
  });
});

describe('preferences', () => {
  it('reads the matrix with defaults, then the stored choices and settings', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const rep = await addMember(db.pool, workspaceId);
    const before = await preferencesOf(db.pool, workspaceId, rep.userId);
    expect(before.settings).toEqual({ timeZone: 'UTC', digestPeriod: 'daily', digestHour: 9 });
    expect(before.preferences).toContainEqual({
      channel: 'email',
      type: 'skill_result',
      mode: 'digest',
      isDefault: true,
    });
    expect(before.preferences.some((p) => (p.type as string) === 'digest')).toBe(false);

    await updatePreferences(
      db.pool,
      workspaceId,
      rep.userId,
      [
        { channel: 'email', type: 'skill_result', mode: 'immediate' },
        { channel: 'email', type: 'skill_result', mode: 'off' },
      ],
      { timeZone: 'Europe/Paris', digestHour: 7 },
    );
    const after = await preferencesOf(db.pool, workspaceId, rep.userId);
    expect(after.preferences).toContainEqual({
      channel: 'email',
      type: 'skill_result',
      mode: 'off',
      isDefault: false,
    });
    expect(after.settings).toEqual({
      timeZone: 'Europe/Paris',
      digestPeriod: 'daily',
      digestHour: 7,
    });
    await updatePreferences(db.pool, workspaceId, rep.userId, [], { digestPeriod: 'hourly' });
    expect((await preferencesOf(db.pool, workspaceId, rep.userId)).settings).toEqual({
      timeZone: 'Europe/Paris',
      digestPeriod: 'hourly',
      digestHour: 7,
    });
  });

  it.each([
    [
      { channel: 'fax', type: 'approval', mode: 'off' },
      'unknown_channel',
      'preferences[1].channel',
    ],
    [
      { channel: 'email', type: 'digest', mode: 'off' },
      'unknown_notification_type',
      'preferences[1].type',
    ],
    [
      { channel: 'email', type: 'approval', mode: 'weekly' },
      'unknown_delivery_mode',
      'preferences[1].mode',
    ],
    [
      { channel: 'in_app', type: 'approval', mode: 'digest' },
      'unknown_delivery_mode',
      'preferences[1].mode',
    ],
  ])('refuses %o naming the field, and stores nothing', async (bad, code, field) => {
    const workspaceId = await newWorkspace(db.pool);
    const rep = await addMember(db.pool, workspaceId);
    const error = await updatePreferences(db.pool, workspaceId, rep.userId, [
      { channel: 'slack', type: 'approval', mode: 'off' },
      bad,
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, code, details: [{ field }] });
    const { rows } = await db.pool.query(
      `select 1 from notification_preferences where user_id = $1::uuid`,
      [rep.userId],
    );
    expect(rows).toEqual([]);
  });

  it('refuses a time zone Postgres does not know, and an hour out of range', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const rep = await addMember(db.pool, workspaceId);
    await expect(
      updatePreferences(db.pool, workspaceId, rep.userId, [], { timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({
      code: 'unknown_time_zone',
      details: [{ field: 'settings.timeZone' }],
    });
    await expect(
      updatePreferences(db.pool, workspaceId, rep.userId, [], { digestHour: 24 }),
    ).rejects.toMatchObject({ code: 'invalid_digest_hour' });
  });
});
