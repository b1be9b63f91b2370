/**
 * Pandora members matched to Slack users by email, both ways, cached in
 * `slack_user_links`: a member with no Slack account is remembered as such too, so a
 * busy hour does not ask Slack about them on every notification.
 */
import type { WebClient } from '@slack/web-api';
import { WebAPIPlatformError } from '@slack/web-api';
import type { Queryable } from '../../db/pool.js';

/** A found link is trusted this long: people rarely change their email or Slack account. */
export const FOUND_LINK_MAX_AGE_MS = 7 * 24 * 3600_000;
/** A member not found is asked about again after this: they may join Slack any day. */
export const MISSING_LINK_MAX_AGE_MS = 3600_000;

interface LinkRow {
  slackUserId: string | null;
  ageMs: number;
}

/**
 * The member's Slack user id, or null when the team has nobody with their email.
 * Errors other than "not found" (rate limit, dead token) are thrown for the caller to
 * classify; nothing is cached then.
 */
export async function slackUserFor(
  deps: { db: Queryable; client: WebClient },
  workspaceId: string,
  member: { userId: string; email: string },
): Promise<string | null> {
  const { rows } = await deps.db.query<LinkRow>(
    `select slack_user_id as "slackUserId",
            (extract(epoch from now() - looked_up_at) * 1000)::float8 as "ageMs"
     from slack_user_links where workspace_id = $1::uuid and user_id = $2::uuid`,
    [workspaceId, member.userId],
  );
  const cached = rows[0];
  if (cached) {
    const maxAge = cached.slackUserId ? FOUND_LINK_MAX_AGE_MS : MISSING_LINK_MAX_AGE_MS;
    if (cached.ageMs < maxAge) return cached.slackUserId;
  }
  let slackUserId: string | null;
  try {
    const answer = await deps.client.users.lookupByEmail({ email: member.email });
    slackUserId = answer.user?.id ?? null;
  } catch (error) {
    if (!(error instanceof WebAPIPlatformError && error.data.error === 'users_not_found')) {
      throw error;
    }
    slackUserId = null;
  }
  await saveLink(deps.db, workspaceId, member.userId, slackUserId);
  return slackUserId;
}

async function saveLink(
  db: Queryable,
  workspaceId: string,
  userId: string,
  slackUserId: string | null,
): Promise<void> {
  await db.query(
    `insert into slack_user_links (workspace_id, user_id, slack_user_id, looked_up_at)
     values ($1::uuid, $2::uuid, $3::text, now())
     on conflict (workspace_id, user_id) do update
       set slack_user_id = excluded.slack_user_id, looked_up_at = now()`,
    [workspaceId, userId, slackUserId],
  );
}

/**
 * The Pandora member behind a Slack user (who clicked a button), or null when the
 * Slack user's email is no member's of this workspace. A fresh link answers at once;
 * otherwise users.info gives the email (users:read.email).
 */
export async function memberForSlackUser(
  deps: { db: Queryable; client: WebClient },
  workspaceId: string,
  slackUserId: string,
): Promise<{ userId: string; email: string; name: string } | null> {
  const { rows } = await deps.db.query<{ userId: string; email: string; name: string }>(
    `select u.id as "userId", u.email, u.name
     from slack_user_links l
     join users u on u.id = l.user_id
     join memberships m on m.workspace_id = l.workspace_id and m.user_id = l.user_id
     where l.workspace_id = $1::uuid and l.slack_user_id = $2::text
       and l.looked_up_at > now() - make_interval(secs => $3::float8 / 1000)`,
    [workspaceId, slackUserId, FOUND_LINK_MAX_AGE_MS],
  );
  if (rows[0]) return rows[0];
  const info = await deps.client.users.info({ user: slackUserId });
  const email = info.user?.profile?.email;
  if (!email || info.user?.deleted) return null;
  const member = await deps.db.query<{ userId: string; email: string; name: string }>(
    `select u.id as "userId", u.email, u.name
     from users u join memberships m on m.user_id = u.id
     where m.workspace_id = $1::uuid and lower(u.email) = lower($2::text)`,
    [workspaceId, email],
  );
  const found = member.rows[0];
  if (!found) return null;
  await saveLink(deps.db, workspaceId, found.userId, slackUserId);
  return found;
}
