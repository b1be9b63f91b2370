import { describe, expect, it } from 'vitest';
import type { PipelineStage } from '../deals/activity.js';
import { HttpError } from '../errors.js';
import { applyEdits } from './edits.js';
import type { InboxField } from './items.js';

const stage = (stageId: string, stageNormalized: string, displayOrder: number): PipelineStage => ({
  source: 'hubspot',
  pipelineId: 'default',
  pipelineLabel: 'Sales',
  stageId,
  stageLabel: stageId,
  displayOrder,
  isClosed: false,
  isWon: false,
  stageNormalized,
});

const ctx = {
  crmType: 'hubspot' as const,
  stages: [stage('appointmentscheduled', 'discovery', 0), stage('contractsent', 'negotiation', 1)],
  deal: { pipeline: 'default', stage: 'appointmentscheduled' },
};

const fields: InboxField[] = [
  { field: 'stage', crmProperty: 'dealstage', before: 'discovery', after: 'evaluation' },
  { field: 'competitors', crmProperty: 'pandora_competitors', before: null, after: ['Acme'] },
  { field: 'next_step', crmProperty: 'hs_next_step', before: null, after: 'Send the MSA' },
];
const updates = [
  { field: 'dealstage', proposed_value: 'qualifiedtobuy' },
  { field: 'pandora_competitors', proposed_value: 'Acme' },
  { field: 'hs_next_step', proposed_value: 'Send the MSA' },
];

function refusal(edits: Record<string, unknown>): HttpError {
  try {
    applyEdits(fields, updates, edits, ctx);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('the edit was accepted');
}

describe('applyEdits', () => {
  it("places an edited stage in the deal's own pipeline and keys edits by field", () => {
    const { updates: edited, edits } = applyEdits(
      fields,
      updates,
      { dealstage: 'negotiation' },
      ctx,
    );
    expect(edited[0]).toEqual({ field: 'dealstage', proposed_value: 'contractsent' });
    expect(edited.slice(1)).toEqual(updates.slice(1));
    expect(edits).toEqual({ stage: 'negotiation' });
  });

  it('writes a list of names as text and trims text', () => {
    const { updates: edited } = applyEdits(
      fields,
      updates,
      { competitors: ['Acme ', 'Globex'], next_step: '  Call the CFO ' },
      ctx,
    );
    expect(edited.map((u) => u.proposed_value)).toEqual([
      'qualifiedtobuy',
      'Acme, Globex',
      'Call the CFO',
    ]);
  });

  it('refuses a value its field cannot take, naming the field', () => {
    expect(refusal({ stage: 'somewhere' }).details).toEqual([
      { field: 'edits.stage', message: expect.stringContaining('somewhere') },
    ]);
    expect(refusal({ competitors: [] }).code).toBe('invalid_edit');
    expect(refusal({ next_step: 42 }).code).toBe('invalid_edit');
    expect(refusal({ amount: 5 }).message).toContain('proposes no field amount');
  });

  it('leaves out a field edited to null, but not every field', () => {
    const { updates: edited } = applyEdits(fields, updates, { competitors: null }, ctx);
    expect(edited.map((u) => u.field)).toEqual(['dealstage', 'hs_next_step']);
    expect(refusal({ stage: null, competitors: null, next_step: null }).message).toContain(
      'reject the item instead',
    );
  });

  it('takes a plain value for a field no agent defines', () => {
    const { updates: edited } = applyEdits(
      [{ field: 'dealname', before: 'Old', after: 'New' }],
      [{ field: 'dealname', proposed_value: 'New' }],
      { dealname: 'Newer' },
      null,
    );
    expect(edited).toEqual([{ field: 'dealname', proposed_value: 'Newer' }]);
  });
});
