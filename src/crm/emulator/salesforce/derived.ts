import { toId18 } from '../../salesforce/ids.js';
import type { SfFieldDef, SfPicklistValue } from './schema.js';
import type { SalesforceStore, SfRecord, SfValue } from './store.js';

/** Records a test or script has "locked": writes to them fail with UNABLE_TO_LOCK_ROW. */
export class LockSet {
  private locks = new Map<string, number>();

  add(ids: string[], times = Number.POSITIVE_INFINITY): void {
    for (const id of ids) this.locks.set(toId18(id) ?? id, times);
  }

  clear(): void {
    this.locks.clear();
  }

  /** Whether a write to `id` hits a lock, spending one of the lock's hits. */
  take(id: string): boolean {
    const left = this.locks.get(id);
    if (left === undefined) return false;
    if (left <= 1) this.locks.delete(id);
    else this.locks.set(id, left - 1);
    return true;
  }
}

export interface WriteContext {
  store: SalesforceStore;
  locks: LockSet;
  /** ISO instant of this transaction. */
  now: string;
  userId: string;
  /** The acting user may read but not write (INSUFFICIENT_ACCESS_OR_READONLY). */
  readOnly: boolean;
}

/** Stage rows by stage value (ApiName), active ones in SortOrder. */
export function activeStages(store: SalesforceStore): SfRecord[] {
  return [...store.table('OpportunityStage').values()]
    .filter((stage) => stage.IsActive === true && stage.IsDeleted !== true)
    .sort((a, b) => Number(a.SortOrder) - Number(b.SortOrder));
}

export function picklistOf(store: SalesforceStore) {
  return (field: SfFieldDef): SfPicklistValue[] => {
    if (field.name !== 'StageName') return field.picklistValues ?? [];
    return activeStages(store).map((stage) => ({
      value: String(stage.ApiName),
      label: String(stage.MasterLabel),
      active: true,
    }));
  };
}

export const FORECAST_ENUM: Record<string, string> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed',
};

export function applyDefaults(type: string, record: SfRecord): void {
  if (type === 'ContentDocumentLink')
    Object.assign(record, { ShareType: 'V', Visibility: 'AllUsers' });
  if (type === 'Task')
    Object.assign(record, { Status: 'Not Started', Priority: 'Normal', TaskSubtype: 'Task' });
  if (type === 'ContentNote') record.FileType = 'SNOTE';
}

/** Fields Salesforce computes from others: names, stage flags, note previews. */
export function derive(
  ctx: WriteContext,
  type: string,
  record: SfRecord,
  changes: SfRecord,
  previous: SfRecord | null,
): void {
  if (type === 'Contact' || type === 'User') {
    record.Name = [record.FirstName, record.LastName].filter(Boolean).join(' ');
  }
  if (type === 'ContentNote' && 'Content' in changes) {
    const content = typeof record.Content === 'string' ? record.Content : '';
    const textContent = Buffer.from(content, 'base64').toString('utf8');
    record.TextPreview = textContent
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 255);
  }
  if (
    type === 'Opportunity' &&
    'StageName' in changes &&
    changes.StageName !== previous?.StageName
  ) {
    const stage = activeStages(ctx.store).find((s) => s.ApiName === record.StageName);
    if (stage) {
      record.IsClosed = stage.IsClosed === true;
      record.IsWon = stage.IsWon === true;
      if (!('Probability' in changes)) record.Probability = stage.DefaultProbability ?? null;
      if (!('ForecastCategoryName' in changes)) {
        record.ForecastCategoryName = stage.ForecastCategoryName ?? null;
      }
    }
  }
  if (type === 'Opportunity') {
    const category = record.ForecastCategoryName;
    record.ForecastCategory =
      typeof category === 'string' ? (FORECAST_ENUM[category] ?? null) : null;
  }
}

export function addHistory(
  ctx: WriteContext,
  opportunityId: string,
  fieldName: string,
  oldValue: SfValue,
  newValue: SfValue,
): void {
  ctx.store.insert('OpportunityFieldHistory', {
    Id: ctx.store.newId('OpportunityFieldHistory'),
    IsDeleted: false,
    CreatedDate: ctx.now,
    CreatedById: ctx.userId,
    OpportunityId: opportunityId,
    Field: fieldName,
    DataType: fieldName === 'StageName' ? 'DynamicEnum' : fieldName === 'created' ? null : 'Text',
    OldValue: oldValue,
    NewValue: newValue,
  });
}

export function clearOtherPrimaries(ctx: WriteContext, role: SfRecord): void {
  const opportunityId = String(role.OpportunityId);
  for (const id of ctx.store.lookup('OpportunityContactRole', 'OpportunityId', opportunityId) ??
    []) {
    const other = ctx.store.get('OpportunityContactRole', id)!;
    if (id !== role.Id && other.IsPrimary === true) {
      ctx.store.patch('OpportunityContactRole', id, {
        IsPrimary: false,
        LastModifiedDate: ctx.now,
        SystemModstamp: ctx.now,
      });
    }
  }
}
