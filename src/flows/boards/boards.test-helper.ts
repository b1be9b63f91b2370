import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { createUser } from '../../tenancy/users.js';

/** What the boards tests (REST and GraphQL) work with. */
export interface BoardsFixture {
  t: TestApp;
  admin: Tenant;
  /** Another workspace, for the tenancy checks. */
  other: Tenant;
  /** A member of `admin`'s workspace: signed in, and with an API key. */
  memberAuth: { cookie: string };
  memberKey: { authorization: string };
  /** A deal the member owns, and one someone else owns. */
  repDeal: string;
  otherDeal: { id: string; sourceId: string };
}

/**
 * A test app with two workspaces, a member (`repEmail`) in the first, and two deals: one
 * whose owner's email is `repDealOwnerEmail` (the member's, in any case) and one of
 * someone else's.
 */
export async function boardsFixture(
  repEmail: string,
  repDealOwnerEmail = repEmail,
): Promise<BoardsFixture> {
  const t = await createTestApp();
  const admin = await createTenant(t);
  const other = await createTenant(t);
  const password = 'correct horse battery';
  const rep = await createUser(t.db.pool, { email: repEmail, name: 'Rep', password });
  await t.db.pool.query(
    `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
    [admin.workspaceId, rep.id],
  );
  const deal = async (name: string, ownerEmail: string) => {
    const owner = await t.db.pool.query<{ id: string }>(
      `insert into owners (workspace_id, source, source_id, email, name)
       values ($1::uuid, 'test', $2::text, $3::text, $3::text) returning id`,
      [admin.workspaceId, `owner-${name}`, ownerEmail],
    );
    const { rows } = await t.db.pool.query<{ id: string; sourceId: string }>(
      `insert into deals (workspace_id, source, source_id, owner_id, name)
       values ($1::uuid, 'test', $2::text, $3::uuid, $4::text) returning id, source_id as "sourceId"`,
      [admin.workspaceId, `crm-${name}`, owner.rows[0]!.id, name],
    );
    return rows[0]!;
  };
  return {
    t,
    admin,
    other,
    memberAuth: await login(t, repEmail, password),
    memberKey: await apiKeyAuth(t, admin, 'member'),
    repDeal: (await deal('Rep deal', repDealOwnerEmail)).id,
    otherDeal: await deal('Other deal', 'someone@example.com'),
  };
}
