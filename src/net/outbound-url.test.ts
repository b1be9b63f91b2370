import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  checkOutboundUrl,
  guardedLookup,
  isPublicAddress,
  originsOf,
  parseAllowedHosts,
  type OutboundPolicy,
  type OutboundPurpose,
} from './outbound-url.js';

/** A fake DNS: no network here, and tests decide what a name resolves to. */
function policy(records: Record<string, string[]>, allowedHosts: string[] = []): OutboundPolicy {
  return {
    allowedHosts,
    resolve: async (host) => {
      const addresses = records[host];
      if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return addresses;
    },
  };
}

const PUBLIC = '104.16.0.10';

async function refusal(url: string, purpose: OutboundPurpose, p: OutboundPolicy) {
  const error = await checkOutboundUrl(url, { purpose, field: 'instanceUrl', policy: p }).then(
    () => undefined,
    (e: unknown) => e as { status: number; code: string; reason: string; details: unknown },
  );
  if (!error) throw new Error(`${url} was allowed`);
  return error;
}

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['104.16.0.10', '13.108.1.1', '2606:4700::6810:10', '::ffff:104.16.0.10'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('checkOutboundUrl', () => {
  const dns = policy({
    'api.hubapi.com': [PUBLIC],
    'acme.my.salesforce.com': [PUBLIC, '2606:4700::6810:10'],
    'evil.my.salesforce.com': [PUBLIC, '127.0.0.1'],
    'meta.my.salesforce.com': ['169.254.169.254'],
    'v6.my.salesforce.com': ['fd00:ec2::254'],
    'login.salesforce.com': [PUBLIC],
    'acme.lightning.force.com': [PUBLIC],
    'acme.my.salesforce.com.evil.com': [PUBLIC],
  });

  it('accepts https on the CRM domains when every address is public', async () => {
    for (const [url, purpose] of [
      ['https://api.hubapi.com', 'hubspot'],
      ['https://acme.my.salesforce.com/', 'salesforce'],
      ['https://login.salesforce.com', 'salesforce'],
      ['https://ACME.lightning.force.com.', 'salesforce'],
    ] as const) {
      const parsed = await checkOutboundUrl(url, { purpose, field: 'url', policy: dns });
      expect(parsed.protocol).toBe('https:');
    }
  });

  it.each([
    ['http://127.0.0.1:4010', 'scheme'],
    ['https://127.0.0.1', 'host'],
    ['https://[::1]', 'host'],
    ['https://localhost', 'host'],
    ['https://169.254.169.254/latest/meta-data', 'host'],
    ['http://acme.my.salesforce.com', 'scheme'],
    ['https://acme.my.salesforce.com.evil.com', 'host'],
    ['https://salesforce.com.evil.com', 'host'],
    ['https://evilsalesforce.com', 'host'],
    ['https://acme.my.salesforce.com:8443', 'port'],
    ['https://user:pw@acme.my.salesforce.com', 'credentials'],
    ['https://evil.my.salesforce.com', 'address'],
    ['https://meta.my.salesforce.com', 'address'],
    ['https://v6.my.salesforce.com', 'address'],
    ['https://nowhere.my.salesforce.com', 'unresolvable'],
    ['file:///etc/passwd', 'scheme'],
    ['not a url', 'invalid'],
  ])('refuses %s (%s) with 400 url_not_allowed naming the field', async (url, reason) => {
    const error = await refusal(url, 'salesforce', dns);
    expect(error).toMatchObject({ status: 400, code: 'url_not_allowed', reason });
    expect(error.details).toEqual([{ field: 'instanceUrl', message: expect.any(String) }]);
  });

  it('keeps HubSpot and Salesforce URLs on their own CRM', async () => {
    expect((await refusal('https://acme.my.salesforce.com', 'hubspot', dns)).reason).toBe('host');
    expect((await refusal('https://api.hubapi.com', 'salesforce', dns)).reason).toBe('host');
  });

  it('lets the operator allow hosts, origins and domains by PANDORA_ALLOWED_CRM_HOSTS', async () => {
    const allowedHosts = parseAllowedHosts(
      'crm-proxy.internal, *.corp.example http://127.0.0.1:4010 HUB.example:8443/',
    );
    expect(allowedHosts).toEqual([
      'crm-proxy.internal',
      '*.corp.example',
      'http://127.0.0.1:4010',
      'https://hub.example:8443',
    ]);
    const p = { allowedHosts, resolve: dns.resolve };
    for (const url of [
      'https://crm-proxy.internal/api',
      'https://sf.corp.example',
      'http://127.0.0.1:4010/services',
      'https://hub.example:8443',
    ]) {
      await expect(
        checkOutboundUrl(url, { purpose: 'hubspot', field: 'url', policy: p }),
      ).resolves.toBeInstanceOf(URL);
    }
    // Only what was listed: another port, plain http for a bare host, the apex of a wildcard.
    expect((await refusal('http://127.0.0.1:4011', 'hubspot', p)).reason).toBe('scheme');
    expect((await refusal('http://crm-proxy.internal', 'hubspot', p)).reason).toBe('scheme');
    expect((await refusal('https://corp.example', 'hubspot', p)).reason).toBe('host');
    expect((await refusal('https://hub.example', 'hubspot', p)).reason).toBe('host');
  });

  it('trusts the origins of the CRM endpoints the operator configured', async () => {
    const p = { allowedHosts: originsOf(['http://127.0.0.1:4010/', undefined, 'not a url']) };
    expect(p.allowedHosts).toEqual(['http://127.0.0.1:4010']);
    await expect(
      checkOutboundUrl('http://127.0.0.1:4010', { purpose: 'salesforce', field: 'u', policy: p }),
    ).resolves.toBeInstanceOf(URL);
  });

  it('checks public URLs (flow steps) for addresses only', async () => {
    const p = policy({ 'hooks.example.com': [PUBLIC], 'intranet.example.com': ['10.0.0.5'] });
    await expect(
      checkOutboundUrl('https://hooks.example.com:8443/x', {
        purpose: 'public',
        field: 'u',
        policy: p,
      }),
    ).resolves.toBeInstanceOf(URL);
    expect((await refusal('https://intranet.example.com', 'public', p)).reason).toBe('address');
    expect((await refusal('https://[::ffff:7f00:1]', 'public', p)).reason).toBe('address');
  });

  it('parses an empty allow-list', () => {
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(parseAllowedHosts(' , ')).toEqual([]);
  });
});

describe('guardedLookup', () => {
  it('refuses to connect a socket to a non-public address, whatever was checked before', async () => {
    const server = http.createServer((_req, res) => res.end('secret'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const get = (lookup: ReturnType<typeof guardedLookup>) =>
      new Promise<string>((resolve, reject) => {
        const agent = new http.Agent({ lookup } as http.AgentOptions);
        http
          .get(`http://localhost:${port}/`, { agent, family: 4 }, (res) => {
            res.resume();
            resolve(String(res.statusCode));
          })
          .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
          .on('timeout', reject);
      });
    try {
      expect(await get(guardedLookup())).toBe('EADDRNOTALLOWED');
      expect(await get(guardedLookup(['localhost']))).toBe('200');
      expect(await get(guardedLookup([`http://localhost:${port}`]))).toBe('200');
    } finally {
      server.close();
    }
  });
});
