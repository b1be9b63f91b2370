/** The deal columns and joins the skills read, so every skill targets deals alike. */

/** An open deal as skills see it, with its owner, account and CRM connection. */
export interface SkillDeal {
  id: string;
  source: string;
  sourceId: string;
  name: string;
  amount: number | null;
  closeDate: string | null;
  stage: string | null;
  stageNormalized: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  accountName: string | null;
  /** The workspace's connection to the CRM the deal came from, if any. */
  connectionId: string | null;
}

/** Open: not closed won or lost. A deal with no mapped stage counts as open. */
export const OPEN_DEAL = `(d.stage_normalized is null
  or d.stage_normalized not in ('closed_won', 'closed_lost'))`;

/** Columns of `SkillDeal` over `deals d` joined with `DEAL_JOINS`. */
export const DEAL_COLUMNS = `
  d.id, d.source, d.source_id as "sourceId", d.name, d.amount, d.close_date as "closeDate",
  d.stage, d.stage_normalized as "stageNormalized", o.name as "ownerName",
  o.email as "ownerEmail", a.name as "accountName", conn.id as "connectionId"`;

// A deal's source is the CRM's type ('hubspot', 'salesforce'); with several
// connections to the same CRM type, the oldest one still connected wins, so a run
// always picks the same one.
export const DEAL_JOINS = `
  left join owners o on o.id = d.owner_id
  left join accounts a on a.id = d.account_id
  left join lateral (
    select c.id from connections c
    where c.workspace_id = d.workspace_id and c.crm_type = d.source
    order by (c.status = 'disconnected'), c.created_at, c.id
    limit 1
  ) conn on true`;

/** Deals with the same amount are ordered by their CRM id, so top-N cuts are stable. */
export const BY_IMPACT = 'd.amount desc nulls last, d.source, d.source_id';
