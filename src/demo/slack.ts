import type pg from 'pg';
import type { Logger } from 'pino';
import { loadInstallation } from '../notifications/slack/client.js';
import {
  installWithToken,
  listChannels,
  setAlertsChannel,
} from '../notifications/slack/install.js';
import { SLACK_EMULATOR_BOT_TOKEN } from '../notifications/slack/emulator/emulator.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { findWorkspaceBySlug } from '../tenancy/workspaces.js';
import { DEMO_SLUG } from './bootstrap.js';

/**
 * `npm start` with the sandbox: installs the demo workspace in the emulated Slack (its
 * bot token, checked with auth.test like a pasted one; alerts to #revops-alerts) when
 * it has no Slack yet, and points every emulator install at where the emulator
 * listens now (its port may change between starts).
 */
export async function ensureDemoSlackInstall(
  pool: pg.Pool,
  secretKey: SecretKey,
  slackUrl: string,
  log?: Logger,
): Promise<boolean> {
  await pool.query(`update slack_installations set api_url = $1::text where api_url is not null`, [
    slackUrl,
  ]);
  const workspace = await findWorkspaceBySlug(pool, DEMO_SLUG);
  if (!workspace || (await loadInstallation(pool, secretKey, workspace.id))) return false;
  const install = await installWithToken(
    { db: pool, secretKey, log },
    {
      workspaceId: workspace.id,
      userId: null,
      token: SLACK_EMULATOR_BOT_TOKEN,
      apiUrl: slackUrl,
      sandbox: true,
    },
  );
  const alerts = (await listChannels(install, slackUrl, log)).find(
    (c) => c.name === 'revops-alerts',
  );
  if (alerts) await setAlertsChannel(pool, workspace.id, alerts);
  return true;
}
