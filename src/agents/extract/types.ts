/** Which side of the deal a speaker is on (from the participant's email domain when known). */
export type SpeakerSide = 'internal' | 'external' | 'unknown';

export interface ExtractUtterance {
  speaker: string;
  text: string;
  startSeconds: number;
  side: SpeakerSide;
}

export interface ExtractContext {
  /** The meeting's start (ISO instant): relative dates are read from here. */
  startedAt: string;
  /** IANA zone of the workspace, e.g. "America/New_York". */
  timeZone: string;
  /**
   * The currency of the buyer's country, from the account's web domain ("gs-alandalous.ma"
   * is MAD): "dirhams" said by a Moroccan school are MAD, not the UAE's.
   */
  buyerCurrency?: string | null;
  /** 1 = calendar quarters; 2 = the fiscal year starts in February, and so on. */
  fiscalYearStartMonth: number;
  /** Names of competing vendors; money said next to one is their price, not ours. */
  competitors?: readonly string[];
  /**
   * The competitors the matched deal already holds: the call changes that set (a vendor
   * added, one dropped), and one it does not mention is still in play after it.
   */
  heldCompetitors?: readonly string[];
  /**
   * The seller's own names, from the workspace's internal domains ("compraxis.es" is
   * Compraxis): "we've chosen Compraxis" is the customer choosing us.
   */
  sellers?: readonly string[];
  /** The matched deal's amount: it tells whether the call's prices are in thousands. */
  dealAmount?: number | null;
  /** The matched deal's name ("Tolka Pharma - e-Billing Add-on"). */
  dealName?: string;
  /** The meeting's title as the calendar has it ("Acme - proposal walkthrough"). */
  meetingTitle?: string;
  /** The matched deal's stage (Pandora's normalized one): where a call can move it from. */
  dealStage?: string | null;
  /** The matched deal's close date (YYYY-MM-DD): a bound it already keeps changes nothing. */
  dealCloseDate?: string | null;
  /**
   * Whether the deal amount is the total contract value (default: what a CRM's deal
   * amount holds, and how every outside labeller read "$1.1M over three years") or the
   * annual value.
   */
  amountConvention?: 'annual' | 'total';
}

/**
 * One proposed value. `quote` is a verbatim substring of the utterance's text at
 * `utteranceIndex`, so whoever shows it can point at the transcript.
 */
export interface Candidate<T> {
  value: T;
  confidence: number;
  quote: string;
  utteranceIndex: number;
  startSeconds: number;
}
