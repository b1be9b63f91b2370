import { openConnector } from '../crm/connect.js';
import type { CrmProperty, CrmType } from '../crm/port.js';
import type { Queryable } from '../db/pool.js';
import { badRequest, conflict, type HttpError } from '../errors.js';
import {
  DEFAULT_CONFIDENCE_THRESHOLD,
  type AgentFieldConfig,
  type AgentScope,
  type FieldConfigInput,
  type ScopeInput,
} from './config-schema.js';
import type { AgentDeps } from './configs.js';
import { agentFieldNamed, checkFieldProperty, crmPropertyFor } from './fields.js';
import { fieldTrust, type TrustSettings } from './trust.js';

/**
 * The checks of an agent configuration that need more than its shape: known fields
 * once each, one field per CRM property, chosen properties present in the CRM now,
 * owners of the workspace, and auto-apply only where trust was earned. Each error
 * names the field (`fields[2].crmProperty`).
 */

export function invalid(field: string, message: string, code = 'invalid_agent'): HttpError {
  return badRequest(code, `${field}: ${message}`, [{ field, message }]);
}

export async function connectionOf(db: Queryable, workspaceId: string, connectionId: string) {
  const { rows } = await db.query<{ crmType: CrmType }>(
    `select crm_type as "crmType" from connections where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId],
  );
  if (!rows[0])
    throw invalid('connectionId', `no CRM connection ${connectionId} in this workspace`);
  return rows[0];
}

/** The deal properties of the agent's CRM, read live (cached by the connector). */
export async function liveProperties(
  deps: AgentDeps,
  workspaceId: string,
  connectionId: string,
): Promise<CrmProperty[]> {
  const { connector } = await openConnector(deps, workspaceId, connectionId);
  return connector.listProperties('deal');
}

/**
 * Fields with their defaults filled in, after the checks that need no CRM: known
 * field ids, each once, and auto-apply only on an `auto` field.
 */
export function normalizeFields(fields: readonly FieldConfigInput[]): AgentFieldConfig[] {
  const seen = new Set<string>();
  return fields.map((input, index) => {
    const at = `fields[${index}]`;
    if (!agentFieldNamed(input.field)) {
      throw invalid(`${at}.field`, `"${input.field}" is not an agent field`, 'unknown_field');
    }
    if (seen.has(input.field)) throw invalid(`${at}.field`, `${input.field} is listed twice`);
    seen.add(input.field);
    const autoApplyEnabled = input.autoApplyEnabled ?? false;
    if (autoApplyEnabled && input.rule !== 'auto') {
      throw invalid(
        `${at}.autoApplyEnabled`,
        `${input.field} has rule ${input.rule}; auto-apply needs rule auto`,
      );
    }
    return {
      field: input.field,
      crmProperty: input.crmProperty ?? null,
      rule: input.rule,
      threshold: input.threshold ?? DEFAULT_CONFIDENCE_THRESHOLD,
      autoApplyEnabled,
    };
  });
}

/**
 * Two fields writing one CRM property would overwrite each other on every run (the
 * champion's name over the pain), so each property takes one field, defaults included.
 */
export function checkDistinctProperties(
  fields: readonly AgentFieldConfig[],
  crmType: CrmType,
): void {
  const taken = new Map<string, string>();
  fields.forEach((field, index) => {
    if (field.rule === 'never') return;
    const property = crmPropertyFor(field, crmType);
    if (!property) return;
    const other = taken.get(property.toLowerCase());
    if (other) {
      throw invalid(
        `fields[${index}].crmProperty`,
        `${field.field} and ${other} would both write ${property}; choose another property for one of them`,
        'property_taken',
      );
    }
    taken.set(property.toLowerCase(), field.field);
  });
}

/** Properties the admin chose must exist in the CRM now, writable and of a fitting type. */
export async function checkChosenProperties(
  deps: AgentDeps,
  workspaceId: string,
  connectionId: string,
  fields: readonly AgentFieldConfig[],
): Promise<void> {
  const chosen = fields
    .map((field, index) => ({ field, index }))
    .filter(({ field }) => field.crmProperty !== null && field.rule !== 'never');
  if (chosen.length === 0) return;
  const properties = await liveProperties(deps, workspaceId, connectionId);
  for (const { field, index } of chosen) {
    const check = checkFieldProperty(field.field, field.crmProperty!, properties);
    if (!check.ok) throw invalid(`fields[${index}].crmProperty`, check.message, check.code);
  }
}

export async function checkScope(
  db: Queryable,
  workspaceId: string,
  scope: ScopeInput | undefined,
): Promise<AgentScope> {
  const result: AgentScope = { recordTypes: scope?.recordTypes ?? ['deal'] };
  if (scope?.ownerIds) {
    const ids = [...new Set(scope.ownerIds)];
    const { rows } = await db.query<{ id: string }>(
      `select id from owners where workspace_id = $1::uuid and id = any($2::uuid[])`,
      [workspaceId, ids],
    );
    const known = new Set(rows.map((row) => row.id));
    const index = scope.ownerIds.findIndex((id) => !known.has(id));
    if (index >= 0) {
      throw invalid(
        `scope.ownerIds[${index}]`,
        `no owner ${scope.ownerIds[index]} in this workspace`,
      );
    }
    result.ownerIds = ids;
  }
  if (scope?.pipelines) result.pipelines = [...new Set(scope.pipelines)];
  if (scope?.competitors) {
    const seen = new Set<string>();
    // One spelling per competitor: "Gong" and "gong " are the same vendor.
    result.competitors = scope.competitors
      .map((name) => name.trim())
      .filter(
        (name) => name !== '' && !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()),
      );
  }
  if (scope?.fiscalYearStartMonth) result.fiscalYearStartMonth = scope.fiscalYearStartMonth;
  return result;
}

/** Auto-apply may only be switched on for a field whose shadow precision earned it. */
export async function checkTrust(
  db: Queryable,
  agentConfigId: string | null,
  before: readonly AgentFieldConfig[],
  after: readonly AgentFieldConfig[],
  settings: TrustSettings = {},
): Promise<void> {
  const turnedOn = after.filter(
    (field) =>
      field.autoApplyEnabled &&
      !before.some((old) => old.field === field.field && old.autoApplyEnabled),
  );
  if (turnedOn.length === 0) return;
  const trust = agentConfigId ? await fieldTrust(db, agentConfigId, settings) : [];
  for (const field of turnedOn) {
    const measured = trust.find((entry) => entry.field === field.field);
    if (measured?.autoApplyAllowed) continue;
    const samples = measured?.samples ?? 0;
    const precision = measured?.precision ?? null;
    throw conflict(
      'trust_not_earned',
      `${field.field}: auto-apply needs a shadow precision of at least ` +
        `${measured?.threshold ?? 'the threshold'} over ${measured?.minSamples ?? 'the minimum'} ` +
        `samples; it has ${precision === null ? 'no precision yet' : precision.toFixed(3)} over ${samples}`,
      {
        field: field.field,
        samples,
        precision,
        threshold: measured?.threshold ?? null,
        minSamples: measured?.minSamples ?? null,
      },
    );
  }
}
