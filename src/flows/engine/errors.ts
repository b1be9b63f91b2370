/**
 * How a step failed, in the categories people fix by (validation, network, timeout,
 * permission, sandbox, internal), with a severity, a suggestion and whether trying
 * again may help. A step says so itself by throwing FlowStepError; anything else it
 * throws is classified here by what it is (error codes, never message text).
 */
import { HttpError } from '../../errors.js';
import { FlowStepError, type ErrorCategory, type StepErrorInfo } from '../types.js';
import { TemplateError } from './template.js';

const SUGGESTIONS: Record<ErrorCategory, string> = {
  validation: "Check the step's configuration and the values its templates read, then rerun.",
  network:
    'The service could not be reached or answered with an error; it is retried, and a rerun tries again.',
  timeout:
    "The step took longer than its timeout; raise the step's timeout or check the service it calls.",
  permission:
    "Pandora may not do this: check the credentials' permissions, or whose records the automation may touch.",
  sandbox: 'The JavaScript step hit a limit or tried to reach the host; fix the code and rerun.',
  internal:
    'Pandora failed unexpectedly; the error is logged for the operator. Rerun to try again.',
};

const DEFAULT_SEVERITY: Record<ErrorCategory, StepErrorInfo['severity']> = {
  validation: 'medium',
  network: 'medium',
  timeout: 'medium',
  permission: 'high',
  sandbox: 'medium',
  internal: 'high',
};

/** Node's and undici's codes for a connection that failed or broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** The step ran out of time (the runner's own deadline). */
export class StepTimeoutError extends Error {
  override name = 'StepTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`The step did not finish within ${timeoutMs} ms`);
  }
}

export function stepError(
  category: ErrorCategory,
  message: string,
  options: Partial<Omit<StepErrorInfo, 'category' | 'message'>> = {},
): StepErrorInfo {
  return {
    category,
    severity: options.severity ?? DEFAULT_SEVERITY[category],
    message,
    suggestion: options.suggestion ?? SUGGESTIONS[category],
    retryable: options.retryable ?? (category === 'network' || category === 'timeout'),
    ...(options.status !== undefined ? { status: options.status } : {}),
    ...(options.retryAfterMs !== undefined ? { retryAfterMs: options.retryAfterMs } : {}),
  };
}

/** Classifies whatever a step threw. */
export function classifyError(error: unknown): StepErrorInfo {
  if (error instanceof FlowStepError) {
    return stepError(error.category, error.message, {
      ...(error.options.severity ? { severity: error.options.severity } : {}),
      ...(error.options.suggestion ? { suggestion: error.options.suggestion } : {}),
      ...(error.options.retryable !== undefined ? { retryable: error.options.retryable } : {}),
      ...(error.options.status !== undefined ? { status: error.options.status } : {}),
      ...(error.options.retryAfterMs !== undefined
        ? { retryAfterMs: error.options.retryAfterMs }
        : {}),
    });
  }
  if (error instanceof StepTimeoutError) return stepError('timeout', error.message);
  if (error instanceof TemplateError) return stepError('validation', error.message);
  if (error instanceof HttpError) {
    const category: ErrorCategory =
      error.status === 401 || error.status === 403
        ? 'permission'
        : error.status >= 500
          ? 'internal'
          : 'validation';
    return stepError(category, error.message, { retryable: false });
  }
  const code = networkCode(error);
  if (code) {
    const message = error instanceof Error ? error.message : String(error);
    return stepError('network', `${message} (${code})`, { retryable: true });
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return stepError('timeout', 'The step was stopped before it finished');
  }
  const message = error instanceof Error ? error.message : String(error);
  return stepError('internal', message || 'The step failed', { retryable: false });
}

/** A network error's code, on the error or its causes (fetch wraps them as `cause`). */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
