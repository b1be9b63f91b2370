import { describe, expect, it, vi } from 'vitest';
import { CliError } from './cli-error.js';
import { remoteTarget } from './remote.js';

const key = { PANDORA_API_KEY: 'pk_abc' };

describe('the server the CLI works on', () => {
  it('is the local database without a server or a key', () => {
    expect(remoteTarget(undefined, {})).toBeUndefined();
    expect(
      remoteTarget(undefined, { PANDORA_SERVER_URL: '  ', PANDORA_API_KEY: '' }),
    ).toBeUndefined();
  });

  it('takes --server over PANDORA_SERVER_URL, keeping a path prefix without its trailing slash', () => {
    const env = { ...key, PANDORA_SERVER_URL: 'https://other.example.com' };
    expect(remoteTarget('https://pandora.example.com/crm/', env)).toEqual({
      url: 'https://pandora.example.com/crm',
      apiKey: 'pk_abc',
    });
    expect(remoteTarget(undefined, env)?.url).toBe('https://other.example.com');
  });

  it('warns when the key would cross the network unencrypted, not on this machine', () => {
    const warn = vi.fn();
    remoteTarget('http://pandora.example.com', key, warn);
    expect(warn.mock.calls).toEqual([
      [
        'pandora: warning: http://pandora.example.com is plain http; the API key travels unencrypted\n',
      ],
    ]);
    for (const local of ['http://localhost:4000', 'http://127.0.0.1:4000', 'http://[::1]:4000'])
      remoteTarget(local, key, warn);
    remoteTarget('https://pandora.example.com', key, warn);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses URLs that are not a plain http(s) base', () => {
    for (const [url, message] of [
      ['https://me:secret@pandora.example.com', /must not hold credentials/],
      ['https://pandora.example.com/?x=1', /without \?query or #fragment/],
      ['javascript:alert(1)', /must be an http:\/\/ or https:\/\/ URL/],
    ] as const) {
      expect(() => remoteTarget(url, key)).toThrow(CliError);
      expect(() => remoteTarget(url, key)).toThrow(message);
    }
  });
});
