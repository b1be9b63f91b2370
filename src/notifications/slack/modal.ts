/**
 * The two modals a Slack card opens (Block Kit views, opened with `views.open`): Edit
 * (each proposed value, prefilled, editable; submitting approves with the edits) and
 * Reject (the reason). Reading a submission back checks each value the way the
 * console's form does, so a wrong one is shown under its field in Slack
 * (`response_action: errors`) instead of failing later.
 */
import { agentFieldNamed } from '../../agents/fields.js';
import { NORMALIZED_STAGES } from '../../ingest/stages.js';
import type { InboxField, InboxItem } from '../../inbox/items.js';

export const EDIT_CALLBACK_ID = 'inbox_edit';
export const REJECT_CALLBACK_ID = 'inbox_reject';
/** Every input's action id; the block id says which field it is. */
export const VALUE_ACTION_ID = 'value';
export const REASON_BLOCK_ID = 'reason';

// Slack's limits: a title of 24 characters, a text input of 3,000, metadata of 3,000.
const MAX_TITLE = 24;
const MAX_INPUT = 3_000;
const MAX_REASON = 1_000;

/** What a modal carries to its submission (`private_metadata`). */
export interface ModalMetadata {
  inboxItemId: string;
  /** The card's response_url, for answering the person after the modal closes. */
  responseUrl: string | null;
}

type Text = { type: 'plain_text' | 'mrkdwn'; text: string };
const plain = (text: string): Text => ({ type: 'plain_text', text: text.slice(0, 2_000) });

export interface SlackView {
  type: 'modal';
  callback_id: string;
  private_metadata: string;
  title: Text;
  submit: Text;
  close: Text;
  blocks: Record<string, unknown>[];
}

export function readMetadata(raw: unknown): ModalMetadata | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ModalMetadata>;
    if (typeof parsed.inboxItemId !== 'string') return null;
    return {
      inboxItemId: parsed.inboxItemId,
      responseUrl: typeof parsed.responseUrl === 'string' ? parsed.responseUrl : null,
    };
  } catch {
    return null;
  }
}

const labelOf = (field: InboxField) => agentFieldNamed(field.field)?.label ?? field.field;
const kindOf = (field: InboxField) => agentFieldNamed(field.field)?.kind ?? plainKind(field.after);

function plainKind(value: unknown): 'money' | 'text' {
  return typeof value === 'number' ? 'money' : 'text';
}

const stageText = (stage: string) =>
  stage.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** A value as the person reads and edits it (an amount object's number, a date's day). */
export function editText(field: InboxField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') {
    const amount = (value as { value?: unknown }).value;
    return typeof amount === 'number' ? String(amount) : '';
  }
  if (kindOf(field) === 'date' && typeof value === 'string') return value.slice(0, 10);
  return String(value);
}

/** The fields a person may change before approving: an approval that writes. */
export function editableFields(item: InboxItem): InboxField[] {
  if (item.itemType !== 'approval' || !item.actionId) return [];
  return item.context.fields ?? [];
}

function input(field: InboxField): Record<string, unknown> {
  const current = editText(field, field.after);
  const kind = kindOf(field);
  const base = { action_id: VALUE_ACTION_ID };
  switch (kind) {
    case 'date':
      return {
        ...base,
        type: 'datepicker',
        ...(/^\d{4}-\d{2}-\d{2}$/.test(current) ? { initial_date: current } : {}),
      };
    case 'money':
      return {
        ...base,
        type: 'number_input',
        is_decimal_allowed: true,
        min_value: '0',
        ...(current ? { initial_value: current } : {}),
      };
    case 'stage': {
      const options = NORMALIZED_STAGES.map((stage) => ({
        text: plain(stageText(stage)),
        value: stage,
      }));
      const initial = options.find((option) => option.value === current);
      return {
        ...base,
        type: 'static_select',
        options,
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    default:
      return {
        ...base,
        type: 'plain_text_input',
        multiline: kind === 'text' && current.length > 60,
        max_length: MAX_INPUT,
        ...(current ? { initial_value: current.slice(0, MAX_INPUT) } : {}),
      };
  }
}

function header(item: InboxItem): Record<string, unknown> {
  const record = item.context.record?.name;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `*${item.title}*${record ? `\n${record}` : ''}`.slice(0, 3_000) },
  };
}

