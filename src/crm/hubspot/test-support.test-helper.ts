import { DEFAULT_PRIVATE_APP_TOKEN } from '../emulator/hubspot/context.js';
import {
  recordingGate,
  type RecordingGate,
  type RunningHubspot,
} from '../emulator/hubspot/testing.test-helper.js';
import { createHubspotConnector, type HubspotConnector } from './connector.js';
import type { HubspotConnectorOptions } from './types.js';

let counter = 0;

/** A connector on the emulator with a fresh property cache and a fast retry loop. */
export function connectorFor(
  running: RunningHubspot,
  overrides: Partial<HubspotConnectorOptions> = {},
): { connector: HubspotConnector; gate: RecordingGate } {
  const gate = recordingGate();
  counter += 1;
  const connector = createHubspotConnector({
    credentials: { kind: 'private_app', accessToken: DEFAULT_PRIVATE_APP_TOKEN },
    basePath: running.baseUrl,
    gate,
    cacheKey: `test-${counter}`,
    retry: { baseDelayMs: 5, attempts: 3 },
    ...overrides,
  });
  return { connector, gate };
}

/** Requests the emulator answered from now on (method and path, batch size, status). */
export function requestsFrom(running: RunningHubspot) {
  const since = running.emulator.ctx.log.lastSeq;
  return () => running.requests(since);
}
