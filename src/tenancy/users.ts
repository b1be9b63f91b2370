import { PgCode, pgErrorCode, type Queryable } from '../db/pool.js';
import { conflict } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

const USER_COLUMNS = `id, email, name, created_at as "createdAt"`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a user; a taken email is a 409 `email_taken`. */
export async function createUser(
  db: Queryable,
  input: { email: string; name?: string; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    const { rows } = await db.query<User>(
      `insert into users (email, name, password_hash) values ($1::text, $2::text, $3::text)
       returning ${USER_COLUMNS}`,
      [normalizeEmail(input.email), input.name?.trim() ?? '', passwordHash],
    );
    return rows[0]!;
  } catch (error) {
    if (pgErrorCode(error) === PgCode.uniqueViolation) {
      throw conflict('email_taken', `A user with email ${input.email} already exists`, {
        field: 'email',
      });
    }
    throw error;
  }
}

export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const { rows } = await db.query<User>(
    `select ${USER_COLUMNS} from users where email = $1::text`,
    [normalizeEmail(email)],
  );
  return rows[0];
}

export async function getUser(db: Queryable, id: string): Promise<User | undefined> {
  const { rows } = await db.query<User>(`select ${USER_COLUMNS} from users where id = $1::uuid`, [
    id,
  ]);
  return rows[0];
}

// Verifying against a real hash when the email is unknown keeps response times equal,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/** The user with this email and password, or undefined. */
export async function authenticate(
  db: Queryable,
  email: string,
  password: string,
): Promise<User | undefined> {
  const { rows } = await db.query<User & { passwordHash: string | null }>(
    `select ${USER_COLUMNS}, password_hash as "passwordHash" from users where email = $1::text`,
    [normalizeEmail(email)],
  );
  const row = rows[0];
  if (!row?.passwordHash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(password, await dummyHash);
    return undefined;
  }
  if (!(await verifyPassword(password, row.passwordHash))) return undefined;
  const { passwordHash: _hash, ...user } = row;
  return user;
}

export async function setPassword(db: Queryable, userId: string, password: string): Promise<void> {
  await db.query('update users set password_hash = $2::text where id = $1::uuid', [
    userId,
    await hashPassword(password),
  ]);
}
