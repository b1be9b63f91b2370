import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { raiseOrRefresh, type Finding } from '../../anomalies/store.js';
import {
  channelPosts,
  installSlack,
  member,
  noticesOf,
  sorted,
  workspace,
  type TestMember,
} from './fixtures.test-helper.js';

let db: TestDatabase;
let ws: string;
let admins: TestMember[];

const start = Date.UTC(2026, 11, 1, 9, 0);
const at = (minutes: number) => new Date(start + minutes * 60_000);
const timing = { pendingMs: 10 * 60_000, renotifyMs: 4 * 3_600_000 };

beforeAll(async () => {
  db = await createTestDatabase();
  ws = await workspace(db.pool);
  admins = [await member(db.pool, ws, 'admin'), await member(db.pool, ws, 'admin')];
  await member(db.pool, ws, 'member');
  await installSlack(db.pool, ws, 'C0ALERTS');
});

const finding = (scopeKey: string, severity: Finding['severity']): Finding => ({
  workspaceId: ws,
  rule: 'agent_failure_rate',
  scopeKey,
  severity,
  title: `Agent ${scopeKey} fails often`,
  description: '4 of 10 runs failed in the last hour',
  data: { value: 0.4, threshold: 0.2, sampleSize: 10 },
});

const noticesFor = async (anomalyId: string) =>
  (await noticesOf(db.pool, ws, 'anomaly')).filter((n) => n.anomalyId === anomalyId);

describe('an anomaly', () => {
  it('of severity error tells every admin once when it fires, critical, and posts to the alerts channel', async () => {
    const f = finding('agent-1', 'error');
    const opened = await raiseOrRefresh(db.pool, f, timing, at(0));
    expect(opened.step).toBe('open');
    expect(await noticesOf(db.pool, ws, 'anomaly')).toEqual([]);

    const fired = await raiseOrRefresh(db.pool, f, timing, at(10));
    expect(fired.step).toBe('fire');
    const id = fired.anomaly!.id;
    const notices = await noticesFor(id);
    expect(sorted(notices.map((n) => n.recipientUserId))).toEqual(
      sorted(admins.map((a) => a.userId)),
    );
    for (const notice of notices) {
      expect(notice).toMatchObject({
        title: 'Agent agent-1 fails often',
        body: '4 of 10 runs failed in the last hour',
        severity: 'error',
        critical: true,
        link: `/anomalies/${id}`,
      });
    }
    const posts = (await channelPosts(db.pool, ws)).filter(
      (p) => p.payload.title === 'Agent agent-1 fails often',
    );
    expect(posts).toEqual([
      expect.objectContaining({
        target: 'C0ALERTS',
        payload: expect.objectContaining({ type: 'anomaly', critical: true }),
      }),
    ]);

    // Still breached before the re-notify interval: nothing new.
    expect((await raiseOrRefresh(db.pool, f, timing, at(60))).step).toBe('refresh');
    expect(await noticesFor(id)).toHaveLength(2);

    // After it, each admin is told again, once.
    expect((await raiseOrRefresh(db.pool, f, timing, at(10 + 240))).step).toBe('renotify');
    const after = await noticesFor(id);
    expect(after).toHaveLength(4);
    expect(
      after.filter((n) => n.title === 'Still happening: Agent agent-1 fails often'),
    ).toHaveLength(2);
    expect((await channelPosts(db.pool, ws)).filter((p) => p.target === 'C0ALERTS')).toHaveLength(
      2,
    );
  });

  it('of severity warning is not critical', async () => {
    const fired = await raiseOrRefresh(
      db.pool,
      finding('agent-2', 'warning'),
      { pendingMs: 0, renotifyMs: timing.renotifyMs },
      at(0),
    );
    expect(fired.step).toBe('open_and_fire');
    const notices = await noticesFor(fired.anomaly!.id);
    expect(notices).toHaveLength(2);
    expect(notices.every((n) => !n.critical && n.severity === 'warning')).toBe(true);
  });
});
