import { describe, expect, it } from 'vitest';
import { domainsFieldError } from './internal-domains';

describe('domains field error', () => {
  it('names the value the API refused by its index', () => {
    expect(
      domainsFieldError({ 'domains[1]': 'must be a domain such as example.com' }, [
        'ok.example',
        'https://acme.com/x',
      ]),
    ).toBe('“https://acme.com/x” must be a domain such as example.com');
  });

  it('keeps the message alone for the whole list, and ignores other fields', () => {
    expect(domainsFieldError({ domains: 'too many' }, ['a.com'])).toBe('too many');
    expect(domainsFieldError({ name: 'required' }, ['a.com'])).toBeUndefined();
  });
});
