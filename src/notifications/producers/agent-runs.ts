/**
 * A finished agent run tells the agent's creator (agent_configs.created_by, the
 * email of the member who made it), else the workspace's admins: what it applied,
 * what waits in the inbox, what failed. Keyed by the run and its outcome, so a run
 * resumed to the same outcome says nothing new, while a failed run that a retry
 * completes says so once more.
 *
 * Shadow runs and runs that proposed nothing are not told: they happen for every
 * meeting an agent reads, and the activity page already lists them.
 */
import type { Queryable } from '../../db/pool.js';
import type { ActivityFieldEntry, ActivityStatus } from '../../agents/run-store.js';
import { recordNotification, type RecordedNotification } from '../record.js';
import { recipientsFor } from '../recipients.js';

interface RunForNotice {
  id: string;
  agentConfigId: string | null;
  agentName: string | null;
  createdBy: string | null;
  status: ActivityStatus;
  shadow: boolean;
  fieldsUpdated: Record<string, ActivityFieldEntry>;
  errorMessage: string | null;
  meetingTitle: string | null;
  dealName: string | null;
  questions: number;
}

export interface RunSummary {
  applied: number;
  waiting: number;
  failed: number;
  questions: number;
}

export function summarizeRun(run: Pick<RunForNotice, 'fieldsUpdated' | 'questions'>): RunSummary {
  const entries = Object.values(run.fieldsUpdated);
  const count = (test: (f: ActivityFieldEntry) => boolean) => entries.filter(test).length;
  return {
    applied: count((f) => f.status === 'applied' || f.status === 'approved'),
    waiting: count(
      (f) => f.status === 'awaiting_approval' || (f.decision === 'inbox' && f.status === 'pending'),
    ),
    failed: count((f) => f.status === 'failed'),
    questions: run.questions,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summaryText(summary: RunSummary): string {
  const parts = [`applied ${summary.applied}`, `waiting ${summary.waiting}`];
  if (summary.failed > 0) parts.push(`failed ${summary.failed}`);
  if (summary.questions > 0) parts.push(plural(summary.questions, 'question', 'questions'));
  return parts.join(', ');
}

/** Records the notice of a finished run; null when the run is not one to tell about. */
export async function notifyAgentRunFinished(
  db: Queryable,
  workspaceId: string,
  activityLogId: string,
): Promise<RecordedNotification | null> {
  const { rows } = await db.query<RunForNotice>(
    `select l.id, l.agent_config_id as "agentConfigId", c.name as "agentName",
            c.created_by as "createdBy", l.status, l.shadow, l.fields_updated as "fieldsUpdated",
            l.error_message as "errorMessage", v.title as "meetingTitle", d.name as "dealName",
            (select count(*)::int from inbox_items i
             where i.activity_log_id = l.id and i.item_type = 'question'
               and i.status = 'pending') as questions
     from activity_logs l
     left join agent_configs c on c.id = l.agent_config_id
     left join conversations v on v.id = l.conversation_id
     left join deals d on d.id = l.deal_id
     where l.workspace_id = $1::uuid and l.id = $2::uuid`,
    [workspaceId, activityLogId],
  );
  const run = rows[0];
  if (!run || run.shadow) return null;
  const summary = summarizeRun(run);
  if (summary.applied + summary.waiting + summary.failed + summary.questions === 0) return null;

  const creator = run.createdBy
    ? await recipientsFor(db, workspaceId, { email: run.createdBy })
    : [];
  const recipients =
    creator.length > 0 ? creator : await recipientsFor(db, workspaceId, { admins: true });
  const agent = run.agentName ?? 'An agent';
  const on = run.dealName ?? run.meetingTitle;
  const failed = run.status === 'failed';
  return recordNotification(db, {
    workspaceId,
    type: 'agent_run',
    recipients,
    title: `${agent}${failed ? ' failed' : ' finished'}${on ? ` on ${on}` : ''}: ${summaryText(summary)}`,
    body: [
      run.meetingTitle ? `Meeting: ${run.meetingTitle}` : '',
      failed && run.errorMessage ? run.errorMessage : '',
    ]
      .filter(Boolean)
      .join('\n'),
    link: run.agentConfigId ? `/agents/${run.agentConfigId}` : '/activity',
    severity: failed ? 'error' : 'info',
    activityLogId: run.id,
    dedupeKey: `agent_run:${run.id}:${run.status}`,
    data: { ...summary, status: run.status },
  });
}
