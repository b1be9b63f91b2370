/**
 * The second step of connecting a recorder: its user directory, fetched through the
 * connector and kept on the connection (`metadata.directory`), and the reps an admin
 * picked from it (`metadata.trackedUserIds`; the sync engine reads both through
 * `trackedUsersOf`). Only their
 * calls are synced, so a company's stand-ups and HR one-on-ones never come in.
 */
import type { Queryable } from '../db/pool.js';
import { HttpError, notFound } from '../errors.js';
import { trackedUsersOf } from './connect.js';
import type { SourceType, SourceUser } from './port.js';
import { SOURCE_COLUMNS, type ConversationSource } from './sources.js';

/** At most this many tracked users per source: a sales team, not a whole company. */
export const MAX_TRACKED_USERS = 1_000;

export interface DirectoryUser extends SourceUser {
  tracked: boolean;
}

export interface Directory {
  users: DirectoryUser[];
  fetchedAt: string | null;
}

interface StoredSource {
  sourceType: SourceType;
  metadata: Record<string, unknown>;
}

async function storedSource(db: Queryable, workspaceId: string, id: string): Promise<StoredSource> {
  const { rows } = await db.query<StoredSource>(
    `select source_type as "sourceType", metadata from connections
     where workspace_id = $1::uuid and id = $2::uuid and source_type is not null`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('conversation source', id);
  return rows[0];
}

function directoryOf(metadata: Record<string, unknown>): SourceUser[] {
  const directory = Array.isArray(metadata.directory) ? (metadata.directory as SourceUser[]) : [];
  return directory.filter((user) => typeof user?.id === 'string' && typeof user.email === 'string');
}

function trackedIdsOf(metadata: Record<string, unknown>): string[] {
  return Array.isArray(metadata.trackedUserIds)
    ? metadata.trackedUserIds.filter((id): id is string => typeof id === 'string')
    : [];
}

/** The directory as last fetched, each user marked tracked or not. */
export async function getDirectory(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<Directory> {
  const { metadata } = await storedSource(db, workspaceId, id);
  const tracked = new Set(trackedIdsOf(metadata));
  return {
    users: directoryOf(metadata).map((user) => ({ ...user, tracked: tracked.has(user.id) })),
    fetchedAt: typeof metadata.directoryFetchedAt === 'string' ? metadata.directoryFetchedAt : null,
  };
}

/**
 * Stores a freshly fetched directory and marks the source connected. Tracked users
 * who left the recorder keep their tracked id but are not synced (`trackedUsersOf`
 * reads them through the directory), so they come back if the recorder lists them again.
 */
export async function storeDirectory(
  db: Queryable,
  workspaceId: string,
  id: string,
  users: SourceUser[],
): Promise<ConversationSource> {
  const { rows } = await db.query<ConversationSource>(
    `update connections
     set status = 'connected', status_message = null, updated_at = now(),
         metadata = metadata || jsonb_build_object(
           'directory', $3::jsonb, 'directoryFetchedAt', $4::text)
     where workspace_id = $1::uuid and id = $2::uuid and source_type is not null
     returning ${SOURCE_COLUMNS}`,
    [workspaceId, id, JSON.stringify(users), new Date().toISOString()],
  );
  if (!rows[0]) throw notFound('conversation source', id);
  return rows[0];
}

/**
 * Replaces the tracked users. Each id must be in the stored directory (400 naming
 * `userIds[i]` otherwise): a typo would otherwise sync nobody, silently.
 */
export async function setTrackedUsers(
  db: Queryable,
  workspaceId: string,
  id: string,
  userIds: string[],
): Promise<ConversationSource> {
  const stored = await storedSource(db, workspaceId, id);
  if (stored.sourceType === 'webhook') {
    throw new HttpError(
      409,
      'no_user_directory',
      'A webhook source has no user directory: the sender decides which meetings it posts',
    );
  }
  const directory = new Map(directoryOf(stored.metadata).map((user) => [user.id, user]));
  const problems = userIds.flatMap((userId, index) =>
    directory.has(userId)
      ? []
      : [
          {
            field: `body.userIds.${index}`,
            message: `${JSON.stringify(userId)} is not in the source's user directory (fetch it again with GET .../users?refresh=true)`,
          },
        ],
  );
  if (problems.length) {
    throw new HttpError(
      400,
      'validation_failed',
      `Invalid request: ${problems[0]!.field} ${problems[0]!.message}`,
      problems,
    );
  }
  const tracked = [...new Set(userIds)];
  const { rows } = await db.query<ConversationSource>(
    `update connections
     set metadata = metadata || jsonb_build_object('trackedUserIds', $3::jsonb), updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid and source_type is not null
     returning ${SOURCE_COLUMNS}`,
    [workspaceId, id, JSON.stringify(tracked)],
  );
  if (!rows[0]) throw notFound('conversation source', id);
  return rows[0];
}

export interface TrackedUserOfSource {
  connectionId: string;
  sourceType: SourceType;
  sourceName: string;
  user: SourceUser;
}

/** Every tracked user of every conversation source of the workspace (the roster, the internal filter). */
export async function listTrackedUsers(
  db: Queryable,
  workspaceId: string,
): Promise<TrackedUserOfSource[]> {
  const { rows } = await db.query<{
    connectionId: string;
    sourceType: SourceType;
    sourceName: string;
    metadata: Record<string, unknown>;
  }>(
    `select id as "connectionId", source_type as "sourceType", name as "sourceName", metadata
     from connections
     where workspace_id = $1::uuid and source_type is not null
     order by created_at, id`,
    [workspaceId],
  );
  return rows.flatMap(({ metadata, ...source }) =>
    trackedUsersOf(metadata).map((user) => ({ ...source, user })),
  );
}
