/**
 * What Pandora does with a click or a modal submission from Slack. The request is
 * answered at once (Slack shows an error after 3 seconds): a decision is recorded and
 * queued as a `slack.interaction` job in one statement, a modal is opened just after
 * the answer (its trigger id dies 3 seconds after the click). Each interaction is
 * recorded once by its trigger id, so the copies Slack sends again act on nothing.
 *
 * The job decides through the inbox service (src/inbox/decisions.ts) as the Pandora
 * member the Slack user is, exactly as the console would; refusals and problems go
 * back to that person alone through the card's response_url. Updating the card itself
 * is the card job's (cards.ts), run on every decision wherever it was made.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Caller } from '../../actions/service.js';
import type { Queryable } from '../../db/pool.js';
import { HttpError, badRequest } from '../../errors.js';
import { approveInboxItemAs, rejectInboxItemAs } from '../../inbox/decisions.js';
import { getInboxItem, type InboxItem } from '../../inbox/items.js';
import type { JobPayloads } from '../../jobs/types.js';
import type { SecretKey } from '../../tenancy/secrets.js';
import { parseInboxActionId } from './blocks.js';
import {
  classifySlackError,
  endpointFor,
  installationsForTeam,
  loadInstallation,
  slackClient,
} from './client.js';
import {
  EDIT_CALLBACK_ID,
  REJECT_CALLBACK_ID,
  editModal,
  editableFields,
  readEditSubmission,
  readMetadata,
  readRejectReason,
  rejectModal,
  type ViewState,
} from './modal.js';
import { postEphemeral } from './respond.js';
import { memberForSlack, type SlackMember } from './members.js';

export interface InteractionDeps {
  pool: pg.Pool;
  secretKey: SecretKey;
  log: Logger;
  /** Where Slack is for an install that names no Slack of its own (SLACK_API_URL). */
  slackApiUrl: string;
}

/** What the endpoint answers Slack now, and what it does right after answering. */
export interface InteractionAnswer {
  body: { response_action: 'errors'; errors: Record<string, string> } | null;
  after?: () => Promise<void>;
}

export type SlackInteractionJob = JobPayloads['slack.interaction'];

