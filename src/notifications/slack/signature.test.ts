import { describe, expect, it } from 'vitest';
import { HttpError } from '../../errors.js';
import { signSlackRequest, verifySlackRequest } from './signature.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const body = Buffer.from('payload=%7B%22type%22%3A%22block_actions%22%7D');
const now = new Date('2026-12-03T16:00:00Z');
const ts = String(Math.floor(now.getTime() / 1000));

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    expect(error.status).toBe(401);
    return error.code;
  }
}

const headers = (timestamp: string, signature: string) => ({
  'x-slack-request-timestamp': timestamp,
  'x-slack-signature': signature,
});

describe('Slack request signatures', () => {
  it('signs as Slack documents: v0= and the hex HMAC-SHA256 of v0:<ts>:<body>', () => {
    // Slack's published example (secret, timestamp and body from its verification guide).
    const example =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest(SECRET, 1531420618, example)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('accepts a request signed with the secret within 5 minutes', () => {
    expect(
      codeOf(() =>
        verifySlackRequest(SECRET, headers(ts, signSlackRequest(SECRET, ts, body)), body, now),
      ),
    ).toBeNull();
    const old = String(Number(ts) - 299);
    expect(
      codeOf(() =>
        verifySlackRequest(SECRET, headers(old, signSlackRequest(SECRET, old, body)), body, now),
      ),
    ).toBeNull();
  });

  it('refuses a missing, malformed or wrong signature, a changed body and another secret', () => {
    expect(codeOf(() => verifySlackRequest(SECRET, {}, body, now))).toBe('invalid_slack_signature');
    expect(
      codeOf(() => verifySlackRequest(SECRET, { 'x-slack-request-timestamp': ts }, body, now)),
    ).toBe('invalid_slack_signature');
    expect(codeOf(() => verifySlackRequest(SECRET, headers('soon', 'v0=00'), body, now))).toBe(
      'invalid_slack_signature',
    );
    expect(codeOf(() => verifySlackRequest(SECRET, headers(ts, 'v0=00'), body, now))).toBe(
      'invalid_slack_signature',
    );
    const signed = signSlackRequest(SECRET, ts, body);
    const changed = Buffer.from(`${body.toString()}x`);
    expect(codeOf(() => verifySlackRequest(SECRET, headers(ts, signed), changed, now))).toBe(
      'invalid_slack_signature',
    );
    expect(codeOf(() => verifySlackRequest('another secret', headers(ts, signed), body, now))).toBe(
      'invalid_slack_signature',
    );
  });

  it('refuses a request 6 minutes old or 6 minutes ahead, even when its signature is right', () => {
    for (const skew of [-360, 360]) {
      const at = String(Number(ts) + skew);
      expect(
        codeOf(() =>
          verifySlackRequest(SECRET, headers(at, signSlackRequest(SECRET, at, body)), body, now),
        ),
      ).toBe('stale_slack_request');
    }
  });
});
