import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

/**
 * `pandora agent eval` as a user runs it, on the three hand-written cases beside this
 * file, with the product's core (src/agents/core.ts).
 */
const CLI = ['--import', 'tsx', path.join(projectRoot, 'src/cli/main.ts'), 'agent', 'eval'];
const here = path.join(projectRoot, 'test/agent');
const run = promisify(execFile);

async function pandora(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each case spawns the CLI through tsx, which compiles its imports first: on a loaded
// 2-core machine one spawn has taken over 12 s, so a case with two spawns gets room.
describe('pandora agent eval', { timeout: 90_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'agent-eval-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one prediction a case and prints the figures, then their JSON', async () => {
    const out = path.join(dir, 'predictions.jsonl');
    const result = await pandora([
      '--file',
      path.join(here, 'cases.jsonl'),
      '--config',
      path.join(here, 'agent.json'),
      '--out',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const predictions = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    // The ids and matches; the proposed fields are the core's tests' business.
    expect(predictions).toMatchObject([
      { id: 'one-open-deal', dealId: 'd1', matchConfidence: expect.any(Number) },
      // Two open deals for the one contact; the title and transcript name the add-on.
      { id: 'two-open-deals', dealId: 'd3', matchConfidence: expect.any(Number) },
      // Only the internal participant (vendor.io, from agent.json): no match, as labelled.
      { id: 'internal-only', dealId: null, matchConfidence: 0, fields: [] },
    ]);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `Wrote 3 predictions to ${out}`,
      'cases scored: 3',
      'match accuracy: 3/3 (100.0%)',
    ]);
    expect(lines[3]).toMatch(/^close_date: precision \d+\/\d+ \(.+\), recall \d+\/1 \(.+\)$/);
    expect(lines).toContainEqual(expect.stringMatching(/^auto-apply precision: \d+\/\d+/));
    expect(lines).toContainEqual(expect.stringMatching(/^recall: \d+\/5 /));
    expect(lines).toContainEqual(expect.stringMatching(/^calibration error \(ECE, 10 bins\): /));
    const summary = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(summary).toMatchObject({
      cases: 3,
      matchAccuracy: { right: 3, total: 3, rate: 1 },
      recall: { total: 5 },
    });
  });

  it('reads the config file: without it the internal participant matches the partner deal', async () => {
    const out = path.join(dir, 'no-config.jsonl');
    const result = await pandora(['--file', path.join(here, 'cases.jsonl'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('match accuracy: 2/3 (66.7%)');
    expect(await readFile(out, 'utf8')).toContain('"dealId":"d9"');
  });

  it('has --help, and requires --file and --out', async () => {
    const help = await pandora(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pandora agent eval [options]');
    const missing = await pandora(['--file', path.join(here, 'cases.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("required option '--out <predictions.jsonl>' not specified");
  });

  it('names the line and field of a bad case, without a stack, and writes nothing', async () => {
    const cases = (await readFile(path.join(here, 'cases.jsonl'), 'utf8')).trim().split('\n');
    const bad = JSON.parse(cases[1]!) as { meeting: { transcript: { startSeconds: unknown }[] } };
    bad.meeting.transcript[0]!.startSeconds = 'three';
    const file = path.join(dir, 'bad.jsonl');
    await writeFile(file, [cases[0], JSON.stringify(bad)].join('\n'));
    const out = path.join(dir, 'bad-out.jsonl');
    const result = await pandora(['--file', file, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `pandora: ${file} line 2: meeting.transcript.0.startSeconds: Expected number\n`,
    );
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});
