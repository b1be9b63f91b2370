/**
 * The anomaly rules: one definition each, its thresholds written here and nowhere else.
 * Every rule measures all workspaces at once and returns one value per scope; the
 * evaluator (evaluate.ts) turns each into a verdict and a lifecycle step.
 *
 * | rule                       | scope              | value                                   | fires        | clears      | min sample         | pending | re-notify |
 * |----------------------------|--------------------|-----------------------------------------|--------------|-------------|--------------------|---------|-----------|
 * | agent_failure_rate         | agent              | failed / runs, last hour                | > 20%        | <= 10%      | 10 runs            | 10 min  | 4 h       |
 * | agent_low_confidence       | agent              | mean overall confidence, last 24 h      | < 0.60       | >= 0.65     | 10 runs            | 1 h     | 24 h      |
 * | field_precision_drop       | `agent:field`      | shadow precision, latest 100 outcomes   | < threshold  | >= thr+0.02 | agent's min sample | none    | 24 h      |
 * | crm_sync_stale             | CRM connection     | hours since the last succeeded sync     | > 2 x interval | <= interval | 1               | none    | 24 h      |
 * | crm_rate_limit_exhaustion  | CRM connection     | share of today's API quota used         | > 90%        | <= 80%      | 1                  | none    | 6 h       |
 * | inbox_backlog_aging        | workspace          | pending items older than 48 h           | > 5          | <= 1        | 1 pending item (recovery: none) | 1 h | 24 h |
 * | conversation_intake_stopped| conversation source| meetings delivered in the last 24 h     | < 1          | >= 1        | 5 of the 7 days before had meetings (recovery: none) | 1 h | 24 h |
 *
 * Fields whose precision is watched: those with auto-apply on, and any with an open finding
 * (so a field switched back to "ask" still clears). The precision thresholds are the agent's
 * own (`precision_threshold`, `min_samples`).
 */
import type { Queryable } from '../db/pool.js';
import { fieldTrust } from '../agents/trust.js';
import { dayIn, validTimeZone } from '../crm/rate-limits.js';
import type { AnomalySeverity, Thresholds, Timing } from './lifecycle.js';

/** One scope's measurement; `thresholds` replace the rule's for this scope. */
export interface Measurement {
  workspaceId: string;
  scopeKey: string;
  value: number;
  sampleSize: number;
  /** What people read: the agent's or connection's name. */
  label: string;
  thresholds?: Partial<Thresholds>;
  /** More to show with the finding (the window, counts). */
  detail?: Record<string, unknown>;
}

