import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRIVATE_APP_TOKEN } from '../crm/emulator/hubspot/context.js';
import {
  startHubspotEmulator,
  type RunningHubspot,
} from '../crm/emulator/hubspot/testing.test-helper.js';
import { DEFAULT_ACCESS_TOKEN } from '../crm/emulator/salesforce/index.js';
import {
  recordingGate,
  startSalesforceEmulator,
  type RunningSalesforce,
} from '../crm/emulator/salesforce/testing.test-helper.js';
import { connectorFor } from '../crm/hubspot/test-support.test-helper.js';
import type { CrmProperty } from '../crm/port.js';
import { createSalesforceConnector } from '../crm/salesforce/connector.js';
import type { PipelineStage } from '../deals/activity.js';
import { HUBSPOT_DEFAULT_PIPELINE } from '../ingest/pipelines.js';
import { FIELDS } from './cases.js';
import {
  AGENT_FIELDS,
  STANDARD_FIELDS,
  checkFieldProperty,
  crmPropertyFor,
  sameFieldValue,
  toCrmValue,
} from './fields.js';

let hubspot: RunningHubspot;
let salesforce: RunningSalesforce;

beforeAll(async () => {
  [hubspot, salesforce] = await Promise.all([
    startHubspotEmulator({ dataset: null }),
    startSalesforceEmulator({ dataset: null }),
  ]);
});
afterAll(() => Promise.all([hubspot.close(), salesforce.close()]));

const hubspotProperties = () => connectorFor(hubspot).connector.listProperties('deal');
const salesforceProperties = () =>
  createSalesforceConnector({
    credentials: {
      kind: 'access_token',
      instanceUrl: salesforce.baseUrl,
      accessToken: DEFAULT_ACCESS_TOKEN,
    },
    gate: recordingGate(),
    cacheKey: `test-${randomUUID()}`,
  }).listProperties('deal');

