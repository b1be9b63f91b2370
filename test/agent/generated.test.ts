import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCases } from '../../src/agents/cases.js';
import { projectRoot } from '../../src/paths.js';
import { GENERATED, generateCases, toJsonLines } from './generate/generate.js';

/**
 * The generated set is only evidence if the committed files are what the seeded
 * generator writes (nobody edited a label by hand to fit the agent), every case reads
 * with the eval's reader, and its labels point at what the case holds.
 */
const dir = path.join(projectRoot, 'test/agent/generated');

describe('generated meeting-agent cases', () => {
  for (const [name, options] of Object.entries(GENERATED)) {
    it(`${name}.jsonl is what the generator writes for its seed, and reads as cases`, async () => {
      const file = path.join(dir, `${name}.jsonl`);
      expect(await readFile(file, 'utf8')).toBe(toJsonLines(generateCases(options)));
      const cases = await readCases(file);
      expect(cases.length).toBeGreaterThanOrEqual(500);
      for (const one of cases) {
        const { dealId, fields } = one.expected!;
        if (dealId === null) expect(fields, one.id).toBeNull();
        else
          expect(
            one.crm.deals.map((d) => d.id),
            one.id,
          ).toContain(dealId);
        const names = one.meeting.participants.map((p) => p.name);
        for (const line of one.meeting.transcript) expect(names, one.id).toContain(line.speaker);
      }
    });
  }

  it('covers every matching situation and a mix of fields, traps, zones and currencies', async () => {
    const cases = await readCases(path.join(dir, 'holdout.jsonl'));
    const nulls = cases.filter((c) => c.expected!.dealId === null).length;
    expect(nulls).toBeGreaterThan(cases.length * 0.1);
    expect(new Set(cases.map((c) => c.config!.timeZone)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(cases.map((c) => c.config!.fiscalYearStartMonth)).size).toBeGreaterThan(3);
    const amounts = cases.flatMap((c) => c.expected!.fields?.amount ?? []);
    expect(amounts.some((a) => typeof a === 'object' && a.currency === 'EUR')).toBe(true);
    for (const field of ['close_date', 'amount', 'stage', 'next_step', 'competitors'] as const) {
      expect(
        cases.filter((c) => c.expected!.fields?.[field] != null).length,
        field,
      ).toBeGreaterThan(100);
    }
  });

  it('writes the two files with phrasings from different halves of each template list', () => {
    const fit = generateCases({ ...GENERATED.fit, count: 200 });
    const holdout = generateCases({ ...GENERATED.holdout, count: 200 });
    const lines = (cases: typeof fit) =>
      new Set(cases.flatMap((c) => c.meeting.transcript.map((u) => u.text.replace(/\d+/g, '#'))));
    const a = lines(fit);
    const b = lines(holdout);
    const shared = [...b].filter((line) => a.has(line)).length;
    // Fillers and short replies are shared; most field statements are not.
    expect(shared / b.size).toBeLessThan(0.35);
  });
});
