import type { Logger } from 'pino';
import type pg from 'pg';
import { createAgentConfig, listAgentConfigs, updateAgentConfig } from '../agents/configs.js';
import { activateAgent } from '../agents/lifecycle.js';
import { templateNamed } from '../agents/templates.js';
import { enqueue } from '../jobs/queue.js';
import type { SecretKey } from '../tenancy/secrets.js';

export const DEMO_AGENT_NAME = 'Call notes agent (demo)';
/** How many of the latest meetings the demo's agent reads at start. */
export const DEMO_AGENT_MEETINGS = 12;

/**
 * The demo opens with a meeting agent at work: live, but asking a person about every
 * field (nothing is written until someone approves), run on the latest linked
 * meetings, so the inbox, the activity log and the notifications have something real
 * to show. A real workspace's agent starts in shadow from the wizard instead.
 */
export async function startDemoAgent(
  deps: { pool: pg.Pool; secretKey: SecretKey; log: Logger },
  workspaceId: string,
  connectionId: string,
): Promise<string | undefined> {
  const existing = (await listAgentConfigs(deps.pool, workspaceId)).find(
    (agent) => agent.name === DEMO_AGENT_NAME,
  );
  let agentId = existing?.id;
  if (!agentId) {
    // The demo template asks about all five fields, on every call type; the sandbox
    // HubSpot, like a fresh portal, has no competitors property, so that one is left out.
    const fields = templateNamed('demo')!.fields.map((field) =>
      field.field === 'competitors' ? { ...field, rule: 'never' as const } : field,
    );
    const created = await createAgentConfig(
      deps,
      workspaceId,
      { name: DEMO_AGENT_NAME, connectionId, templateId: 'demo', callTypes: [], fields },
      null,
    );
    agentId = created.id;
    await updateAgentConfig(deps, workspaceId, agentId, { mode: 'live' });
  }
  await activateAgent(deps, workspaceId, agentId);
  const { rows } = await deps.pool.query<{ id: string }>(
    `select id from conversations
     where workspace_id = $1::uuid and deal_id is not null
     order by started_at desc, id desc limit $2::int`,
    [workspaceId, DEMO_AGENT_MEETINGS],
  );
  for (const { id } of rows) {
    // A `linked` run happens once per agent and meeting, so a retried seed adds none.
    await enqueue(
      deps.pool,
      'agents.run',
      { workspaceId, conversationId: id, agentConfigId: agentId, trigger: 'linked' },
      { jobKey: `demo.agent:${agentId}:${id}` },
    );
  }
  deps.log.info({ workspaceId, agentId, meetings: rows.length }, 'demo agent started');
  return agentId;
}
