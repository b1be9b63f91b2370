/** How a board's moves read: where from and to (by column name), and who moved it. */

export interface MoveEntry {
  fromColumn: string | null;
  toColumn: string | null;
  actorUserId: string | null;
  flowRunId: string | null;
  stepKey: string | null;
}

/** "Put in New", "New → Priced", "Priced → off this board (moved to another)". */
export function describeMove(entry: MoveEntry, columns: readonly { key: string; name: string }[]) {
  const name = (key: string) => columns.find((c) => c.key === key)?.name ?? key;
  if (entry.fromColumn === null) return `Put in ${name(entry.toColumn ?? '')}`;
  if (entry.toColumn === null)
    return `${name(entry.fromColumn)} → off this board (moved to another)`;
  return `${name(entry.fromColumn)} → ${name(entry.toColumn)}`;
}

export type MoveActor =
  | { kind: 'flow'; runId: string; stepKey: string | null }
  | { kind: 'person'; name: string }
  | { kind: 'unknown' };

/** A flow run's step, a member by name (or email), or nobody known (an API key). */
export function moveActor(
  entry: MoveEntry,
  members: readonly { userId: string; name: string; email: string }[],
): MoveActor {
  if (entry.flowRunId) return { kind: 'flow', runId: entry.flowRunId, stepKey: entry.stepKey };
  const member = entry.actorUserId ? members.find((m) => m.userId === entry.actorUserId) : null;
  if (member) return { kind: 'person', name: member.name || member.email };
  return { kind: 'unknown' };
}
