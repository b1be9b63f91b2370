/**
 * Runs a flow run as far as it can go: from the first step without a stored result to
 * the end, a wait, or a failure. Called by the `flows.run` job; any number of jobs may
 * name the same run (a start, a wake-up, a decision, the sweep), the run's lock lets
 * one work at a time and the stored results make every later call carry on where the
 * last stopped.
 *
 * Durability: a write step's start is recorded (with its idempotency key) before it
 * runs and its result right after, before the next step starts. Read steps (set a
 * variable, a condition) change nothing outside the run, so their results are written
 * with the next write's start or the run's end; after a crash they are simply worked
 * out again. A step found `running` (its worker died) runs again with the same key.
 */
import type pg from 'pg';
import { enqueue } from '../../jobs/queue.js';
import { stepDefinition } from '../steps/registry.js';
import type {
  FlowDefinition,
  FlowServices,
  FlowStep,
  RetryPolicy,
  RunScope,
  StepErrorInfo,
  StepDefinition,
  StepOutcome,
} from '../types.js';
import { expireRunApprovals } from './approvals.js';
import { classifyError, stepError, StepTimeoutError } from './errors.js';
import { checkConfig } from './config-check.js';
import { secretReader } from './secrets.js';
import {
  finishCancelled,
  lockAndLoadRun,
  requestArchivedStop,
  unlockRun,
  writeProgress,
  type LoadedRun,
  type RunWrite,
  type StepRunWrite,
  type VariableWrite,
} from './store.js';
import { resolveTemplates, scrubSecrets, type Resolved, type SecretReader } from './template.js';

/** Retries due sooner than this wait in the worker; later ones free it and come back as a job. */
const IN_PROCESS_RETRY_MS = 2_000;
/** A Retry-After longer than this is not waited for in full. */
const MAX_RETRY_AFTER_MS = 3_600_000;
/** A job that finds the run locked by another worker comes back this much later. */
const LOCKED_RETRY_MS = 1_000;

export type RunnerResult =
  | 'completed'
  | 'failed'
  | 'timeout'
  | 'waiting'
  | 'cancelled'
  | 'finished-already'
  | 'locked'
  | 'missing';

/** Works on one run; what it came to. */
export async function runFlow(
  services: FlowServices,
  workspaceId: string,
  runId: string,
): Promise<RunnerResult> {
  const client = await services.db.connect();
  let healthy = true;
  try {
    const taken = await lockAndLoadRun(client, workspaceId, runId);
    if (!taken.locked) {
      // Another worker has it; this job's reason to run (a decision, a wake-up) may have
      // come after that worker looked, so look again shortly.
      await enqueue(
        client,
        'flows.run',
        { workspaceId, runId },
        { runAt: new Date(Date.now() + LOCKED_RETRY_MS), jobKey: `flows.run-locked:${runId}` },
      );
      return 'locked';
    }
    try {
      if (!taken.run) return 'missing';
      return await new RunExecution(services, client, taken.run).execute();
    } finally {
      await unlockRun(client, runId);
    }
  } catch (error) {
    healthy = false;
    throw error;
  } finally {
    // A connection that failed mid-run is dropped, which releases the lock with it.
    client.release(!healthy);
  }
}

interface Pending {
  steps: StepRunWrite[];
  variables: VariableWrite[];
}

class RunExecution {
  private readonly workspaceId: string;
  private readonly runId: string;
  private scope!: RunScope;
  private readonly pending: Pending = { steps: [], variables: [] };
  /** When this worker took the run up (the run's start, if no worker had before). */
  private readonly begun = new Date().toISOString();
  private readonly readSecret;

  constructor(
    private readonly services: FlowServices,
    private readonly client: pg.PoolClient,
    private readonly loaded: LoadedRun,
  ) {
    this.workspaceId = loaded.workspaceId;
    this.runId = loaded.id;
    this.readSecret = secretReader(client, services.secretKey, loaded.workspaceId);
  }

  async execute(): Promise<RunnerResult> {
    const loaded = this.loaded;
    if (!['pending', 'running', 'waiting'].includes(loaded.status)) return 'finished-already';
    if (loaded.flowArchived && !loaded.cancelRequested) {
      // Started while the flow was being archived: the archive's cancel missed it.
      await requestArchivedStop(this.client, this.workspaceId, this.runId);
      return this.cancelled();
    }
    if (loaded.cancelRequested) return this.cancelled();

    const stored = new Map(loaded.steps.map((s) => [s.stepKey, s]));
    this.scope = { trigger: loaded.input, vars: { ...loaded.vars }, steps: {} };
    for (const s of loaded.steps) {
      if (s.status === 'completed') this.scope.steps[s.stepKey] = { output: s.output };
    }
    const steps = (loaded.definition as FlowDefinition).steps;
    let index = 0;
    while (index < steps.length) {
      const step = steps[index]!;
      const row = stored.get(step.key);
      if (row?.status === 'completed' || row?.status === 'skipped') {
        index += 1;
        continue;
      }
      if (row && !['running', 'waiting'].includes(row.status)) {
        // A finished step that failed belongs to a finished run; nothing to do here.
        return 'finished-already';
      }
      const next = await this.runStep(steps, index, row);
      if (typeof next === 'string') return next;
      index = next;
    }
    const written = await this.write({ status: 'completed', currentStep: null, finished: true });
    return written ? 'completed' : this.cancelled();
  }

