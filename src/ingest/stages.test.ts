import { describe, expect, it } from 'vitest';
import type { CrmPipeline, CrmStage } from '../crm/port.js';
import { normalizePipeline } from './stages.js';

const stage = (
  id: string,
  label: string,
  displayOrder: number,
  closed = false,
  won = false,
): CrmStage => ({
  id,
  label,
  displayOrder,
  probability: null,
  isClosed: closed,
  isWon: won,
});

describe('normalizePipeline', () => {
  it("knows HubSpot's default stage ids and Salesforce's default labels", () => {
    const hubspot: CrmPipeline = {
      id: 'default',
      label: 'Sales',
      stages: [
        stage('appointmentscheduled', 'Appointment Scheduled', 0),
        stage('contractsent', 'Contract Sent', 4),
        stage('closedwon', 'Closed Won', 5, true, true),
        stage('closedlost', 'Closed Lost', 6, true, false),
      ],
    };
    expect(Object.fromEntries(normalizePipeline(hubspot))).toEqual({
      appointmentscheduled: 'prospecting',
      contractsent: 'negotiation',
      closedwon: 'closed_won',
      closedlost: 'closed_lost',
    });
    const salesforce: CrmPipeline = {
      id: 'default',
      label: 'Opportunities',
      stages: [
        stage('Needs Analysis', 'Needs Analysis', 2),
        stage('Proposal/Price Quote', 'Proposal/Price Quote', 6),
      ],
    };
    expect(Object.fromEntries(normalizePipeline(salesforce))).toEqual({
      'Needs Analysis': 'discovery',
      'Proposal/Price Quote': 'proposal',
    });
  });

  it('prefers the connection mapping, then words in the label, then the position', () => {
    const custom: CrmPipeline = {
      id: 'p1',
      label: 'Custom',
      stages: [
        stage('s1', 'Inbound', 0),
        stage('s2', 'Security review', 1),
        stage('s3', 'Stage three', 2),
        stage('s4', 'Stage four', 3),
        stage('s5', 'Paperwork', 4),
      ],
    };
    const result = normalizePipeline(custom, { s5: 'negotiation', s1: 'not-a-stage' });
    expect(result.get('s5')).toBe('negotiation');
    expect(result.get('s2')).toBe('evaluation');
    expect(result.get('s1')).toBe('prospecting');
    expect(result.get('s3')).toBe('discovery');
    expect(result.get('s4')).toBe('evaluation');
  });
});
