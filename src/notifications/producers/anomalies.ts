/**
 * An anomaly that fires (and each re-notification while it stays active) tells the
 * workspace's admins, and posts to the Slack alerts channel the admin picked. An error
 * is critical: it skips digests. Recorded in the transaction that fires it
 * (src/anomalies/store.ts), keyed by the anomaly and the time it fired, so a
 * re-notification is a new notice and a repeated call for the same firing is not.
 */
import type { AnomalySeverity } from '../../anomalies/lifecycle.js';
import type { Queryable } from '../../db/pool.js';
import { recordNotification, type RecordedNotification } from '../record.js';
import { recipientsFor } from '../recipients.js';

export interface FiredAnomaly {
  workspaceId: string;
  anomalyId: string;
  rule: string;
  severity: AnomalySeverity;
  title: string;
  description: string | null;
  /** When it fired or re-notified (anomalies.last_notified_at). */
  notifiedAt: Date;
  /** A re-notification of a finding that fired before. */
  again: boolean;
}

export const anomalyLink = (anomalyId: string) => `/anomalies/${anomalyId}`;

export async function notifyAnomalyFired(
  db: Queryable,
  anomaly: FiredAnomaly,
): Promise<RecordedNotification> {
  return recordNotification(db, {
    workspaceId: anomaly.workspaceId,
    type: 'anomaly',
    recipients: await recipientsFor(db, anomaly.workspaceId, { admins: true }),
    title: anomaly.again ? `Still happening: ${anomaly.title}` : anomaly.title,
    body: anomaly.description ?? '',
    link: anomalyLink(anomaly.anomalyId),
    severity: anomaly.severity,
    critical: anomaly.severity === 'error',
    anomalyId: anomaly.anomalyId,
    dedupeKey: `anomaly:${anomaly.anomalyId}:${anomaly.notifiedAt.toISOString()}`,
    alertsChannel: true,
    data: { rule: anomaly.rule },
  });
}
