/**
 * An inbox item's `context`, which the API leaves open (each source writes its own), read
 * defensively into what the card shows: a part of the wrong shape is left out, not thrown on.
 */
import type { FieldChange } from './before-after';

export interface InboxContextView {
  meeting?: { id: string; title: string | null };
  record?: { type: string; id: string; name: string | null };
  fields: FieldChange[];
  candidates: { dealId: string; name: string; score: number | null }[];
  question?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function readContext(context: Record<string, unknown>): InboxContextView {
  const view: InboxContextView = { fields: [], candidates: [] };
  const { meeting, record, fields, candidates, question } = context;
  if (isObject(meeting) && text(meeting.id)) {
    view.meeting = { id: text(meeting.id)!, title: text(meeting.title) };
  }
  if (isObject(record) && text(record.id)) {
    view.record = {
      type: text(record.type) ?? 'deal',
      id: text(record.id)!,
      name: text(record.name),
    };
  }
  if (Array.isArray(fields)) {
    for (const f of fields) {
      if (!isObject(f) || !text(f.field)) continue;
      view.fields.push({
        field: text(f.field)!,
        crmProperty: text(f.crmProperty),
        before: f.before,
        after: f.after,
        confidence: num(f.confidence),
        quote: text(f.quote),
        startSeconds: num(f.startSeconds),
      });
    }
  }
  if (Array.isArray(candidates)) {
    for (const c of candidates) {
      if (!isObject(c) || !text(c.dealId)) continue;
      view.candidates.push({
        dealId: text(c.dealId)!,
        name: text(c.name) ?? text(c.dealId)!,
        score: num(c.score),
      });
    }
  }
  if (text(question)) view.question = text(question)!;
  return view;
}
