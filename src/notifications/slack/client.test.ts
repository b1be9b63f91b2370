import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { classifySlackError } from './client.js';

describe('Slack configuration', () => {
  it('reads the SLACK_ variables; Slack itself by default, a trailing /api/ dropped', () => {
    expect(loadConfig({})).toMatchObject({
      slackApiUrl: 'https://slack.com',
      slackClientId: undefined,
      slackSigningSecret: undefined,
    });
    expect(
      loadConfig({
        SLACK_CLIENT_ID: '123.456',
        SLACK_CLIENT_SECRET: 'shh',
        SLACK_SIGNING_SECRET: 'sign',
        SLACK_API_URL: 'http://127.0.0.1:4102/api/',
      }),
    ).toMatchObject({
      slackClientId: '123.456',
      slackClientSecret: 'shh',
      slackSigningSecret: 'sign',
      slackApiUrl: 'http://127.0.0.1:4102',
    });
    expect(() => loadConfig({ SLACK_API_URL: 'not a url' })).toThrow(ConfigError);
  });
});

describe('classifySlackError', () => {
  it('retries a 429 after its Retry-After, ratelimited, 5xx and network failures', () => {
    expect(classifySlackError(new WebAPIRateLimitedError(7))).toMatchObject({
      kind: 'retry',
      retryAfterMs: 7000,
    });
    expect(
      classifySlackError(new WebAPIPlatformError({ ok: false, error: 'ratelimited' })),
    ).toMatchObject({ kind: 'retry' });
    expect(classifySlackError(new WebAPIHTTPError(503, 'Service Unavailable', {}))).toMatchObject({
      kind: 'retry',
    });
    expect(
      classifySlackError(new WebAPIRequestError(new Error('connect ECONNREFUSED'))),
    ).toMatchObject({ kind: 'retry', error: expect.stringContaining('ECONNREFUSED') });
  });

  it('fails for good on a dead token or channel, naming the reason Slack gave', () => {
    for (const code of ['invalid_auth', 'account_inactive', 'channel_not_found', 'token_revoked']) {
      expect(classifySlackError(new WebAPIPlatformError({ ok: false, error: code }))).toEqual({
        kind: 'failed',
        error: `Slack: ${code}`,
        code,
      });
    }
  });
});
