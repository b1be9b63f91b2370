import { OutboundUrlError } from '../net/outbound-url.js';
import { setConnectionStatus, type Connection } from '../tenancy/connections.js';
import { openConnector, type ConnectorDeps } from './connect.js';
import { CrmError } from './errors.js';
import { validTimeZone } from './rate-limits.js';

/**
 * Calls the CRM with the stored credentials and records the outcome on the
 * connection: `connected` with the account it reached, or `error` with a sentence
 * the user can act on (wrong credentials, a revoked token, an unreachable CRM).
 */
export async function checkConnection(
  deps: ConnectorDeps,
  workspaceId: string,
  connectionId: string,
): Promise<Connection> {
  try {
    const { connector } = await openConnector(deps, workspaceId, connectionId);
    const account = await connector.testConnection();
    return await setConnectionStatus(deps.pool, workspaceId, connectionId, 'connected', null, {
      account: { id: account.accountId, user: account.user ?? null },
      checkedAt: new Date().toISOString(),
      // The daily quota's day starts at midnight here (the rate limiter reads it).
      ...(validTimeZone(account.timeZone) ? { timeZone: account.timeZone } : {}),
    });
  } catch (error) {
    if (error instanceof OutboundUrlError) {
      // Refused before anything was sent; the console says why, the caller gets the 400.
      await setConnectionStatus(deps.pool, workspaceId, connectionId, 'error', error.message);
      throw error;
    }
    if (!(error instanceof CrmError)) throw error;
    return setConnectionStatus(deps.pool, workspaceId, connectionId, 'error', explain(error), {
      checkedAt: new Date().toISOString(),
    });
  }
}

/** What a failed check means, in words a RevOps admin can act on. */
export function explain(error: CrmError): string {
  switch (error.kind) {
    case 'auth_expired':
      return 'The CRM rejected the credentials: the token is wrong, expired or revoked. Reconnect with a valid one.';
    case 'permission':
      return `The CRM user or app lacks a permission Pandora needs (${error.crmCode ?? 'forbidden'}). Grant the CRM scopes listed in the README and reconnect.`;
    case 'rate_limited':
      return 'The CRM is rate limiting this account right now; Pandora will retry after the limit resets.';
    case 'transient':
      return `The CRM could not be reached (${error.message}). Check the URL and network, then test again.`;
    default:
      return `The CRM answered with an error: ${error.message}`;
  }
}
