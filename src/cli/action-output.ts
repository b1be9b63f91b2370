/**
 * What `pandora actions` prints, whichever side did the work: the local database or
 * a server over the REST API. Both hand over the same few fields, so a script reading
 * the output sees one format.
 */

/** The fields of an action a listing shows. */
export interface ActionRow {
  id: string;
  severity: string;
  status: string;
  impactAmount: number | null;
  title: string;
}

/** The fields of a batch execution its summary shows. */
export interface BatchRow {
  id: string;
  status: string;
  total: number;
  done: number;
  crmCalls: number;
  finishedAt: string | null;
  results: Record<string, { outcome: string; error?: string }>;
}

/** What one skill run proposed. */
export interface SkillRunCounts {
  proposed: number;
  created: number;
  updated: number;
  candidates: number;
}

const money = (amount: number | null) =>
  amount === null ? '' : `$${Math.round(amount).toLocaleString('en-US')}`;

/** One action per line, its id first so scripts can cut it out. */
export function actionLines(actions: readonly ActionRow[]): string {
  if (actions.length === 0) return 'No actions.\n';
  const lines = actions.map((action) =>
    [
      action.id,
      action.severity.padEnd(8),
      action.status.padEnd(17),
      money(action.impactAmount).padStart(11),
      ` ${action.title}`,
    ].join(' '),
  );
  return `${lines.join('\n')}\n`;
}

/** The batch's outcome counts, then the first 20 actions that went wrong. */
export function batchSummary(batch: BatchRow): string {
  const byOutcome = new Map<string, number>();
  for (const result of Object.values(batch.results))
    byOutcome.set(result.outcome, (byOutcome.get(result.outcome) ?? 0) + 1);
  const counts = [...byOutcome].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
  const problems = Object.entries(batch.results)
    .filter(([, result]) => result.error)
    .slice(0, 20)
    .map(([id, result]) => `  ${id.slice(0, 8)} ${result.outcome}: ${result.error}\n`)
    .join('');
  return `Batch ${batch.id} ${batch.status}: ${counts || 'nothing to do'}; ${batch.crmCalls} CRM calls.\n${problems}`;
}

export function skillRunLine(name: string, result: SkillRunCounts): string {
  return `${name}: ${result.proposed} actions proposed (${result.created} new, ${result.updated} updated) from ${result.candidates} candidates\n`;
}
