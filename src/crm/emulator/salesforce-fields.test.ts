import { afterAll, describe, expect, it } from 'vitest';
import { createCrmEmulator, type Emulator } from './index.js';
import type { SalesforceEmulator } from './salesforce/emulator.js';

const FIELD = { object: 'Opportunity', name: 'Pandora_Key__c', type: 'string' as const };
const open: Emulator[] = [];
afterAll(async () => {
  for (const emulator of open) await emulator.close();
});

const hasField = (emulator: Emulator) =>
  (emulator.crms.get('salesforce') as SalesforceEmulator).schema
    .object('Opportunity')!
    .fields.some((field) => field.name === FIELD.name);

describe('salesforceFields', () => {
  it('every org has them: the root, each portal, and after restoring state saved without them', async () => {
    const plain = await createCrmEmulator();
    const emulator = await createCrmEmulator({ salesforceFields: [FIELD] });
    open.push(plain, emulator);
    expect(hasField(plain)).toBe(false);
    expect(hasField(emulator)).toBe(true);
    expect(hasField(await emulator.portal('ws-1'))).toBe(true);
    const saved = plain.crms.get('salesforce')!.snapshot();
    emulator.crms.get('salesforce')!.restore(saved);
    expect(hasField(emulator)).toBe(true);
    // State saved with them restores without a duplicate.
    emulator.crms.get('salesforce')!.restore(emulator.crms.get('salesforce')!.snapshot());
    expect(hasField(emulator)).toBe(true);
  });
});
