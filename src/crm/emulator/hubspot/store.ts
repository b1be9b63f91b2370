import { AssociationIndex, type AssociationRow } from './associations.js';
import {
  HS_OBJECT_TYPES,
  MODIFIED_PROPERTY,
  STANDARD_PROPERTIES,
  type HsObjectType,
  type OptionDef,
  type PropertyDef,
} from './properties.js';

/** A stored record: property values as HubSpot keeps them (strings), derived ones excluded. */
export interface HsRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** Epoch ms from which search sees the record (the search index's lag); absent: at once. */
  searchableAt?: number;
}

export interface HsStage {
  id: string;
  label: string;
  displayOrder: number;
  /** 0..1 */
  probability: number;
  isClosed: boolean;
}

export interface HsPipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: HsStage[];
  createdAt: string;
}

export interface HsOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  createdAt: string;
  archived: boolean;
}

/**
 * One object type's records. `order` holds ids in creation order and never shrinks
 * (archived records stay, flagged), so a list cursor is a position in it: paging is
 * O(page), whatever the table's size.
 */
export class ObjectTable {
  readonly byId = new Map<string, HsRecord>();
  readonly order: string[] = [];

  insert(record: HsRecord): void {
    this.byId.set(record.id, record);
    this.order.push(record.id);
  }

  get(id: string, archived = false): HsRecord | undefined {
    const record = this.byId.get(id);
    return record && record.archived === archived ? record : undefined;
  }
}

/** A list (v3 lists API): members by record id, with the time each was added. */
export interface HsList {
  listId: string;
  listVersion: number;
  name: string;
  objectTypeId: string;
  processingType: string;
  createdAt: string;
  updatedAt: string;
  members: Map<string, string>;
}

export interface StoreSnapshot {
  portalId: number;
  nextId: number;
  nextOwnerId: number;
  records: Record<HsObjectType, HsRecord[]>;
  associations: AssociationRow[];
  owners: HsOwner[];
  pipelines: HsPipeline[];
  customProperties: Record<HsObjectType, PropertyDef[]>;
  sourceIds: [string, string][];
  lists?: (Omit<HsList, 'members'> & { members: [string, string][] })[];
  nextListId?: number;
}

const emptyTables = () =>
  Object.fromEntries(HS_OBJECT_TYPES.map((type) => [type, new ObjectTable()])) as Record<
    HsObjectType,
    ObjectTable
  >;

const emptyCustom = () =>
  Object.fromEntries(HS_OBJECT_TYPES.map((type) => [type, new Map()])) as Record<
    HsObjectType,
    Map<string, PropertyDef>
  >;

/** The emulated HubSpot account: records, associations, owners, pipelines and custom properties. */
export class HubspotStore {
  portalId: number;
  tables = emptyTables();
  associations = new AssociationIndex();
  owners: HsOwner[] = [];
  ownersById = new Map<string, HsOwner>();
  pipelines: HsPipeline[] = [];
  private stageIndex = new Map<string, { pipeline: HsPipeline; stage: HsStage }>();
  customProperties = emptyCustom();
  /** Contact id by lowercased email: HubSpot keeps contact emails unique. */
  emails = new Map<string, string>();
  /** Demo `sourceId` -> HubSpot id, for records seeded from a data set. */
  sourceIds = new Map<string, string>();
  /** Bumped on every write; search caches key on it. */
  version = 0;
  /** The search index's lag for a write made now (the emulator's setting). */
  searchLagMs: () => number = () => 0;
  /** Until then some record is still missing from search: results change without a write. */
  searchPendingUntil = 0;
  /** Lists by id (v3 lists API). */
  lists = new Map<string, HsList>();
  private nextListId = 1;
  private nextId = 1_000_001;
  private nextOwnerId = 70_000_001;

  constructor(portalId: number) {
    this.portalId = portalId;
  }

  newId(): string {
    return String(this.nextId++);
  }

