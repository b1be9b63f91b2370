import { describe, expect, it } from 'vitest';
import {
  confidenceColor,
  editText,
  fieldLabel,
  formatConfidence,
  formatFieldValue,
  parseEdit,
} from './field-display';

describe('field display', () => {
  it('names standard, MEDDICC and unknown fields', () => {
    expect(fieldLabel('close_date')).toBe('Close date');
    expect(fieldLabel('economic_buyer')).toBe('Economic buyer');
    expect(fieldLabel('custom_field_x')).toBe('Custom field x');
  });

  it('reads a value as a person would, and a missing one as a dash', () => {
    expect(formatFieldValue('stage', 'closed_won')).toBe('Closed won');
    expect(formatFieldValue('competitors', ['Gong', 'Clari'])).toBe('Gong, Clari');
    expect(formatFieldValue('competitors', [])).toBe('—');
    expect(formatFieldValue('amount', null)).toBe('—');
    expect(formatFieldValue('amount', { value: 90000, currency: 'EUR' })).toMatch(/90.000 EUR/);
    // A calendar date stays that day in every time zone.
    expect(formatFieldValue('close_date', '2026-12-01')).toMatch(/1/);
    expect(formatFieldValue('close_date', '2026-12-01')).not.toMatch(/30/);
  });

  it('turns an edit back into the value the API takes, or says what is wrong', () => {
    expect(parseEdit('amount', '$150,000')).toEqual({ ok: true, value: 150000 });
    expect(parseEdit('amount', 'lots')).toMatchObject({ ok: false });
    expect(parseEdit('close_date', '2026-02-30')).toMatchObject({ ok: false });
    expect(parseEdit('close_date', '2026-12-15')).toEqual({ ok: true, value: '2026-12-15' });
    expect(parseEdit('stage', 'negotiation')).toEqual({ ok: true, value: 'negotiation' });
    expect(parseEdit('stage', 'almost there')).toMatchObject({ ok: false });
    expect(parseEdit('competitors', ' Gong, ,Clari ')).toEqual({
      ok: true,
      value: ['Gong', 'Clari'],
    });
    expect(parseEdit('next_step', '  ')).toMatchObject({ ok: false });
  });

  it('starts an edit from the proposed value', () => {
    expect(editText('close_date', '2026-12-15T00:00:00Z')).toBe('2026-12-15');
    expect(editText('competitors', ['Gong'])).toBe('Gong');
    expect(editText('amount', { value: 5, currency: 'EUR' })).toBe('5');
  });

  it('shows confidence as a percentage with a colour by band', () => {
    expect(formatConfidence('0.934')).toBe('93%');
    expect(formatConfidence(null)).toBe('—');
    expect([confidenceColor(0.95), confidenceColor(0.75), confidenceColor(0.2)]).toEqual([
      'green',
      'yellow',
      'red',
    ]);
  });
});
