import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createRecords, type Records } from '../../../test/records.js';
import { runSkill } from '../../skills/registry.js';
import {
  channelPosts,
  installSlack,
  member,
  noticesOf,
  sorted,
  type TestMember,
} from './fixtures.test-helper.js';

const NOW = new Date('2025-05-15T12:00:00Z');
let db: TestDatabase;
let r: Records;
let admins: TestMember[];

beforeAll(async () => {
  db = await createTestDatabase();
  r = await createRecords(db.pool);
  admins = [
    await member(db.pool, r.workspaceId, 'admin'),
    await member(db.pool, r.workspaceId, 'admin'),
  ];
  await member(db.pool, r.workspaceId, 'member');
  await installSlack(db.pool, r.workspaceId, 'C0SKILLS');
  await r.deal({ name: 'Acme', source: 'hubspot', amount: 450_000 });
  await r.deal({ name: 'Globex', source: 'hubspot', amount: 90_000 });
});

const run = () => runSkill(db.pool, r.workspaceId, 'data-quality-audit', { now: NOW });

describe('a skill run', () => {
  it('with new actions tells the admins and the alerts channel once; a run with nothing new tells no one', async () => {
    const first = await run();
    expect(first.created).toBeGreaterThan(0);
    const notices = await noticesOf(db.pool, r.workspaceId, 'skill_result');
    expect(sorted(notices.map((n) => n.recipientUserId))).toEqual(
      sorted(admins.map((a) => a.userId)),
    );
    expect(notices[0]).toMatchObject({
      title: `data-quality-audit: ${first.created} new action${first.created === 1 ? '' : 's'} to review`,
      link: '/actions',
      severity: 'info',
      critical: false,
      dedupeKey: `skill_run:${first.runId}`,
    });
    expect(await channelPosts(db.pool, r.workspaceId)).toEqual([
      expect.objectContaining({
        target: 'C0SKILLS',
        payload: expect.objectContaining({ type: 'skill_result' }),
      }),
    ]);

    // The same findings again: updated, none new.
    const second = await run();
    expect(second.created).toBe(0);
    expect(await noticesOf(db.pool, r.workspaceId, 'skill_result')).toHaveLength(2);
    expect(await channelPosts(db.pool, r.workspaceId)).toHaveLength(1);
  });

  it('that fails tells the admins why', async () => {
    // The skill cannot read the deals: its query fails inside the run.
    await db.pool.query('alter table deals rename to deals_away');
    try {
      await expect(run()).rejects.toThrow();
    } finally {
      await db.pool.query('alter table deals_away rename to deals');
    }
    const failed = (await noticesOf(db.pool, r.workspaceId, 'skill_result')).filter(
      (n) => n.severity === 'error',
    );
    expect(failed).toHaveLength(2);
    expect(failed[0]!.title).toBe('The skill data-quality-audit failed');
    expect(failed[0]!.body).toContain('deals');
  });
});
