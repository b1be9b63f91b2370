import type pg from 'pg';
import { startRun } from '../../writeback/runs.js';
import { computeFields } from './run.js';

export interface DailyReport {
  workspaces: number;
  /** Write-back runs queued: after computation, and for scheduled mappings. */
  runs: number;
  failures: { workspaceId: string; message: string }[];
}

/**
 * The daily pass: every workspace with deals computes its deal then account fields
 * (each queuing the write-back of what changed), then its scheduled mappings run.
 */
export async function dailyWriteback(pool: pg.Pool, now = new Date()): Promise<DailyReport> {
  const { rows } = await pool.query<{ id: string }>(
    `select w.id from workspaces w where exists (select 1 from deals d where d.workspace_id = w.id)
     order by w.created_at`,
  );
  const report: DailyReport = { workspaces: rows.length, runs: 0, failures: [] };
  for (const { id } of rows) {
    try {
      for (const skill of ['deal-score', 'account-score'] as const) {
        const result = await computeFields(pool, id, skill, { now, trigger: 'schedule' });
        report.runs += result.writebackRunIds.length;
      }
      if (await startRun(pool, id, { trigger: 'schedule', actor: 'schedule' })) report.runs += 1;
    } catch (error) {
      report.failures.push({
        workspaceId: id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}
