import { Value } from '@sinclair/typebox/value';
import type pg from 'pg';
import { applyPoliciesToNew } from '../actions/policy-gate.js';
import { OPEN_STATUSES, proposeAction, transition, type Action } from '../actions/store.js';
import { withTransaction, type Queryable } from '../db/pool.js';
import { badRequest, HttpError } from '../errors.js';
import { notifySkillResult } from '../notifications/producers/skill-results.js';
import { DATA_QUALITY_AUDIT, dataQualityAudit } from './data-quality-audit.js';
import { PIPELINE_COVERAGE, pipelineCoverage } from './pipeline-coverage.js';
import { STALE_DEALS, staleDeals } from './stale-deals.js';
import { SKILL_NAMES, type SkillName } from './names.js';
import type { SkillDefinition } from './types.js';

/** Every skill, by name: what `runSkill`, the API and the daily job know. */
export const SKILLS = {
  [DATA_QUALITY_AUDIT]: dataQualityAudit,
  [PIPELINE_COVERAGE]: pipelineCoverage,
  [STALE_DEALS]: staleDeals,
} as const satisfies Record<SkillName, unknown>;

export { SKILL_NAMES, type SkillName };

export function isSkillName(name: string): name is SkillName {
  return Object.hasOwn(SKILLS, name);
}

/** The skill, or a 404 that lists the ones there are. */
export function skillNamed(name: string): SkillDefinition {
  if (!isSkillName(name)) {
    throw new HttpError(
      404,
      'not_found',
      `No skill named "${name}"; the skills are ${SKILL_NAMES.join(', ')}`,
      { skill: name, skills: SKILL_NAMES },
    );
  }
  return SKILLS[name] as SkillDefinition;
}

export interface SkillRun {
  id: string;
  skill: string;
  trigger: 'manual' | 'schedule';
  actor: string | null;
  status: 'running' | 'succeeded' | 'failed';
  asOf: string;
  options: Record<string, unknown>;
  counts: Partial<
    Record<
      'candidates' | 'proposed' | 'created' | 'updated' | 'skipped' | 'suppressed' | 'closed',
      number
    >
  > & { checks?: Record<string, unknown> };
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

const RUN_COLUMNS = `id, skill, trigger, actor, status, as_of as "asOf", options, counts, error,
  started_at as "startedAt", finished_at as "finishedAt"`;

export interface SkillRunResult {
  runId: string;
  /** Actions proposed: created plus updated. */
  proposed: number;
  created: number;
  updated: number;
  /** Records that qualified before the top-N cut. */
  candidates: number;
  /** Records that qualified but had nothing to point an action at. */
  skipped: number;
  /**
   * Proposals left out: their action is being executed, or was dismissed or undone, or
   * executed, not long ago.
   */
  suppressed: number;
  /** Open actions of this skill closed because their record no longer qualifies. */
  closed: number;
  /** What the skill's checks counted (data-quality-audit: `conversationCoverage`). */
  checks?: Record<string, unknown>;
}

/** A dismissed or undone action is not proposed again for this long. */
export const DISMISSED_QUIET_DAYS = 30;
/** Nor an executed one, while the CRM's change reaches Pandora's copy by sync. */
export const EXECUTED_QUIET_DAYS = 7;

/**
 * Dedupe keys whose action a person dismissed or undid in the last 30 days, or
 * that was executed in the last 7 (real time, whatever the run's as-of date):
 * proposing them again would be noise. Actions
 * closed by the skill itself (their record stopped qualifying) do not count.
 */
async function recentlySettled(
  db: Queryable,
  workspaceId: string,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await db.query<{ key: string }>(
    `select distinct a.dedupe_key as key from actions a
     where a.workspace_id = $1::uuid and a.dedupe_key = any($2::text[])
       and ((a.status in ('dismissed', 'undone')
             and a.updated_at > now() - make_interval(days => $3::int)
             and not exists (select 1 from action_audit_log l
                             where l.action_id = a.id and l.event = 'no_longer_applies'))
            or (a.status = 'executed'
                and a.executed_at > now() - make_interval(days => $4::int)))`,
    [workspaceId, keys, DISMISSED_QUIET_DAYS, EXECUTED_QUIET_DAYS],
  );
  return new Set(rows.map((row) => row.key));
}

/** What a skill may close: its unsettled actions, except one being executed. */
const CLOSABLE = OPEN_STATUSES.filter((status) => status !== 'in_progress');

/** Dismisses this skill's unsettled actions whose record no longer qualifies. */
async function closeNoLongerApplying(
  db: Queryable,
  workspaceId: string,
  skill: string,
  qualifying: string[],
): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `select id from actions
     where workspace_id = $1::uuid and source_type = 'skill' and source_name = $2::text
       and status = any($4::text[]) and dedupe_key is not null
       and not (dedupe_key = any($3::text[]))`,
    [workspaceId, skill, qualifying, CLOSABLE],
  );
  for (const { id } of rows) {
    await transition(db, workspaceId, id, CLOSABLE, 'dismissed', {
      event: 'no_longer_applies',
      actor: `skill ${skill}`,
      details: { reason: 'The record no longer qualifies: fixed in the CRM, closed, or gone' },
    });
  }
  return rows.length;
}

export type SkillOptions = { now?: Date } & Record<string, unknown>;

/**
 * Runs a skill on a workspace and records the run in `skill_runs`. Its proposals
 * become actions in one transaction (an open action with the same dedupe key is
 * updated, not duplicated), each with the run's id as `sourceId`. Options beyond
 * `now` are checked against the skill's schema first (400 `validation_failed`).
 * A failure is recorded on the run and thrown.
 */