  addList(input: {
    name: string;
    objectTypeId: string;
    processingType: string;
    at: string;
  }): HsList {
    const list: HsList = {
      listId: String(this.nextListId++),
      listVersion: 1,
      name: input.name,
      objectTypeId: input.objectTypeId,
      processingType: input.processingType,
      createdAt: input.at,
      updatedAt: input.at,
      members: new Map(),
    };
    this.lists.set(list.listId, list);
    this.version += 1;
    return list;
  }

  listChanged(list: HsList, at: string): void {
    list.listVersion += 1;
    list.updatedAt = at;
    this.version += 1;
  }

  addOwner(owner: Omit<HsOwner, 'id' | 'userId'>): HsOwner {
    const id = this.nextOwnerId++;
    const full: HsOwner = { ...owner, id: String(id), userId: id - 60_000_000 };
    this.owners.push(full);
    this.ownersById.set(full.id, full);
    return full;
  }

  setPipelines(pipelines: HsPipeline[]): void {
    this.pipelines = pipelines;
    this.stageIndex = new Map(
      pipelines.flatMap((pipeline) =>
        pipeline.stages.map((stage) => [stage.id, { pipeline, stage }] as const),
      ),
    );
  }

  stage(stageId: string | null | undefined) {
    return stageId ? this.stageIndex.get(stageId) : undefined;
  }

  property(type: HsObjectType, name: string): PropertyDef | undefined {
    return STANDARD_PROPERTIES[type].get(name) ?? this.customProperties[type].get(name);
  }

  properties(type: HsObjectType): PropertyDef[] {
    return [...STANDARD_PROPERTIES[type].values(), ...this.customProperties[type].values()];
  }

  /**
   * The record holding `value` in a unique-value property (`idProperty` of batch
   * reads and updates). A scan: the emulator's tables are small.
   */
  byUniqueValue(type: HsObjectType, name: string, value: string): HsRecord | undefined {
    if (!this.property(type, name)?.hasUniqueValue) return undefined;
    for (const record of this.tables[type].byId.values()) {
      if (!record.archived && record.properties[name] === value) return record;
    }
    return undefined;
  }

  optionsOf(def: PropertyDef): OptionDef[] {
    const option = (value: string, label: string, displayOrder: number): OptionDef => ({
      value,
      label,
      displayOrder,
      hidden: false,
    });
    switch (def.dynamicOptions) {
      case 'pipelines':
        return this.pipelines.map((p) => option(p.id, p.label, p.displayOrder));
      case 'stages':
        return this.pipelines.flatMap((p) =>
          p.stages.map((s) => option(s.id, `${s.label} (${p.label})`, s.displayOrder)),
        );
      case 'owners':
        return this.owners
          .filter((o) => !o.archived)
          .map((o, i) => option(o.id, `${o.firstName} ${o.lastName}`.trim() || o.email, i));
      default:
        return def.options;
    }
  }

  insert(type: HsObjectType, record: HsRecord): void {
    this.tables[type].insert(record);
    this.indexEmail(type, record, null);
    this.indexLater(record, record.updatedAt);
    this.version += 1;
  }

  /** Records a change already applied to `record.properties`. */
  touched(type: HsObjectType, record: HsRecord, previousEmail: string | null, at: string): void {
    record.updatedAt = at;
    record.properties[MODIFIED_PROPERTY[type]] = at;
    this.indexEmail(type, record, previousEmail);
    this.indexLater(record, at);
    this.version += 1;
  }

  private indexLater(record: HsRecord, at: string): void {
    const lag = this.searchLagMs();
    if (lag <= 0) {
      delete record.searchableAt;
      return;
    }
    record.searchableAt = Date.parse(at) + lag;
    this.searchPendingUntil = Math.max(this.searchPendingUntil, record.searchableAt);
  }

  archive(type: HsObjectType, record: HsRecord, at: string): void {
    if (record.archived) return;
    record.archived = true;
    record.archivedAt = at;
    record.updatedAt = at;
    if (type === 'contacts' && record.properties.email) {
      this.emails.delete(record.properties.email.toLowerCase());
    }
    this.version += 1;
  }

