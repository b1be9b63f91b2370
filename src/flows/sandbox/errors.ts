/**
 * How a JavaScript step failed, worded for the person fixing it: which limit it hit and
 * what to change. All are FlowStepError('sandbox'); only a thread that died under the
 * step for no fault of its code, or a full queue, is worth retrying.
 */
import { FlowStepError, type ErrorSeverity } from '../types.js';
import { MAX_MEMORY_MB, MAX_OUTPUT_CHARS, MAX_TIMEOUT_MS, type SandboxLimits } from './limits.js';
import type { Failure, FailureKind } from './protocol.js';

export type SandboxLimit = FailureKind | 'busy' | 'input';

export class SandboxError extends FlowStepError {
  constructor(
    /** Which limit or failure: timeout, memory, stack, output_size, syntax, thrown, ... */
    readonly limit: SandboxLimit,
    message: string,
    options: { severity?: ErrorSeverity; suggestion: string; retryable?: boolean; cause?: unknown },
  ) {
    super('sandbox', message, { retryable: false, ...options });
  }
}

/** The error for a failure the thread reported, or the pool saw (a kill, a crash). */
export function sandboxError(
  failure: Failure,
  limits: SandboxLimits,
  killed = false,
): SandboxError {
  const where = failure.line ? ` (line ${failure.line})` : '';
  const what = [failure.name, failure.message].filter(Boolean).join(': ');
  switch (failure.kind) {
    case 'timeout':
      return new SandboxError(
        'timeout',
        `The JavaScript ran past its time limit of ${limits.timeoutMs} ms and was stopped${killed ? ' (its thread was killed)' : ''}.`,
        {
          suggestion: `Look for a loop that never ends, or raise timeoutMs (at most ${MAX_TIMEOUT_MS}).`,
        },
      );
    case 'memory':
      return new SandboxError(
        'memory',
        `The JavaScript used more than its memory limit of ${limits.memoryMb} MB and was stopped.`,
        {
          suggestion: `Work on less data at a time, or raise memoryMb (at most ${MAX_MEMORY_MB}).`,
        },
      );
    case 'stack':
      return new SandboxError(
        'stack',
        'The JavaScript called functions too deeply (the stack limit) and was stopped.',
        { suggestion: 'Bound the recursion, or turn it into a loop.' },
      );
    case 'output_size':
      return new SandboxError(
        'output_size',
        `The JavaScript's return value is ${failure.size ?? 'over'} characters of JSON; the limit is ${MAX_OUTPUT_CHARS}.`,
        { suggestion: 'Return only the fields later steps need.' },
      );
    case 'output_type':
      return new SandboxError(
        'output_type',
        `The JavaScript's return value cannot be stored as JSON: ${what || 'not serializable'}.`,
        {
          suggestion:
            'Return plain data (objects, arrays, strings, numbers, booleans, null); no BigInt, functions or cycles.',
        },
      );
    case 'syntax':
      return new SandboxError(
        'syntax',
        `The JavaScript does not compile${where}: ${what || 'syntax error'}.`,
        {
          suggestion:
            'The code is the body of an async function: use `input` and `return` a value; no import or export.',
        },
      );
    case 'thrown':
      return new SandboxError('thrown', `The JavaScript threw${where}: ${what || 'an error'}.`, {
        suggestion:
          'Fix the code, or check the values it reads from `input` (trigger, vars, steps). Only the language is there: no require, import, process, fetch or timers.',
      });
    case 'unsettled':
      return new SandboxError(
        'unsettled',
        'The JavaScript awaited a promise that nothing settles (there are no timers or I/O in the sandbox).',
        { suggestion: 'Await only promises the code resolves itself, or remove the await.' },
      );
    case 'crashed':
      return new SandboxError(
        'crashed',
        `The sandbox thread stopped under the step${what ? ` (${what})` : ''}.`,
        {
          severity: 'high',
          retryable: true,
          suggestion: 'It is retried; if it keeps happening, lower memoryMb or simplify the code.',
        },
      );
  }
}

export function busyError(queued: number): SandboxError {
  return new SandboxError(
    'busy',
    `${queued} JavaScript steps are already waiting for a sandbox thread.`,
    {
      retryable: true,
      suggestion: 'It is retried; fewer runs at once with a JavaScript step help.',
    },
  );
}

export function inputError(cause: unknown): SandboxError {
  return new SandboxError(
    'input',
    `The run's values could not be passed to the JavaScript as JSON: ${cause instanceof Error ? cause.message : String(cause)}.`,
    { suggestion: 'Check the trigger and earlier steps for values JSON cannot hold.', cause },
  );
}