  /** Runs one step through its retries; the index to go on from, or how the run stopped. */
  private async runStep(
    steps: readonly FlowStep[],
    index: number,
    row: LoadedRun['steps'][number] | undefined,
  ): Promise<number | RunnerResult> {
    const step = steps[index]!;
    const definition = stepDefinition(step.type);
    const idempotencyKey = row?.idempotencyKey ?? `${this.loaded.idempotencyRoot}:${step.key}`;
    const startedAt = new Date();
    // A step waiting on its own (a delay, an approval) is called again as the same
    // attempt; one waiting for a retry, or found running after a crash, as the next.
    const resumed = row?.status === 'waiting' && row.error === null;
    let attempt = row ? (resumed ? row.attempts : row.attempts + 1) : 1;
    let state: unknown = resumed ? row.state : null;
    const base = {
      stepKey: step.key,
      stepType: step.type,
      idempotencyKey,
      startedAt: row?.startedAt ?? startedAt.toISOString(),
    };
    if (!definition) {
      return this.fail(
        step,
        { ...base, input: step.config, attempts: attempt },
        {
          ...stepError('validation', `${step.type} is not a step type this Pandora knows`),
        },
      );
    }
    const policy: RetryPolicy = { ...definition.defaultRetry, ...step.retry };
    const timeoutMs = step.timeoutMs ?? definition.defaultTimeoutMs;

    for (;;) {
      let input: unknown = step.config;
      let secrets: string[] = [];
      let outcome: StepOutcome;
      try {
        const resolved = await resolveConfig(step.config, definition, this.scope, this.readSecret);
        input = redactSecretFields(resolved.stored, definition.secretFields);
        secrets = resolved.secrets;
        const config = checkConfig(definition, resolved.value);
        if (definition.effect === 'write') {
          // Recorded before it runs: a crash from here on runs it again with this key.
          const started = await this.write(
            { status: 'running', currentStep: step.key },
            { ...base, status: 'running', input, attempts: attempt, state },
          );
          if (!started) return this.cancelled();
        }
        outcome = await withTimeout(timeoutMs, (signal) =>
          definition.run(
            {
              services: this.services,
              workspaceId: this.workspaceId,
              flowId: this.loaded.flowId,
              version: this.loaded.version,
              runId: this.runId,
              stepKey: step.key,
              attempt,
              idempotencyKey,
              scopeUserId: this.loaded.scopeUserId,
              scope: this.scope,
              state,
              signal,
              now: () => new Date(),
            },
            config,
          ),
        );
      } catch (error) {
        const info = scrubSecrets(classifyError(error), secrets);
        if (info.category === 'internal') {
          this.services.log.error(
            { err: scrubSecrets(String(error), secrets), runId: this.runId, stepKey: step.key },
            'flow step failed unexpectedly',
          );
        }
        const write = { ...base, input, attempts: attempt, state };
        if (!info.retryable || attempt >= policy.attempts) return this.fail(step, write, info);
        const delay = Math.max(
          Math.min(policy.maxDelayMs, policy.backoffMs * 2 ** (attempt - 1)),
          // What the service asked for wins over our backoff, up to an hour.
          Math.min(info.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS),
        );
        if (delay > IN_PROCESS_RETRY_MS) return this.retryLater(step, write, info, delay);
        await sleep(delay);
        attempt += 1;
        state = null;
        continue;
      }

      const finishedAt = new Date();
      const durationMs = finishedAt.getTime() - startedAt.getTime();
      if (outcome.kind === 'suspended') {
        return this.suspend(
          step,
          {
            ...base,
            status: 'waiting',
            input,
            attempts: attempt,
            state: scrubSecrets(outcome.state ?? null, secrets),
            error: null,
          },
          outcome.wakeAt,
        );
      }
      const output = scrubSecrets(outcome.output ?? null, secrets);
      this.pending.steps.push({
        ...base,
        status: 'completed',
        input,
        output,
        attempts: attempt,
        state: null,
        error: null,
        finishedAt: finishedAt.toISOString(),
        durationMs,
      });
      this.scope.steps[step.key] = { output };
      for (const [name, typed] of Object.entries(outcome.variables ?? {})) {
        this.pending.variables.push({
          name,
          type: typed.type,
          value: typed.value,
          stepKey: step.key,
        });
        this.scope.vars[name] = typed.value;
      }
      const target = this.nextIndex(steps, index, outcome.next);
      if (typeof target !== 'number')
        return this.fail(step, { ...base, input, attempts: attempt }, target);
      for (let skipped = index + 1; skipped < target; skipped += 1) {
        const s = steps[skipped]!;
        this.pending.steps.push({
          stepKey: s.key,
          stepType: s.type,
          status: 'skipped',
          input: null,
          attempts: 0,
          idempotencyKey: `${this.loaded.idempotencyRoot}:${s.key}`,
          startedAt: finishedAt.toISOString(),
          finishedAt: finishedAt.toISOString(),
          durationMs: 0,
        });
      }
      if (definition.effect === 'write' && target < steps.length) {
        // Stored before the next step starts. After the last step, the run's own end
        // (the next thing this runner writes) stores it in the same statement.
        if (!(await this.write({ status: 'running', currentStep: step.key }))) {
          return this.cancelled();
        }
      }
      return target;
    }
  }

