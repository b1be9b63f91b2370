/**
 * The Pandora member behind a Slack user who clicked: the link the Slack app stored
 * (slack_user_links, matched by email), else Slack's `users.info` email matched to a
 * member now, and the link stored for next time.
 */
import type { Queryable } from '../../db/pool.js';
import type { Role } from '../../tenancy/workspaces.js';
import { endpointFor, slackClient, type SlackInstallation } from './client.js';
import type { InteractionDeps } from './interactions.js';

export interface SlackMember {
  userId: string;
  email: string;
  role: Role;
}

const MEMBER = `select u.id as "userId", u.email, m.role
  from memberships m join users u on u.id = m.user_id`;

async function linkedMember(
  db: Queryable,
  workspaceId: string,
  slackUserId: string,
): Promise<SlackMember | null> {
  const { rows } = await db.query<SlackMember>(
    `${MEMBER}
     join slack_user_links l on l.workspace_id = m.workspace_id and l.user_id = m.user_id
     where m.workspace_id = $1::uuid and l.slack_user_id = $2::text
     order by l.looked_up_at desc limit 1`,
    [workspaceId, slackUserId],
  );
  return rows[0] ?? null;
}

export async function memberForSlack(
  deps: InteractionDeps,
  install: SlackInstallation,
  slackUserId: string,
): Promise<SlackMember | null> {
  const linked = await linkedMember(deps.pool, install.workspaceId, slackUserId);
  if (linked) return linked;
  const client = slackClient(endpointFor(install, deps.slackApiUrl), deps.log);
  const answer = await client.users.info({ user: slackUserId }).catch((error: unknown) => {
    // A user Slack does not know (deleted, another team) is nobody; anything else is
    // worth the caller's retry.
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code === 'user_not_found' || code === 'users_not_found') return null;
    throw error;
  });
  const email = answer?.user?.profile?.email;
  if (!email) return null;
  const { rows } = await deps.pool.query<SlackMember>(
    `${MEMBER} where m.workspace_id = $1::uuid and lower(u.email) = lower($2::text) limit 1`,
    [install.workspaceId, email],
  );
  const member = rows[0];
  if (!member) return null;
  await deps.pool.query(
    `insert into slack_user_links (workspace_id, user_id, slack_user_id, looked_up_at)
     values ($1::uuid, $2::uuid, $3::text, now())
     on conflict (workspace_id, user_id)
       do update set slack_user_id = excluded.slack_user_id, looked_up_at = now()`,
    [install.workspaceId, member.userId, slackUserId],
  );
  return member;
}
