import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { loadInstallation } from '../notifications/slack/client.js';
import {
  startSlackEmulatorForTest,
  type SlackTestEmulator,
} from '../notifications/slack/emulator/slack.test-helper.js';
import { ensureDemoWorkspace } from './bootstrap.js';
import { ensureDemoSlackInstall } from './slack.js';

let db: TestDatabase;
let slack: SlackTestEmulator;

beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startSlackEmulatorForTest();
});

describe('the demo in the sandbox Slack', () => {
  it('installs the demo workspace once, alerts to #revops-alerts, and follows the emulator', async () => {
    const workspace = (await ensureDemoWorkspace(db.pool))!;
    expect(await ensureDemoSlackInstall(db.pool, TEST_SECRET_KEY, slack.url)).toBe(true);
    const install = (await loadInstallation(db.pool, TEST_SECRET_KEY, workspace.id))!;
    expect(install).toMatchObject({
      teamId: slack.teamId,
      apiUrl: slack.url,
      alertsChannelId: slack.channel('revops-alerts').id,
      alertsChannelName: 'revops-alerts',
      installedVia: 'token',
    });
    // The next start: nothing new, and the install points where the emulator is now.
    expect(await ensureDemoSlackInstall(db.pool, TEST_SECRET_KEY, 'http://127.0.0.1:1')).toBe(
      false,
    );
    expect((await loadInstallation(db.pool, TEST_SECRET_KEY, workspace.id))!.apiUrl).toBe(
      'http://127.0.0.1:1',
    );
  });
});
