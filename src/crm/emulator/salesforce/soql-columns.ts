import type { SalesforceSchema, SfFieldDef } from './schema.js';
import { SoqlError } from './soql-parser.js';
import type { SalesforceStore, SfRecord, SfValue } from './store.js';

/** A selected or filtered path, resolved against the schema. */
export interface Column {
  path: string[];
  field: SfFieldDef;
  /** For `Account.Name`: the lookup field and the object it points to. */
  via?: { lookup: SfFieldDef; type: string };
}

function noSuchColumn(name: string, type: string): SoqlError {
  return new SoqlError(
    'INVALID_FIELD',
    `No such column '${name}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function resolveColumn(schema: SalesforceSchema, type: string, path: string[]): Column {
  if (path.length === 1) {
    const field = schema.field(type, path[0]!);
    if (!field) throw noSuchColumn(path[0]!, type);
    return { path: [field.name], field };
  }
  const lookup = path.length === 2 ? schema.relationship(type, path[0]!) : undefined;
  const targets = (lookup?.referenceTo ?? []).map((name) => schema.referenceTarget(name));
  if (!lookup || targets.length !== 1) {
    throw new SoqlError(
      'INVALID_FIELD',
      `Didn't understand relationship '${path.slice(0, -1).join('.')}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const target = targets[0]!;
  const field = schema.field(target, path[1]!);
  if (!field) throw noSuchColumn(path[1]!, target);
  return { path: [lookup.relationshipName!, field.name], field, via: { lookup, type: target } };
}

export function valueOf(store: SalesforceStore, record: SfRecord, column: Column): SfValue {
  if (!column.via) return record[column.field.name] ?? null;
  const id = record[column.via.lookup.name];
  if (typeof id !== 'string') return null;
  return store.get(column.via.type, id)?.[column.field.name] ?? null;
}
