/**
 * add_tag: puts a Pandora tag on a deal, contact or account, creating the tag on first
 * use. Pandora's own data (no CRM call), so it is one statement, idempotent by the
 * step run's key and undone by removing only what this step run added.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Queryable } from '../../db/pool.js';
import type { CrmObjectType } from '../../crm/port.js';
import type { StepContext, StepDefinition } from '../types.js';
import { RecordRefSchema } from './crm-integration.js';
import { resolveRecord, stepRecordRef } from './records.js';

export const AddTagConfig = Type.Object(
  {
    ...RecordRefSchema,
    tagName: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The tag, created on first use',
    }),
    tagColor: Type.Optional(
      Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'For a new tag: #rrggbb' }),
    ),
  },
  { additionalProperties: false },
);
export type AddTagConfig = Static<typeof AddTagConfig>;

interface TagResult {
  tagId: string;
  name: string;
  color: string | null;
  tagCreated: boolean;
  added: boolean;
}

async function run(ctx: StepContext, config: AddTagConfig) {
  const pool = ctx.services.db;
  const record = await resolveRecord(
    pool,
    ctx,
    config.objectType as CrmObjectType,
    stepRecordRef(ctx, config.objectType as CrmObjectType, config.recordId),
  );
  // "Created" and "added" count this step run's own earlier try, so a run resumed after
  // a crash reports (and its undo removes) what the first try did.
  const { rows } = await pool.query<TagResult>(
    `with made as (
       insert into tags (workspace_id, name, color, created_by_step)
       values ($1::uuid, $2::text, $3::text, $6::text)
       on conflict (workspace_id, lower(name)) do nothing
       returning id
     ),
     tag as (
       select id, name, color, created_by_step from tags
       where workspace_id = $1::uuid and lower(name) = lower($2::text)
       union all
       select id, $2::text, $3::text, $6::text from made
       limit 1
     ),
     put as (
       insert into record_tags (workspace_id, tag_id, object_type, record_id, added_by_step)
       select $1::uuid, tag.id, $4::text, $5::uuid, $6::text from tag
       on conflict (tag_id, object_type, record_id) do nothing
       returning added_by_step
     )
     select tag.id as "tagId", tag.name, tag.color,
            tag.created_by_step is not distinct from $6::text as "tagCreated",
            exists (select 1 from put)
              or exists (select 1 from record_tags r
                         where r.tag_id = tag.id and r.object_type = $4::text
                           and r.record_id = $5::uuid and r.added_by_step = $6::text) as added
     from tag`,
    [
      ctx.workspaceId,
      config.tagName.trim(),
      config.tagColor ?? null,
      record.objectType,
      record.id,
      ctx.idempotencyKey,
    ],
  );
  // A tag another run created after this statement's snapshot began: read it next time.
  const tag = rows[0];
  if (!tag) throw new Error('The tag was created concurrently; the step is tried again');
  return {
    kind: 'completed' as const,
    output: {
      tag: { id: tag.tagId, name: tag.name, color: tag.color },
      record: { objectType: record.objectType, id: record.id, name: record.name },
      tagCreated: tag.tagCreated,
      added: tag.added,
    },
  };
}

/** Removes what the step run added: its tag on the record, and the tag if it made it and no record keeps it. */
export async function undoAddTag(
  db: Queryable,
  workspaceId: string,
  idempotencyKey: string,
): Promise<{ removed: number; tagDeleted: boolean }> {
  const removed = await db.query(
    `delete from record_tags where workspace_id = $1::uuid and added_by_step = $2::text`,
    [workspaceId, idempotencyKey],
  );
  // Statements apart: a data-changing CTE would not see the rows the first one removed.
  const dropped = await db.query(
    `delete from tags t
     where t.workspace_id = $1::uuid and t.created_by_step = $2::text
       and not exists (select 1 from record_tags r where r.tag_id = t.id)`,
    [workspaceId, idempotencyKey],
  );
  return { removed: removed.rowCount ?? 0, tagDeleted: (dropped.rowCount ?? 0) > 0 };
}

export const addTagStep: StepDefinition<AddTagConfig> = {
  type: 'add_tag',
  category: 'basic',
  title: 'Add tag',
  description: 'Tags a deal, contact or account in Pandora; a new tag is created on first use.',
  effect: 'write',
  configSchema: AddTagConfig,
  allowedInAutomations: true,
  defaultRetry: { attempts: 3, backoffMs: 500, maxDelayMs: 5000 },
  defaultTimeoutMs: 10_000,
  run,
};
