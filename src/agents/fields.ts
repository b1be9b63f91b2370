import type { CrmProperty, CrmPropertyType, CrmType, CrmValue } from '../crm/port.js';
import { listPipelineStages, type PipelineStage } from '../deals/activity.js';
import type { Queryable } from '../db/pool.js';
import { STAGES } from './cases.js';

/**
 * The fields a meeting agent may update: Pandora's standard five (the ones the eval
 * scores) and the MEDDICC and BANT qualification fields its templates add. Each says
 * which CRM property it writes by default per CRM type, what kind of value it carries
 * and which property types can take that value; the admin may point a field at another
 * property, checked against the CRM's live property list (`checkFieldProperty`).
 */

export type AgentFieldKind = 'date' | 'money' | 'stage' | 'text' | 'list';
export type AgentFieldGroup = 'standard' | 'meddicc' | 'bant';

export interface AgentField {
  id: string;
  label: string;
  description: string;
  group: AgentFieldGroup;
  kind: AgentFieldKind;
  /**
   * The deal property written when the admin chooses none. Standard CRM properties
   * where the CRM has one; the competitors and qualification fields have no standard
   * property in either CRM, so these name the custom property Pandora suggests
   * creating, and the live check refuses them until it exists or another is chosen.
   */
  defaultProperty: Record<CrmType, string>;
  /** Property types the value fits without loss. */
  propertyTypes: readonly CrmPropertyType[];
}

const TEXT_TYPES = ['string', 'text'] as const;

function qualification(
  group: 'meddicc' | 'bant',
  id: string,
  label: string,
  description: string,
): AgentField {
  const salesforceName = label.replace(/[^A-Za-z]+/g, '_').replace(/_+$/, '');
  return {
    id,
    label,
    description,
    group,
    kind: 'text',
    defaultProperty: {
      hubspot: `pandora_${id}`,
      salesforce: `Pandora_${salesforceName}__c`,
    },
    propertyTypes: TEXT_TYPES,
  };
}

export const STANDARD_FIELDS: readonly AgentField[] = [
  {
    id: 'close_date',
    label: 'Close date',
    description: 'The date both sides committed to sign by; never a casual or hypothetical date.',
    group: 'standard',
    kind: 'date',
    defaultProperty: { hubspot: 'closedate', salesforce: 'CloseDate' },
    // HubSpot's closedate is a datetime property written as midnight UTC.
    propertyTypes: ['date', 'datetime'],
  },
  {
    id: 'amount',
    label: 'Amount',
    description: 'The annual deal value said plainly, in the deal currency.',
    group: 'standard',
    kind: 'money',
    defaultProperty: { hubspot: 'amount', salesforce: 'Amount' },
    propertyTypes: ['number', 'currency'],
  },
  {
    id: 'stage',
    label: 'Stage',
    description: "The deal stage the call moved it to, as a stage of the deal's own pipeline.",
    group: 'standard',
    kind: 'stage',
    defaultProperty: { hubspot: 'dealstage', salesforce: 'StageName' },
    propertyTypes: ['enumeration'],
  },
  {
    id: 'next_step',
    label: 'Next step',
    description: 'The next step both sides agreed on, with its owner and date when said.',
    group: 'standard',
    kind: 'text',
    defaultProperty: { hubspot: 'hs_next_step', salesforce: 'NextStep' },
    propertyTypes: TEXT_TYPES,
  },
  {
    id: 'competitors',
    label: 'Competitors',
    description: "Competitors from the workspace's list the buyer is evaluating now.",
    group: 'standard',
    kind: 'list',
    defaultProperty: { hubspot: 'competitors', salesforce: 'Competitors__c' },
    // A multi-select (HubSpot checkbox, Salesforce multipicklist) or a text list.
    propertyTypes: ['enumeration', ...TEXT_TYPES],
  },
];

export const MEDDICC_FIELDS: readonly AgentField[] = [
  qualification('meddicc', 'metrics', 'Metrics', 'The measurable outcome the buyer expects.'),
  qualification(
    'meddicc',
    'economic_buyer',
    'Economic buyer',
    'Who has the final say on the budget.',
  ),
  qualification(
    'meddicc',
    'decision_criteria',
    'Decision criteria',
    'What the buyer will judge the options by.',
  ),
  qualification(
    'meddicc',
    'decision_process',
    'Decision process',
    'The steps and people between now and a signature.',
  ),
  qualification('meddicc', 'identify_pain', 'Identified pain', 'The problem the buyer must solve.'),
  qualification('meddicc', 'champion', 'Champion', 'Who sells for us inside the account.'),
];

