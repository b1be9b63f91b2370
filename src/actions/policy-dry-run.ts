import type { Queryable } from '../db/pool.js';
import { badRequest, notFound } from '../errors.js';
import {
  firstMatch,
  listPolicies,
  matches,
  validatePolicy,
  type ActionPolicy,
  type PolicyEffect,
  type PolicyInput,
  type PolicySubject,
} from './policies.js';
import type { ActionStatus } from './store.js';

/** A policy's effect on an action, or `no_match` when it does not apply. */
export type DryRunEffect = PolicyEffect | 'no_match';
export const DRY_RUN_EFFECTS: readonly DryRunEffect[] = [
  'auto_execute',
  'require_approval',
  'block',
  'no_match',
];

export const DEFAULT_DRY_RUN_LAST = 100;
export const MAX_DRY_RUN_LAST = 1000;

export interface DryRunAction {
  id: string;
  title: string;
  actionType: string;
  status: ActionStatus;
  createdAt: string;
  /** What this policy on its own would do. */
  policyEffect: DryRunEffect;
  /** What the workspace's enabled policies decide today, and which one decides. */
  currentEffect: DryRunEffect;
  currentPolicyId: string | null;
  /**
   * What the workspace would decide with this policy in place and enabled, at its
   * priority: differs from `policyEffect` when a policy consulted earlier decides first.
   */
  resultingEffect: DryRunEffect;
  /** `resultingEffect` differs from `currentEffect`. */
  changed: boolean;
}

export interface DryRunResult {
  policy: {
    /** Null for a body not yet saved. */
    id: string | null;
    name: string;
    enabled: boolean;
    priority: number;
    effect: PolicyEffect;
    match: ActionPolicy['match'];
  };
  /** How many actions were examined (fewer than asked when the workspace has fewer). */
  considered: number;
  actions: DryRunAction[];
  totals: {
    policy: Record<DryRunEffect, number>;
    current: Record<DryRunEffect, number>;
    resulting: Record<DryRunEffect, number>;
    changed: number;
  };
}

function isSaved(policy: ActionPolicy | PolicyInput): policy is ActionPolicy {
  return 'id' in policy && 'workspaceId' in policy;
}

function validateLast(last: unknown): number {
  if (last === undefined) return DEFAULT_DRY_RUN_LAST;
  if (typeof last !== 'number' || !Number.isInteger(last) || last < 1 || last > MAX_DRY_RUN_LAST) {
    throw badRequest(
      'invalid_dry_run',
      `last: must be a whole number from 1 to ${MAX_DRY_RUN_LAST} (the number of recent actions to try)`,
      { field: 'last', value: last },
    );
  }
  return last;
}

const countOf = (rows: DryRunAction[], key: keyof DryRunAction) =>
  Object.fromEntries(
    DRY_RUN_EFFECTS.map((effect) => [effect, rows.filter((row) => row[key] === effect).length]),
  ) as Record<DryRunEffect, number>;

/**
 * Tries a policy (saved, or a body not yet saved) on the workspace's last `last`
 * actions, newest first, whatever their status, and writes nothing. For each action:
 * what the policy alone would do, what the current policies decide, and what they
 * would decide with this policy in place; with totals per effect.
 */
export async function dryRunPolicy(
  db: Queryable,
  workspaceId: string,
  policyOrBody: ActionPolicy | PolicyInput,
  options: { last?: number } = {},
): Promise<DryRunResult> {
  const last = validateLast(options.last);
  let candidate: ActionPolicy;
  if (isSaved(policyOrBody)) {
    if (policyOrBody.workspaceId !== workspaceId) throw notFound('action policy', policyOrBody.id);
    candidate = policyOrBody;
  } else {
    const body = validatePolicy(policyOrBody);
    candidate = {
      ...body,
      id: '',
      workspaceId,
      createdBy: null,
      createdAt: '',
      updatedAt: '',
    };
  }

  // In the order decisions read them; the candidate takes its own place, enabled, or
  // (not yet saved) the last place among its priority, as it would once created.
  const all = await listPolicies(db, workspaceId);
  const current = all.filter((policy) => policy.enabled);
  const enabledCandidate = { ...candidate, enabled: true };
  let resulting = all.map((policy) => (policy.id === candidate.id ? enabledCandidate : policy));
  if (!resulting.includes(enabledCandidate)) {
    const after = resulting.findIndex((policy) => policy.priority > candidate.priority);
    resulting.splice(after === -1 ? resulting.length : after, 0, enabledCandidate);
  }
  resulting = resulting.filter((policy) => policy.enabled);
  const { rows } = await db.query<
    PolicySubject & Pick<DryRunAction, 'id' | 'title' | 'status' | 'createdAt'>
  >(
    `select id, title, action_type as "actionType", severity, impact_amount as "impactAmount",
            execution_payload as "executionPayload", source_type as "sourceType",
            source_name as "sourceName", status, created_at as "createdAt"
     from actions where workspace_id = $1::uuid
     order by created_at desc, id desc
     limit $2::integer`,
    [workspaceId, last],
  );

  const actions = rows.map((action): DryRunAction => {
    const now = firstMatch(current, action);
    const after = firstMatch(resulting, action);
    const currentEffect = now?.effect ?? 'no_match';
    const resultingEffect = after?.effect ?? 'no_match';
    return {
      id: action.id,
      title: action.title,
      actionType: action.actionType,
      status: action.status,
      createdAt: action.createdAt,
      policyEffect: matches(candidate.match, action) ? candidate.effect : 'no_match',
      currentEffect,
      currentPolicyId: now?.policy.id ?? null,
      resultingEffect,
      changed: resultingEffect !== currentEffect,
    };
  });

  return {
    policy: {
      id: candidate.id || null,
      name: candidate.name,
      enabled: candidate.enabled,
      priority: candidate.priority,
      effect: candidate.effect,
      match: candidate.match,
    },
    considered: actions.length,
    actions,
    totals: {
      policy: countOf(actions, 'policyEffect'),
      current: countOf(actions, 'currentEffect'),
      resulting: countOf(actions, 'resultingEffect'),
      changed: actions.filter((row) => row.changed).length,
    },
  };
}
