import type { CrmObjectType } from '../port.js';

/** The Salesforce object behind each of Pandora's object types. */
export const SOBJECT: Record<CrmObjectType, string> = {
  deal: 'Opportunity',
  contact: 'Contact',
  account: 'Account',
};

/** Pandora field name -> Salesforce field name, per object type. */
export const FIELD_MAP: Record<CrmObjectType, Readonly<Record<string, string>>> = {
  deal: {
    deal_name: 'Name',
    amount: 'Amount',
    close_date: 'CloseDate',
    stage: 'StageName',
    probability: 'Probability',
    forecast_category: 'ForecastCategoryName',
    next_step: 'NextStep',
    description: 'Description',
    owner: 'OwnerId',
    account: 'AccountId',
    deal_type: 'Type',
    last_activity_at: 'LastActivityDate',
    created_at: 'CreatedDate',
    updated_at: 'LastModifiedDate',
  },
  contact: {
    first_name: 'FirstName',
    last_name: 'LastName',
    email: 'Email',
    phone: 'Phone',
    title: 'Title',
    owner: 'OwnerId',
    account: 'AccountId',
    last_activity_at: 'LastActivityDate',
    created_at: 'CreatedDate',
    updated_at: 'LastModifiedDate',
  },
  account: {
    name: 'Name',
    domain: 'Website',
    industry: 'Industry',
    employee_count: 'NumberOfEmployees',
    annual_revenue: 'AnnualRevenue',
    phone: 'Phone',
    description: 'Description',
    owner: 'OwnerId',
    last_activity_at: 'LastActivityDate',
    created_at: 'CreatedDate',
    updated_at: 'LastModifiedDate',
  },
};

/** The Salesforce name of a Pandora field; names the map does not know pass through. */
export function salesforceField(objectType: CrmObjectType, field: string): string {
  return FIELD_MAP[objectType][field] ?? field;
}
