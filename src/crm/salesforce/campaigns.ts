import type { SaveResult } from 'jsforce';
import { CrmError } from '../errors.js';
import type { CampaignPort } from '../port.js';
import type { SalesforceClient } from './client.js';
import { toId18 } from './ids.js';
import { saveError } from './records.js';
import { queryAll, soqlString } from './soql.js';

const CAMPAIGN_PREFIX = '701';

/**
 * Campaigns as Salesforce has them: a contact is a campaign's member through a
 * CampaignMember row (CampaignId, ContactId). Creating a second one for the same pair
 * is refused with DUPLICATE_VALUE ("Already a campaign member."), which means the
 * contact was a member already. Removing deletes the row.
 */
export function salesforceCampaigns(client: SalesforceClient): CampaignPort {
  const campaignId = (raw: string) => {
    const id = toId18(raw);
    if (!id?.startsWith(CAMPAIGN_PREFIX)) {
      throw new CrmError('not_found', `No Salesforce Campaign with id ${raw}`, {
        crmCode: 'NOT_FOUND',
      });
    }
    return id;
  };
  const members = (campaign: string, contactId: string) =>
    queryAll<{ Id: string }>(
      client,
      `SELECT Id FROM CampaignMember WHERE CampaignId = ${soqlString(campaignId(campaign))} AND ContactId = ${soqlString(contactId)}`,
    );
  return {
    async describe(raw) {
      const id = campaignId(raw);
      const [campaign] = await queryAll<{ Id: string; Name: string }>(
        client,
        `SELECT Id, Name FROM Campaign WHERE Id = ${soqlString(id)}`,
      );
      if (!campaign) {
        throw new CrmError('not_found', `No Salesforce Campaign with id ${raw}`, {
          crmCode: 'NOT_FOUND',
        });
      }
      return { id: campaign.Id, name: campaign.Name };
    },
    async isMember(campaign, contactId) {
      return (await members(campaign, contactId)).length > 0;
    },
    async add(campaign, contactId) {
      const result = (await client.call('unsafe', (conn) =>
        conn.sobject('CampaignMember').create({
          CampaignId: campaignId(campaign),
          ContactId: contactId,
        }),
      )) as SaveResult;
      if (result.success) return { added: true };
      const error = saveError(result);
      if (error.crmCode === 'DUPLICATE_VALUE') return { added: false };
      throw error;
    },
    async remove(campaign, contactId) {
      const rows = await members(campaign, contactId);
      if (rows.length === 0) return { removed: false };
      const results = (await client.call('idempotent', (conn) =>
        conn.destroy(
          'CampaignMember',
          rows.map((row) => row.Id),
          { allOrNone: false },
        ),
      )) as SaveResult[];
      const failed = results.find(
        (result) => !result.success && saveError(result).crmCode !== 'ENTITY_IS_DELETED',
      );
      if (failed) throw saveError(failed);
      return { removed: true };
    },
  };
}
