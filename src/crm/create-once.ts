import { CrmError } from './errors.js';
import type { RecordResult } from './port.js';

export interface CreateOnceOptions<I, V extends { id: string }> {
  /**
   * The CRM's create: one result per input, in order. Throws only when a whole call
   * fails before anything could have been made or when its outcome is unknown.
   */
  send(inputs: I[]): Promise<RecordResult<V>[]>;
  /**
   * For each input, the object the CRM already holds under its marker, or null. Reads
   * only: it decides whether a create whose answer was lost is sent again.
   */
  find(inputs: I[]): Promise<(V | null)[]>;
  /** The input's marker, when it has one the CRM can be searched by. */
  marker(input: I): string | undefined;
  /** An earlier attempt (another run, another process) may have made it already. */
  mayExist(input: I): boolean;
  /** Sends in all for an input whose answers keep getting lost (default 3). */
  attempts?: number;
  /** Wait before sending again, doubled each time (default 500 ms). */
  delayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A create's outcome is unknown when the call gave no answer for it (a timeout, a
 * dropped connection, a 5xx the CRM may have sent after applying it): a transient
 * failure that names no object. A failure naming an object (made, then a follow-up
 * failed) is known: the object exists.
 */
function unknownOutcome(result: RecordResult<unknown>): result is RecordResult<never> & {
  ok: false;
} {
  return !result.ok && result.id === null && result.error.kind === 'transient';
}

/**
 * Creates each input at most once in the CRM, whatever answers are lost. Neither CRM
 * takes an idempotency key on creates, so every create carries a marker the CRM
 * can be searched by, and an input whose outcome is unknown is looked up by it
 * before it is sent again, in this same call; one found is adopted (its id
 * returned as if just created). Inputs an earlier attempt may have made
 * (`mayExist`) are looked up before the first send. An input without a marker
 * cannot be looked up: its unknown outcome is reported, never resent. When a
 * lookup fails too, the input stays unknown (a transient failure), for a later
 * run to look up again.
 */
export async function createOnce<I, V extends { id: string }>(
  inputs: I[],
  options: CreateOnceOptions<I, V>,
): Promise<RecordResult<V>[]> {
  const results: RecordResult<V>[] = new Array(inputs.length);
  const attempts = Math.max(1, options.attempts ?? 3);
  const delayMs = options.delayMs ?? 500;
  // Nothing settled and nothing sent: a whole-call refusal may be thrown as it is.
  let untouched = true;

  /** Looks up `indexes`; returns those not found. Failed lookups settle as `cause`. */
  const lookUp = async (indexes: number[], cause: CrmError): Promise<number[]> => {
    if (indexes.length === 0) return [];
    let found: (V | null)[];
    try {
      found = await options.find(indexes.map((index) => inputs[index]!));
    } catch (error) {
      const reason = error instanceof CrmError ? error : cause;
      for (const index of indexes) {
        results[index] = {
          ok: false,
          id: null,
          error: new CrmError(
            'transient',
            `The CRM's answer was lost (${cause.message}) and looking it up failed too (${reason.message}); it may exist. Running it again looks it up first.`,
            { crmCode: 'OUTCOME_UNKNOWN', cause: reason },
          ),
        };
      }
      untouched = false;
      return [];
    }
    const missing: number[] = [];
    indexes.forEach((index, i) => {
      const value = found[i];
      if (value === null || value === undefined) missing.push(index);
      else {
        results[index] = { ok: true, id: value.id, value };
        untouched = false;
      }
    });
    return missing;
  };

  const marked = (index: number) => options.marker(inputs[index]!) !== undefined;
  const all = inputs.map((_, index) => index);
  let todo = [
    ...all.filter((index) => !(marked(index) && options.mayExist(inputs[index]!))),
    ...(await lookUp(
      all.filter((index) => marked(index) && options.mayExist(inputs[index]!)),
      new CrmError('transient', 'an earlier attempt may have made it'),
    )),
  ].sort((a, b) => a - b);

  for (let attempt = 1; todo.length > 0; attempt++) {
    if (attempt > 1) await sleep(delayMs * 2 ** (attempt - 2));
    let answers: RecordResult<V>[];
    try {
      answers = await options.send(todo.map((index) => inputs[index]!));
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      // Nothing to look up or settle yet: the caller gets the call's failure as it came.
      if (untouched && (error.kind !== 'transient' || !todo.some(marked))) throw error;
      if (error.kind !== 'transient') {
        for (const index of todo) results[index] = { ok: false, id: null, error };
        return results;
      }
      answers = todo.map(() => ({ ok: false, id: null, error }));
    }
    untouched = false;
    const unknown: number[] = [];
    let cause: CrmError | undefined;
    todo.forEach((index, i) => {
      const answer = answers[i]!;
      results[index] = answer;
      if (unknownOutcome(answer) && marked(index)) {
        unknown.push(index);
        cause ??= answer.error;
      }
    });
    const missing = await lookUp(unknown, cause!);
    // Out of attempts: the last unknown answer stands, for a later run to look up.
    todo = attempt < attempts ? missing : [];
  }
  return results;
}

/**
 * A title that carries `marker` within `max` characters: the title cut short where
 * needed, the marker whole at its end. Unchanged when it holds the marker already.
 */
export function titleWithMarker(title: string, marker: string | undefined, max: number): string {
  if (!marker || title.includes(marker)) return title.slice(0, max);
  const head = title.slice(0, Math.max(0, max - marker.length - 1)).trimEnd();
  return head ? `${head} ${marker}` : marker.slice(0, max);
}
