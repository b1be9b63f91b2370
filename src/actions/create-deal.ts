import type pg from 'pg';
import type { CrmProperties, CrmValue } from '../crm/port.js';
import { normalizePipeline } from '../ingest/stages.js';
import { convertValue, resolveStage, type PlanContext, type PlanError } from './planner.js';
import type { Action } from './store.js';

/** The action type that creates a deal (with its contacts) on an account. */
export const CREATE_DEAL = 'create_deal';

/**
 * One dedupe key per meeting, shared by a person's request and the data-quality audit:
 * asking again refreshes the open action, never adds a second.
 */
export const createDealKey = (conversationId: string) =>
  `create-deal:conversation:${conversationId}`;

export interface CreateDealContact {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  /** `create` a new CRM contact, or `associate` the CRM's contact with this email. */
  mode: 'create' | 'associate';
}

/**
 * What a `create_deal` action creates, in Pandora's terms (`execution_payload.create_deal`).
 * The target of the action is the account the deal is made on.
 */
export interface CreateDealSpec {
  /** The meeting the deal is made for; it is linked to the new deal. */
  conversationId: string | null;
  name: string;
  amount: number | null;
  /**
   * A stage id or label of the pipeline, or a Pandora stage (`discovery`); empty for
   * the pipeline's first open stage.
   */
  stage: string;
  /** HubSpot pipeline id; the first pipeline holding the stage when absent. */
  pipeline?: string | null;
  /** YYYY-MM-DD */
  closeDate: string;
  ownerEmail: string | null;
  contacts: CreateDealContact[];
}

/** A contact of the plan: new (to create) or the CRM's existing one. */
export interface PlannedContact {
  email: string;
  firstName: string | null;
  lastName: string | null;
  /** The CRM id of an existing contact; null for one to create. */
  existingId: string | null;
}

/** Everything a `create_deal` execution sends, resolved against the CRM. */
export interface CreateDealPlan {
  accountId: string;
  dealProperties: CrmProperties;
  pipeline: string | null;
  stage: string;
  stageNormalized: string | null;
  ownerId: string | null;
  contacts: PlannedContact[];
}

export function createDealSpecOf(action: Action): CreateDealSpec | null {
  const spec = (action.executionPayload as { create_deal?: CreateDealSpec }).create_deal;
  return spec && typeof spec === 'object' ? spec : null;
}

/**
 * Resolves a spec against the CRM: the stage in its pipeline (as the action planner
 * resolves stages), the owner by email, each value converted to its property's type,
 * contacts to associate found by email among the CRM contacts Pandora has synced. A
 * contact asked to be created that the CRM has already is associated instead: one
 * person, one contact. Errors name the spec's field (`stage`, `contacts[1].email`).
 */
