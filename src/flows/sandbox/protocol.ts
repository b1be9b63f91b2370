/** Messages between the sandbox pool (the host) and one sandbox thread. */

export interface TaskMessage {
  id: number;
  code: string;
  /** The step's `input`, as JSON; parsed inside the engine. */
  inputJson: string;
  timeoutMs: number;
  memoryMb: number;
  maxOutputChars: number;
  /** False only in tests of the wall-clock kill: no interrupt handler is set. */
  interrupt: boolean;
}

/** Why a run failed; the host words the error (it knows the limits asked for). */
export type FailureKind =
  | 'timeout'
  | 'memory'
  | 'stack'
  | 'output_size'
  | 'output_type'
  | 'syntax'
  | 'thrown'
  | 'unsettled'
  | 'crashed';

export interface Failure {
  kind: FailureKind;
  /** The guest error's name and message (clipped), when there was one. */
  name?: string;
  message?: string;
  /** 1-based line in the step's code. */
  line?: number;
  /** The return value's JSON length, for output_size. */
  size?: number;
}

export type ResultMessage =
  | {
      type: 'result';
      id: number;
      ok: true;
      outputJson: string;
      durationMs: number;
      /** The engine was left in doubt: the pool replaces the thread. */
      retire: boolean;
    }
  | {
      type: 'result';
      id: number;
      ok: false;
      failure: Failure;
      durationMs: number;
      /** The thread hit a limit: the pool replaces it rather than run anything else on it. */
      retire: boolean;
    };

export type WorkerMessage = { type: 'ready' } | ResultMessage;