/** The Edit modal: one input per field, prefilled with the proposed value. */
export function editModal(item: InboxItem, metadata: ModalMetadata): SlackView {
  const blocks = [
    header(item),
    ...editableFields(item)
      .slice(0, 40)
      .map((field) => ({
        type: 'input',
        block_id: field.field,
        label: plain(labelOf(field)),
        element: input(field),
        ...(field.before !== null && field.before !== undefined
          ? { hint: plain(`Now in the CRM: ${editText(field, field.before) || 'empty'}`) }
          : {}),
        ...(kindOf(field) === 'list' ? { hint: plain('Separate names with commas') } : {}),
      })),
  ];
  return {
    type: 'modal',
    callback_id: EDIT_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain('Edit and approve'.slice(0, MAX_TITLE)),
    submit: plain('Approve'),
    close: plain('Cancel'),
    blocks,
  };
}

/** The Reject modal: why (optional, kept with the decision). */
export function rejectModal(item: InboxItem, metadata: ModalMetadata): SlackView {
  return {
    type: 'modal',
    callback_id: REJECT_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain('Reject'),
    submit: plain('Reject'),
    close: plain('Cancel'),
    blocks: [
      header(item),
      {
        type: 'input',
        block_id: REASON_BLOCK_ID,
        optional: true,
        label: plain('Why? (the agent learns from it)'),
        element: {
          type: 'plain_text_input',
          action_id: VALUE_ACTION_ID,
          multiline: true,
          max_length: MAX_REASON,
        },
      },
    ],
  };
}

/** `view.state.values` as Slack sends it: block id -> action id -> the element's state. */
export type ViewState = Record<string, Record<string, Record<string, unknown> | undefined>>;

function submitted(state: ViewState, blockId: string): string {
  const element = state[blockId]?.[VALUE_ACTION_ID];
  if (!element) return '';
  if (typeof element.selected_date === 'string') return element.selected_date;
  const option = element.selected_option as { value?: unknown } | null | undefined;
  if (option && typeof option.value === 'string') return option.value;
  return typeof element.value === 'string' ? element.value : '';
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

function parse(field: InboxField, text: string): Parsed {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'Enter a value' };
  switch (kindOf(field)) {
    case 'money': {
      const cleaned = trimmed.replace(/[,\s$€£]/g, '');
      const amount = Number(cleaned);
      return /^\d+(\.\d+)?$/.test(cleaned) && Number.isFinite(amount) && amount < 1e15
        ? { ok: true, value: amount }
        : { ok: false, error: 'Enter an amount, e.g. 150000' };
    }
    case 'date': {
      const parsed = new Date(`${trimmed}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) &&
        !Number.isNaN(parsed.getTime()) &&
        parsed.toISOString().slice(0, 10) === trimmed
        ? { ok: true, value: trimmed }
        : { ok: false, error: 'Enter a date as YYYY-MM-DD' };
    }
    case 'stage':
      return (NORMALIZED_STAGES as readonly string[]).includes(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, error: 'Pick a stage' };
    case 'list': {
      const names = trimmed
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      return names.length > 0
        ? { ok: true, value: names }
        : { ok: false, error: 'Enter at least one name' };
    }
    default:
      return trimmed.length <= MAX_INPUT
        ? { ok: true, value: trimmed }
        : { ok: false, error: `At most ${MAX_INPUT} characters` };
  }
}

/**
 * The edits of an Edit modal's submission: only the values the person changed (an
 * untouched value stays the proposal's), or what is wrong, by block id, in the form
 * Slack shows under each input.
 */
export function readEditSubmission(
  item: InboxItem,
  state: ViewState,
): { ok: true; edits: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const edits: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of editableFields(item)) {
    const text = submitted(state, field.field);
    if (text.trim() === editText(field, field.after)) continue;
    const parsed = parse(field, text);
    if (parsed.ok) edits[field.field] = parsed.value;
    else errors[field.field] = parsed.error;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, edits };
}

/** The reason of a Reject modal's submission; null when left empty. */
export function readRejectReason(state: ViewState): string | null {
  const reason = submitted(state, REASON_BLOCK_ID).trim();
  return reason ? reason.slice(0, MAX_REASON) : null;
}
