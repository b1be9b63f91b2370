import type { Queryable } from '../db/pool.js';
import { badRequest, notFound } from '../errors.js';
import { SEVERITIES, SOURCE_TYPES, type Action, type Severity, type SourceType } from './store.js';

/**
 * Workspace policies decide what happens when an action is executed: run it at once
 * (`auto_execute`), hold it for a person's approval (`require_approval`), or refuse it
 * (`block`).
 *
 * Precedence: policies are read in order of `priority` (lower first), then age (older
 * first), then id; the first *enabled* policy whose match holds decides, and the rest
 * are not consulted. So a broad `block` at priority 10 wins over a narrow
 * `auto_execute` at priority 20; give exceptions a lower number than the rule they
 * carve out of. No matching policy means no decision (`null`): the caller's default.
 */
export type PolicyEffect = 'auto_execute' | 'require_approval' | 'block';
export const POLICY_EFFECTS: readonly PolicyEffect[] = [
  'auto_execute',
  'require_approval',
  'block',
];

/**
 * When a policy applies. Every condition is optional and all the given ones must hold;
 * an empty match applies to every action.
 */
export interface PolicyMatch {
  /** The action's type is one of these (exact, e.g. `update_field`). */
  actionTypes?: string[];
  severities?: Severity[];
  /**
   * Inclusive bounds on the action's impact amount. An action without an amount
   * matches only when neither bound is set.
   */
  impactMin?: number;
  impactMax?: number;
  /** At least one field the action updates (`crm_updates[].field`) is listed; case-insensitive. */
  fields?: string[];
  /** With `fields`: every field the action updates is listed, not just one. */
  fieldsOnly?: boolean;
  sourceTypes?: SourceType[];
  /** Exact source names: a skill's name, a person's email, `api key <name>`. */
  sourceNames?: string[];
}

export interface ActionPolicy {
  id: string;
  workspaceId: string;
  name: string;
  enabled: boolean;
  /** Lower is consulted first. */
  priority: number;
  match: PolicyMatch;
  effect: PolicyEffect;
  /** Who created it, as the audit trail names them (an email or `api key <name>`). */
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A policy as a caller writes it. */
export interface PolicyInput {
  name: string;
  /** Default true. */
  enabled?: boolean;
  /** Default 100. */
  priority?: number;
  /** Default `{}`: every action. */
  match?: PolicyMatch;
  effect: PolicyEffect;
}

/** A change to a policy; a given `match` replaces the old one whole. */
export type PolicyPatch = Partial<PolicyInput>;

export interface PolicyDecision {
  effect: PolicyEffect;
  policy: ActionPolicy;
}

/** What of an action a policy looks at; an `Action` is one. */
export type PolicySubject = Pick<
  Action,
  'actionType' | 'severity' | 'impactAmount' | 'executionPayload' | 'sourceType' | 'sourceName'
>;

export const DEFAULT_PRIORITY = 100;
export const MAX_PRIORITY = 1_000_000;
/** Longest list a condition may hold; a policy is read by people. */
export const MAX_LIST = 200;

const MATCH_KEYS = [
  'actionTypes',
  'severities',
  'impactMin',
  'impactMax',
  'fields',
  'fieldsOnly',
  'sourceTypes',
  'sourceNames',
] as const satisfies readonly (keyof PolicyMatch)[];

const ACTION_TYPE = /^[a-z][a-z0-9_]{1,49}$/;

/** The fields an action updates, lower-cased; malformed payload entries are skipped. */
function fieldsTouched(action: PolicySubject): string[] {
  const updates: unknown = action.executionPayload?.crm_updates;
  if (!Array.isArray(updates)) return [];
  return updates
    .map((update: unknown) =>
      update && typeof update === 'object' && 'field' in update ? update.field : undefined,
    )
    .filter((field): field is string => typeof field === 'string')
    .map((field) => field.toLowerCase());
}

/** Whether every condition of `match` holds for the action. Pure. */
export function matches(match: PolicyMatch, action: PolicySubject): boolean {
  if (match.actionTypes && !match.actionTypes.includes(action.actionType)) return false;
  if (match.severities && !match.severities.includes(action.severity)) return false;
  const hasMin = typeof match.impactMin === 'number';
  const hasMax = typeof match.impactMax === 'number';
  if (hasMin || hasMax) {
    const impact = action.impactAmount;
    if (typeof impact !== 'number' || !Number.isFinite(impact)) return false;
    if (hasMin && impact < match.impactMin!) return false;
    if (hasMax && impact > match.impactMax!) return false;
  }
  if (match.fields) {
    const listed = new Set(match.fields.map((field) => field.toLowerCase()));
    const touched = fieldsTouched(action);
    const inList = touched.filter((field) => listed.has(field)).length;
    if (inList === 0) return false;
    if (match.fieldsOnly && inList !== touched.length) return false;
  }
  if (match.sourceTypes && !match.sourceTypes.includes(action.sourceType)) return false;
  if (match.sourceNames) {
    if (action.sourceName === null || !match.sourceNames.includes(action.sourceName)) return false;
  }
  return true;
}

/**
 * The decision of `policies`, given in the order they are consulted (as `listPolicies`
 * returns them), for an action: the first enabled one that matches.
 */
export function firstMatch(
  policies: readonly ActionPolicy[],
  action: PolicySubject,
): PolicyDecision | null {
  const policy = policies.find(
    (candidate) => candidate.enabled && matches(candidate.match, action),
  );
  return policy ? { effect: policy.effect, policy } : null;
}

/**
 * What the workspace's policies decide for an action: the first enabled policy by
 * priority, then age, whose match holds; `null` when none does.
 */
export async function decidePolicy(
  db: Queryable,
  workspaceId: string,
  action: PolicySubject,
): Promise<PolicyDecision | null> {
  const policies = await listPolicies(db, workspaceId, { enabledOnly: true });
  return firstMatch(policies, action);
}

// --- validation --------------------------------------------------------------------

function invalid(field: string, message: string, value?: unknown): never {
  throw badRequest('invalid_policy', `${field}: ${message}`, {
    field,
    ...(value === undefined ? {} : { value }),
  });
}

function stringList(
  field: string,
  value: unknown,
  check?: (item: string) => string | null,
): string[] {
  if (!Array.isArray(value)) invalid(field, 'must be a list of strings', value);
  if (value.length === 0) {
    invalid(field, 'lists nothing, so it would match no action; leave it out to match any');
  }
  if (value.length > MAX_LIST) invalid(field, `may hold at most ${MAX_LIST} values`);
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '') {
      invalid(field, 'must hold non-empty strings', item);
    }
    const problem = check?.(item);
    if (problem) invalid(field, problem, item);
  }
  return [...new Set(value as string[])];
}

function finiteNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    invalid(field, 'must be a number', value);
  }
  return value;
}

const oneOf = (allowed: readonly string[]) => (item: string) =>
  allowed.includes(item) ? null : `"${item}" is not one of ${allowed.join(', ')}`;

/** Checks a match and returns it with only the conditions given, lists de-duplicated. */
export function validateMatch(value: unknown): PolicyMatch {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    invalid('match', 'must be an object of conditions', value);
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!(MATCH_KEYS as readonly string[]).includes(key)) {
      invalid(`match.${key}`, `is not a condition; use ${MATCH_KEYS.join(', ')}`);
    }
  }
  const match: PolicyMatch = {};
  if (raw.actionTypes !== undefined) {
    match.actionTypes = stringList('match.actionTypes', raw.actionTypes, (item) =>
      ACTION_TYPE.test(item)
        ? null
        : `"${item}" is not an action type (lowercase letters, digits and _, e.g. update_field)`,
    );
  }
  if (raw.severities !== undefined) {
    match.severities = stringList(
      'match.severities',
      raw.severities,
      oneOf(SEVERITIES),
    ) as Severity[];
  }
  if (raw.impactMin !== undefined) match.impactMin = finiteNumber('match.impactMin', raw.impactMin);
  if (raw.impactMax !== undefined) match.impactMax = finiteNumber('match.impactMax', raw.impactMax);
  if (
    match.impactMin !== undefined &&
    match.impactMax !== undefined &&
    match.impactMin > match.impactMax
  ) {
    invalid(
      'match.impactMin',
      `${match.impactMin} is more than match.impactMax (${match.impactMax}), so nothing would match`,
      match.impactMin,
    );
  }
  if (raw.fields !== undefined) match.fields = stringList('match.fields', raw.fields);
  if (raw.fieldsOnly !== undefined) {
    if (typeof raw.fieldsOnly !== 'boolean') {
      invalid('match.fieldsOnly', 'must be true or false', raw.fieldsOnly);
    }
    if (raw.fieldsOnly && !match.fields) {
      invalid('match.fieldsOnly', 'needs match.fields: the fields an action may only touch');
    }
    match.fieldsOnly = raw.fieldsOnly;
  }
  if (raw.sourceTypes !== undefined) {
    match.sourceTypes = stringList(
      'match.sourceTypes',
      raw.sourceTypes,
      oneOf(SOURCE_TYPES),
    ) as SourceType[];
  }
  if (raw.sourceNames !== undefined) {
    match.sourceNames = stringList('match.sourceNames', raw.sourceNames);
  }
  return match;
}

function validateName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length < 1 || name.length > 200) {
    invalid('name', 'must be 1 to 200 characters (not only spaces)', value);
  }
  return name;
}

