import { openConnector } from '../crm/connect.js';
import type { CrmValue } from '../crm/port.js';
import { notFound } from '../errors.js';
import { decide } from './decide.js';
import { candidatesOf, type WritebackDeps } from './engine.js';
import { getMapping, rulesOf, type Mapping } from './mappings.js';
import { applyTransform } from './rules.js';

export interface MappingPreview {
  mapping: Mapping;
  record: { entityId: string; recordId: string; name: string | null };
  computed: { value: CrmValue; computedAt: string };
  /** The value after the mapping's transform. */
  transformed: CrmValue;
  /** What the CRM holds now, read fresh. */
  current: CrmValue;
  /** What a run would do now, and why. */
  decision: 'write' | 'unchanged' | 'skipped';
  reason: string | null;
  /** The property's full value after the write (an append's whole text); null when nothing is written. */
  after: CrmValue;
}

/**
 * Exactly what a run would write for one record (the given one, or the mapping's
 * first), with the CRM's current value read fresh. Reads only; writes nothing.
 */
export async function previewMapping(
  deps: WritebackDeps,
  workspaceId: string,
  mappingId: string,
  entityId?: string,
): Promise<MappingPreview> {
  const mapping = await getMapping(deps.pool, workspaceId, mappingId);
  const [candidate] = await candidatesOf(deps.pool, mapping, {
    entityIds: entityId ? [entityId] : null,
    limit: 1,
  });
  if (!candidate) {
    throw notFound(
      `computed ${mapping.pandoraField} for a ${mapping.objectType}`,
      entityId ?? undefined,
    );
  }
  const { rows } = await deps.pool.query<{ name: string }>(
    `select name from ${mapping.objectType === 'deal' ? 'deals' : 'accounts'} where id = $1::uuid`,
    [candidate.entityId],
  );
  const { connector } = await openConnector(deps, workspaceId, mapping.connectionId);
  const field = connector.crmField(mapping.objectType, mapping.crmProperty);
  const [record] = await connector.readRecords(mapping.objectType, [candidate.recordId], [field]);
  if (!record?.ok) throw notFound(`${mapping.objectType} in the CRM`, candidate.recordId);
  const current = record.value.properties[field] ?? null;

  const rules = rulesOf(mapping);
  const first = decide(mapping, rules, candidate);
  const decision =
    first.kind === 'needs_current' ? decide(mapping, rules, candidate, { value: current }) : first;
  return {
    mapping,
    record: {
      entityId: candidate.entityId,
      recordId: candidate.recordId,
      name: rows[0]?.name ?? null,
    },
    computed: { value: candidate.value, computedAt: candidate.computedAt },
    transformed: applyTransform(rules.transform, candidate.value),
    current,
    decision:
      decision.kind === 'write' ? 'write' : decision.kind === 'unchanged' ? 'unchanged' : 'skipped',
    reason: decision.kind === 'write' || decision.kind === 'needs_current' ? null : decision.reason,
    after: decision.kind === 'write' ? decision.value : null,
  };
}