describe('the agent fields', () => {
  it('are the eval fields plus MEDDICC and BANT, each once', () => {
    expect(STANDARD_FIELDS.map((f) => f.id)).toEqual([...FIELDS]);
    expect(AGENT_FIELDS.map((f) => f.id)).toEqual([
      ...FIELDS,
      ...['metrics', 'economic_buyer', 'decision_criteria', 'decision_process'],
      ...['identify_pain', 'champion', 'budget', 'authority', 'need', 'timeline'],
    ]);
  });

  it("write the CRM's standard deal properties, which the emulators' live lists have", async () => {
    const [hs, sf] = await Promise.all([hubspotProperties(), salesforceProperties()]);
    const fourStandard = ['close_date', 'amount', 'stage', 'next_step'];
    expect(fourStandard.map((id) => crmPropertyFor({ field: id }, 'hubspot'))).toEqual([
      'closedate',
      'amount',
      'dealstage',
      'hs_next_step',
    ]);
    expect(fourStandard.map((id) => crmPropertyFor({ field: id }, 'salesforce'))).toEqual([
      'CloseDate',
      'Amount',
      'StageName',
      'NextStep',
    ]);
    for (const id of fourStandard) {
      expect(checkFieldProperty(id, crmPropertyFor({ field: id }, 'hubspot')!, hs)).toMatchObject({
        ok: true,
      });
      expect(
        checkFieldProperty(id, crmPropertyFor({ field: id }, 'salesforce')!, sf),
      ).toMatchObject({ ok: true });
    }
  });

  it('refuse a property the CRM lacks until it is created, naming the field', async () => {
    expect(checkFieldProperty('competitors', 'competitors', await hubspotProperties())).toEqual({
      ok: false,
      code: 'unknown_property',
      message: expect.stringContaining('competitors: the CRM has no deal property "competitors"'),
    });
    const created = await fetch(`${hubspot.baseUrl}/crm/v3/properties/deals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DEFAULT_PRIVATE_APP_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'competitors',
        label: 'Competitors',
        type: 'string',
        fieldType: 'text',
        groupName: 'dealinformation',
      }),
    });
    expect(created.status).toBe(201);
    // A fresh connector: the property list is cached per connection.
    const fresh = await hubspotProperties();
    expect(checkFieldProperty('competitors', 'Competitors', fresh)).toMatchObject({ ok: true });
  });

  it('refuse read-only properties and types that cannot take the value', async () => {
    const hs = await hubspotProperties();
    expect(checkFieldProperty('amount', 'hs_deal_stage_probability', hs)).toMatchObject({
      ok: false,
      code: 'read_only_property',
    });
    expect(checkFieldProperty('close_date', 'dealname', hs)).toMatchObject({
      ok: false,
      code: 'incompatible_property',
      message: expect.stringMatching(/^close_date \(date\) cannot go into dealname/),
    });
    expect(checkFieldProperty('champion', 'description', hs)).toMatchObject({ ok: true });
    expect(checkFieldProperty('mood', 'description', hs)).toMatchObject({
      ok: false,
      code: 'unknown_field',
    });
  });
});

const hubspotStages: PipelineStage[] = [
  HUBSPOT_DEFAULT_PIPELINE,
  {
    id: 'renewals',
    label: 'Renewals',
    stages: [
      { id: 'r-open', label: 'Renewal open', normalized: 'discovery', displayOrder: 0 },
      { id: 'r-terms', label: 'Terms', normalized: 'negotiation', displayOrder: 1 },
      { id: 'r-late', label: 'Late terms', normalized: 'negotiation', displayOrder: 2 },
    ],
  },
].flatMap((pipeline) =>
  pipeline.stages.map((stage) => ({
    source: 'hubspot',
    pipelineId: pipeline.id,
    pipelineLabel: pipeline.label,
    stageId: stage.id,
    stageLabel: stage.label,
    displayOrder: stage.displayOrder,
    isClosed: false,
    isWon: false,
    stageNormalized: stage.normalized,
  })),
);

describe('toCrmValue', () => {
  it("puts a normalized stage in the deal's own pipeline: HubSpot the id, Salesforce the name", () => {
    const ctx = { crmType: 'hubspot' as const, stages: hubspotStages };
    expect(
      toCrmValue('stage', 'negotiation', { ...ctx, deal: { pipeline: 'default', stage: null } }),
    ).toEqual({ ok: true, value: 'contractsent' });
    expect(
      toCrmValue('stage', 'negotiation', { ...ctx, deal: { pipeline: 'renewals', stage: null } }),
    ).toEqual({ ok: true, value: 'r-terms' });
    // Already at a stage that means negotiation: it stays where the rep put it.
    expect(
      toCrmValue('stage', 'negotiation', {
        ...ctx,
        deal: { pipeline: 'renewals', stage: 'r-late' },
      }),
    ).toEqual({ ok: true, value: 'r-late' });
    expect(
      toCrmValue('stage', 'proposal', { ...ctx, deal: { pipeline: 'renewals', stage: null } }),
    ).toEqual({ ok: false, reason: 'stage: pipeline Renewals has no stage that means proposal' });
    expect(
      toCrmValue('stage', 'negotiation', { ...ctx, deal: { pipeline: null, stage: null } }),
    ).toMatchObject({ ok: false });
    expect(
      toCrmValue('stage', 'signed', { ...ctx, deal: { pipeline: 'default', stage: null } }),
    ).toMatchObject({ ok: false });

    const salesforceStages = hubspotStages
      .filter((stage) => stage.pipelineId === 'default')
      .map((stage) => ({ ...stage, source: 'salesforce', stageLabel: `SF ${stage.stageLabel}` }));
    expect(
      toCrmValue('stage', 'negotiation', {
        crmType: 'salesforce',
        stages: salesforceStages,
        deal: { pipeline: null, stage: 'SF Qualified To Buy' },
      }),
    ).toEqual({ ok: true, value: 'SF Contract Sent' });
  });

  it('checks dates and amounts and writes a list into a multi-select by its option values', () => {
    const ctx = { crmType: 'hubspot' as const };
    expect(toCrmValue('close_date', '2026-02-30', ctx)).toMatchObject({ ok: false });
    expect(toCrmValue('close_date', '2026-03-31', ctx)).toEqual({ ok: true, value: '2026-03-31' });
    expect(toCrmValue('amount', '150000.004', ctx)).toEqual({ ok: true, value: 150000 });
    expect(toCrmValue('amount', 'lots', ctx)).toMatchObject({ ok: false });
    expect(toCrmValue('amount', null, ctx)).toMatchObject({ ok: false });
    expect(toCrmValue('competitors', ['Gong', 'Clari'], ctx)).toEqual({
      ok: true,
      value: 'Gong, Clari',
    });
    const property: CrmProperty = {
      name: 'competitors',
      label: 'Competitors',
      type: 'enumeration',
      crmType: 'enumeration/checkbox',
      options: [
        { value: 'gong', label: 'Gong' },
        { value: 'clari', label: 'Clari' },
      ],
      readOnly: false,
      custom: true,
    };
    expect(toCrmValue('competitors', ['Gong', 'clari'], { ...ctx, property })).toEqual({
      ok: true,
      value: 'gong;clari',
    });
    expect(toCrmValue('competitors', ['Chorus'], { ...ctx, property })).toMatchObject({
      ok: false,
      reason: 'competitors: competitors has no option "Chorus"',
    });
  });
});

describe('sameFieldValue', () => {
  it('compares what shadow mode scores: exact dates, stages and cents, lists as sets', () => {
    expect(sameFieldValue('close_date', '2026-03-31', '2026-03-31')).toBe(true);
    expect(sameFieldValue('close_date', '2026-03-31', '2026-04-01')).toBe(false);
    expect(sameFieldValue('amount', 150000, '150000.00')).toBe(true);
    expect(sameFieldValue('amount', 150000, 150001)).toBe(false);
    expect(sameFieldValue('stage', 'negotiation', 'proposal')).toBe(false);
    expect(sameFieldValue('competitors', ['Gong', 'Clari'], 'clari; gong')).toBe(true);
    expect(sameFieldValue('competitors', ['Gong'], 'Gong, Clari')).toBe(false);
    expect(sameFieldValue('amount', 1, null)).toBe(false);
  });

  it("counts the rep's own words for the same next step as a match, another step not", () => {
    expect(
      sameFieldValue(
        'next_step',
        'Send the security questionnaire by Friday',
        'send security questionnaire Friday',
      ),
    ).toBe(true);
    expect(sameFieldValue('next_step', 'Legal review of the MSA', 'legal review of the MSA.')).toBe(
      true,
    );
    expect(sameFieldValue('next_step', 'Send pricing to Dana', 'Book the onsite demo')).toBe(false);
  });
});