export const BANT_FIELDS: readonly AgentField[] = [
  qualification('bant', 'budget', 'Budget', 'Whether money is set aside, and how much.'),
  qualification('bant', 'authority', 'Authority', 'Who can sign.'),
  qualification('bant', 'need', 'Need', 'The need the buyer stated.'),
  qualification('bant', 'timeline', 'Timeline', 'When the buyer means to decide or start.'),
];

export const AGENT_FIELDS: readonly AgentField[] = [
  ...STANDARD_FIELDS,
  ...MEDDICC_FIELDS,
  ...BANT_FIELDS,
];

const BY_ID = new Map(AGENT_FIELDS.map((field) => [field.id, field]));

export function agentFieldNamed(id: string): AgentField | undefined {
  return BY_ID.get(id);
}

/** The property a field writes: the admin's choice, else the field's default for the CRM. */
export function crmPropertyFor(
  field: { field: string; crmProperty?: string | null },
  crmType: CrmType,
): string | null {
  if (field.crmProperty) return field.crmProperty;
  return agentFieldNamed(field.field)?.defaultProperty[crmType] ?? null;
}

export type PropertyCheck =
  { ok: true; property: CrmProperty } | { ok: false; code: string; message: string };

/**
 * Whether a field can go into the named deal property of the CRM's live property
 * list: it exists (names compare case-insensitively, as both CRMs do), is writable,
 * and its type takes the field's value. The message names the field and the property.
 */
export function checkFieldProperty(
  fieldId: string,
  crmProperty: string,
  properties: readonly CrmProperty[],
): PropertyCheck {
  const field = agentFieldNamed(fieldId);
  if (!field) {
    return {
      ok: false,
      code: 'unknown_field',
      message: `no agent field "${fieldId}"; known: ${AGENT_FIELDS.map((f) => f.id).join(', ')}`,
    };
  }
  const property = properties.find(
    (candidate) => candidate.name.toLowerCase() === crmProperty.toLowerCase(),
  );
  if (!property) {
    return {
      ok: false,
      code: 'unknown_property',
      message:
        `${field.id}: the CRM has no deal property "${crmProperty}"; create it in the CRM ` +
        'or choose an existing property',
    };
  }
  if (property.readOnly) {
    return {
      ok: false,
      code: 'read_only_property',
      message: `${field.id}: ${property.name} (${property.label}) is read-only in the CRM`,
    };
  }
  if (!field.propertyTypes.includes(property.type)) {
    return {
      ok: false,
      code: 'incompatible_property',
      message:
        `${field.id} (${field.kind}) cannot go into ${property.name}, a ${property.type} ` +
        `property; it fits ${field.propertyTypes.join(', ')}`,
    };
  }
  return { ok: true, property };
}

/** What `toCrmValue` needs to place a value: the CRM and, for a stage, the deal's pipeline. */
export interface ValueContext {
  crmType: CrmType;
  /** The synced stages of the connection's CRM (`loadPipelineStages`). */
  stages?: readonly PipelineStage[];
  /** The deal's pipeline id and current stage, as synced. */
  deal?: { pipeline: string | null; stage: string | null };
  /** The target property, when known: a list into a multi-select uses its options. */
  property?: CrmProperty;
}

export type CrmValueResult = { ok: true; value: CrmValue } | { ok: false; reason: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An agent's value (a `YYYY-MM-DD` date, a number, a normalized stage, text, a list
 * of names) as the CRM property's value. A stage becomes a stage of the deal's own
 * pipeline: its current stage when that already normalizes to the proposed one
 * (nothing to change), else the first stage in pipeline order that normalizes to it;
 * HubSpot writes the stage id, Salesforce the stage name, as the actions planner does.
 */
export function toCrmValue(fieldId: string, value: unknown, ctx: ValueContext): CrmValueResult {
  const field = agentFieldNamed(fieldId);
  if (!field) return { ok: false, reason: `no agent field "${fieldId}"` };
  if (value === null || value === undefined || value === '') {
    return { ok: false, reason: `${fieldId}: no value to write` };
  }
  switch (field.kind) {
    case 'date': {
      const text = String(value);
      if (!ISO_DATE.test(text) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text)
        return {
          ok: false,
          reason: `${fieldId}: ${JSON.stringify(value)} is not a YYYY-MM-DD date`,
        };
      return { ok: true, value: text };
    }
    case 'money': {
      const number = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'boolean' || !Number.isFinite(number) || number < 0)
        return { ok: false, reason: `${fieldId}: ${JSON.stringify(value)} is not an amount` };
      return { ok: true, value: Math.round(number * 100) / 100 };
    }
    case 'stage':
      return stageValue(String(value), ctx);
    case 'list': {
      const names = (Array.isArray(value) ? value : [value]).map(String).filter(Boolean);
      if (names.length === 0) return { ok: false, reason: `${fieldId}: an empty list` };
      if (ctx.property?.type === 'enumeration') {
        const options = ctx.property.options;
        const chosen: string[] = [];
        for (const name of names) {
          const option = options.find(
            (o) =>
              o.value.toLowerCase() === name.toLowerCase() ||
              o.label.toLowerCase() === name.toLowerCase(),
          );
          if (!option)
            return {
              ok: false,
              reason: `${fieldId}: ${ctx.property.name} has no option "${name}"`,
            };
          chosen.push(option.value);
        }
        // Both CRMs write a multi-select as its values joined by semicolons.
        return { ok: true, value: chosen.join(';') };
      }
      return { ok: true, value: names.join(', ') };
    }
    case 'text':
      return { ok: true, value: String(value) };
  }
}

