import type { CrmConnector, CrmObjectType, CrmRecord, CrmValue } from '../../crm/port.js';

/**
 * The Pandora fields sync reads, per object type. The connector's field map turns
 * them into the CRM's property names; those the CRM does not have (Salesforce has no
 * deal `pipeline`) are left out after looking at the CRM's property list.
 */
export const SYNC_FIELDS: Record<CrmObjectType, readonly string[]> = {
  deal: [
    'deal_name',
    'amount',
    'close_date',
    'pipeline',
    'stage',
    'probability',
    'forecast_category',
    'next_step',
    'owner',
    'last_activity_at',
  ],
  contact: ['first_name', 'last_name', 'email', 'phone', 'title', 'owner'],
  account: ['name', 'domain', 'industry', 'employee_count', 'annual_revenue', 'owner'],
};

/** Pandora field -> CRM property, for the fields this CRM has. */
export async function propertiesToRead(
  connector: CrmConnector,
  objectType: CrmObjectType,
): Promise<Map<string, string>> {
  const available = new Set((await connector.listProperties(objectType)).map((p) => p.name));
  const result = new Map<string, string>();
  for (const field of SYNC_FIELDS[objectType]) {
    const property = connector.crmField(objectType, field);
    if (available.has(property)) result.set(field, property);
  }
  return result;
}

/** Reads Pandora fields off a CRM record through the property map. */
export class FieldReader {
  constructor(private readonly properties: Map<string, string>) {}

  raw(record: CrmRecord, field: string): CrmValue {
    const property = this.properties.get(field);
    return property ? (record.properties[property] ?? null) : null;
  }

  text(record: CrmRecord, field: string): string | null {
    const value = this.raw(record, field);
    if (value === null || value === '') return null;
    return String(value);
  }

  number(record: CrmRecord, field: string): number | null {
    const value = this.raw(record, field);
    if (value === null || value === '') return null;
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }

  /** 'YYYY-MM-DD' from a date, an ISO timestamp or epoch milliseconds. */
  date(record: CrmRecord, field: string): string | null {
    const instant = this.timestamp(record, field);
    return instant ? instant.slice(0, 10) : null;
  }

  timestamp(record: CrmRecord, field: string): string | null {
    const value = this.raw(record, field);
    if (value === null || value === '') return null;
    const parsed = /^\d{10,}$/.test(String(value))
      ? new Date(Number(value))
      : new Date(String(value));
    return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
  }

  /** 0..1, whether the CRM speaks fractions (HubSpot) or percents (Salesforce). */
  probability(record: CrmRecord, field: string, crm: CrmConnector['crm']): number | null {
    const value = this.number(record, field);
    if (value === null) return null;
    return crm === 'salesforce' ? value / 100 : value;
  }
}

/** `acme.com` from `https://www.acme.com/about` or `acme.com`. */
export function domainOf(value: string | null): string | null {
  if (!value) return null;
  const text = value.trim().toLowerCase();
  try {
    const host = new URL(text.includes('://') ? text : `https://${text}`).hostname;
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
