/**
 * A skill run that found something new (or failed) tells the workspace's admins and
 * posts to the Slack alerts channel; a run that changed nothing is not worth a message
 * (the daily job runs every skill on every workspace). Recorded in the transaction
 * that marks the run finished, keyed by the run, so it is told once.
 */
import type { Queryable } from '../../db/pool.js';
import { recordNotification, type RecordedNotification } from '../record.js';
import { recipientsFor } from '../recipients.js';

export interface FinishedSkillRun {
  workspaceId: string;
  runId: string;
  skill: string;
  outcome:
    | { status: 'succeeded'; created: number; updated: number; closed: number }
    | { status: 'failed'; error: string };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function notifySkillResult(
  db: Queryable,
  run: FinishedSkillRun,
): Promise<RecordedNotification | null> {
  const { outcome } = run;
  if (outcome.status === 'succeeded' && outcome.created === 0) return null;
  const title =
    outcome.status === 'failed'
      ? `The skill ${run.skill} failed`
      : `${run.skill}: ${plural(outcome.created, 'new action', 'new actions')} to review`;
  const body =
    outcome.status === 'failed'
      ? outcome.error
      : [
          outcome.updated > 0 ? `${outcome.updated} updated` : '',
          outcome.closed > 0 ? `${outcome.closed} closed as no longer applying` : '',
        ]
          .filter(Boolean)
          .join(', ');
  return recordNotification(db, {
    workspaceId: run.workspaceId,
    type: 'skill_result',
    recipients: await recipientsFor(db, run.workspaceId, { admins: true }),
    title,
    body,
    link: '/actions',
    severity: outcome.status === 'failed' ? 'error' : 'info',
    dedupeKey: `skill_run:${run.runId}`,
    alertsChannel: true,
    data: { skill: run.skill, runId: run.runId, ...outcome },
  });
}