  private indexEmail(type: HsObjectType, record: HsRecord, previous: string | null): void {
    if (type !== 'contacts') return;
    if (previous) this.emails.delete(previous.toLowerCase());
    const email = record.properties.email;
    if (email) this.emails.set(email.toLowerCase(), record.id);
  }

  /** A property's value, HubSpot's calculated ones computed from the record now. */
  valueOf(type: HsObjectType, record: HsRecord, name: string): string | null {
    switch (`${type}.${name}`) {
      case 'deals.hs_deal_stage_probability': {
        const found = this.stage(record.properties.dealstage);
        return found ? String(found.stage.probability) : null;
      }
      case 'deals.hs_is_closed':
        return String(this.stage(record.properties.dealstage)?.stage.isClosed ?? false);
      case 'deals.hs_is_closed_won': {
        const stage = this.stage(record.properties.dealstage)?.stage;
        return String(Boolean(stage?.isClosed && stage.probability >= 1));
      }
      case 'deals.days_to_close': {
        const close = record.properties.closedate;
        if (!close) return null;
        return String(
          Math.max(0, Math.round((Date.parse(close) - Date.parse(record.createdAt)) / 86_400_000)),
        );
      }
      case 'deals.num_associated_contacts':
      case 'companies.num_associated_contacts':
        return String(this.associations.count(type, record.id, 'contacts'));
      case 'contacts.num_associated_deals':
      case 'companies.num_associated_deals':
        return String(this.associations.count(type, record.id, 'deals'));
      case 'contacts.associatedcompanyid':
        return this.associations.firstOfType('contacts', record.id, 'companies', 1) ?? null;
      default:
        return record.properties[name] ?? null;
    }
  }

  snapshot(): StoreSnapshot {
    const records = Object.fromEntries(
      HS_OBJECT_TYPES.map((type) => [
        type,
        this.tables[type].order.map((id) => this.tables[type].byId.get(id)!),
      ]),
    ) as Record<HsObjectType, HsRecord[]>;
    const customProperties = Object.fromEntries(
      HS_OBJECT_TYPES.map((type) => [type, [...this.customProperties[type].values()]]),
    ) as Record<HsObjectType, PropertyDef[]>;
    // Copies, so a snapshot taken now does not change with later writes.
    return structuredClone({
      portalId: this.portalId,
      nextId: this.nextId,
      nextOwnerId: this.nextOwnerId,
      records,
      associations: this.associations.rows(),
      owners: this.owners,
      pipelines: this.pipelines,
      customProperties,
      sourceIds: [...this.sourceIds],
      lists: [...this.lists.values()].map((list) => ({ ...list, members: [...list.members] })),
      nextListId: this.nextListId,
    });
  }

  restore(snapshot: StoreSnapshot): void {
    const copy = structuredClone(snapshot);
    this.portalId = copy.portalId;
    this.nextId = copy.nextId;
    this.nextOwnerId = copy.nextOwnerId;
    this.tables = emptyTables();
    this.emails.clear();
    for (const type of HS_OBJECT_TYPES) {
      for (const record of copy.records[type] ?? []) {
        this.tables[type].insert(record);
        if (!record.archived) this.indexEmail(type, record, null);
      }
    }
    this.associations.restore(copy.associations);
    this.owners = copy.owners;
    this.ownersById = new Map(copy.owners.map((owner) => [owner.id, owner]));
    this.setPipelines(copy.pipelines);
    this.customProperties = emptyCustom();
    for (const type of HS_OBJECT_TYPES) {
      for (const def of copy.customProperties[type] ?? []) {
        this.customProperties[type].set(def.name, def);
      }
    }
    this.sourceIds = new Map(copy.sourceIds);
    this.lists = new Map(
      (copy.lists ?? []).map((list) => [list.listId, { ...list, members: new Map(list.members) }]),
    );
    this.nextListId = copy.nextListId ?? 1;
    this.version += 1;
  }
}
