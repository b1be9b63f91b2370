import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCases, type AgentCase } from '../../src/agents/cases.js';
import { projectRoot } from '../../src/paths.js';

/**
 * The hand-written labelled set is only worth its figures if every file reads with the
 * same reader `pandora agent eval` uses, and each label can be scored: a dealId the
 * case's CRM does not hold, or a speaker who is not a participant, would be a typo
 * that silently skews match accuracy.
 */
const dir = path.join(projectRoot, 'test/agent/labelled');

async function loadAll(): Promise<{ file: string; cases: AgentCase[] }[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, cases: await readCases(path.join(dir, file)) })),
  );
}

describe('labelled meeting-agent cases', () => {
  it('every file parses with the case reader, and ids are unique across files', async () => {
    const loaded = await loadAll();
    expect(loaded.length).toBeGreaterThan(0);
    const ids = loaded.flatMap(({ cases }) => cases.map((one) => one.id));
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every case is labelled, and its labels point at what the case holds', async () => {
    for (const { file, cases } of await loadAll()) {
      for (const one of cases) {
        const where = `${file} ${one.id}`;
        expect(one.expected, where).toBeDefined();
        const dealId = one.expected!.dealId;
        if (dealId !== null)
          expect(
            one.crm.deals.map((deal) => deal.id),
            where,
          ).toContain(dealId);
        // No deal, nothing to change: no fields, or every one null.
        if (dealId === null)
          expect(
            Object.values(one.expected!.fields ?? {}).filter((v) => v !== null),
            where,
          ).toEqual([]);
        expect(one.meeting.transcript.length, where).toBeGreaterThanOrEqual(4);
        expect(one.meeting.transcript.length, where).toBeLessThanOrEqual(60);
        // Each speaker is a participant, or someone the call has named before they speak
        // (k311-080: "and Men?" "Men is in the car, he'll dial in by phone.").
        const names = one.meeting.participants.map((person) => person.name);
        one.meeting.transcript.forEach((line, i) => {
          if (names.includes(line.speaker)) return;
          const said = one.meeting.transcript.slice(0, i).map((earlier) => earlier.text);
          const firstName = line.speaker.split(' ')[0]!;
          expect(said.join(' '), `${where}: ${line.speaker} speaks unannounced`).toContain(
            firstName,
          );
        });
      }
    }
  });

  it("the READMEs (README.md and each retired check's own) list every case id, and only those", async () => {
    const notes = (await readdir(dir)).filter((name) => name.endsWith('.md'));
    const readme = (
      await Promise.all(notes.map((name) => readFile(path.join(dir, name), 'utf8')))
    ).join('\n');
    // A list item "- `id`: ..." or a table row "| id | ...".
    const listed = [...readme.matchAll(/^(?:- `([^`]+)`[: ]|\| (\w+-[\w-]+) \|)/gm)].map(
      (match) => match[1] ?? match[2],
    );
    const ids = (await loadAll()).flatMap(({ cases }) => cases.map((one) => one.id));
    expect(listed.sort()).toEqual(ids.sort());
  });
});
