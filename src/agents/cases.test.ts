import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgentCaseSchema,
  CaseFileError,
  parseJsonLines,
  PredictionSchema,
  readCases,
  readConfigFile,
  resolveConfig,
} from './cases.js';

// The example of ../shared/agent-cases.md, without its notes.
const example = {
  id: 'c001',
  meeting: {
    title: 'Acme / Vendor - pricing review',
    startedAt: '2026-10-14T16:00:00Z',
    durationSeconds: 2400,
    participants: [{ name: 'Dana Ruiz', email: 'dana@acme.com' }],
    transcript: [{ speaker: 'Dana Ruiz', text: '...', startSeconds: 0 }],
  },
  config: {
    internalDomains: ['vendor.io'],
    competitors: ['Gong', 'Clari'],
    timeZone: 'America/New_York',
    fiscalYearStartMonth: 1,
  },
  crm: {
    accounts: [{ id: 'a1', name: 'Acme', domain: 'acme.com' }],
    contacts: [{ id: 'c1', name: 'Dana Ruiz', email: 'dana@acme.com', accountId: 'a1' }],
    deals: [
      {
        id: 'd1',
        name: 'Acme - Platform',
        accountId: 'a1',
        contactIds: ['c1'],
        stage: 'proposal',
        amount: 50000,
        closeDate: '2026-11-30',
        nextStep: null,
        competitors: [],
        isClosed: false,
        updatedAt: '2026-10-01T00:00:00Z',
      },
    ],
  },
  expected: {
    dealId: 'd1',
    fields: {
      close_date: '2026-12-15',
      amount: 64000,
      stage: 'negotiation',
      next_step: { contains: ['security review'] },
      competitors: ['Clari'],
    },
  },
};

const line = (value: unknown) => JSON.stringify(value);

describe('parseJsonLines', () => {
  it("reads the document's example case and prediction", () => {
    const cases = parseJsonLines(`${line(example)}\n\n`, AgentCaseSchema, 'cases.jsonl');
    expect(cases).toEqual([example]);
    const prediction = {
      id: 'c001',
      dealId: 'd1',
      matchConfidence: 0.97,
      fields: [
        {
          field: 'close_date',
          value: '2026-12-15',
          confidence: 0.93,
          decision: 'auto_apply',
          quote: "let's target the 15th of December",
        },
      ],
    };
    expect(parseJsonLines(line(prediction), PredictionSchema, 'p.jsonl')).toEqual([prediction]);
  });

  it('accepts a case without config or labels, and null fields', () => {
    const { config: _config, expected: _expected, ...bare } = example;
    const rows = parseJsonLines(
      `${line(bare)}\n${line({ ...example, id: 'c002', expected: { dealId: null, fields: null } })}`,
      AgentCaseSchema,
      'cases.jsonl',
    );
    expect(rows.map((row) => row.id)).toEqual(['c001', 'c002']);
  });

  it('names the line and the field of a bad case', () => {
    const bad = { ...example, id: 'c002', meeting: { ...example.meeting, startedAt: 'yesterday' } };
    expect(() =>
      parseJsonLines(`${line(example)}\n\n${line(bad)}`, AgentCaseSchema, 'cases.jsonl'),
    ).toThrow(/^cases\.jsonl line 3: meeting\.startedAt: /);
    const badStage = structuredClone(example);
    badStage.expected.fields.stage = 'won';
    expect(() => parseJsonLines(line(badStage), AgentCaseSchema, 'cases.jsonl')).toThrow(
      /^cases\.jsonl line 1: expected\.fields\.stage: must be one of prospecting, /,
    );
    const badDeal = structuredClone(example) as { crm: { deals: Record<string, unknown>[] } };
    delete badDeal.crm.deals[0]!.isClosed;
    expect(() => parseJsonLines(line(badDeal), AgentCaseSchema, 'cases.jsonl')).toThrow(
      /line 1: crm\.deals\.0\.isClosed: /,
    );
  });

  it('refuses a time zone the runtime does not know', () => {
    const bad = { ...example, config: { ...example.config, timeZone: 'America/Gotham' } };
    expect(() => parseJsonLines(line(bad), AgentCaseSchema, 'cases.jsonl')).toThrow(
      'cases.jsonl line 1: config.timeZone: "America/Gotham" is not an IANA time zone (e.g. America/New_York)',
    );
  });

  it('refuses a misspelt key, invalid JSON and a repeated id', () => {
    const { expected, ...rest } = example;
    expect(() =>
      parseJsonLines(line({ ...rest, expcted: expected }), AgentCaseSchema, 'cases.jsonl'),
    ).toThrow(/line 1: expcted: /);
    expect(() => parseJsonLines('{"id": ', AgentCaseSchema, 'cases.jsonl')).toThrow(
      /^cases\.jsonl line 1: not valid JSON/,
    );
    expect(() =>
      parseJsonLines(`${line(example)}\n${line(example)}`, AgentCaseSchema, 'cases.jsonl'),
    ).toThrow('cases.jsonl line 2: id: "c001" is already used on line 1');
  });

  it('refuses a prediction whose value does not fit its field, or a field given twice', () => {
    const field = { confidence: 0.5, decision: 'inbox', quote: 'q' };
    const prediction = (fields: unknown[]) =>
      line({ id: 'c1', dealId: null, matchConfidence: 0, fields });
    expect(() =>
      parseJsonLines(
        prediction([{ field: 'amount', value: '64k', ...field }]),
        PredictionSchema,
        'p.jsonl',
      ),
    ).toThrow('p.jsonl line 1: fields.0.value: fits none of the forms this field may take');
    expect(() =>
      parseJsonLines(
        prediction([{ field: 'stage', value: 'won', ...field }]),
        PredictionSchema,
        'p.jsonl',
      ),
    ).toThrow(/^p\.jsonl line 1: fields\.0\.value: must be one of prospecting, /);
    expect(() =>
      parseJsonLines(
        prediction([{ field: 'owner', value: 'x', ...field }]),
        PredictionSchema,
        'p.jsonl',
      ),
    ).toThrow(
      'p.jsonl line 1: fields.0.field: must be one of close_date, amount, stage, next_step, competitors',
    );
    expect(() =>
      parseJsonLines(
        prediction([
          { field: 'stage', value: 'proposal', ...field },
          { field: 'stage', value: 'negotiation', ...field },
        ]),
        PredictionSchema,
        'p.jsonl',
      ),
    ).toThrow('p.jsonl line 1: fields: stage is proposed twice');
  });
});