/** The parts of Slack's interaction payloads Pandora reads. */
interface SlackPayload {
  type?: unknown;
  team?: { id?: unknown } | null;
  user?: { id?: unknown; team_id?: unknown };
  trigger_id?: unknown;
  response_url?: unknown;
  actions?: Array<{ action_id?: unknown; value?: unknown; action_ts?: unknown }>;
  view?: {
    callback_id?: unknown;
    private_metadata?: unknown;
    state?: { values?: ViewState };
  };
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Handles one verified payload; throws HttpError for what cannot be Slack's. */
export async function receiveSlackInteraction(
  deps: InteractionDeps,
  raw: unknown,
): Promise<InteractionAnswer> {
  const payload = (raw ?? {}) as SlackPayload;
  const teamId = text(payload.team?.id) ?? text(payload.user?.team_id);
  const slackUserId = text(payload.user?.id);
  const triggerId = text(payload.trigger_id);
  if (!teamId || !slackUserId) {
    throw badRequest('invalid_slack_payload', 'payload: team.id and user.id are required');
  }
  if (payload.type === 'block_actions') {
    const action = payload.actions?.[0];
    const actionId = action?.action_id;
    const button = typeof actionId === 'string' ? parseInboxActionId(actionId) : null;
    // The View button is a link; other apps' elements are not Pandora's to handle.
    if (!button || button.action === 'view') return { body: null };
    const key = triggerId ?? text(action?.action_ts);
    if (!key) throw badRequest('invalid_slack_payload', 'payload: trigger_id is required');
    const click = {
      teamId,
      slackUserId,
      inboxItemId: button.inboxItemId,
      dedupeKey: `block_actions:${key}`,
      responseUrl: text(payload.response_url),
    };
    if (button.action === 'approve') return queueDecision(deps, click, { decision: 'approve' });
    return openModal(deps, click, button.action, triggerId);
  }
  if (payload.type === 'view_submission') {
    const view = payload.view;
    const metadata = readMetadata(view?.private_metadata);
    if (!metadata || !triggerId) return { body: null };
    const submission = {
      teamId,
      slackUserId,
      inboxItemId: metadata.inboxItemId,
      dedupeKey: `view_submission:${triggerId}`,
      responseUrl: metadata.responseUrl,
    };
    const state = view?.state?.values ?? {};
    if (view?.callback_id === REJECT_CALLBACK_ID) {
      return queueDecision(deps, submission, {
        decision: 'reject',
        reason: readRejectReason(state),
      });
    }
    if (view?.callback_id === EDIT_CALLBACK_ID) return submitEdits(deps, submission, state);
  }
  // Other interactions (a modal closed, shortcuts) ask nothing of Pandora.
  return { body: null };
}

interface Interaction {
  teamId: string;
  slackUserId: string;
  inboxItemId: string;
  dedupeKey: string;
  responseUrl: string | null;
}

interface Target {
  workspaceId: string;
}

/**
 * The Pandora workspace an interaction is for: of those that installed the Slack team,
 * the one the item belongs to (two workspaces may share a Slack team). Null when the
 * item is gone; 404 when no workspace installed the team.
 */
async function findTarget(deps: InteractionDeps, interaction: Interaction): Promise<Target | null> {
  const { rows } = await deps.pool.query<{ workspaceId: string; holdsItem: boolean }>(
    `select s.workspace_id as "workspaceId",
            exists (select 1 from inbox_items i
                    where i.workspace_id = s.workspace_id and i.id = $2::uuid) as "holdsItem"
     from slack_installations s where s.team_id = $1::text`,
    [interaction.teamId, interaction.inboxItemId],
  );
  if (rows.length === 0) {
    throw new HttpError(
      404,
      'slack_team_not_connected',
      `No Pandora workspace is connected to the Slack team ${interaction.teamId}`,
    );
  }
  const target = rows.find((row) => row.holdsItem);
  return target ? { workspaceId: target.workspaceId } : null;
}

async function installationOf(deps: InteractionDeps, workspaceId: string) {
  const install = await loadInstallation(deps.pool, deps.secretKey, workspaceId);
  if (!install) throw new Error(`the Slack install of workspace ${workspaceId} is gone`);
  return install;
}

type Kind = 'click_approve' | 'click_reject' | 'click_edit' | 'submit_edit' | 'submit_reject';

type QueuedDecision = Omit<
  SlackInteractionJob,
  'workspaceId' | 'interactionId' | 'inboxItemId' | 'slackUserId' | 'responseUrl'
>;

/**
 * Records the interaction, and queues its decision with it, in one statement (the
 * answer to Slack waits on it). Returns the new row's id, or null when the interaction
 * was recorded before (Slack sent it again): then nothing is queued.
 */
async function recordOnce(
  db: Queryable,
  workspaceId: string,
  interaction: Interaction,
  kind: Kind,
  decision?: QueuedDecision,
): Promise<string | null> {
  const id = randomUUID();
  const job: SlackInteractionJob | null = decision
    ? {
        workspaceId,
        interactionId: id,
        inboxItemId: interaction.inboxItemId,
        slackUserId: interaction.slackUserId,
        responseUrl: interaction.responseUrl,
        ...decision,
      }
    : null;
  const { rows } = await db.query<{ first: boolean }>(
    `with recorded as (
       insert into slack_interactions
         (id, workspace_id, dedupe_key, kind, inbox_item_id, slack_user_id)
       values ($1::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::text)
       on conflict (workspace_id, dedupe_key)
         do update set retries = slack_interactions.retries + 1
       returning (xmax = 0) as first
     ), queued as (
       select graphile_worker.add_job(
                identifier => 'slack.interaction', payload => $7::json,
                max_attempts => $8::int, job_key => 'slack.interaction:' || $1::text)
       from recorded where recorded.first and $7::json is not null
     )
     select first, (select count(*) from queued) as queued from recorded`,
    [
      id,
      workspaceId,
      interaction.dedupeKey,
      kind,
      interaction.inboxItemId,
      interaction.slackUserId,
      job ? JSON.stringify(job) : null,
      MAX_ATTEMPTS,
    ],
  );
  return rows[0]!.first ? id : null;
}

async function settle(
  db: Queryable,
  interactionId: string,
  status: 'done' | 'refused' | 'failed',
  outcome: string,
): Promise<void> {
  await db.query(
    `update slack_interactions set status = $2::text, outcome = left($3::text, 500),
                                   processed_at = now()
     where id = $1::uuid`,
    [interactionId, status, outcome],
  );
}

/** Told when the item was deleted since the card was posted. */
function gone(deps: InteractionDeps, interaction: Interaction, teamId: string) {
  return async () => {
    const [install] = await installationsForTeam(deps.pool, deps.secretKey, teamId);
    await postEphemeral(deps, install ?? null, interaction.responseUrl, ITEM_GONE);
  };
}

const ITEM_GONE = 'This inbox item is no longer in Pandora.';

/** Records a decision with its job; the job decides. */
async function queueDecision(
  deps: InteractionDeps,
  interaction: Interaction,
  decision:
    | { decision: 'approve'; edits?: Record<string, unknown> }
    | { decision: 'reject'; reason: string | null },
): Promise<InteractionAnswer> {
  const target = await findTarget(deps, interaction);
  if (!target) return { body: null, after: gone(deps, interaction, interaction.teamId) };
  const kind: Kind =
    decision.decision === 'reject'
      ? 'submit_reject'
      : decision.edits
        ? 'submit_edit'
        : 'click_approve';
  await recordOnce(deps.pool, target.workspaceId, interaction, kind, decision);
  return { body: null };
}

const MAX_ATTEMPTS = 5;

/** An item read to build or check a modal; who may decide is settled by the decision. */
const reader = (workspaceId: string): Caller => ({
  workspaceId,
  role: 'admin',
  actor: 'slack',
  sourceId: null,
  kind: 'user',
});

/** An Edit submission: checked now (errors shown in the modal), then queued as an approval. */
async function submitEdits(
  deps: InteractionDeps,
  interaction: Interaction,
  state: ViewState,
): Promise<InteractionAnswer> {
  const target = await findTarget(deps, interaction);
  if (!target) return { body: null, after: gone(deps, interaction, interaction.teamId) };
  const item = await getInboxItem(deps.pool, reader(target.workspaceId), interaction.inboxItemId);
  const read = readEditSubmission(item, state);
  if (!read.ok) return { body: { response_action: 'errors', errors: read.errors } };
  return queueDecision(deps, interaction, {
    decision: 'approve',
    ...(Object.keys(read.edits).length > 0 ? { edits: read.edits } : {}),
  });
}

/**
 * Edit and Reject open a modal, right after the answer: the person is checked first
 * (a refusal comes back at once instead of after filling the form in).
 */
async function openModal(
  deps: InteractionDeps,
  interaction: Interaction,
  button: 'edit' | 'reject',
  triggerId: string | null,
): Promise<InteractionAnswer> {
  const target = await findTarget(deps, interaction);
  if (!target) return { body: null, after: gone(deps, interaction, interaction.teamId) };
  const interactionId = await recordOnce(
    deps.pool,
    target.workspaceId,
    interaction,
    button === 'edit' ? 'click_edit' : 'click_reject',
  );
  if (!interactionId || !triggerId) return { body: null };
  const { workspaceId } = target;
  return {
    body: null,
    after: async () => {
      const install = await installationOf(deps, workspaceId);
      const tell = (message: string) =>
        postEphemeral(deps, install, interaction.responseUrl, message);
      const member = await memberForSlack(deps, install, interaction.slackUserId);
      if (!member) {
        await tell(NOT_A_MEMBER);
        return settle(deps.pool, interactionId, 'refused', NOT_A_MEMBER);
      }
      let item: InboxItem;
      try {
        item = await getInboxItem(
          deps.pool,
          callerOf(workspaceId, member),
          interaction.inboxItemId,
        );
      } catch (error) {
        if (!(error instanceof HttpError) || error.status >= 500) throw error;
        const message = refusal(error);
        await tell(message);
        return settle(deps.pool, interactionId, 'refused', message);
      }
      if (item.status !== 'pending') {
        const message = decidedText(item.status, item.resolvedBy);
        await tell(message);
        return settle(deps.pool, interactionId, 'refused', message);
      }
      if (button === 'edit' && editableFields(item).length === 0) {
        const message = 'This item has no value to edit: approve or reject it.';
        await tell(message);
        return settle(deps.pool, interactionId, 'refused', message);
      }
      const metadata = { inboxItemId: item.id, responseUrl: interaction.responseUrl };
      const view = button === 'edit' ? editModal(item, metadata) : rejectModal(item, metadata);
      const client = slackClient(endpointFor(install, deps.slackApiUrl), deps.log);
      try {
        await client.views.open({ trigger_id: triggerId, view: view as never });
      } catch (error) {
        // The trigger lasts 3 seconds and is not retried: say so, so the person clicks again.
        const message = `Slack did not open the form (${classifySlackError(error).error}); click ${button === 'edit' ? 'Edit' : 'Reject'} again.`;
        await tell(message);
        return settle(deps.pool, interactionId, 'failed', message);
      }
      await settle(deps.pool, interactionId, 'done', `${button} modal opened`);
    },
  };
}

const NOT_A_MEMBER =
  'Your Slack account is not linked to a member of this Pandora workspace (Pandora matches people by email), so you cannot decide this item.';

export function callerOf(workspaceId: string, member: SlackMember): Caller {
  return {
    workspaceId,
    role: member.role,
    actor: member.email,
    sourceId: member.userId,
    kind: 'user',
  };
}

function decidedText(status: string, resolvedBy: string | null): string {
  if (status === 'expired') return 'This item expired before anyone decided it.';
  return `Already ${status}${resolvedBy ? ` by ${resolvedBy}` : ''}.`;
}

/** What the person reads when the inbox service says no. */
function refusal(error: HttpError): string {
  if (error.code === 'not_assignee') {
    return 'Only the person this item is assigned to, or a Pandora admin, can decide it.';
  }
  if (error.code === 'already_decided') {
    const details = (error.details ?? {}) as { status?: string; resolvedBy?: string | null };
    return decidedText(details.status ?? 'decided', details.resolvedBy ?? null);
  }
  if (error.status === 404) return ITEM_GONE;
  if (error.code === 'deal_required') {
    return 'This question needs the deal the meeting was about: answer it in the Pandora inbox.';
  }
  return `Pandora could not do it: ${error.message}`;
}

/** The `slack.interaction` job: the decision, as the Slack user's Pandora member. */
export async function runSlackInteraction(
  deps: InteractionDeps,
  job: SlackInteractionJob,
  attempt = 1,
): Promise<void> {
  const install = await loadInstallation(deps.pool, deps.secretKey, job.workspaceId);
  const tell = (message: string) => postEphemeral(deps, install, job.responseUrl, message);
  const member = install ? await memberForSlack(deps, install, job.slackUserId) : null;
  if (!member) {
    await tell(NOT_A_MEMBER);
    return settle(deps.pool, job.interactionId, 'refused', NOT_A_MEMBER);
  }
  const caller = callerOf(job.workspaceId, member);
  try {
    if (job.decision === 'reject') {
      await rejectInboxItemAs(deps.pool, caller, job.inboxItemId, job.reason ?? null);
      return settle(deps.pool, job.interactionId, 'done', `rejected by ${member.email}`);
    }
    const { item } = await approveInboxItemAs(
      { pool: deps.pool, secretKey: deps.secretKey, log: deps.log },
      caller,
      job.inboxItemId,
      job.edits ? { edits: job.edits } : {},
    );
    if (item.status === 'pending') {
      const message = `Approved, but the CRM did not take it yet: ${item.error?.message ?? 'the write failed'}. It waits in the Pandora inbox; approve again to retry.`;
      await tell(message);
      return settle(deps.pool, job.interactionId, 'failed', message);
    }
    return settle(deps.pool, job.interactionId, 'done', `approved by ${member.email}`);
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) {
      const message = refusal(error);
      await tell(message);
      return settle(deps.pool, job.interactionId, 'refused', message);
    }
    // Worth another try (the database, the CRM); the last one tells the person.
    if (attempt >= MAX_ATTEMPTS) {
      const message = 'Pandora could not record this decision; decide it in the Pandora inbox.';
      await tell(message);
      await settle(deps.pool, job.interactionId, 'failed', message);
    }
    throw error;
  }
}
