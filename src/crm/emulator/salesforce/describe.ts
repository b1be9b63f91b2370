import type { SfFieldDef, SfObjectDef, SfPicklistValue } from './schema.js';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  base64: 'xsd:base64Binary',
};

function objectUrls(version: string, name: string): Record<string, string> {
  const base = `/services/data/${version}/sobjects/${name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

/** One field as `GET /sobjects/{type}/describe` lists it. */
export function describeField(
  field: SfFieldDef,
  picklist: (field: SfFieldDef) => SfPicklistValue[],
): Record<string, unknown> {
  const isText = !['boolean', 'double', 'currency', 'percent', 'int', 'date', 'datetime'].includes(
    field.type,
  );
  const length = isText ? (field.length ?? 0) : 0;
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType: SOAP_TYPES[field.type] ?? 'xsd:string',
    length,
    byteLength: length * 3,
    precision: field.precision ?? 0,
    scale: field.scale ?? 0,
    digits: field.type === 'int' ? (field.precision ?? 9) : 0,
    createable: field.createable,
    updateable: field.updateable,
    nillable: field.nillable,
    calculated: field.calculated ?? false,
    custom: field.custom ?? false,
    defaultedOnCreate: field.defaultedOnCreate ?? field.type === 'boolean',
    defaultValue: field.type === 'boolean' ? false : null,
    unique: false,
    externalId: false,
    idLookup: field.type === 'id',
    nameField: field.nameField ?? false,
    filterable: field.type !== 'textarea' || (field.length ?? 0) <= 255,
    sortable: field.type !== 'textarea',
    groupable: !['textarea', 'double', 'currency', 'percent', 'datetime', 'base64'].includes(
      field.type,
    ),
    caseSensitive: false,
    autoNumber: false,
    htmlFormatted: false,
    dependentPicklist: false,
    restrictedPicklist: field.restrictedPicklist ?? false,
    picklistValues: picklist(field).map((value) => ({
      active: value.active,
      defaultValue: value.defaultValue ?? false,
      label: value.label,
      validFor: null,
      value: value.value,
    })),
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.relationshipName ?? null,
    inlineHelpText: null,
  };
}

export function describeObject(
  def: SfObjectDef,
  version: string,
  picklist: (field: SfFieldDef) => SfPicklistValue[],
): Record<string, unknown> {
  return {
    ...describeGlobalEntry(def, version),
    fields: def.fields.map((field) => describeField(field, picklist)),
    childRelationships: [],
    recordTypeInfos: [],
    supportedScopes: [{ label: 'All', name: 'everything' }],
  };
}

export function describeGlobalEntry(def: SfObjectDef, version: string): Record<string, unknown> {
  return {
    name: def.name,
    label: def.label,
    labelPlural: def.labelPlural,
    keyPrefix: def.keyPrefix,
    custom: false,
    createable: def.createable,
    updateable: def.updateable,
    deletable: def.deletable,
    queryable: true,
    retrieveable: true,
    searchable: def.createable,
    layoutable: def.createable,
    undeletable: def.deletable,
    urls: objectUrls(version, def.name),
  };
}
