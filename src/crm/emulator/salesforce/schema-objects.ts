/**
 * The standard objects the emulator knows, with the fields Pandora reads and writes,
 * as Salesforce's describe states them (types, lengths, createable/updateable,
 * nillable). A subset: real objects have dozens more fields.
 */
export type SfFieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'double'
  | 'int'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'picklist'
  | 'reference'
  | 'base64';

export interface SfPicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue?: boolean;
}

export interface SfFieldDef {
  name: string;
  label: string;
  type: SfFieldType;
  length?: number;
  precision?: number;
  scale?: number;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  /** Must have a value on create (and may not be cleared). */
  required?: boolean;
  calculated?: boolean;
  custom?: boolean;
  defaultedOnCreate?: boolean;
  /** Static picklist values; `StageName`'s come from OpportunityStage rows. */
  picklistValues?: SfPicklistValue[];
  restrictedPicklist?: boolean;
  referenceTo?: string[];
  relationshipName?: string;
  /** The parent's name for the records pointing at it through this lookup (`Contacts`). */
  childRelationshipName?: string;
  nameField?: boolean;
}

export interface SfObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  /** Has LastModifiedDate/SystemModstamp (history rows only have CreatedDate). */
  modstamp: boolean;
  fields: SfFieldDef[];
}

type FieldOptions = Partial<Omit<SfFieldDef, 'name' | 'type'>>;

function field(name: string, type: SfFieldType, options: FieldOptions = {}): SfFieldDef {
  const writable = options.createable ?? true;
  return {
    name,
    label: options.label ?? name.replace(/Id$/, ' ID').replace(/([a-z])([A-Z])/g, '$1 $2'),
    type,
    createable: writable,
    updateable: options.updateable ?? writable,
    nillable: options.nillable ?? type !== 'boolean',
    ...options,
  };
}

const readOnly = (name: string, type: SfFieldType, options: FieldOptions = {}) =>
  field(name, type, { createable: false, updateable: false, ...options });

const text = (name: string, length: number, options: FieldOptions = {}) =>
  field(name, 'string', { length, ...options });

const picklist = (name: string, values: string[], options: FieldOptions = {}) =>
  field(name, 'picklist', {
    length: 255,
    picklistValues: values.map((value) => ({ value, label: value, active: true })),
    ...options,
  });

const lookup = (name: string, to: string[], relationshipName: string, options: FieldOptions = {}) =>
  field(name, 'reference', { length: 18, referenceTo: to, relationshipName, ...options });

const owner = () =>
  lookup('OwnerId', ['User'], 'Owner', {
    label: 'Owner ID',
    nillable: false,
    defaultedOnCreate: true,
  });

/** Fields every queryable object has. */
function systemFields(modstamp: boolean): SfFieldDef[] {
  const fields = [
    readOnly('Id', 'id', { length: 18, nillable: false, label: 'Record ID' }),
    readOnly('IsDeleted', 'boolean', { label: 'Deleted', nillable: false }),
    readOnly('CreatedDate', 'datetime', { nillable: false, defaultedOnCreate: true }),
    lookup('CreatedById', ['User'], 'CreatedBy', { createable: false, updateable: false }),
  ];
  if (modstamp) {
    fields.push(
      readOnly('LastModifiedDate', 'datetime', { nillable: false, defaultedOnCreate: true }),
      lookup('LastModifiedById', ['User'], 'LastModifiedBy', {
        createable: false,
        updateable: false,
      }),
      readOnly('SystemModstamp', 'datetime', { nillable: false, label: 'System Modstamp' }),
    );
  }
  return fields;
}

const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications',
  'Construction', 'Consulting', 'Education', 'Electronics', 'Energy', 'Engineering',
  'Entertainment', 'Environmental', 'Finance', 'Food & Beverage', 'Government', 'Healthcare',
  'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit',
  'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications', 'Transportation',
  'Utilities', 'Other',
]; // prettier-ignore

export const FORECAST_CATEGORIES = ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'];

export const CONTACT_ROLES = [
  'Business User', 'Decision Maker', 'Economic Buyer', 'Economic Decision Maker', 'Evaluator',
  'Executive Sponsor', 'Influencer', 'Technical Buyer', 'Other',
]; // prettier-ignore

function object(
  name: string,
  keyPrefix: string,
  fields: SfFieldDef[],
  options: Partial<Omit<SfObjectDef, 'name' | 'keyPrefix' | 'fields'>> = {},
): SfObjectDef {
  const modstamp = options.modstamp ?? true;
  return {
    name,
    label: options.label ?? name.replace(/([a-z])([A-Z])/g, '$1 $2'),
    labelPlural: options.labelPlural ?? `${options.label ?? name}s`,
    keyPrefix,
    createable: options.createable ?? true,
    updateable: options.updateable ?? true,
    deletable: options.deletable ?? true,
    modstamp,
    fields: [...systemFields(modstamp), ...fields],
  };
}

