import type pg from 'pg';
import { nextStep, verdictOf, type OpenFinding, type Thresholds } from './lifecycle.js';
import { ANOMALY_RULES, type AnomalyRule, type Measurement } from './rules.js';
import { applyVerdict, type Finding } from './store.js';

/** Trend points older than this are pruned: the console charts the last weeks. */
export const SAMPLE_RETENTION_DAYS = 30;

export interface EvaluationReport {
  measured: number;
  /** Findings that changed (opened, fired, re-notified, resolved) by rule. */
  steps: { rule: string; scopeKey: string; workspaceId: string; step: string }[];
  failures: { rule: string; error: unknown }[];
}

/** The finding a measurement makes, with the data the console draws the trend from. */
export function findingOf(rule: AnomalyRule, m: Measurement, t: Thresholds): Finding {
  return {
    workspaceId: m.workspaceId,
    rule: rule.id,
    scopeKey: m.scopeKey,
    severity: rule.severity,
    title: rule.title(m).slice(0, 300),
    description: rule.description(m, t),
    data: {
      value: m.value,
      threshold: t.fireAt,
      recoverAt: t.recoverAt,
      direction: t.direction,
      sampleSize: m.sampleSize,
      minSample: t.minSample,
      label: m.label,
      ...m.detail,
    },
  };
}

async function openFindings(pool: pg.Pool, rule: string): Promise<Map<string, OpenFinding>> {
  const { rows } = await pool.query<{
    key: string;
    status: OpenFinding['status'];
    firstSeenAt: string;
    lastNotifiedAt: string | null;
  }>(
    `select workspace_id || '/' || scope_key as key, status, first_seen_at as "firstSeenAt",
            last_notified_at as "lastNotifiedAt"
     from anomalies where rule = $1::text and status in ('pending', 'active', 'acknowledged')`,
    [rule],
  );
  return new Map(
    rows.map((row) => [
      row.key,
      {
        status: row.status,
        firstSeenAt: new Date(row.firstSeenAt),
        lastNotifiedAt: row.lastNotifiedAt ? new Date(row.lastNotifiedAt) : null,
      },
    ]),
  );
}

async function storeSamples(pool: pg.Pool, rule: string, measured: Measurement[], now: Date) {
  if (measured.length === 0) return;
  await pool.query(
    `insert into anomaly_samples (workspace_id, rule, scope_key, at, value, sample_size)
     select w, $1::text, s, $2::timestamptz, v, n
     from unnest($3::uuid[], $4::text[], $5::float8[], $6::int[]) as m (w, s, v, n)
     on conflict do nothing`,
    [
      rule,
      now.toISOString(),
      measured.map((m) => m.workspaceId),
      measured.map((m) => m.scopeKey),
      measured.map((m) => m.value),
      measured.map((m) => m.sampleSize),
    ],
  );
}

/**
 * One evaluation of every rule over every workspace (the `anomalies.evaluate` job):
 * each scope's value is stored as a trend point, then judged against the rule's
 * thresholds and moved along its lifecycle. A rule that fails does not stop the others.
 */
export async function evaluateAnomalies(
  pool: pg.Pool,
  now = new Date(),
  rules: readonly AnomalyRule[] = ANOMALY_RULES,
): Promise<EvaluationReport> {
  const report: EvaluationReport = { measured: 0, steps: [], failures: [] };
  for (const rule of rules) {
    try {
      const measured = await rule.measure(pool, now);
      report.measured += measured.length;
      await storeSamples(pool, rule.id, measured, now);
      const open = await openFindings(pool, rule.id);
      for (const m of measured) {
        const thresholds = { ...rule.thresholds, ...m.thresholds };
        const verdict = verdictOf(m, thresholds);
        const current = open.get(`${m.workspaceId}/${m.scopeKey}`) ?? null;
        // Most scopes are fine and have nothing open: no transaction for them.
        if (nextStep(current, verdict, rule.timing, now) === 'none') continue;
        const { step } = await applyVerdict(
          pool,
          findingOf(rule, m, thresholds),
          verdict,
          rule.timing,
          now,
        );
        if (step !== 'refresh' && step !== 'none') {
          report.steps.push({
            rule: rule.id,
            scopeKey: m.scopeKey,
            workspaceId: m.workspaceId,
            step,
          });
        }
      }
    } catch (error) {
      report.failures.push({ rule: rule.id, error });
    }
  }
  await pool.query(
    `delete from anomaly_samples where at < $1::timestamptz - $2::int * interval '1 day'`,
    [now.toISOString(), SAMPLE_RETENTION_DAYS],
  );
  return report;
}