describe('files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'agent-cases-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('says which file is missing, as a CaseFileError', async () => {
    const missing = path.join(dir, 'none.jsonl');
    await expect(readCases(missing)).rejects.toThrow(`${missing}: no such file`);
    await expect(readCases(missing)).rejects.toBeInstanceOf(CaseFileError);
  });

  it("reads a deal's amount written with its currency as the number", async () => {
    const file = path.join(dir, 'euro-deal.jsonl');
    const withCurrency = structuredClone(example);
    (withCurrency.crm.deals[0] as { amount: unknown }).amount = { value: 90000, currency: 'EUR' };
    await writeFile(file, line(withCurrency));
    const [read] = await readCases(file);
    expect(read!.crm.deals[0]!.amount).toBe(90000);
    (withCurrency.crm.deals[0] as { amount: unknown }).amount = { value: 'lots', currency: 'EUR' };
    await writeFile(file, line(withCurrency));
    await expect(readCases(file)).rejects.toThrow('crm.deals.0.amount');
  });

  it('reads a config file, and a case config wins over it key by key', async () => {
    const file = path.join(dir, 'agent.json');
    await writeFile(file, line({ timeZone: 'Europe/Paris', competitors: ['Gong'] }));
    const fromFile = await readConfigFile(file);
    expect(resolveConfig(fromFile, { competitors: ['Clari'] })).toEqual({
      internalDomains: [],
      competitors: ['Clari'],
      timeZone: 'Europe/Paris',
      fiscalYearStartMonth: 1,
    });
    await writeFile(file, line({ timeZone: 'Mars/Olympus' }));
    await expect(readConfigFile(file)).rejects.toThrow(
      `${file}: timeZone: "Mars/Olympus" is not an IANA time zone`,
    );
    await writeFile(file, line({ fiscalYearStartMonth: 13 }));
    await expect(readConfigFile(file)).rejects.toThrow(`${file}: fiscalYearStartMonth: `);
  });
});
