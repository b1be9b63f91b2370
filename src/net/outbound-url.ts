import type { LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { HttpError } from '../errors.js';

/**
 * The one gate for URLs Pandora sends requests to on someone's say-so (SSRF).
 *
 * A URL passes when it is https on a host its purpose allows (a CRM's own domains)
 * and every address its host resolves to is public unicast: never loopback, private
 * (RFC 1918, fc00::/7), link-local (169.254/16 with the cloud metadata address,
 * fe80::/10), CGNAT, multicast, unspecified, or an IPv6 form that embeds one of them.
 * Hosts the operator lists in `PANDORA_ALLOWED_CRM_HOSTS` (or configures as a CRM
 * endpoint) pass without those checks: the operator vouches for them, internal
 * proxies included.
 *
 * DNS rebinding: a host that resolved to public addresses when checked could answer
 * differently when connected to. `guardedLookup` closes that for clients that take
 * an HTTP agent (the HubSpot SDK): it re-checks the addresses the socket really
 * connects to. jsforce takes no agent, so Salesforce URLs are checked when entered,
 * each time a connector is opened, and when a token refresh names a new instance.
 */
export type OutboundPurpose = 'hubspot' | 'salesforce' | 'public';

/**
 * The CRMs' own API hosts. HubSpot serves every account's API from api.hubapi.com
 * (api-eu1 for its EU data centre). Salesforce orgs live on subdomains of the
 * domains Salesforce documents for allowlisting (My Domain `*.my.salesforce.com`,
 * `login`/`test.salesforce.com`, `*.lightning.force.com`, legacy `*.cloudforce.com`
 * and `*.database.com`, setup, Visualforce and site domains, Government Cloud Plus
 * on `*.salesforce.mil`).
 */
export const CRM_HOSTS: Record<Exclude<OutboundPurpose, 'public'>, readonly string[]> = {
  hubspot: ['api.hubapi.com', 'api-eu1.hubapi.com'],
  salesforce: [
    '*.salesforce.com',
    '*.force.com',
    '*.cloudforce.com',
    '*.database.com',
    '*.salesforce-setup.com',
    '*.visualforce.com',
    '*.salesforce-sites.com',
    '*.site.com',
    '*.salesforce.mil',
  ],
};

/** Every address a host name resolves to (tests inject a fake; there is no network). */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface OutboundPolicy {
  /**
   * Hosts the operator allows beyond the CRMs' own: `host`, `*.domain` (https) or a
   * full origin `http://host:port` (that scheme and port only).
   */
  allowedHosts: readonly string[];
  resolve?: Resolver;
}

export type RefusalReason =
  'invalid' | 'scheme' | 'credentials' | 'host' | 'port' | 'address' | 'unresolvable';

/** A refused URL: 400 `url_not_allowed`, naming the field and why. */
export class OutboundUrlError extends HttpError {
  override name = 'OutboundUrlError';

  constructor(
    readonly field: string,
    readonly reason: RefusalReason,
    why: string,
    options?: { cause?: unknown },
  ) {
    super(
      400,
      'url_not_allowed',
      `${field} is not allowed: ${why}`,
      [{ field, message: why }],
      options,
    );
  }
}

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * `PANDORA_ALLOWED_CRM_HOSTS`: comma- or space-separated entries, lowercased; a
 * `host:port` entry means that https origin.
 */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/\/+$/, ''))
    .filter(Boolean)
    .map((entry) => (!entry.includes('://') && entry.includes(':') ? `https://${entry}` : entry));
}

/** The origins of URLs (configured endpoints), skipping unset or unparseable ones. */
export function originsOf(urls: readonly (string | undefined)[]): string[] {
  return urls.flatMap((url) => {
    if (!url) return [];
    try {
      return [new URL(url).origin];
    } catch {
      return [];
    }
  });
}

