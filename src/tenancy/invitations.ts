/**
 * Invitations: how a person joins a workspace. An admin invites an email; its owner
 * accepts, either logged in (the console lists invitations addressed to their email)
 * or through the invitation link, which signs them up or in. The admin's answer is the
 * same whether or not the email has an account, so inviting cannot be used to learn who
 * uses Pandora or their names.
 */
import type { Queryable } from '../db/pool.js';
import { PgCode, pgErrorCode } from '../db/pool.js';
import { HttpError, badRequest, conflict, notFound } from '../errors.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import { hashToken, newToken } from './tokens.js';
import { authenticate, createUser, findUserByEmail, normalizeEmail } from './users.js';
import type { Role } from './workspaces.js';

/** How long an invitation link stays valid. */
export const INVITATION_TTL_DAYS = 7;

export interface Invitation {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: { id: string; email: string } | null;
  createdAt: string;
  expiresAt: string;
}

/** What the invited person sees: the workspace by name, not its members. */
export interface ReceivedInvitation extends Invitation {
  workspaceName: string;
}

const INVITATION_SELECT = `
  select i.id, i.workspace_id as "workspaceId", i.email, i.role,
         case when u.id is null then null else json_build_object('id', u.id, 'email', u.email) end
           as "invitedBy",
         i.created_at as "createdAt", i.expires_at as "expiresAt", w.name as "workspaceName"
  from invitations i
  join workspaces w on w.id = i.workspace_id
  left join users u on u.id = i.invited_by`;

const OPEN = `i.accepted_at is null and i.revoked_at is null and i.expires_at > now()`;

const strip = ({ workspaceName: _name, ...invitation }: ReceivedInvitation): Invitation =>
  invitation;

/**
 * Invites an email to the workspace, replacing an open invitation to the same email.
 * Returns the invitation and its token (the only copy: the link to share). A person
 * already in the workspace is a 409: the admin sees the member list anyway.
 */
export async function createInvitation(
  db: Queryable,
  workspaceId: string,
  input: { email: string; role: Role; invitedBy: string | null },
): Promise<{ invitation: Invitation; token: string }> {
  const email = normalizeEmail(input.email);
  const { rows: members } = await db.query(
    `select 1 from memberships m join users u on u.id = m.user_id
     where m.workspace_id = $1::uuid and u.email = $2::text`,
    [workspaceId, email],
  );
  if (members.length > 0) {
    throw conflict('already_member', `${email} is already a member of this workspace`, {
      field: 'email',
    });
  }
  await db.query(
    `update invitations set revoked_at = now()
     where workspace_id = $1::uuid and email = $2::text and accepted_at is null and revoked_at is null`,
    [workspaceId, email],
  );
  const token = newToken('pi_');
  try {
    const { rows } = await db.query<{ id: string }>(
      `insert into invitations (workspace_id, email, role, token_hash, invited_by, expires_at)
       values ($1::uuid, $2::text, $3::text, $4::text, $5::uuid,
               now() + make_interval(days => $6::int))
       returning id`,
      [workspaceId, email, input.role, hashToken(token), input.invitedBy, INVITATION_TTL_DAYS],
    );
    return { invitation: await getInvitation(db, workspaceId, rows[0]!.id), token };
  } catch (error) {
    // Two admins inviting the same email at once: the other one's invitation stands.
    if (pgErrorCode(error) === PgCode.uniqueViolation) {
      throw conflict('invitation_exists', `${email} was invited a moment ago; try again`, {
        field: 'email',
      });
    }
    throw error;
  }
}

