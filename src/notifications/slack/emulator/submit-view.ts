/**
 * A person submitting an open modal: the `view_submission` payload with every input's
 * value in `state.values` (what the test gives, else the input's initial value), and
 * what the app answers deciding whether the modal closes, shows errors or changes.
 */
import { newTrigger, type SlackEnv } from './env.js';
import {
  EMULATOR_VERIFICATION_TOKEN,
  findUser,
  InteractionFailure,
  installFor,
  interactionUser,
  type InteractionRecord,
  type Interactions,
  type SignOptions,
} from './interactivity.js';
import { viewJson } from './methods-chat.js';
import { EMULATOR_APP_ID } from './store.js';

type InputElement = {
  type?: string;
  action_id?: string;
  initial_value?: string;
  initial_date?: string;
  initial_option?: unknown;
  options?: Array<{ value?: string }>;
};

/** What one input holds in `state.values`, by the element's type. */
function stateValue(element: InputElement, given: unknown): Record<string, unknown> {
  const type = element.type ?? 'plain_text_input';
  if (given !== undefined && typeof given === 'object' && given !== null) return { type, ...given };
  const value = given === undefined ? undefined : String(given);
  if (type === 'datepicker') return { type, selected_date: value ?? element.initial_date ?? null };
  if (type === 'static_select' || type === 'radio_buttons') {
    const option =
      value === undefined
        ? (element.initial_option ?? null)
        : (element.options?.find((o) => o.value === value) ?? null);
    return { type, selected_option: option };
  }
  return { type, value: value ?? element.initial_value ?? null };
}

export interface SubmitInput {
  viewId: string;
  /** `{ [block_id]: { [action_id]: value } }`; inputs left out keep their initial value. */
  values?: Record<string, Record<string, unknown>>;
  sign?: SignOptions;
  retries?: boolean;
}

/** The person submits an open modal: Pandora gets the signed view_submission payload. */
export function submitView(
  env: SlackEnv,
  interactions: Interactions,
  input: SubmitInput,
): InteractionRecord {
  const stored = env.store.views.get(input.viewId);
  if (!stored) throw new InteractionFailure('view_not_found', 404);
  if (stored.status !== 'open') throw new InteractionFailure('view_closed', 409);
  const install = installFor(env, stored.teamId);
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of (stored.view.blocks ?? []) as Array<{
    type?: string;
    block_id?: string;
    element?: InputElement;
  }>) {
    if (block.type !== 'input' || !block.element?.action_id) continue;
    const blockId = block.block_id ?? '';
    values[blockId] = {
      [block.element.action_id]: stateValue(
        block.element,
        input.values?.[blockId]?.[block.element.action_id],
      ),
    };
  }
  const user = findUser(env, stored.teamId, stored.user);
  const team = env.store.teams.get(stored.teamId)!;
  const payload = {
    type: 'view_submission',
    team: { id: team.id, domain: team.domain },
    user: interactionUser(user),
    api_app_id: EMULATOR_APP_ID,
    token: EMULATOR_VERIFICATION_TOKEN,
    trigger_id: newTrigger(env, team.id, user.id).id,
    view: viewJson(stored, install, values),
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
  const record = interactions.deliver('view_submission', payload, {
    sign: input.sign,
    retries: input.retries,
  });
  // The app's answer decides what the person sees: errors keep the modal open.
  record.done = record.done.then(() => {
    const answer = record.attempts.find((attempt) => attempt.status === 200)?.body ?? '';
    let parsed: { response_action?: string; view?: Record<string, unknown> } = {};
    try {
      parsed = answer ? (JSON.parse(answer) as typeof parsed) : {};
    } catch {
      parsed = {};
    }
    stored.lastResponse = parsed;
    if (!record.acknowledged || parsed.response_action === 'errors') return;
    if (parsed.response_action === 'update' && parsed.view) stored.view = parsed.view;
    else stored.status = 'closed';
  });
  return record;
}
