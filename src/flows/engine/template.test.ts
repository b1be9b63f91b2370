import { describe, expect, it } from 'vitest';
import type { RunScope } from '../types.js';
import { resolveTemplates, scrubSecrets, TemplateError } from './template.js';

const scope: RunScope = {
  trigger: { amount: 1200, deal: { name: 'Acme', tags: ['a', 'b'] }, flag: false },
  vars: { count: 3, owner: null },
  steps: { fetch: { output: { body: { id: 'x-1', items: [{ n: 1 }, { n: 2 }] } } } },
};
const secrets: Record<string, string> = { api_key: 's3cr3t-value' };
const read = async (name: string) => secrets[name];

describe('resolveTemplates', () => {
  it('keeps the type of a whole-string template and writes text into others', async () => {
    const { value } = await resolveTemplates(
      {
        n: '{{trigger.amount}}',
        f: '{{ trigger.flag }}',
        o: '{{trigger.deal}}',
        i: '{{steps.fetch.output.body.items[1].n}}',
        t: 'Deal {{trigger.deal.name}} x{{vars.count}} {{trigger.deal.tags}}',
        missing: '{{vars.nope}}',
        nul: 'owner:{{vars.owner}}',
        list: ['{{vars.count}}', 'plain'],
      },
      scope,
      read,
    );
    expect(value).toEqual({
      n: 1200,
      f: false,
      o: { name: 'Acme', tags: ['a', 'b'] },
      i: 2,
      t: 'Deal Acme x3 ["a","b"]',
      missing: undefined,
      nul: 'owner:',
      list: [3, 'plain'],
    });
  });

  it('resolves secrets for the step but stores [secret] wherever one went', async () => {
    const result = await resolveTemplates(
      {
        headers: { authorization: 'Bearer {{secrets.api_key}}' },
        key: '{{secrets.api_key}}',
        n: '{{vars.count}}',
      },
      scope,
      read,
    );
    expect(result.value).toEqual({
      headers: { authorization: 'Bearer s3cr3t-value' },
      key: 's3cr3t-value',
      n: 3,
    });
    expect(result.stored).toEqual({
      headers: { authorization: '[secret]' },
      key: '[secret]',
      n: 3,
    });
    expect(JSON.stringify(result.stored)).not.toContain('s3cr3t');
    expect(result.secrets).toEqual(['s3cr3t-value']);
  });

  it('refuses unknown roots and missing secrets', async () => {
    await expect(resolveTemplates('{{process.env.HOME}}', scope, read)).rejects.toThrow(
      TemplateError,
    );
    await expect(resolveTemplates('{{secrets.nope}}', scope, read)).rejects.toThrow(
      'no secret named nope',
    );
    // Only own properties: no prototype walking.
    const { value } = await resolveTemplates('{{trigger.constructor}}', scope, read);
    expect(value).toBeUndefined();
  });

  it('leaves a config without templates as it is', async () => {
    const config = { a: 1, b: ['x'] };
    const result = await resolveTemplates(config, scope, read);
    expect(result.value).toBe(config);
  });
});

describe('scrubSecrets', () => {
  it('replaces secret values anywhere in what a step answered', () => {
    expect(
      scrubSecrets({ message: 'rejected key s3cr3t-value', echo: ['s3cr3t-value'] }, [
        's3cr3t-value',
      ]),
    ).toEqual({ message: 'rejected key [secret]', echo: ['[secret]'] });
  });
});
