import { loadConfig, type Config } from '../config.js';
import { HttpError } from '../errors.js';
import { checkOutboundUrl, originsOf, type OutboundPolicy } from '../net/outbound-url.js';

type PolicyConfig = Pick<Config, 'allowedCrmHosts' | 'hubspotApiBase' | 'salesforceLoginUrl'>;

/**
 * Where a user-supplied CRM URL may point: the CRMs' own domains (built into the
 * check), the hosts in `PANDORA_ALLOWED_CRM_HOSTS`, and the CRM endpoints the
 * operator configured (`HUBSPOT_API_BASE_URL`, `SALESFORCE_LOGIN_URL`), which are
 * trusted as the operator's word too.
 */
export function crmOutboundPolicy(config: PolicyConfig): OutboundPolicy {
  return {
    allowedHosts: [
      ...config.allowedCrmHosts,
      ...originsOf([config.hubspotApiBase, config.salesforceLoginUrl]),
    ],
  };
}

let fromEnvironment: OutboundPolicy | undefined;

/** The policy of this process's environment, for callers that were given none (workers). */
export function defaultCrmOutboundPolicy(): OutboundPolicy {
  fromEnvironment ??= crmOutboundPolicy(loadConfig());
  return fromEnvironment;
}

/**
 * Checks the URLs a user put into a new or changed connection before anything is
 * stored or sent: HubSpot's `metadata.baseUrl`, Salesforce's instance and login URLs.
 * The sandbox mark is the server's alone. Throws 400 (`url_not_allowed`,
 * `validation_failed`) naming the field.
 */
export async function checkConnectionUrls(
  input: {
    crmType: 'hubspot' | 'salesforce';
    credentials?: Record<string, unknown>;
    metadata?: Record<string, unknown>;
  },
  policy: OutboundPolicy,
  prefix: { credentials: string; metadata: string } = {
    credentials: 'credentials.',
    metadata: 'metadata.',
  },
): Promise<void> {
  if (input.metadata && 'sandbox' in input.metadata) {
    throw new HttpError(400, 'validation_failed', 'Only the server makes sandbox connections', [
      {
        field: `${prefix.metadata}sandbox`,
        message: 'is set by the server; connect the sandbox with POST .../connections/sandbox',
      },
    ]);
  }
  const check = (value: unknown, purpose: 'hubspot' | 'salesforce', field: string) =>
    value === undefined ? undefined : checkOutboundUrl(String(value), { purpose, field, policy });
  if (input.crmType === 'hubspot') {
    await check(input.metadata?.baseUrl, 'hubspot', `${prefix.metadata}baseUrl`);
    return;
  }
  await check(input.credentials?.instanceUrl, 'salesforce', `${prefix.credentials}instanceUrl`);
  await check(input.credentials?.loginUrl, 'salesforce', `${prefix.credentials}loginUrl`);
}
