/**
 * The flow engine's shared contract: what a flow is (a trigger and typed steps), what a
 * step definition provides to the registry, and what the runner hands a step when it
 * runs. Step modules (src/flows/steps/*), the runner (src/flows/engine/*), triggers,
 * automations and the API all build on these types.
 */
import type { TSchema } from '@sinclair/typebox';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { SecretKey } from '../tenancy/secrets.js';

export const STEP_TYPES = [
  'add_tag',
  'set_variable',
  'assign_agent',
  'subscribe_campaign',
  'delete_contact',
  'run_api_request',
  'run_javascript',
  'move_to_board',
  'send_webhook',
  'email_integration',
  'crm_integration',
  'condition',
  'delay',
  'wait_for_approval',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const STEP_CATEGORIES = ['basic', 'advanced', 'integration', 'control'] as const;
export type StepCategory = (typeof STEP_CATEGORIES)[number];

export const FLOW_EVENT_TYPES = [
  'action.created',
  'action.executed',
  'deal.stage_changed',
  'conversation.linked',
  'agent_run.finished',
  'inbox_item.decided',
  'anomaly.raised',
] as const;
export type FlowEventType = (typeof FLOW_EVENT_TYPES)[number];

export type FlowTrigger =
  | { type: 'manual' }
  /** Five-field cron, read in `timezone` (an IANA zone). */
  | { type: 'schedule'; cron: string; timezone: string }
  /** `filter`: equality on the event's top-level payload fields (`{ toStage: 'negotiation' }`). */
  | { type: 'event'; event: FlowEventType; filter?: Record<string, string | number | boolean> }
  /** `POST /api/hooks/flows/:flowId`, proven with the flow's secret. */
  | { type: 'webhook' };

export interface RetryPolicy {
  /** Tries in all, the first included (1 = no retry). */
  attempts: number;
  /** The first retry's delay; each next one doubles, up to `maxDelayMs`. */
  backoffMs: number;
  maxDelayMs: number;
}

export interface FlowStep {
  /** Unique in the flow: `^[a-z][a-z0-9_]{0,63}$`; `{{steps.<key>.output}}` names it. */
  key: string;
  type: StepType;
  /** Validated against the step type's `configSchema`; strings may hold `{{...}}`. */
  config: Record<string, unknown>;
  /** Shown in the builder and the run history. */
  name?: string;
  /** Overrides the type's default. */
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

/** A flow's draft or a published version. Steps run in order; `condition` jumps forward. */
export interface FlowDefinition {
  trigger: FlowTrigger;
  steps: FlowStep[];
}

export const RUN_STATUSES = [
  'pending',
  'running',
  'waiting',
  'completed',
  'failed',
  'cancelled',
  'timeout',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const STEP_RUN_STATUSES = [
  'running',
  'waiting',
  'completed',
  'failed',
  'skipped',
  'cancelled',
  'timeout',
] as const;
export type StepRunStatus = (typeof STEP_RUN_STATUSES)[number];

export const ERROR_CATEGORIES = [
  'validation',
  'network',
  'timeout',
  'permission',
  'sandbox',
  'internal',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];
export type ErrorSeverity = 'low' | 'medium' | 'high' | 'critical';

/** How a step failed, as stored on the step run and shown to the person fixing it. */
export interface StepErrorInfo {
  category: ErrorCategory;
  severity: ErrorSeverity;
  message: string;
  /** What to do about it, in a sentence. */
  suggestion: string;
  retryable: boolean;
  /** The HTTP status an outside system answered, when there was one. */
  status?: number;
  /** How long the outside system asked us to wait before trying again (Retry-After). */
  retryAfterMs?: number;
}

/**
 * What a step throws to say how it failed. Anything else a step throws is classified
 * by the runner (network errors, timeouts) or recorded as `internal`.
 */
export class FlowStepError extends Error {
  override name = 'FlowStepError';
  constructor(
    readonly category: ErrorCategory,
    message: string,
    readonly options: {
      severity?: ErrorSeverity;
      suggestion?: string;
      retryable?: boolean;
      status?: number;
      /** The next try waits at least this long (a 429's or 503's Retry-After). */
      retryAfterMs?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
  }
}

export type VariableType = 'string' | 'number' | 'boolean' | 'object' | 'array';

export interface TypedValue {
  type: VariableType;
  value: unknown;
}

/** What `{{...}}` templates and a JavaScript step's `input` read. */
export interface RunScope {
  trigger: Record<string, unknown>;
  vars: Record<string, unknown>;
  steps: Record<string, { output: unknown }>;
}

/** What a step's `run` returns. */
export type StepOutcome =
  | {
      kind: 'completed';
      output: unknown;
      /** Variables to set for the rest of the run (set_variable). */
      variables?: Record<string, TypedValue>;
      /**
       * The step to go to next (a forward key), `null` to end the run; absent: the
       * next step in order. Only control steps set it.
       */
      next?: string | null;
    }
  | {
      kind: 'suspended';
      /** Kept and handed back as `context.state` when the step is called again. */
      state: unknown;
      /** Call the step again then, whatever else happens (a delay, a timeout). */
      wakeAt?: Date;
    };

/** The outside things a step may use; built once per worker. */
export interface FlowServices {
  db: pg.Pool;
  secretKey: SecretKey;
  log: Logger;
  /** Extra hosts an outbound URL may reach (sandbox emulators, a test's receiver). */
  allowedHosts: readonly string[];
  /**
   * The notification path's email settings (`Config`'s smtpUrl, emailFrom, emailPerSecond,
   * sandbox, dataDir); without them email_integration fails as not configured.
   */
  email?: Pick<Config, 'smtpUrl' | 'emailFrom' | 'emailPerSecond' | 'sandbox' | 'dataDir'>;
}

/** What the runner hands a step. */
export interface StepContext {
  services: FlowServices;
  workspaceId: string;
  flowId: string;
  version: number;
  runId: string;
  stepKey: string;
  /** 1 on the first try. */
  attempt: number;
  /** `<run id>:<step key>`, stable across attempts, resumes and reruns. */
  idempotencyKey: string;
  /** An automation's runs touch only this member's records; null for a workspace flow. */
  scopeUserId: string | null;
  /** The run's values (read-only here), for steps that read more than their config. */
  scope: RunScope;
  /** What the step returned with its last `suspended`, when called again. */
  state: unknown;
  /** Aborted when the step's timeout passes or the run is cancelled. */
  signal: AbortSignal;
  now(): Date;
}

export interface StepDefinition<Config = Record<string, unknown>> {
  type: StepType;
  category: StepCategory;
  title: string;
  description: string;
  /** `write` steps change something outside the run; they use `idempotencyKey`. */
  effect: 'read' | 'write';
  /** The config's JSON schema (TypeBox); the console builds the step's form from it. */
  configSchema: TSchema;
  /** Whether a member's automation may use it (its records only). */
  allowedInAutomations: boolean;
  defaultRetry: RetryPolicy;
  defaultTimeoutMs: number;
  /** Config keys whose values are secrets (never stored resolved). */
  secretFields?: readonly string[];
  /**
   * Config keys whose value names the step to go to (a later step's key, or null to end
   * the run): the definition check refuses a target that is unknown or not further on.
   */
  jumpFields?: readonly string[];
  /**
   * Config keys used as written: `{{...}}` in them is not a template (run_javascript's
   * code, which reads run values through `input`, never spliced into its text).
   */
  literalFields?: readonly string[];
  /** Called with the config resolved and validated. */
  run(context: StepContext, config: Config): Promise<StepOutcome>;
}
