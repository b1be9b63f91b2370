/**
 * The standard HubSpot properties the emulator knows, per object type, with their
 * real names, types, field types and read-only flags. Options of `dealstage`,
 * `pipeline` and `hubspot_owner_id` come from the store's pipelines and owners.
 */
export type HsObjectType = 'deals' | 'contacts' | 'companies' | 'notes';
export const HS_OBJECT_TYPES: readonly HsObjectType[] = ['deals', 'contacts', 'companies', 'notes'];

/** HubSpot's object type ids, which the API accepts in place of names. */
export const OBJECT_TYPE_IDS: Record<HsObjectType, string> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  notes: '0-46',
};

const ALIASES: Record<string, HsObjectType> = {
  deal: 'deals',
  deals: 'deals',
  '0-3': 'deals',
  contact: 'contacts',
  contacts: 'contacts',
  '0-1': 'contacts',
  company: 'companies',
  companies: 'companies',
  '0-2': 'companies',
  note: 'notes',
  notes: 'notes',
  '0-46': 'notes',
};

export function objectTypeOf(name: string): HsObjectType | undefined {
  return ALIASES[name.toLowerCase()];
}

export type HsPropertyType =
  'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';

export interface OptionDef {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

export interface PropertyDef {
  name: string;
  label: string;
  type: HsPropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: OptionDef[];
  displayOrder: number;
  /** HubSpot computes the value; writes are refused. */
  calculated: boolean;
  /** `modificationMetadata.readOnlyValue`. */
  readOnly: boolean;
  hubspotDefined: boolean;
  hasUniqueValue: boolean;
  showCurrencySymbol?: boolean;
  referencedObjectType?: string;
  /** Numbers that must be whole (`INVALID_INTEGER` rather than `INVALID_DECIMAL`). */
  integer?: boolean;
  /** Options supplied by the store at read time. */
  dynamicOptions?: 'stages' | 'pipelines' | 'owners';
  createdAt: string;
}

const DEFINED_AT = '2019-08-06T02:41:52.000Z';

type Spec = [
  name: string,
  label: string,
  type: HsPropertyType,
  fieldType: string,
  extra?: Partial<PropertyDef>,
];

const options = (...pairs: [string, string][]): OptionDef[] =>
  pairs.map(([value, label], displayOrder) => ({ value, label, displayOrder, hidden: false }));

const BOOL_OPTIONS = options(['true', 'Yes'], ['false', 'No']);
const READ_ONLY = { readOnly: true };
const CALCULATED = { readOnly: true, calculated: true };
const OWNER: Partial<PropertyDef> = {
  dynamicOptions: 'owners',
  referencedObjectType: 'OWNER',
};

const LIFECYCLE = options(
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
);

/** Properties every object has. */
const COMMON: Spec[] = [
  ['hs_object_id', 'Record ID', 'number', 'number', { ...READ_ONLY, integer: true }],
  ['createdate', 'Create Date', 'datetime', 'date', READ_ONLY],
];

const SPECS: Record<HsObjectType, Spec[]> = {
  deals: [
    ...COMMON,
    ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', READ_ONLY],
    ['dealname', 'Deal Name', 'string', 'text'],
    ['amount', 'Amount', 'number', 'number', { showCurrencySymbol: true }],
    ['closedate', 'Close Date', 'datetime', 'date'],
    ['dealstage', 'Deal Stage', 'enumeration', 'radio', { dynamicOptions: 'stages' }],
    ['pipeline', 'Pipeline', 'enumeration', 'select', { dynamicOptions: 'pipelines' }],
    ['hubspot_owner_id', 'Deal owner', 'enumeration', 'select', OWNER],
    [
      'hs_forecast_category',
      'Forecast category',
      'enumeration',
      'select',
      {
        options: options(
          ['OMIT', 'Not forecasted'],
          ['PIPELINE', 'Pipeline'],
          ['BEST_CASE', 'Best case'],
          ['COMMIT', 'Commit'],
          ['CLOSED', 'Closed won'],
        ),
      },
    ],
    ['hs_next_step', 'Next step', 'string', 'textarea'],
    ['description', 'Deal Description', 'string', 'textarea'],
    [
      'dealtype',
      'Deal Type',
      'enumeration',
      'radio',
      {
        options: options(
          ['newbusiness', 'New Business'],
          ['existingbusiness', 'Existing Business'],
        ),
      },
    ],
    [
      'hs_priority',
      'Priority',
      'enumeration',
      'select',
      { options: options(['low', 'Low'], ['medium', 'Medium'], ['high', 'High']) },
    ],
    ['hs_deal_stage_probability', 'Deal probability', 'number', 'number', CALCULATED],
    ['hs_is_closed', 'Is Deal Closed?', 'bool', 'booleancheckbox', CALCULATED],
    ['hs_is_closed_won', 'Is Closed Won', 'bool', 'booleancheckbox', CALCULATED],
    ['days_to_close', 'Days to close', 'number', 'number', { ...CALCULATED, integer: true }],
    [
      'num_associated_contacts',
      'Number of Associated Contacts',
      'number',
      'number',
      { ...CALCULATED, integer: true },
    ],
    ['notes_last_updated', 'Last Activity Date', 'datetime', 'date', READ_ONLY],
  ],
  contacts: [
    ...COMMON,
    ['lastmodifieddate', 'Last Modified Date', 'datetime', 'date', READ_ONLY],
    ['firstname', 'First Name', 'string', 'text'],
    ['lastname', 'Last Name', 'string', 'text'],
    ['email', 'Email', 'string', 'text', { hasUniqueValue: true }],
    ['phone', 'Phone Number', 'phone_number', 'phonenumber'],
    ['mobilephone', 'Mobile Phone Number', 'phone_number', 'phonenumber'],
    ['jobtitle', 'Job Title', 'string', 'text'],
    ['company', 'Company Name', 'string', 'text'],
    ['website', 'Website URL', 'string', 'text'],
    ['city', 'City', 'string', 'text'],
    ['country', 'Country/Region', 'string', 'text'],
    ['hubspot_owner_id', 'Contact owner', 'enumeration', 'select', OWNER],
    ['lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', { options: LIFECYCLE }],
    [
      'hs_lead_status',
      'Lead Status',
      'enumeration',
      'radio',
      {
        options: options(
          ['NEW', 'New'],
          ['OPEN', 'Open'],
          ['IN_PROGRESS', 'In Progress'],
          ['OPEN_DEAL', 'Open Deal'],
          ['UNQUALIFIED', 'Unqualified'],
          ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
          ['CONNECTED', 'Connected'],
          ['BAD_TIMING', 'Bad Timing'],
        ),
      },
    ],
    ['associatedcompanyid', 'Primary Associated Company ID', 'number', 'number', CALCULATED],
    [
      'num_associated_deals',
      'Associated Deals',
      'number',
      'number',
      { ...CALCULATED, integer: true },
    ],
    ['notes_last_updated', 'Last Activity Date', 'datetime', 'date', READ_ONLY],
  ],
  companies: [
    ...COMMON,
    ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', READ_ONLY],
    ['name', 'Company name', 'string', 'text'],
    ['domain', 'Company Domain Name', 'string', 'text'],
    ['website', 'Website URL', 'string', 'text'],
    ['industry', 'Industry', 'string', 'text'],
    ['numberofemployees', 'Number of Employees', 'number', 'number', { integer: true }],
    ['annualrevenue', 'Annual Revenue', 'number', 'number', { showCurrencySymbol: true }],
    ['phone', 'Phone Number', 'phone_number', 'phonenumber'],
    ['city', 'City', 'string', 'text'],
    ['state', 'State/Region', 'string', 'text'],
    ['country', 'Country/Region', 'string', 'text'],
    ['description', 'Description', 'string', 'textarea'],
    ['hubspot_owner_id', 'Company owner', 'enumeration', 'select', OWNER],
    ['lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', { options: LIFECYCLE }],
    [
      'type',
      'Type',
      'enumeration',
      'select',
      {
        options: options(
          ['PROSPECT', 'Prospect'],
          ['PARTNER', 'Partner'],
          ['RESELLER', 'Reseller'],
          ['VENDOR', 'Vendor'],
          ['OTHER', 'Other'],
        ),
      },
    ],
    [
      'num_associated_contacts',
      'Number of Associated Contacts',
      'number',
      'number',
      { ...CALCULATED, integer: true },
    ],
    [
      'num_associated_deals',
      'Number of Associated Deals',
      'number',
      'number',
      { ...CALCULATED, integer: true },
    ],
    ['notes_last_updated', 'Last Activity Date', 'datetime', 'date', READ_ONLY],
  ],
  notes: [
    ...COMMON,
    ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', READ_ONLY],
    ['hs_timestamp', 'Activity date', 'datetime', 'date'],
    ['hs_note_body', 'Note body', 'string', 'html'],
    ['hs_attachment_ids', 'Attached file IDs', 'enumeration', 'checkbox'],
    ['hubspot_owner_id', 'Activity assigned to', 'enumeration', 'select', OWNER],
  ],
};

const GROUP: Record<HsObjectType, string> = {
  deals: 'dealinformation',
  contacts: 'contactinformation',
  companies: 'companyinformation',
  notes: 'engagement',
};

function build(type: HsObjectType, [name, label, kind, fieldType, extra]: Spec, order: number) {
  const def: PropertyDef = {
    name,
    label,
    type: kind,
    fieldType,
    groupName: GROUP[type],
    description: '',
    options: kind === 'bool' ? BOOL_OPTIONS : [],
    displayOrder: order,
    calculated: false,
    readOnly: false,
    hubspotDefined: true,
    hasUniqueValue: false,
    createdAt: DEFINED_AT,
    ...extra,
  };
  return def;
}

export const STANDARD_PROPERTIES: Record<
  HsObjectType,
  Map<string, PropertyDef>
> = Object.fromEntries(
  HS_OBJECT_TYPES.map((type) => [
    type,
    new Map(SPECS[type].map((spec, index) => [spec[0], build(type, spec, index)])),
  ]),
) as Record<HsObjectType, Map<string, PropertyDef>>;

/** What a read without `properties` returns, as HubSpot does per object. */
export const DEFAULT_PROPERTIES: Record<HsObjectType, string[]> = {
  deals: [
    'amount',
    'closedate',
    'createdate',
    'dealname',
    'dealstage',
    'hs_lastmodifieddate',
    'hs_object_id',
    'pipeline',
  ],
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  notes: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** The property holding the last modification time (contacts are the odd one out). */
export const MODIFIED_PROPERTY: Record<HsObjectType, string> = {
  deals: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  companies: 'hs_lastmodifieddate',
  notes: 'hs_lastmodifieddate',
};

/** Field types allowed for each type when a custom property is created. */
export const FIELD_TYPES: Record<HsPropertyType, string[]> = {
  string: ['text', 'textarea', 'html', 'file'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
  bool: ['booleancheckbox'],
  phone_number: ['phonenumber'],
};
