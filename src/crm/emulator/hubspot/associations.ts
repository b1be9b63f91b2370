import type { HsObjectType } from './properties.js';

/**
 * HubSpot's HUBSPOT_DEFINED association types between the objects the emulator
 * keeps, per direction. `primary` types carry the label "Primary"; the unlabeled
 * type of a pair always comes with them, as in HubSpot.
 */
interface TypeInfo {
  from: HsObjectType;
  to: HsObjectType;
  inverse: number;
  label: string | null;
  /** The unlabeled type a labeled one implies. */
  implies?: number;
}

export const ASSOCIATION_TYPES: Record<number, TypeInfo> = {
  1: { from: 'contacts', to: 'companies', inverse: 2, label: 'Primary', implies: 279 },
  2: { from: 'companies', to: 'contacts', inverse: 1, label: 'Primary', implies: 280 },
  3: { from: 'deals', to: 'contacts', inverse: 4, label: null },
  4: { from: 'contacts', to: 'deals', inverse: 3, label: null },
  5: { from: 'deals', to: 'companies', inverse: 6, label: 'Primary', implies: 341 },
  6: { from: 'companies', to: 'deals', inverse: 5, label: 'Primary', implies: 342 },
  189: { from: 'companies', to: 'notes', inverse: 190, label: null },
  190: { from: 'notes', to: 'companies', inverse: 189, label: null },
  201: { from: 'contacts', to: 'notes', inverse: 202, label: null },
  202: { from: 'notes', to: 'contacts', inverse: 201, label: null },
  213: { from: 'deals', to: 'notes', inverse: 214, label: null },
  214: { from: 'notes', to: 'deals', inverse: 213, label: null },
  279: { from: 'contacts', to: 'companies', inverse: 280, label: null },
  280: { from: 'companies', to: 'contacts', inverse: 279, label: null },
  341: { from: 'deals', to: 'companies', inverse: 342, label: null },
  342: { from: 'companies', to: 'deals', inverse: 341, label: null },
};

/** The unlabeled (default) type from one object type to another. */
export function defaultTypeId(from: HsObjectType, to: HsObjectType): number | undefined {
  for (const [id, info] of Object.entries(ASSOCIATION_TYPES)) {
    if (info.from === from && info.to === to && info.label === null) return Number(id);
  }
  return undefined;
}

export function isValidType(typeId: number, from: HsObjectType, to: HsObjectType): boolean {
  const info = ASSOCIATION_TYPES[typeId];
  return info !== undefined && info.from === from && info.to === to;
}

const SINGULAR: Record<HsObjectType, string> = {
  deals: 'deal',
  contacts: 'contact',
  companies: 'company',
  notes: 'note',
};

/**
 * The name a v3 answer gives a type: `deal_to_company` for the primary label,
 * `deal_to_company_unlabeled` for the unlabeled type of a pair that has one, else
 * `deal_to_contact`.
 */
export function typeName(typeId: number): string {
  const info = ASSOCIATION_TYPES[typeId];
  if (!info) return String(typeId);
  const base = `${SINGULAR[info.from]}_to_${SINGULAR[info.to]}`;
  if (info.label !== null) return base;
  const labeled = Object.values(ASSOCIATION_TYPES).some(
    (other) => other.implies === typeId && other.from === info.from,
  );
  return labeled ? `${base}_unlabeled` : base;
}

/** Entries per record and type a v3 object answer carries inline before paging. */
export const INLINE_ASSOCIATIONS = 100;

const key = (type: HsObjectType, id: string) => `${type}:${id}`;

export type AssociationRow = [HsObjectType, string, HsObjectType, string, number[]];

/**
 * Associations in both directions: `from -> to -> type ids` (as seen from `from`).
 * Every change writes the pair's mirror with the inverse type ids, so reading from
 * either side is one map lookup.
 */
export class AssociationIndex {
  private edges = new Map<string, Map<string, Set<number>>>();

  /** Adds typed associations from one record to another; returns false for an unknown type. */
  add(from: HsObjectType, fromId: string, to: HsObjectType, toId: string, typeIds: number[]) {
    for (const typeId of typeIds) {
      const info = ASSOCIATION_TYPES[typeId];
      if (!info) continue;
      const all = info.implies ? [typeId, info.implies] : [typeId];
      // A record has one primary company: a new primary replaces the old one.
      if (info.label === 'Primary') this.dropType(from, fromId, to, typeId);
      for (const id of all) {
        this.link(from, fromId, to, toId, id);
        this.link(to, toId, from, fromId, ASSOCIATION_TYPES[id]!.inverse);
      }
    }
  }

  remove(from: HsObjectType, fromId: string, to: HsObjectType, toId: string): void {
    this.edges.get(key(from, fromId))?.delete(key(to, toId));
    this.edges.get(key(to, toId))?.delete(key(from, fromId));
  }

  /** `toId -> type ids` of one record's associations with one object type. */
  list(from: HsObjectType, fromId: string, to: HsObjectType): [string, number[]][] {
    const out: [string, number[]][] = [];
    const prefix = `${to}:`;
    for (const [target, types] of this.edges.get(key(from, fromId)) ?? []) {
      if (target.startsWith(prefix)) out.push([target.slice(prefix.length), [...types]]);
    }
    return out;
  }

  count(from: HsObjectType, fromId: string, to: HsObjectType): number {
    let n = 0;
    const prefix = `${to}:`;
    for (const target of this.edges.get(key(from, fromId))?.keys() ?? []) {
      if (target.startsWith(prefix)) n += 1;
    }
    return n;
  }

  /** The record a typed association points to (a primary company), if any. */
  firstOfType(from: HsObjectType, fromId: string, to: HsObjectType, typeId: number) {
    return this.list(from, fromId, to).find(([, types]) => types.includes(typeId))?.[0];
  }

  rows(): AssociationRow[] {
    const rows: AssociationRow[] = [];
    for (const [from, targets] of this.edges) {
      const [fromType, fromId] = from.split(':') as [HsObjectType, string];
      for (const [to, types] of targets) {
        const [toType, toId] = to.split(':') as [HsObjectType, string];
        // Each pair once: the mirror is rebuilt on restore.
        if (from < to) rows.push([fromType, fromId, toType, toId, [...types]]);
      }
    }
    return rows;
  }

  restore(rows: AssociationRow[]): void {
    this.edges.clear();
    for (const [fromType, fromId, toType, toId, types] of rows) {
      for (const typeId of types) {
        this.link(fromType, fromId, toType, toId, typeId);
        this.link(toType, toId, fromType, fromId, ASSOCIATION_TYPES[typeId]!.inverse);
      }
    }
  }

  private link(from: HsObjectType, fromId: string, to: HsObjectType, toId: string, typeId: number) {
    const fromKey = key(from, fromId);
    let targets = this.edges.get(fromKey);
    if (!targets) this.edges.set(fromKey, (targets = new Map()));
    const toKey = key(to, toId);
    let types = targets.get(toKey);
    if (!types) targets.set(toKey, (types = new Set()));
    types.add(typeId);
  }

  private dropType(from: HsObjectType, fromId: string, to: HsObjectType, typeId: number) {
    const inverse = ASSOCIATION_TYPES[typeId]!.inverse;
    for (const [toId, types] of this.list(from, fromId, to)) {
      if (!types.includes(typeId)) continue;
      this.edges.get(key(from, fromId))?.get(key(to, toId))?.delete(typeId);
      this.edges.get(key(to, toId))?.get(key(from, fromId))?.delete(inverse);
    }
  }
}