export async function runSkill(
  pool: pg.Pool,
  workspaceId: string,
  name: string,
  options: SkillOptions = {},
  meta: { trigger?: 'manual' | 'schedule'; actor?: string | null } = {},
): Promise<SkillRunResult> {
  const skill = skillNamed(name);
  const { now = new Date(), ...rest } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw badRequest('validation_failed', 'now must be a valid date and time', [
      { field: 'now', message: 'must be a valid date and time' },
    ]);
  }
  const issues = [...Value.Errors(skill.optionsSchema, rest)].map((error) => ({
    field: ['options', ...error.path.split('/').filter(Boolean)].join('.'),
    message: error.message,
  }));
  if (issues.length > 0) {
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.field} ${issue.message}`)
      .join('; ');
    throw badRequest('validation_failed', `Invalid options for ${name}: ${summary}`, issues);
  }

  const { rows } = await pool.query<{ id: string }>(
    `insert into skill_runs (workspace_id, skill, trigger, actor, as_of, options)
     values ($1::uuid, $2::text, $3::text, $4::text, $5::timestamptz, $6::jsonb) returning id`,
    [
      workspaceId,
      name,
      meta.trigger ?? 'manual',
      meta.actor ?? null,
      now.toISOString(),
      JSON.stringify(rest),
    ],
  );
  const runId = rows[0]!.id;
  try {
    const result = await withTransaction(pool, async (client) => {
      // One run of a skill per workspace at a time: two would race on the same keys.
      await client.query('select pg_advisory_xact_lock(hashtext($1::text))', [
        `skill:${workspaceId}:${name}`,
      ]);
      const output = await skill.propose(client, workspaceId, { ...rest, now });
      const quiet = await recentlySettled(
        client,
        workspaceId,
        output.proposals.map((proposal) => proposal.dedupeKey),
      );
      const created: Action[] = [];
      let updated = 0;
      let running = 0;
      for (const proposal of output.proposals) {
        if (quiet.has(proposal.dedupeKey)) continue;
        const outcome = await proposeAction(client, workspaceId, {
          ...proposal,
          sourceType: 'skill',
          sourceId: runId,
          sourceName: name,
        });
        if (outcome.created) created.push(outcome.action);
        else if (outcome.updated) updated += 1;
        else running += 1;
      }
      await applyPoliciesToNew(client, workspaceId, created);
      // A run with its own thresholds is a what-if: its idea of "qualifies" is not the
      // workspace's, so it closes nothing. A top-N limit does not change what qualifies.
      const ownThresholds = Object.keys(rest).some((key) => key !== 'limit');
      const closed = ownThresholds
        ? 0
        : await closeNoLongerApplying(client, workspaceId, name, output.qualifying);
      return {
        runId,
        proposed: created.length + updated,
        created: created.length,
        updated,
        suppressed: quiet.size + running,
        closed,
        candidates: output.candidates,
        skipped: output.skipped,
        ...(output.checks ? { checks: output.checks } : {}),
      };
    });
    const { runId: _runId, ...counts } = result;
    await withTransaction(pool, async (db) => {
      await db.query(
        `update skill_runs set status = 'succeeded', counts = $2::jsonb, finished_at = now()
         where id = $1::uuid`,
        [runId, JSON.stringify(counts)],
      );
      await notifySkillResult(db, {
        workspaceId,
        runId,
        skill: name,
        outcome: {
          status: 'succeeded',
          created: result.created,
          updated: result.updated,
          closed: result.closed,
        },
      });
    });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await withTransaction(pool, async (db) => {
      await db.query(
        `update skill_runs set status = 'failed', error = $2::text, finished_at = now()
         where id = $1::uuid`,
        [runId, message],
      );
      await notifySkillResult(db, {
        workspaceId,
        runId,
        skill: name,
        outcome: { status: 'failed', error: message },
      });
    });
    throw error;
  }
}

export interface SkillSummary {
  name: SkillName;
  description: string;
  lastRun: SkillRun | null;
}

/** The skills with each one's latest run in this workspace. */
export async function listSkills(db: Queryable, workspaceId: string): Promise<SkillSummary[]> {
  const { rows } = await db.query<SkillRun>(
    `select distinct on (skill) ${RUN_COLUMNS} from skill_runs
     where workspace_id = $1::uuid
     order by skill, started_at desc, id desc`,
    [workspaceId],
  );
  const last = new Map(rows.map((run) => [run.skill, run]));
  return SKILL_NAMES.map((name) => ({
    name,
    description: SKILLS[name].description,
    lastRun: last.get(name) ?? null,
  }));
}

export async function getSkillRun(
  db: Queryable,
  workspaceId: string,
  runId: string,
): Promise<SkillRun | undefined> {
  const { rows } = await db.query<SkillRun>(
    `select ${RUN_COLUMNS} from skill_runs where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, runId],
  );
  return rows[0];
}

export interface RunAllReport {
  runs: number;
  failures: { workspaceId: string; skill: SkillName; error: string }[];
}

/**
 * Every skill on every workspace (the daily `skills.run-all` job). One failing run
 * does not stop the others; it is recorded on its `skill_runs` row and reported.
 */
export async function runAllSkills(pool: pg.Pool, now?: Date): Promise<RunAllReport> {
  const { rows } = await pool.query<{ id: string }>(
    'select id from workspaces order by created_at, id',
  );
  const report: RunAllReport = { runs: 0, failures: [] };
  for (const workspace of rows) {
    for (const skill of SKILL_NAMES) {
      report.runs += 1;
      try {
        await runSkill(pool, workspace.id, skill, now ? { now } : {}, { trigger: 'schedule' });
      } catch (error) {
        report.failures.push({
          workspaceId: workspace.id,
          skill,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return report;
}