export async function planCreateDeal(
  pool: pg.Pool,
  ctx: PlanContext,
  workspaceId: string,
  accountId: string,
  spec: CreateDealSpec,
): Promise<{ plan: CreateDealPlan | null; errors: PlanError[] }> {
  const { connector } = ctx;
  const errors: PlanError[] = [];
  const properties = await ctx.properties('deal');
  const byName = new Map(properties.map((property) => [property.name.toLowerCase(), property]));
  const dealProperties: CrmProperties = {};
  const set = (field: string, value: CrmValue) => {
    const crmField = connector.crmField('deal', field);
    const property = byName.get(crmField.toLowerCase());
    if (!property) {
      errors.push({
        field,
        code: 'unknown_property',
        message: `${field}: the deal has no property ${crmField} in this CRM`,
      });
      return;
    }
    const converted = convertValue(property, value);
    if ('error' in converted) {
      errors.push({
        field,
        code: converted.error.code,
        message: `${field}: ${converted.error.message}`,
      });
    } else if (converted.value !== null) dealProperties[property.name] = converted.value;
  };
  set('deal_name', spec.name);
  set('amount', spec.amount);
  set('close_date', spec.closeDate);

  const stage = await resolveStage(
    ctx,
    spec.stage || (await firstOpenStage(ctx, spec.pipeline ?? null)),
    spec.pipeline ?? null,
  );
  let pipeline: string | null = null;
  let stageNormalized: string | null = null;
  if ('error' in stage) {
    errors.push({
      field: 'stage',
      code: stage.error.code,
      message: `stage: ${stage.error.message}`,
    });
  } else {
    const value = String(stage.value);
    const pipelines = await ctx.pipelines();
    const holder =
      pipelines.find(
        (candidate) =>
          (!spec.pipeline || candidate.id === spec.pipeline) &&
          candidate.stages.some((s) => s.id === value || s.label === value),
      ) ?? pipelines.find((candidate) => candidate.stages.some((s) => s.label === value));
    if (holder) {
      const found = holder.stages.find((s) => s.id === value || s.label === value)!;
      stageNormalized = normalizePipeline(holder, ctx.stageMapping).get(found.id) ?? null;
      if (connector.crm === 'hubspot') {
        pipeline = holder.id;
        dealProperties[connector.crmField('deal', 'pipeline')] = holder.id;
      }
    }
    dealProperties[connector.crmField('deal', 'stage')] = value;
  }

  let ownerId: string | null = null;
  if (spec.ownerEmail) {
    const owner = await connector.findOwnerByEmail(spec.ownerEmail);
    if (!owner) {
      errors.push({
        field: 'ownerEmail',
        code: 'invalid_value',
        message: `ownerEmail: no CRM user or owner has the email ${spec.ownerEmail}`,
      });
    } else {
      ownerId = owner.id;
      dealProperties[connector.crmField('deal', 'owner')] = owner.id;
    }
  }

  const known = await contactsByEmail(
    pool,
    workspaceId,
    connector.crm,
    spec.contacts.map((contact) => contact.email),
  );
  const contacts: PlannedContact[] = [];
  const seen = new Set<string>();
  spec.contacts.forEach((contact, index) => {
    const email = contact.email.trim().toLowerCase();
    if (seen.has(email)) return;
    seen.add(email);
    const existingId = known.get(email) ?? null;
    if (contact.mode === 'associate' && !existingId) {
      errors.push({
        field: `contacts[${index}].email`,
        code: 'invalid_value',
        message: `contacts[${index}].email: the CRM has no contact ${contact.email} to associate (create it instead)`,
      });
      return;
    }
    contacts.push({
      email,
      firstName: contact.firstName?.trim() || null,
      // Salesforce requires a last name; the address's local part stands in for none.
      lastName: contact.lastName?.trim() || (existingId ? null : email.split('@')[0]!),
      existingId,
    });
  });

  if (errors.length > 0) return { plan: null, errors };
  return {
    plan: {
      accountId,
      dealProperties,
      pipeline,
      stage: String(dealProperties[connector.crmField('deal', 'stage')]),
      stageNormalized,
      ownerId,
      contacts,
    },
    errors,
  };
}

/** CRM contact ids by lower-cased email, among the contacts Pandora synced from this CRM. */
async function contactsByEmail(
  pool: pg.Pool,
  workspaceId: string,
  source: string,
  emails: string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const { rows } = await pool.query<{ email: string; sourceId: string }>(
    `select distinct on (lower(email)) lower(email) as email, source_id as "sourceId"
     from contacts
     where workspace_id = $1::uuid and source = $2::text
       and lower(email) = any($3::text[])
     order by lower(email), updated_at desc`,
    [workspaceId, source, emails.map((email) => email.trim().toLowerCase())],
  );
  return new Map(rows.map((row) => [row.email, row.sourceId]));
}

/** The first open stage of the pipeline named, else of the first pipeline, as the CRM says it. */
export async function firstOpenStage(ctx: PlanContext, pipelineId: string | null): Promise<string> {
  const pipelines = await ctx.pipelines();
  const pipeline = pipelines.find((p) => p.id === pipelineId) ?? pipelines[0];
  const stage = [...(pipeline?.stages ?? [])]
    .sort((a, b) => a.displayOrder - b.displayOrder)
    .find((s) => !s.isClosed);
  if (!stage) return '';
  return ctx.connector.crm === 'salesforce' ? stage.label : stage.id;
}