/** A fresh copy of the standard objects: custom fields are added per emulator. */
export function standardObjects(): SfObjectDef[] {
  return [
    // The org itself: one read-only row, with the time zone its daily API quota keeps.
    object(
      'Organization',
      '00D',
      [
        readOnly('Name', 'string', { length: 80, nameField: true }),
        readOnly('TimeZoneSidKey', 'picklist', { length: 40, label: 'Default Time Zone' }),
      ],
      { createable: false, updateable: false, deletable: false },
    ),
    object(
      'User',
      '005',
      [
        text('Username', 80, { nillable: false, required: true }),
        field('Email', 'email', { length: 80, nillable: false, required: true }),
        text('FirstName', 40),
        text('LastName', 80, { nillable: false, required: true }),
        readOnly('Name', 'string', { length: 121, calculated: true, nameField: true }),
        text('Alias', 8),
        text('Title', 80),
        field('IsActive', 'boolean', { label: 'Active' }),
        // The owner hierarchy: who manages this user (Pandora's notify_manager reads it).
        lookup('ManagerId', ['User'], 'Manager', { label: 'Manager ID' }),
        picklist('UserType', ['Standard', 'AutomatedProcess', 'CsnOnly', 'Guest'], {
          createable: false,
          updateable: false,
        }),
      ],
      { createable: false, updateable: false, deletable: false },
    ),
    object(
      'Account',
      '001',
      [
        text('Name', 255, {
          nillable: false,
          required: true,
          nameField: true,
          label: 'Account Name',
        }),
        field('Website', 'url', { length: 255 }),
        picklist('Industry', INDUSTRIES),
        picklist('Type', [
          'Prospect',
          'Customer - Direct',
          'Customer - Channel',
          'Partner',
          'Other',
        ]),
        field('NumberOfEmployees', 'int', { precision: 8, label: 'Employees' }),
        field('AnnualRevenue', 'currency', { precision: 18, scale: 0 }),
        field('Phone', 'phone', { length: 40 }),
        text('BillingCountry', 80),
        field('Description', 'textarea', { length: 32_000 }),
        owner(),
        readOnly('LastActivityDate', 'date', { label: 'Last Activity' }),
      ],
      { labelPlural: 'Accounts' },
    ),
    object(
      'Contact',
      '003',
      [
        text('FirstName', 40),
        text('LastName', 80, { nillable: false, required: true }),
        readOnly('Name', 'string', {
          length: 121,
          calculated: true,
          nameField: true,
          label: 'Full Name',
        }),
        field('Email', 'email', { length: 80 }),
        field('Phone', 'phone', { length: 40 }),
        text('Title', 128),
        lookup('AccountId', ['Account'], 'Account', { childRelationshipName: 'Contacts' }),
        field('Description', 'textarea', { length: 32_000 }),
        owner(),
        readOnly('LastActivityDate', 'date', { label: 'Last Activity' }),
      ],
      { labelPlural: 'Contacts' },
    ),
    object(
      'Opportunity',
      '006',
      [
        text('Name', 120, { nillable: false, required: true, nameField: true, label: 'Name' }),
        field('Amount', 'currency', { precision: 18, scale: 2 }),
        field('CloseDate', 'date', { nillable: false, required: true }),
        picklist('StageName', [], {
          nillable: false,
          required: true,
          restrictedPicklist: true,
          label: 'Stage',
        }),
        field('Probability', 'percent', { precision: 3, scale: 0, label: 'Probability (%)' }),
        picklist('ForecastCategoryName', FORECAST_CATEGORIES, { label: 'Forecast Category' }),
        readOnly('ForecastCategory', 'picklist', {
          picklistValues: ['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed'].map((v) => ({
            value: v,
            label: v,
            active: true,
          })),
        }),
        text('NextStep', 255),
        field('Description', 'textarea', { length: 32_000 }),
        picklist('Type', ['Existing Business', 'New Business']),
        picklist('LeadSource', ['Web', 'Phone Inquiry', 'Partner Referral', 'Other']),
        lookup('AccountId', ['Account'], 'Account', { childRelationshipName: 'Opportunities' }),
        owner(),
        readOnly('IsClosed', 'boolean', { label: 'Closed', nillable: false }),
        readOnly('IsWon', 'boolean', { label: 'Won', nillable: false }),
        readOnly('LastActivityDate', 'date', { label: 'Last Activity' }),
      ],
      { labelPlural: 'Opportunities' },
    ),
    object(
      'OpportunityContactRole',
      '00K',
      [
        lookup('OpportunityId', ['Opportunity'], 'Opportunity', {
          updateable: false,
          nillable: false,
          required: true,
          childRelationshipName: 'OpportunityContactRoles',
        }),
        lookup('ContactId', ['Contact'], 'Contact', {
          nillable: false,
          required: true,
          childRelationshipName: 'OpportunityContactRoles',
        }),
        picklist('Role', CONTACT_ROLES),
        field('IsPrimary', 'boolean', { label: 'Primary' }),
      ],
      { label: 'Opportunity Contact Role' },
    ),
    object(
      'Campaign',
      '701',
      [
        text('Name', 80, { nillable: false, required: true, nameField: true }),
        picklist('Status', ['Planned', 'In Progress', 'Completed', 'Aborted']),
        picklist('Type', ['Conference', 'Webinar', 'Email', 'Advertisement', 'Other']),
        field('IsActive', 'boolean', { label: 'Active' }),
        owner(),
      ],
      { label: 'Campaign' },
    ),
    // A campaign's members: one row per campaign and contact (a second is DUPLICATE_VALUE).
    object(
      'CampaignMember',
      '00v',
      [
        lookup('CampaignId', ['Campaign'], 'Campaign', {
          updateable: false,
          nillable: false,
          required: true,
          childRelationshipName: 'CampaignMembers',
        }),
        lookup('ContactId', ['Contact'], 'Contact', {
          updateable: false,
          childRelationshipName: 'CampaignMembers',
        }),
        picklist('Status', ['Sent', 'Responded'], { defaultedOnCreate: true }),
        readOnly('HasResponded', 'boolean', { label: 'Responded', nillable: false }),
      ],
      { label: 'Campaign Member' },
    ),
    object(
      'OpportunityStage',
      '01J',
      [
        readOnly('ApiName', 'string', { length: 255 }),
        readOnly('MasterLabel', 'string', { length: 255, nameField: true }),
        readOnly('IsActive', 'boolean', { nillable: false }),
        readOnly('SortOrder', 'int'),
        readOnly('DefaultProbability', 'percent'),
        readOnly('IsClosed', 'boolean', { nillable: false }),
        readOnly('IsWon', 'boolean', { nillable: false }),
        readOnly('ForecastCategoryName', 'picklist', { length: 255 }),
        readOnly('Description', 'string', { length: 255 }),
      ],
      { label: 'Opportunity Stage', createable: false, updateable: false, deletable: false },
    ),
    object(
      'ContentNote',
      '069',
      [
        text('Title', 255, { nillable: false, required: true, nameField: true }),
        field('Content', 'base64', { label: 'Content' }),
        readOnly('TextPreview', 'string', { length: 255 }),
        readOnly('FileType', 'string', { length: 20 }),
        owner(),
      ],
      { label: 'Note' },
    ),
    object(
      'ContentDocumentLink',
      '06A',
      [
        lookup('ContentDocumentId', ['ContentDocument'], 'ContentDocument', {
          updateable: false,
          nillable: false,
          required: true,
        }),
        lookup('LinkedEntityId', ['Account', 'Contact', 'Opportunity', 'User'], 'LinkedEntity', {
          updateable: false,
          nillable: false,
          required: true,
        }),
        picklist('ShareType', ['V', 'C', 'I'], {
          restrictedPicklist: true,
          defaultedOnCreate: true,
        }),
        picklist('Visibility', ['AllUsers', 'InternalUsers', 'SharedUsers'], {
          restrictedPicklist: true,
          defaultedOnCreate: true,
        }),
      ],
      { label: 'Content Document Link', modstamp: true },
    ),
    object(
      'Task',
      '00T',
      [
        text('Subject', 255),
        field('Description', 'textarea', { length: 32_000, label: 'Comments' }),
        lookup('WhatId', ['Account', 'Opportunity'], 'What'),
        lookup('WhoId', ['Contact'], 'Who'),
        picklist(
          'Status',
          ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
          {
            nillable: false,
            defaultedOnCreate: true,
            restrictedPicklist: true,
          },
        ),
        picklist('Priority', ['High', 'Normal', 'Low'], {
          nillable: false,
          defaultedOnCreate: true,
          restrictedPicklist: true,
        }),
        field('ActivityDate', 'date', { label: 'Due Date Only' }),
        picklist('TaskSubtype', ['Task', 'Email', 'Call'], { updateable: false }),
        owner(),
      ],
      { label: 'Task' },
    ),
    object(
      'OpportunityFieldHistory',
      '017',
      [
        lookup('OpportunityId', ['Opportunity'], 'Opportunity', {
          createable: false,
          updateable: false,
        }),
        readOnly('Field', 'picklist', { length: 255 }),
        readOnly('DataType', 'string', { length: 40 }),
        readOnly('OldValue', 'string', { length: 255 }),
        readOnly('NewValue', 'string', { length: 255 }),
      ],
      {
        label: 'Opportunity Field History',
        modstamp: false,
        createable: false,
        updateable: false,
        deletable: false,
      },
    ),
  ];
}