/** Whether an address is public unicast: the only kind a user-supplied URL may reach. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  // ::ffff:127.0.0.1 reaches 127.0.0.1; judge the IPv4 address it carries.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  } else if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) {
    // ::/96, the deprecated IPv4-compatible form (::127.0.0.1): never a public host.
    return false;
  }
  // Everything ipaddr.js names (loopback, private, linkLocal, uniqueLocal, carrierGradeNat,
  // multicast, unspecified, reserved, 6to4, teredo, rfc6052...) is refused.
  return ip.range() === 'unicast';
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern;
}

function operatorAllows(allowed: readonly string[], url: URL, host: string): boolean {
  return allowed.some((entry) =>
    entry.includes('://')
      ? entry === url.origin
      : url.protocol === 'https:' && hostMatches(entry, host),
  );
}

/**
 * Checks a URL before anything is sent to it, and returns it parsed. Throws
 * `OutboundUrlError` (400 `url_not_allowed`) naming `field` and the reason.
 */
export async function checkOutboundUrl(
  raw: string,
  options: { purpose: OutboundPurpose; field: string; policy: OutboundPolicy },
): Promise<URL> {
  const { field, policy } = options;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new OutboundUrlError(field, 'invalid', `"${raw}" is not a URL`, { cause: error });
  }
  if (url.username || url.password) {
    throw new OutboundUrlError(field, 'credentials', 'a URL may not carry a user name or password');
  }
  // WHATWG URLs lowercase the host; brackets wrap IPv6 literals, a final dot is the root.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (operatorAllows(policy.allowedHosts, url, host)) return url;

  if (url.protocol !== 'https:') {
    throw new OutboundUrlError(field, 'scheme', `only https URLs are allowed, not ${url.protocol}`);
  }
  if (options.purpose !== 'public') {
    const hosts = CRM_HOSTS[options.purpose];
    if (!hosts.some((pattern) => hostMatches(pattern, host))) {
      throw new OutboundUrlError(
        field,
        'host',
        `${host} is not a ${options.purpose === 'hubspot' ? 'HubSpot' : 'Salesforce'} domain (${hosts.join(', ')}); an operator can allow more hosts with PANDORA_ALLOWED_CRM_HOSTS`,
      );
    }
    if (url.port !== '') {
      throw new OutboundUrlError(field, 'port', `the CRM answers on port 443, not ${url.port}`);
    }
  }

  const addresses = ipaddr.isValid(host)
    ? [host]
    : await (policy.resolve ?? systemResolver)(host).catch((error: unknown) => {
        throw new OutboundUrlError(field, 'unresolvable', `${host} does not resolve`, {
          cause: error,
        });
      });
  if (addresses.length === 0) {
    throw new OutboundUrlError(field, 'unresolvable', `${host} does not resolve`);
  }
  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked) {
    throw new OutboundUrlError(
      field,
      'address',
      `${host} resolves to ${blocked}, a loopback, private, link-local or otherwise non-public address`,
    );
  }
  return url;
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

/**
 * A `lookup` for `http.Agent`s: resolves as usual, then refuses to connect to any
 * non-public address, so a host that passed `checkOutboundUrl` cannot be re-pointed
 * at an internal address between the check and the request (DNS rebinding).
 * Hosts in `allowedHosts` (the operator's) are not checked.
 */
export function guardedLookup(allowedHosts: readonly string[] = []): LookupFunction {
  return (hostname: string, opts: LookupOptions, callback): void => {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    const trusted = allowedHosts.some((entry) =>
      entry.includes('://') ? originHost(entry) === host : hostMatches(entry, host),
    );
    const family = opts.family === 'IPv4' ? 4 : opts.family === 'IPv6' ? 6 : (opts.family ?? 0);
    lookup(hostname, { all: true, verbatim: true, family }).then(
      (entries) => {
        const blocked = trusted ? undefined : entries.find((e) => !isPublicAddress(e.address));
        if (blocked) {
          const error: NodeJS.ErrnoException = new Error(
            `${hostname} resolved to ${blocked.address}, a non-public address; the connection is refused`,
          );
          error.code = 'EADDRNOTALLOWED';
          callback(error, '', 0);
          return;
        }
        if (entries.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} does not resolve`);
          error.code = 'ENOTFOUND';
          callback(error, '', 0);
          return;
        }
        if (opts.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}
