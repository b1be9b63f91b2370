import { CrmError } from '../errors.js';
import type { CampaignPort } from '../port.js';
import { sdkOptions, type HubspotClient } from './client.js';

/** HubSpot's object type id of contacts, as the lists API names object types. */
const CONTACTS = '0-1';

/**
 * Campaigns as HubSpot lists, through the v3 lists API: a contact joins a MANUAL or
 * SNAPSHOT list with `memberships/add` (records already in it, or missing, are
 * reported, not refused), leaves it with `memberships/remove`; a record's lists are
 * read with `lists/records/{objectTypeId}/{recordId}/memberships`. Adding and
 * removing are idempotent, so they are retried like any idempotent call.
 */
export function hubspotCampaigns(client: HubspotClient): CampaignPort {
  const missing = (listId: string, contactId: string) =>
    new CrmError('not_found', `No HubSpot contact ${contactId} to put in list ${listId}`, {
      crmCode: 'OBJECT_NOT_FOUND',
    });
  return {
    async describe(listId) {
      const { list } = await client.call('idempotent', (sdk) =>
        sdk.crm.lists.listsApi.getById(listId, false, sdkOptions()),
      );
      return { id: String(list.listId), name: list.name };
    },
    async isMember(listId, contactId) {
      const page = await client.call('idempotent', (sdk) =>
        sdk.crm.lists.membershipsApi.getLists(CONTACTS, contactId, sdkOptions()),
      );
      return page.results.some((membership) => String(membership.listId) === String(listId));
    },
    async add(listId, contactId) {
      const answer = await client.call('idempotent', (sdk) =>
        sdk.crm.lists.membershipsApi.add(listId, [contactId], sdkOptions()),
      );
      if ((answer.recordIdsMissing ?? []).map(String).includes(contactId)) {
        throw missing(listId, contactId);
      }
      return { added: (answer.recordsIdsAdded ?? []).map(String).includes(contactId) };
    },
    async remove(listId, contactId) {
      const answer = await client.call('idempotent', (sdk) =>
        sdk.crm.lists.membershipsApi.remove(listId, [contactId], sdkOptions()),
      );
      return { removed: (answer.recordIdsRemoved ?? []).map(String).includes(contactId) };
    },
  };
}
