import type { CrmDeal } from './cases.js';
import type { AgentCore, CoreInput } from './core-types.js';

/**
 * The starting point of the meeting agent's core, which the evaluation harness runs
 * until matching and extraction land. It matches only the plain case and proposes no
 * field values, so its auto-apply precision is undefined (nothing applied) and its
 * recall is zero: the figures to beat, not a result.
 *
 * Matching: the external participants' emails -> CRM contacts -> their open deals
 * (a deal naming the contact, or any deal of the contact's account). Exactly one such
 * deal is the match; none or several is no match (several is ambiguous: never a guess).
 */
export const agentCore: AgentCore = (input) => {
  const deal = singleOpenDeal(input);
  return deal
    ? { dealId: deal.id, matchConfidence: 0.9, fields: [] }
    : { dealId: null, matchConfidence: 0, fields: [] };
};

function singleOpenDeal({ meeting, crm, config }: CoreInput): CrmDeal | null {
  const internal = new Set(config.internalDomains.map((domain) => domain.toLowerCase()));
  const emails = new Set(
    meeting.participants
      .map((participant) => participant.email?.trim().toLowerCase())
      .filter((email): email is string => Boolean(email))
      .filter((email) => !internal.has(email.slice(email.lastIndexOf('@') + 1))),
  );
  const contacts = crm.contacts.filter(
    (contact) => contact.email !== null && emails.has(contact.email.trim().toLowerCase()),
  );
  const contactIds = new Set(contacts.map((contact) => contact.id));
  const accountIds = new Set(contacts.flatMap((contact) => contact.accountId ?? []));
  const open = crm.deals.filter(
    (deal) =>
      !deal.isClosed &&
      (deal.contactIds.some((id) => contactIds.has(id)) ||
        (deal.accountId !== null && accountIds.has(deal.accountId))),
  );
  return open.length === 1 ? open[0]! : null;
}