function stageValue(wanted: string, ctx: ValueContext): CrmValueResult {
  if (!(STAGES as readonly string[]).includes(wanted)) {
    return { ok: false, reason: `stage: "${wanted}" is not one of ${STAGES.join(', ')}` };
  }
  const source = ctx.stages?.filter((stage) => stage.source === ctx.crmType) ?? [];
  // Salesforce has one set of stages ("default"); a HubSpot stage id only means
  // something inside the deal's own pipeline.
  const pipelineId =
    ctx.crmType === 'salesforce' ? (source[0]?.pipelineId ?? null) : (ctx.deal?.pipeline ?? null);
  if (!pipelineId) return { ok: false, reason: "stage: the deal's pipeline is not known" };
  const stages = source
    .filter((stage) => stage.pipelineId === pipelineId)
    .sort((a, b) => a.displayOrder - b.displayOrder);
  if (stages.length === 0) {
    return { ok: false, reason: `stage: no synced stages for pipeline ${pipelineId}` };
  }
  const valueOf = (stage: PipelineStage) =>
    ctx.crmType === 'salesforce' ? stage.stageLabel : stage.stageId;
  const current = stages.find(
    (stage) =>
      ctx.deal?.stage != null &&
      (stage.stageId === ctx.deal.stage || stage.stageLabel === ctx.deal.stage),
  );
  if (current?.stageNormalized === wanted) return { ok: true, value: valueOf(current) };
  const target = stages.find((stage) => stage.stageNormalized === wanted);
  if (!target) {
    return {
      ok: false,
      reason: `stage: pipeline ${stages[0]!.pipelineLabel} has no stage that means ${wanted}`,
    };
  }
  return { ok: true, value: valueOf(target) };
}

/** The synced stages of a CRM, for `toCrmValue`. */
export function loadPipelineStages(
  db: Queryable,
  workspaceId: string,
  crmType: CrmType,
): Promise<PipelineStage[]> {
  return listPipelineStages(db, workspaceId, crmType);
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

/**
 * Whether a proposal matches what the rep put in the CRM, the comparison shadow mode
 * scores with. Dates and stages are equal or not; amounts equal to the cent; lists as
 * sets of names, case ignored. Text the rep writes in their own words: equal once
 * case and punctuation are dropped, or one holds the other, or they share at least
 * 60% of the shorter one's words.
 */
export function sameFieldValue(fieldId: string, proposed: unknown, actual: unknown): boolean {
  if (proposed === null || proposed === undefined || actual === null || actual === undefined)
    return false;
  const kind = agentFieldNamed(fieldId)?.kind ?? 'text';
  switch (kind) {
    case 'date':
      return String(proposed).slice(0, 10) === String(actual).slice(0, 10);
    case 'money':
      return Math.round(Number(proposed) * 100) === Math.round(Number(actual) * 100);
    case 'stage':
      return String(proposed) === String(actual);
    case 'list': {
      const set = (value: unknown) =>
        new Set(
          (Array.isArray(value) ? value.map(String) : String(value).split(/[;,]/))
            .map((name) => name.trim().toLowerCase())
            .filter(Boolean),
        );
      const a = set(proposed);
      const b = set(actual);
      return a.size === b.size && [...a].every((name) => b.has(name));
    }
    case 'text': {
      const a = words(String(proposed));
      const b = words(String(actual));
      if (a.length === 0 || b.length === 0) return false;
      const joinedA = a.join(' ');
      const joinedB = b.join(' ');
      if (joinedA.includes(joinedB) || joinedB.includes(joinedA)) return true;
      const [shorter, longer] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
      const shared = new Set(shorter.filter((word) => longer.has(word))).size;
      return shared / new Set(shorter).size >= 0.6;
    }
  }
}
