import { SfApiError } from './errors.js';
import {
  standardObjects,
  type SfFieldDef,
  type SfFieldType,
  type SfObjectDef,
  type SfPicklistValue,
} from './schema-objects.js';

export type { SfFieldDef, SfFieldType, SfObjectDef, SfPicklistValue };

/** What the control route accepts to add a custom field (`Pandora_Score__c`). */
export interface CustomFieldInput {
  object: string;
  name: string;
  label?: string;
  type:
    | 'string'
    | 'textarea'
    | 'double'
    | 'currency'
    | 'percent'
    | 'date'
    | 'datetime'
    | 'boolean'
    | 'picklist';
  length?: number;
  precision?: number;
  scale?: number;
  picklistValues?: string[];
}

const CUSTOM_TYPES = new Set<string>([
  'string', 'textarea', 'double', 'currency', 'percent', 'date', 'datetime', 'boolean', 'picklist',
]); // prettier-ignore

/** Objects whose ids another object's lookup may name under a different type. */
const REFERENCE_ALIASES: Record<string, string> = { ContentDocument: 'ContentNote' };

interface ObjectEntry {
  def: SfObjectDef;
  fields: Map<string, SfFieldDef>;
  /** Lowercased relationship name -> the lookup field. */
  relationships: Map<string, SfFieldDef>;
  /** Lowercased child relationship name -> the child object and its lookup to this one. */
  children: Map<string, { type: string; field: SfFieldDef }>;
}

/**
 * The org's metadata: standard objects plus the custom fields added to them. Names
 * are case-insensitive, as in the API; lookups return the canonical spelling.
 */
export class SalesforceSchema {
  private objects = new Map<string, ObjectEntry>();
  private byPrefix = new Map<string, string>();
  private custom: CustomFieldInput[] = [];

  constructor() {
    this.reset();
  }

  reset(custom: CustomFieldInput[] = []): void {
    this.objects.clear();
    this.byPrefix.clear();
    this.custom = [];
    for (const def of standardObjects()) {
      const entry: ObjectEntry = {
        def,
        fields: new Map(),
        relationships: new Map(),
        children: new Map(),
      };
      for (const f of def.fields) this.index(entry, f);
      this.objects.set(def.name.toLowerCase(), entry);
      this.byPrefix.set(def.keyPrefix, def.name);
    }
    for (const { def } of this.objects.values()) {
      for (const f of def.fields) {
        if (!f.childRelationshipName) continue;
        for (const parent of f.referenceTo ?? []) {
          this.objects
            .get(parent.toLowerCase())
            ?.children.set(f.childRelationshipName.toLowerCase(), { type: def.name, field: f });
        }
      }
    }
    for (const input of custom) this.addCustomField(input);
  }

  private index(entry: ObjectEntry, f: SfFieldDef): void {
    entry.fields.set(f.name.toLowerCase(), f);
    if (f.relationshipName) entry.relationships.set(f.relationshipName.toLowerCase(), f);
  }

  objectNames(): string[] {
    return [...this.objects.values()].map((entry) => entry.def.name);
  }

  /** The object by any spelling of its name, or undefined. */
  object(name: string): SfObjectDef | undefined {
    return this.objects.get(name.toLowerCase())?.def;
  }

  /** The object, or the 404 Salesforce gives for an unknown sObject in a REST path. */
  requireObject(name: string): SfObjectDef {
    const def = this.object(name);
    if (!def) {
      throw new SfApiError(404, 'NOT_FOUND', `The requested resource does not exist`);
    }
    return def;
  }

  objectForPrefix(prefix: string): string | undefined {
    return this.byPrefix.get(prefix);
  }

  field(objectName: string, fieldName: string): SfFieldDef | undefined {
    return this.objects.get(objectName.toLowerCase())?.fields.get(fieldName.toLowerCase());
  }

  fields(objectName: string): SfFieldDef[] {
    return this.objects.get(objectName.toLowerCase())?.def.fields ?? [];
  }

  /** The lookup field behind a relationship name (`Account` in `Account.Name`). */
  relationship(objectName: string, relationshipName: string): SfFieldDef | undefined {
    return this.objects
      .get(objectName.toLowerCase())
      ?.relationships.get(relationshipName.toLowerCase());
  }

  /** The child object and lookup behind a child relationship name (`Contacts` on Account). */
  childRelationship(
    objectName: string,
    relationshipName: string,
  ): { type: string; field: SfFieldDef } | undefined {
    return this.objects.get(objectName.toLowerCase())?.children.get(relationshipName.toLowerCase());
  }

  /** The object type a lookup's ids belong to, accounting for aliases (ContentDocument). */
  referenceTarget(typeName: string): string {
    return REFERENCE_ALIASES[typeName] ?? typeName;
  }

  customFields(): CustomFieldInput[] {
    return this.custom.map((input) => ({ ...input }));
  }

  /** Adds a custom field as Setup would; names must end in `__c` and be unused. */
  addCustomField(input: CustomFieldInput): SfFieldDef {
    const entry = this.objects.get(String(input.object ?? '').toLowerCase());
    if (!entry) throw new SfApiError(400, 'INVALID_TYPE', `Unknown object: ${input.object}`);
    if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(input.name ?? '') || input.name.includes('___')) {
      throw new SfApiError(
        400,
        'INVALID_FIELD',
        `Custom field names end in __c and use letters, digits and single underscores: ${input.name}`,
      );
    }
    if (entry.fields.has(input.name.toLowerCase())) {
      throw new SfApiError(400, 'DUPLICATE_DEVELOPER_NAME', `${input.name} already exists`);
    }
    if (!CUSTOM_TYPES.has(input.type)) {
      throw new SfApiError(400, 'INVALID_TYPE', `Unsupported custom field type: ${input.type}`);
    }
    const def: SfFieldDef = {
      name: input.name,
      label: input.label ?? input.name.replace(/__c$/, '').replace(/_/g, ' '),
      type: input.type,
      createable: true,
      updateable: true,
      nillable: input.type !== 'boolean',
      custom: true,
    };
    if (input.type === 'string') def.length = input.length ?? 255;
    if (input.type === 'textarea') def.length = input.length ?? 131_072;
    if (input.type === 'picklist') {
      def.length = 255;
      def.picklistValues = (input.picklistValues ?? []).map((value) => ({
        value,
        label: value,
        active: true,
      }));
    }
    if (['double', 'currency', 'percent'].includes(input.type)) {
      def.precision = input.precision ?? 18;
      def.scale = input.scale ?? 2;
    }
    entry.def.fields.push(def);
    this.index(entry, def);
    this.custom.push({ ...input });
    return def;
  }
}
