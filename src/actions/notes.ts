import type { CrmValue } from '../crm/port.js';
import type { Action } from './store.js';

/** A CRM value as a person reads it in a note: empty is "(empty)", text is quoted. */
export function describeValue(value: CrmValue | undefined): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

interface ChangeLine {
  field?: string;
  crmField?: string;
  before?: CrmValue;
  after?: CrmValue;
}

/**
 * The text of the note an execute or undo leaves on the record: the action, each
 * change as `field: before -> after`, where the action came from, when, and who.
 */
export function auditNote(
  action: Action,
  changes: ChangeLine[],
  actor: string,
  at: Date,
  kind: 'execute' | 'undo' = 'execute',
  extra?: string,
): string {
  const lines = [
    kind === 'execute' ? `Pandora applied: ${action.title}` : `Pandora undid: ${action.title}`,
  ];
  const fieldLines = changes
    .filter((change) => change.crmField)
    .map(
      (change) =>
        `- ${change.crmField}: ${describeValue(change.before)} -> ${describeValue(change.after)}`,
    );
  if (fieldLines.length > 0) lines.push('', 'Changes:', ...fieldLines);
  const note = extra ?? action.executionPayload.note;
  if (note) lines.push('', note);
  const source =
    action.sourceType === 'skill'
      ? `skill ${action.sourceName ?? action.sourceId ?? ''}`.trim()
      : `${action.sourceType}${action.sourceName ? ` ${action.sourceName}` : ''}`;
  lines.push(
    '',
    `Source: ${source}`,
    `Time: ${at.toISOString()}`,
    `By: ${actor}`,
    `Action: ${action.id}`,
  );
  return lines.join('\n');
}