function validatePriority(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PRIORITY) {
    invalid('priority', `must be a whole number from 0 to ${MAX_PRIORITY} (lower first)`, value);
  }
  return value;
}

function validateEffect(value: unknown): PolicyEffect {
  if (!POLICY_EFFECTS.includes(value as PolicyEffect)) {
    invalid('effect', `must be one of ${POLICY_EFFECTS.join(', ')}`, value);
  }
  return value as PolicyEffect;
}

function validateEnabled(value: unknown): boolean {
  if (typeof value !== 'boolean') invalid('enabled', 'must be true or false', value);
  return value;
}

/**
 * Checks a policy body and returns it normalized (defaults filled in, name trimmed).
 * Throws 400 `invalid_policy` naming the field, e.g. `match.impactMin`.
 */
export function validatePolicy(input: PolicyInput): Required<PolicyInput> {
  return {
    name: validateName(input.name),
    enabled: input.enabled === undefined ? true : validateEnabled(input.enabled),
    priority: input.priority === undefined ? DEFAULT_PRIORITY : validatePriority(input.priority),
    match: validateMatch(input.match ?? {}),
    effect: validateEffect(input.effect),
  };
}

// --- storage -----------------------------------------------------------------------

const POLICY_COLUMNS = `
  id, workspace_id as "workspaceId", name, enabled, priority, match, effect,
  created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"`;

/** Validates and stores a policy. `createdBy` names the creator for people reading it. */
export async function createPolicy(
  db: Queryable,
  workspaceId: string,
  input: PolicyInput,
  createdBy: string | null = null,
): Promise<ActionPolicy> {
  const policy = validatePolicy(input);
  const { rows } = await db.query<ActionPolicy>(
    `insert into action_policies (workspace_id, name, enabled, priority, match, effect, created_by)
     values ($1::uuid, $2::text, $3::boolean, $4::integer, $5::jsonb, $6::text, $7::text)
     returning ${POLICY_COLUMNS}`,
    [
      workspaceId,
      policy.name,
      policy.enabled,
      policy.priority,
      JSON.stringify(policy.match),
      policy.effect,
      createdBy,
    ],
  );
  return rows[0]!;
}

/** The workspace's policies in the order they are consulted. */
export async function listPolicies(
  db: Queryable,
  workspaceId: string,
  options: { enabledOnly?: boolean } = {},
): Promise<ActionPolicy[]> {
  const { rows } = await db.query<ActionPolicy>(
    `select ${POLICY_COLUMNS} from action_policies
     where workspace_id = $1::uuid and (enabled or not $2::boolean)
     order by priority, created_at, id`,
    [workspaceId, options.enabledOnly ?? false],
  );
  return rows;
}

export async function getPolicy(
  db: Queryable,
  workspaceId: string,
  policyId: string,
): Promise<ActionPolicy> {
  const { rows } = await db.query<ActionPolicy>(
    `select ${POLICY_COLUMNS} from action_policies
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, policyId],
  );
  if (!rows[0]) throw notFound('action policy', policyId);
  return rows[0];
}

/**
 * Changes the given parts of a policy; a given `match` replaces the old one whole.
 * Each part is valid on its own (the match's bounds are checked against each other),
 * so one statement suffices and concurrent changes to different parts both land.
 */
export async function updatePolicy(
  db: Queryable,
  workspaceId: string,
  policyId: string,
  patch: PolicyPatch,
): Promise<ActionPolicy> {
  const name = patch.name === undefined ? null : validateName(patch.name);
  const enabled = patch.enabled === undefined ? null : validateEnabled(patch.enabled);
  const priority = patch.priority === undefined ? null : validatePriority(patch.priority);
  const match = patch.match === undefined ? null : validateMatch(patch.match);
  const effect = patch.effect === undefined ? null : validateEffect(patch.effect);
  const { rows } = await db.query<ActionPolicy>(
    `update action_policies
     set name = coalesce($3::text, name), enabled = coalesce($4::boolean, enabled),
         priority = coalesce($5::integer, priority), match = coalesce($6::jsonb, match),
         effect = coalesce($7::text, effect), updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid
     returning ${POLICY_COLUMNS}`,
    [
      workspaceId,
      policyId,
      name,
      enabled,
      priority,
      match === null ? null : JSON.stringify(match),
      effect,
    ],
  );
  if (!rows[0]) throw notFound('action policy', policyId);
  return rows[0];
}

export async function deletePolicy(
  db: Queryable,
  workspaceId: string,
  policyId: string,
): Promise<void> {
  const { rowCount } = await db.query(
    `delete from action_policies where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, policyId],
  );
  if (!rowCount) throw notFound('action policy', policyId);
}
