/**
 * Every step type, by id. A step module exports its definition; adding a type is one
 * line here. The runner, the definition check, the API's step catalogue and the
 * console's forms all read this registry.
 */
import type { StepDefinition, StepType } from '../types.js';
import { addTagStep } from './add-tag.js';
import { assignAgentStep } from './assign-agent.js';
import { conditionStep } from './condition.js';
import { delayStep } from './delay.js';
import { crmIntegrationStep } from './crm-integration.js';
import { deleteContactStep } from './delete-contact.js';
import { emailIntegrationStep } from './email-integration.js';
import { moveToBoardStep } from './move-to-board.js';
import { runApiRequestStep } from './run-api-request.js';
import { runJavascriptStep } from './run-javascript.js';
import { sendWebhookStep } from './send-webhook.js';
import { subscribeCampaignStep } from './subscribe-campaign.js';
import { setVariableStep } from './set-variable.js';
import { waitForApprovalStep } from './wait-for-approval.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition types its own config
type AnyStep = StepDefinition<any>;

const DEFINITIONS: AnyStep[] = [
  // network steps (steps-net)
  sendWebhookStep,
  runApiRequestStep,
  emailIntegrationStep,
  moveToBoardStep,
  // CRM steps (steps-crm)
  crmIntegrationStep,
  addTagStep,
  assignAgentStep,
  subscribeCampaignStep,
  deleteContactStep,
  // control steps (engine)
  setVariableStep,
  conditionStep,
  delayStep,
  waitForApprovalStep,
  // sandbox
  runJavascriptStep,
];

const BY_TYPE = new Map<StepType, AnyStep>(DEFINITIONS.map((d) => [d.type, d]));

export function stepDefinition(type: StepType): AnyStep | undefined {
  return BY_TYPE.get(type);
}

export function stepDefinitions(): readonly AnyStep[] {
  return DEFINITIONS;
}