  /** Where a completed step's `next` leads: forward only. */
  private nextIndex(
    steps: readonly FlowStep[],
    index: number,
    next: string | null | undefined,
  ): number | StepErrorInfo {
    if (next === undefined) return index + 1;
    if (next === null) return steps.length;
    const target = steps.findIndex((s) => s.key === next);
    if (target <= index) {
      return stepError(
        'validation',
        `The step chose ${next} to go on with, which is ${target < 0 ? 'not a step of this flow' : 'not after it'}; a flow only jumps forward`,
      );
    }
    return target;
  }

  private async fail(
    step: FlowStep,
    write: Omit<StepRunWrite, 'status'>,
    info: StepErrorInfo,
  ): Promise<RunnerResult> {
    const status = info.category === 'timeout' ? 'timeout' : 'failed';
    const finishedAt = new Date();
    const written = await this.write(
      { status, currentStep: step.key, error: { ...info, stepKey: step.key }, finished: true },
      {
        ...write,
        status,
        error: info,
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - Date.parse(write.startedAt),
      },
    );
    return written ? status : this.cancelled();
  }

  private async retryLater(
    step: FlowStep,
    write: Omit<StepRunWrite, 'status'>,
    info: StepErrorInfo,
    delayMs: number,
  ): Promise<RunnerResult> {
    return this.suspend(
      step,
      { ...write, status: 'waiting', error: info },
      new Date(Date.now() + delayMs),
    );
  }

  /** The run waits without a worker: its state stored, a job queued for `wakeAt`. */
  private async suspend(
    step: FlowStep,
    write: StepRunWrite,
    wakeAt: Date | undefined,
  ): Promise<RunnerResult> {
    await this.client.query('begin');
    try {
      const written = await this.write(
        { status: 'waiting', currentStep: step.key, wakeAt: wakeAt?.toISOString() ?? null },
        write,
      );
      if (written && wakeAt) {
        // One timer per run: a later suspension moves it.
        await enqueue(
          this.client,
          'flows.run',
          { workspaceId: this.workspaceId, runId: this.runId },
          { runAt: wakeAt, jobKey: `flows.wake:${this.runId}` },
        );
      }
      await this.client.query('commit');
      return written ? 'waiting' : this.cancelled();
    } catch (error) {
      await this.client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /** Writes the buffered read steps, `extra`, and the run's status, at once. */
  private async write(run: RunWrite, extra?: StepRunWrite): Promise<boolean> {
    const steps = extra ? [...this.pending.steps, extra] : this.pending.steps;
    const written = await writeProgress(
      this.client,
      this.runId,
      { startedAt: this.begun, ...run },
      steps,
      this.pending.variables,
    );
    this.pending.steps = [];
    this.pending.variables = [];
    return written;
  }

  private async cancelled(): Promise<RunnerResult> {
    await finishCancelled(this.client, this.workspaceId, this.runId);
    await expireRunApprovals(this.client, this.workspaceId, this.runId);
    return 'cancelled';
  }
}

/**
 * The config's templates resolved, but for the keys the step takes as written
 * (`literalFields`: a JavaScript step's code is never spliced with run values).
 */
async function resolveConfig(
  config: Record<string, unknown>,
  definition: StepDefinition<unknown>,
  scope: RunScope,
  readSecret: SecretReader,
): Promise<Resolved<Record<string, unknown>>> {
  const literal = definition.literalFields ?? [];
  if (literal.length === 0) return resolveTemplates(config, scope, readSecret);
  const kept = Object.fromEntries(Object.entries(config).filter(([key]) => literal.includes(key)));
  const rest = Object.fromEntries(Object.entries(config).filter(([key]) => !literal.includes(key)));
  const resolved = await resolveTemplates(rest, scope, readSecret);
  return {
    value: { ...resolved.value, ...kept },
    stored: { ...resolved.stored, ...kept },
    secrets: resolved.secrets,
  };
}

/** Runs `fn` with a signal aborted at the deadline; a step that ignores it is left behind. */
async function withTimeout<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new StepTimeoutError(ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function redactSecretFields(stored: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields?.length || !stored || typeof stored !== 'object') return stored;
  const copy = structuredClone(stored) as Record<string, unknown>;
  for (const field of fields) {
    const path = field.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const key of path.slice(0, -1)) {
      const child: unknown = node?.[key];
      node = child && typeof child === 'object' ? (child as Record<string, unknown>) : undefined;
    }
    const last = path.at(-1)!;
    if (node && last in node) node[last] = '[secret]';
  }
  return copy;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