export interface AnomalyRule {
  id: string;
  severity: AnomalySeverity;
  thresholds: Thresholds;
  timing: Timing;
  title(m: Measurement): string;
  description(m: Measurement, t: Thresholds): string;
  measure(db: Queryable, now: Date): Promise<Measurement[]>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const pct = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** Open findings of a rule, so a scope no longer measured can still clear. */
async function openScopes(db: Queryable, rule: string): Promise<Set<string>> {
  const { rows } = await db.query<{ key: string }>(
    `select workspace_id || '/' || scope_key as key from anomalies
     where rule = $1::text and status in ('pending', 'active', 'acknowledged')`,
    [rule],
  );
  return new Set(rows.map((row) => row.key));
}

const agentFailureRate: AnomalyRule = {
  id: 'agent_failure_rate',
  severity: 'error',
  thresholds: { direction: 'above', fireAt: 0.2, recoverAt: 0.1, minSample: 10 },
  timing: { pendingMs: 10 * MINUTE, renotifyMs: 4 * HOUR },
  title: (m) => `${m.label}: ${pct(m.value)} of runs failed in the last hour`,
  description: (m, t) =>
    `${m.detail?.failed as number} of ${m.sampleSize} runs failed in the last hour (alert above ${pct(t.fireAt)}, clears at ${pct(t.recoverAt)}). The failed runs' errors are in the activity log.`,
  async measure(db, now) {
    const { rows } = await db.query<Measurement & { failed: number }>(
      `select l.workspace_id as "workspaceId", l.agent_config_id::text as "scopeKey",
              a.name as label, count(*)::int as "sampleSize",
              count(*) filter (where l.status = 'failed')::int as failed,
              (count(*) filter (where l.status = 'failed'))::float8 / count(*) as value
       from activity_logs l join agent_configs a on a.id = l.agent_config_id
       where l.created_at >= $1::timestamptz - interval '1 hour' and l.created_at < $1::timestamptz
       group by l.workspace_id, l.agent_config_id, a.name`,
      [now.toISOString()],
    );
    return rows.map(({ failed, ...m }) => ({ ...m, detail: { failed, window: '1 hour' } }));
  },
};

const agentLowConfidence: AnomalyRule = {
  id: 'agent_low_confidence',
  severity: 'warning',
  thresholds: { direction: 'below', fireAt: 0.6, recoverAt: 0.65, minSample: 10 },
  timing: { pendingMs: HOUR, renotifyMs: 24 * HOUR },
  title: (m) => `${m.label}: average confidence ${m.value.toFixed(2)} over the last day`,
  description: (m, t) =>
    `The mean overall confidence of ${m.sampleSize} runs in the last 24 hours is ${m.value.toFixed(2)} (alert below ${t.fireAt}, clears at ${t.recoverAt}). Calls the agent reads poorly, or records it matches with doubt: look at the runs' warnings.`,
  async measure(db, now) {
    const { rows } = await db.query<Measurement>(
      `select l.workspace_id as "workspaceId", l.agent_config_id::text as "scopeKey",
              a.name as label, count(l.overall_confidence)::int as "sampleSize",
              coalesce(avg(l.overall_confidence), 0)::float8 as value
       from activity_logs l join agent_configs a on a.id = l.agent_config_id
       where l.created_at >= $1::timestamptz - interval '24 hours' and l.created_at < $1::timestamptz
       group by l.workspace_id, l.agent_config_id, a.name`,
      [now.toISOString()],
    );
    return rows.map((m) => ({ ...m, detail: { window: '24 hours' } }));
  },
};

export const FIELD_PRECISION_RULE = 'field_precision_drop';

/** The scope of a field's precision finding, for whoever raises one directly. */
export const fieldScope = (agentConfigId: string, field: string) => `${agentConfigId}:${field}`;

const fieldPrecisionDrop: AnomalyRule = {
  id: FIELD_PRECISION_RULE,
  severity: 'warning',
  // The agent's own threshold and minimum replace these per scope.
  thresholds: { direction: 'below', fireAt: 0.95, recoverAt: 0.97, minSample: 20 },
  timing: { pendingMs: 0, renotifyMs: 24 * HOUR },
  title: (m) => `${m.label}: precision fell to ${pct(m.value)}`,
  description: (m, t) =>
    `Of the latest ${m.sampleSize} proposals for this field that a rep or reviewer settled, ${pct(m.value)} were right; the agent needs ${pct(t.fireAt)} to write it without asking. Auto-apply is for trusted fields only: keep it on "ask" until it recovers.`,
  async measure(db) {
    const open = await openScopes(db, FIELD_PRECISION_RULE);
    const { rows: agents } = await db.query<{ id: string; workspaceId: string; name: string }>(
      `select id, workspace_id as "workspaceId", name from agent_configs
       where status in ('active', 'paused', 'error')
          or exists (select 1 from anomalies n where n.rule = $1::text and n.workspace_id = agent_configs.workspace_id
                       and n.scope_key like agent_configs.id::text || ':%'
                       and n.status in ('pending', 'active', 'acknowledged'))`,
      [FIELD_PRECISION_RULE],
    );
    const measured: Measurement[] = [];
    for (const agent of agents) {
      for (const trust of await fieldTrust(db, agent.id)) {
        const scopeKey = fieldScope(agent.id, trust.field);
        if (trust.precision === null) continue;
        if (!trust.autoApplyEnabled && !open.has(`${agent.workspaceId}/${scopeKey}`)) continue;
        measured.push({
          workspaceId: agent.workspaceId,
          scopeKey,
          value: trust.precision,
          sampleSize: trust.samples,
          label: `${agent.name}, ${trust.field}`,
          thresholds: {
            fireAt: trust.threshold,
            recoverAt: Math.min(1, trust.threshold + 0.02),
            minSample: trust.minSamples,
          },
          detail: { agentConfigId: agent.id, field: trust.field, correct: trust.correct },
        });
      }
    }
    return measured;
  },
};

const crmSyncStale: AnomalyRule = {
  id: 'crm_sync_stale',
  severity: 'warning',
  // Per connection: twice its sync interval, clearing at one interval.
  thresholds: { direction: 'above', fireAt: 48, recoverAt: 24, minSample: 1 },
  timing: { pendingMs: 0, renotifyMs: 24 * HOUR },
  title: (m) => `${m.label}: no successful sync for ${Math.floor(m.value)} hours`,
  description: (m, t) =>
    `The CRM connection has not synced successfully for ${Math.floor(m.value)} hours (alert after ${t.fireAt}). Agents match calls against stale deals meanwhile; see the connection's sync runs for the error.`,
  async measure(db, now) {
    const { rows } = await db.query<Measurement & { interval: number }>(
      `select c.workspace_id as "workspaceId", c.id::text as "scopeKey", c.name as label,
              1 as "sampleSize", c.sync_interval_hours as interval,
              extract(epoch from ($1::timestamptz - coalesce(s.last_ok, c.created_at)))::float8 / 3600
                as value
       from connections c
       left join lateral (
         select max(r.finished_at) as last_ok from sync_runs r
         where r.workspace_id = c.workspace_id and r.connection_id = c.id
           and r.status = 'succeeded'
       ) s on true
       where c.crm_type is not null and c.status in ('connected', 'error')`,
      [now.toISOString()],
    );
    return rows.map(({ interval, ...m }) => ({
      ...m,
      thresholds: { fireAt: 2 * interval, recoverAt: interval },
      detail: { syncIntervalHours: interval },
    }));
  },
};

const crmRateLimitExhaustion: AnomalyRule = {
  id: 'crm_rate_limit_exhaustion',
  severity: 'warning',
  thresholds: { direction: 'above', fireAt: 0.9, recoverAt: 0.8, minSample: 1 },
  timing: { pendingMs: 0, renotifyMs: 6 * HOUR },
  title: (m) => `${m.label}: ${pct(m.value)} of today's CRM API quota used`,
  description: (m, t) =>
    `The connection has used ${m.detail?.usedToday as number} of ${m.detail?.dailyLimit as number} API calls today (alert above ${pct(t.fireAt)}). When it runs out, syncs and writes wait for tomorrow.`,
  async measure(db, now) {
    const { rows } = await db.query<{
      workspaceId: string;
      scopeKey: string;
      label: string;
      usageDay: string | null;
      used: number;
      limit: number | null;
      exhausted: boolean;
      timeZone: string | null;
    }>(
      `select r.workspace_id as "workspaceId", r.connection_id::text as "scopeKey",
              c.name as label, r.usage_day as "usageDay", r.used_today as used,
              coalesce(r.reported_max, r.daily_limit) as limit,
              coalesce(r.daily_exhausted_until > $1::timestamptz, false) as exhausted,
              c.metadata->>'timeZone' as "timeZone"
       from crm_rate_limits r join connections c on c.id = r.connection_id
       where c.crm_type is not null`,
      [now.toISOString()],
    );
    return rows.flatMap((row) => {
      // Today in the CRM's own zone, as the limiter counts it.
      const today = dayIn(now.getTime(), validTimeZone(row.timeZone));
      const used = row.usageDay === today ? row.used : 0;
      if (!row.exhausted && !(row.limit && row.limit > 0)) return [];
      const value = row.exhausted ? 1 : Math.min(1, used / row.limit!);
      return [
        {
          workspaceId: row.workspaceId,
          scopeKey: row.scopeKey,
          label: row.label,
          value,
          sampleSize: 1,
          detail: { usedToday: used, dailyLimit: row.limit, exhausted: row.exhausted },
        },
      ];
    });
  },
};

/** Pending items older than this count as the backlog. */
export const BACKLOG_AGE_HOURS = 48;

const inboxBacklogAging: AnomalyRule = {
  id: 'inbox_backlog_aging',
  severity: 'warning',
  thresholds: { direction: 'above', fireAt: 5, recoverAt: 1, minSample: 1, minSampleToRecover: 0 },
  timing: { pendingMs: HOUR, renotifyMs: 24 * HOUR },
  title: (m) => `${m.value} inbox items waiting for more than ${BACKLOG_AGE_HOURS} hours`,
  description: (m, t) =>
    `${m.value} of ${m.sampleSize} pending inbox items are older than ${BACKLOG_AGE_HOURS} hours (alert above ${t.fireAt}, clears at ${t.recoverAt}). Agent updates wait on them: approve, edit or reject.`,
  async measure(db, now) {
    const open = await openScopes(db, 'inbox_backlog_aging');
    const { rows } = await db.query<Measurement>(
      `select i.workspace_id as "workspaceId", '' as "scopeKey", 'Inbox' as label,
              count(*)::int as "sampleSize",
              (count(*) filter (where i.created_at < $1::timestamptz - $2::int * interval '1 hour'))::float8
                as value
       from inbox_items i
       where i.status = 'pending'
       group by i.workspace_id`,
      [now.toISOString(), BACKLOG_AGE_HOURS],
    );
    // An inbox emptied altogether measures zero, so its open finding clears.
    const seen = new Set(rows.map((m) => `${m.workspaceId}/`));
    for (const key of open) {
      if (seen.has(key)) continue;
      rows.push({
        workspaceId: key.slice(0, -1),
        scopeKey: '',
        label: 'Inbox',
        value: 0,
        sampleSize: 0,
      });
    }
    return rows.map((m) => ({ ...m, detail: { olderThanHours: BACKLOG_AGE_HOURS } }));
  },
};

const INTAKE_RULE = 'conversation_intake_stopped';

const conversationIntakeStopped: AnomalyRule = {
  id: INTAKE_RULE,
  severity: 'warning',
  // A source counts as daily when 5 of the 7 days before the last 24 hours had meetings;
  // one meeting delivered is enough to clear.
  thresholds: { direction: 'below', fireAt: 1, recoverAt: 1, minSample: 5, minSampleToRecover: 0 },
  timing: { pendingMs: HOUR, renotifyMs: 24 * HOUR },
  title: (m) => `${m.label}: no meetings delivered in the last day`,
  description: (m) =>
    `This source delivered meetings on ${m.sampleSize} of the 7 days before, and none in the last 24 hours. Check its credentials and tracked users, or the recorder's webhook.`,
  async measure(db, now) {
    const open = await openScopes(db, INTAKE_RULE);
    const { rows } = await db.query<Measurement>(
      `select c.workspace_id as "workspaceId", c.id::text as "scopeKey", c.name as label,
              coalesce(recent.n, 0)::float8 as value, coalesce(before.days, 0)::int as "sampleSize"
       from connections c
       left join lateral (
         select count(*) as n from conversations v
         where v.connection_id = c.id and v.created_at >= $1::timestamptz - interval '1 day'
           and v.created_at < $1::timestamptz
       ) recent on true
       left join lateral (
         select count(distinct floor(extract(epoch from ($1::timestamptz - v.created_at)) / 86400)) as days
         from conversations v
         where v.connection_id = c.id and v.created_at > $1::timestamptz - interval '8 days'
           and v.created_at < $1::timestamptz - interval '1 day'
       ) before on true
       where c.source_type is not null and c.status <> 'disconnected'`,
      [now.toISOString()],
    );
    // Sources that never delivered daily stay out, unless a finding is open to clear.
    return rows
      .filter((m) => m.sampleSize > 0 || open.has(`${m.workspaceId}/${m.scopeKey}`))
      .map((m) => ({ ...m, detail: { daysWithMeetingsOfLast7: m.sampleSize } }));
  },
};

/** Every rule the evaluator runs, in order. */
export const ANOMALY_RULES: readonly AnomalyRule[] = [
  agentFailureRate,
  agentLowConfidence,
  fieldPrecisionDrop,
  crmSyncStale,
  crmRateLimitExhaustion,
  inboxBacklogAging,
  conversationIntakeStopped,
];

export function ruleById(id: string): AnomalyRule | undefined {
  return ANOMALY_RULES.find((rule) => rule.id === id);
}
