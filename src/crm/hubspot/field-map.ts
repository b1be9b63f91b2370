import type { CrmObjectType } from '../port.js';

/** HubSpot's object type names for Pandora's. */
export const OBJECT_TYPE: Record<CrmObjectType, 'deals' | 'contacts' | 'companies'> = {
  deal: 'deals',
  contact: 'contacts',
  account: 'companies',
};

/** Pandora field -> HubSpot property, per object type. */
export const FIELD_MAP: Record<CrmObjectType, Record<string, string>> = {
  deal: {
    deal_name: 'dealname',
    amount: 'amount',
    close_date: 'closedate',
    stage: 'dealstage',
    pipeline: 'pipeline',
    owner: 'hubspot_owner_id',
    forecast_category: 'hs_forecast_category',
    next_step: 'hs_next_step',
    probability: 'hs_deal_stage_probability',
    description: 'description',
    deal_type: 'dealtype',
    priority: 'hs_priority',
    last_activity_at: 'notes_last_updated',
    created_at: 'createdate',
    modified_at: 'hs_lastmodifieddate',
  },
  contact: {
    first_name: 'firstname',
    last_name: 'lastname',
    email: 'email',
    phone: 'phone',
    mobile_phone: 'mobilephone',
    title: 'jobtitle',
    company_name: 'company',
    owner: 'hubspot_owner_id',
    lifecycle_stage: 'lifecyclestage',
    lead_status: 'hs_lead_status',
    city: 'city',
    country: 'country',
    last_activity_at: 'notes_last_updated',
    created_at: 'createdate',
    modified_at: 'lastmodifieddate',
  },
  account: {
    name: 'name',
    domain: 'domain',
    website: 'website',
    industry: 'industry',
    employee_count: 'numberofemployees',
    annual_revenue: 'annualrevenue',
    phone: 'phone',
    city: 'city',
    state: 'state',
    country: 'country',
    description: 'description',
    owner: 'hubspot_owner_id',
    lifecycle_stage: 'lifecyclestage',
    last_activity_at: 'notes_last_updated',
    created_at: 'createdate',
    modified_at: 'hs_lastmodifieddate',
  },
};

/** The HubSpot property for a Pandora field; unknown names (custom properties) pass through. */
export function hubspotField(objectType: CrmObjectType, field: string): string {
  return FIELD_MAP[objectType][field] ?? field;
}

/** The property holding the last modification time: contacts name it differently. */
export const MODIFIED_PROPERTY: Record<CrmObjectType, string> = {
  deal: 'hs_lastmodifieddate',
  contact: 'lastmodifieddate',
  account: 'hs_lastmodifieddate',
};

const PRIMARY = true;

/**
 * HUBSPOT_DEFINED association type ids by direction: `[primary, unlabeled]`. A deal's
 * or contact's company link is primary unless the caller says otherwise.
 */
const ASSOCIATION_TYPE_IDS: Record<string, [number, number]> = {
  'deal>contact': [3, 3],
  'contact>deal': [4, 4],
  'deal>account': [5, 341],
  'account>deal': [6, 342],
  'contact>account': [1, 279],
  'account>contact': [2, 280],
};

export function associationTypeId(
  from: CrmObjectType,
  to: CrmObjectType,
  primary: boolean = PRIMARY,
): number | undefined {
  const ids = ASSOCIATION_TYPE_IDS[`${from}>${to}`];
  return ids ? ids[primary ? 0 : 1] : undefined;
}

/** The category of HubSpot's own association types (the SDK types it as an enum). */
export const HUBSPOT_DEFINED = 'HUBSPOT_DEFINED' as never;

/** Note -> record association type ids. */
export const NOTE_ASSOCIATION_TYPE_ID: Record<CrmObjectType, number> = {
  deal: 214,
  contact: 202,
  account: 190,
};
