/**
 * Answers to one person through an interaction's `response_url`: an ephemeral message
 * only they see, leaving the card as it is. The URL came in a signed payload, and is
 * still only followed to Slack's own hooks host or the Slack the install talks to (the
 * sandbox's emulator), never anywhere a payload names.
 */
import type { SlackInstallation } from './client.js';
import type { InteractionDeps } from './interactions.js';

const SLACK_HOOKS_ORIGIN = 'https://hooks.slack.com';
const TIMEOUT_MS = 5_000;

function allowed(url: URL, install: SlackInstallation | null, slackApiUrl: string): boolean {
  const slackOrigin = new URL(install?.apiUrl ?? slackApiUrl).origin;
  return url.origin === SLACK_HOOKS_ORIGIN || url.origin === slackOrigin;
}

/**
 * Posts `text` as an ephemeral answer. A response_url lasts 30 minutes and five uses,
 * so failing to answer is logged, never thrown: the decision itself stands.
 */
export async function postEphemeral(
  deps: Pick<InteractionDeps, 'log' | 'slackApiUrl'>,
  install: SlackInstallation | null,
  responseUrl: string | null,
  text: string,
): Promise<void> {
  if (!responseUrl || !URL.canParse(responseUrl)) return;
  const url = new URL(responseUrl);
  if (!allowed(url, install, deps.slackApiUrl)) {
    deps.log.warn({ origin: url.origin }, 'slack response_url outside Slack ignored');
    return;
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      deps.log.warn({ status: response.status }, 'slack response_url refused the answer');
    }
  } catch (error) {
    deps.log.warn({ err: error }, 'slack response_url could not be reached');
  }
}