export async function getInvitation(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<Invitation> {
  const { rows } = await db.query<ReceivedInvitation>(
    `${INVITATION_SELECT} where i.workspace_id = $1::uuid and i.id = $2::uuid`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('invitation', id);
  return strip(rows[0]);
}

/** The workspace's open invitations, newest first. */
export async function listInvitations(db: Queryable, workspaceId: string): Promise<Invitation[]> {
  const { rows } = await db.query<ReceivedInvitation>(
    `${INVITATION_SELECT} where i.workspace_id = $1::uuid and ${OPEN}
     order by i.created_at desc, i.id`,
    [workspaceId],
  );
  return rows.map(strip);
}

/** Withdraws an open invitation; its link stops working. */
export async function revokeInvitation(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<void> {
  const { rowCount } = await db.query(
    `update invitations i set revoked_at = now()
     where i.workspace_id = $1::uuid and i.id = $2::uuid and ${OPEN}`,
    [workspaceId, id],
  );
  if (!rowCount) throw notFound('invitation', id);
}

/** Open invitations addressed to a person's email, for their console. */
export async function listReceivedInvitations(
  db: Queryable,
  email: string,
): Promise<ReceivedInvitation[]> {
  const { rows } = await db.query<ReceivedInvitation>(
    `${INVITATION_SELECT} where i.email = $1::text and ${OPEN} order by i.created_at desc, i.id`,
    [normalizeEmail(email)],
  );
  return rows;
}

/** The open invitation behind a link's token, or a 404 when it is unknown, used or expired. */
export async function findInvitationByToken(
  db: Queryable,
  token: string,
): Promise<ReceivedInvitation> {
  const { rows } = await db.query<ReceivedInvitation>(
    `${INVITATION_SELECT} where i.token_hash = $1::text and ${OPEN}`,
    [hashToken(token)],
  );
  if (!rows[0]) {
    throw new HttpError(
      404,
      'invitation_not_found',
      'This invitation link is not valid: it was used, withdrawn or has expired. Ask for a new one.',
    );
  }
  return rows[0];
}

/**
 * The person accepts: the membership is created and the invitation closed, once. The
 * row lock makes a double click (or two tabs) join once and answer alike.
 */
async function join(db: Queryable, invitationId: string, userId: string): Promise<Invitation> {
  const { rows } = await db.query<{ workspaceId: string; role: Role }>(
    `select workspace_id as "workspaceId", role from invitations i
     where i.id = $1::uuid and ${OPEN} for update`,
    [invitationId],
  );
  const open = rows[0];
  if (!open) throw notFound('invitation', invitationId);
  await db.query(
    `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, $3::text)
     on conflict (workspace_id, user_id) do nothing`,
    [open.workspaceId, userId, open.role],
  );
  await db.query(
    `update invitations set accepted_at = now(), accepted_by = $2::uuid where id = $1::uuid`,
    [invitationId, userId],
  );
  return getInvitation(db, open.workspaceId, invitationId);
}

/** A logged-in person accepts an invitation addressed to their email. */
export async function acceptInvitation(
  db: Queryable,
  user: { id: string; email: string },
  invitationId: string,
): Promise<Invitation> {
  const { rows } = await db.query(
    `select 1 from invitations i where i.id = $1::uuid and i.email = $2::text and ${OPEN}`,
    [invitationId, normalizeEmail(user.email)],
  );
  // Someone else's invitation is as unknown as one that does not exist.
  if (rows.length === 0) throw notFound('invitation', invitationId);
  return join(db, invitationId, user.id);
}

/** A logged-in person turns an invitation addressed to them down. */
export async function declineInvitation(
  db: Queryable,
  user: { email: string },
  invitationId: string,
): Promise<void> {
  const { rowCount } = await db.query(
    `update invitations i set revoked_at = now()
     where i.id = $1::uuid and i.email = $2::text and ${OPEN}`,
    [invitationId, normalizeEmail(user.email)],
  );
  if (!rowCount) throw notFound('invitation', invitationId);
}

/**
 * Accepts through the link, for the invitation its token found: the invited email signs
 * in with its password, or, when it has no account yet, the account is created with the
 * password given. Returns the user to start a session for. (Only the link's holder can
 * try this, and a wrong password for an existing account is refused like a failed login.)
 */
export async function acceptInvitationLink(
  db: Queryable,
  invitation: { id: string; email: string },
  input: { password: string; name?: string },
): Promise<{ invitation: Invitation; user: { id: string; email: string; name: string } }> {
  // Checked before looking the email up: every account's password has this length, so
  // the answer to a short one says nothing about whether the account exists.
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest('weak_password', `password: use at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
    });
  }
  const existing = await findUserByEmail(db, invitation.email);
  let user;
  if (existing) {
    user = await authenticate(db, invitation.email, input.password);
    if (!user) throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
  } else {
    user = await createUser(db, {
      email: invitation.email,
      password: input.password,
      ...(input.name ? { name: input.name } : {}),
    });
  }
  return { invitation: await join(db, invitation.id, user.id), user };
}
