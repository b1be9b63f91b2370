import type { Config } from '../config.js';

/**
 * The tags that group operations by feature, declared once so /docs and generated
 * clients show each with what it is for. A route's `tags` name one of these
 * (openapi.test.ts fails on any other); a new feature adds its tag here.
 */
export const API_TAGS = [
  { name: 'health', description: 'Liveness and readiness probes for orchestrators' },
  {
    name: 'auth',
    description: 'Console sessions, the caller, and invitations addressed to the logged-in person',
  },
  { name: 'workspaces', description: 'A workspace and its overview' },
  { name: 'members', description: 'Who belongs to a workspace, and invitations to join it' },
  { name: 'api keys', description: 'Keys for `Authorization: Bearer <key>`, one workspace each' },
  {
    name: 'connections',
    description: 'CRM connections: connecting by token, OAuth or the sandbox, testing, API usage',
  },
  { name: 'sync', description: 'Syncing a CRM into Pandora, and the ledger of writes to the CRM' },
  { name: 'records', description: 'CRM records as synced into Pandora' },
  { name: 'jobs', description: 'Background jobs of a workspace' },
  { name: 'skills', description: 'Skills that find what to change, and the quotas they use' },
  {
    name: 'actions',
    description:
      'Proposed CRM changes: preview, approve, execute and undo them; notifications about them',
  },
  {
    name: 'action policies',
    description: 'Which actions run at once, wait for approval or are refused',
  },
  { name: 'writeback', description: 'Fields Pandora computes, written back to CRM properties' },
  {
    name: 'conversations',
    description:
      'Meetings from Gong, Fireflies, a signed webhook or an upload; their sources, the sales roster, how each is linked to a contact, account and deal, and the deals meetings lack',
  },
  {
    name: 'agents',
    description:
      'Meeting agents: which calls they read, the fields they may update and how, shadow mode and the trust each field earned, a preview of what one would do on a meeting, and runs',
  },
  {
    name: 'inbox',
    description:
      'What waits for a person: agent approvals and questions, alerts, actions a policy holds; approve (with edits), reject, batch approve',
  },
  {
    name: 'activity',
    description:
      "The agents' activity log: every run with what it changed, and quick stats per period",
  },
  {
    name: 'anomalies',
    description:
      'What the anomaly rules found (failure rate, confidence, precision, stale sync, API quota, inbox backlog, stopped intake), with the trend behind each',
  },
  {
    name: 'slack',
    description:
      'Pandora’s Slack app: Add to Slack (OAuth) or a bot token, the channel alerts go to, and the clicks and modals Slack sends back',
  },
  {
    name: 'notifications',
    description:
      'What reaches people in the console, Slack, email and web push: the in-app list, each member’s channel preferences and digest settings, the outbox of deliveries, the signed links in emails, the sandbox mailbox, the browsers subscribed to push, and who manages each rep',
  },
  {
    name: 'flows',
    description:
      'Flows: a trigger and typed steps, drafted, published as frozen versions and run durably; the step catalogue, the secrets steps use, runs with each step’s input, output, error and timing, and run statistics',
  },
  {
    name: 'boards',
    description:
      'Boards of records (deals, contacts or accounts) in columns, moved by people and by flows’ move_to_board step, with the history of every move',
  },
  { name: 'graphql', description: 'The GraphQL schema, for GraphQL clients' },
];

/** Where clients reach this server: the public URL, else the address it listens on. */
export function serverUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  // A wildcard address is where the server listens, not one a client can call.
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}
