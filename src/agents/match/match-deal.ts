import type { CrmDeal, CrmRecords, Meeting } from '../cases.js';
import type { CoreMatch, MatchCandidate } from '../core-types.js';
import {
  domainWithin,
  emailDomain,
  FREE_MAIL,
  GENERIC,
  hasPhrase,
  nameStems,
  numberedParts,
  stem,
  words,
} from './words.js';

/**
 * Which open deal a meeting is about, from the participants' emails, the deal's
 * contacts, its account and what was said. Several deals that fit equally give a
 * question with the candidates (dealId null), never a guess.
 */

/** How the evidence decided: the calibration table holds how often each is right. */
export type MatchBasis =
  | 'only-deal' // one open deal among the participants' contacts and accounts
  | 'named' // several; the title or transcript names this one's product or name
  | 'participants' // several; more of this deal's contacts took part than of any other
  | 'ambiguous'
  | 'none';

export interface DealMatch extends CoreMatch {
  dealId: string | null;
  basis: MatchBasis;
}

export interface MatchInput {
  meeting: Meeting;
  crm: CrmRecords;
  internalDomains: readonly string[];
}

interface Evidence {
  deal: CrmDeal;
  contactHits: number;
  mention: number;
  named: string[];
  /**
   * How many of its own name's words the meeting title says, or a sentence saying what
   * the call is for ("today is only about parts").
   */
  inTitle: number;
  /** Whether those words are in the title itself rather than only in such a sentence. */
  titleItself: boolean;
}

export function matchDeal({ meeting, crm, internalDomains }: MatchInput): DealMatch {
  const isInternal = (domain: string) => internalDomains.some((base) => domainWithin(domain, base));
  const external = meeting.participants.filter((p) => {
    const domain = emailDomain(p.email);
    return domain === null || !isInternal(domain);
  });
  const emails = new Set(
    external.flatMap((p) => (emailDomain(p.email) ? [p.email!.trim().toLowerCase()] : [])),
  );
  // A participant without an email, or on a personal mailbox the CRM does not hold
  // ("sorry, using my personal email"), is known by name: one contact of that exact name.
  const knownEmails = new Set(
    crm.contacts.flatMap((c) => (c.email ? [c.email.trim().toLowerCase()] : [])),
  );
  const nameOnly = new Set(
    external
      .filter((p) => {
        const domain = emailDomain(p.email);
        return (
          domain === null ||
          (FREE_MAIL.has(domain) && !knownEmails.has(p.email!.trim().toLowerCase()))
        );
      })
      .map((p) => p.name.trim().toLowerCase()),
  );
  const contacts = crm.contacts.filter((c) => {
    const domain = emailDomain(c.email);
    if (domain !== null && isInternal(domain)) return false;
    if (c.email && emails.has(c.email.trim().toLowerCase())) return true;
    return (
      nameOnly.has(c.name.trim().toLowerCase()) &&
      crm.contacts.filter((o) => o.name.trim().toLowerCase() === c.name.trim().toLowerCase())
        .length === 1
    );
  });
  const contactIds = new Set(contacts.map((c) => c.id));
  const accountIds = new Set(contacts.flatMap((c) => c.accountId ?? []));
  // Account by email domain, for participants not (yet) contacts.
  const domains = new Set(
    [...emails].map((e) => emailDomain(e)!).filter((domain) => !FREE_MAIL.has(domain)),
  );
  const domainAccounts = new Set(
    crm.accounts
      .filter((a) => a.domain && [...domains].some((domain) => domainWithin(domain, a.domain!)))
      .map((a) => a.id),
  );

  if (emails.size === 0 && contacts.length === 0) {
    return none(
      external.length === 0
        ? 'Only people from the internal domains took part.'
        : 'No participant has an email address or is a known contact.',
    );
  }
  const related = crm.deals.filter(
    (d) =>
      d.contactIds.some((id) => contactIds.has(id)) ||
      (d.accountId !== null && (accountIds.has(d.accountId) || domainAccounts.has(d.accountId))),
  );
  const open = related.filter((d) => !d.isClosed);
  if (open.length === 0) {
    if (related.length > 0) return none('The account has no open deal, only closed ones.');
    if (accountIds.size + domainAccounts.size > 0) return none('The account has no deal.');
    return none('No participant is a CRM contact or from a known account domain.');
  }

  const accountName = new Map(crm.accounts.map((a) => [a.id, a.name]));
  const evidence = weigh(open, meeting, contactIds, accountName);
  const method = (e: Evidence) =>
    e.contactHits > 0
      ? 'contact'
      : e.deal.accountId !== null && accountIds.has(e.deal.accountId)
        ? 'account'
        : 'domain';
  const candidates = scoreCandidates(evidence);

  if (evidence.length === 1) {
    const only = evidence[0]!;
    return {
      dealId: only.deal.id,
      basis: 'only-deal',
      method: method(only),
      reason: `The only open deal ${via(method(only))}.`,
      candidates,
    };
  }
  // "Which one is this about?" "Well, both really.": the call says it is about them all.
  if (meeting.transcript.some((u) => ABOUT_ALL.test(u.text)))
    return ambiguous(meeting, evidence, candidates, 'the call says it is about all of them');
  const byMention = [...evidence].sort((a, b) => b.mention - a.mention);
  const [topM, nextM] = [byMention[0]!, byMention[1]!];
  const byContacts = [...evidence].sort((a, b) => b.contactHits - a.contactHits);
  const [topC, nextC] = [byContacts[0]!, byContacts[1]!];
  // "Ana's team does their own thing with you for oncology": a deal named once in
  // passing, none of whose contacts took part, does not outweigh the deal they are on.
  const inPassing =
    topM.mention === 1 && topM.inTitle === 0 && topM.contactHits === 0 && topC.contactHits > 0;
  if (topM.mention > 0 && topM.mention >= 2 * nextM.mention && !inPassing) {
    return {
      dealId: topM.deal.id,
      basis: 'named',
      method: method(topM),
      reason: `${evidence.length} open deals ${via(method(topM))}; the call names "${topM.named.join('", "')}" of ${topM.deal.name}.`,
      candidates,
    };
  }
  // Both named in the call ("Rotterdam, on the same term as the Antwerp contract"), but
  // the meeting's title names one of them only: that is the one the call was set up for.
  const titled = evidence.filter((e) => e.inTitle > 0);
  if (titled.length === 1 && titled[0] === topM && topM.mention > nextM.mention) {
    return {
      dealId: topM.deal.id,
      basis: 'named',
      method: method(topM),
      reason: `${evidence.length} open deals ${via(method(topM))}; ${titleNames(topM)}, and the call names it most.`,
      candidates,
    };
  }
  // "Foothills Truck - technician scheduling": the title names one deal only, and the
  // call names another's words too ("walking to the parts counter"). The meeting was set
  // up for the one in its title.
  const onlyTitled = titled.length === 1 ? titled[0]! : undefined;
  if (onlyTitled && !inPassing) {
    return {
      dealId: onlyTitled.deal.id,
      basis: 'named',
      method: method(onlyTitled),
      reason: `${evidence.length} open deals ${via(method(onlyTitled))}; ${titleNames(onlyTitled)} and no other deal.`,
      candidates,
    };
  }
  // Named alike ("I only handle Brașov, Roxana does Sibiu"): who took part decides.
  const namedAlike = nextM.mention === 0 || topM.mention === nextM.mention || inPassing;
  if (namedAlike && topC.contactHits > nextC.contactHits) {
    return {
      dealId: topC.deal.id,
      basis: 'participants',
      method: 'contact',
      reason: `${evidence.length} open deals; ${topC.contactHits} of ${topC.deal.name}'s contacts took part, more than for any other.`,
      candidates,
    };
  }
  return ambiguous(meeting, evidence, candidates, 'nothing said tells them apart');
}

/** Said of several deals at once: the call is about none of them alone. */
const ABOUT_ALL =
  /\b((?<!\b(thanks|thank you|cheers) )both,? really|about both|a bit of both|both of them,? really|general catch[- ]up|all of them,? really)\b/i;

function ambiguous(
  meeting: Meeting,
  evidence: readonly Evidence[],
  candidates: MatchCandidate[],
  why: string,
): DealMatch {
  const names = evidence.map((e) => e.deal.name);
  return {
    dealId: null,
    basis: 'ambiguous',
    method: 'ambiguous',
    reason: `${evidence.length} open deals fit the participants and ${why}.`,
    candidates,
    question: `Which deal was "${meeting.title}" about: ${names.join(', ')}?`,
  };
}

/** Where the deal was named as what the meeting is for: its title, or the call saying so. */
function titleNames(e: Evidence): string {
  const named = `"${e.named.join('", "')}" of ${e.deal.name}`;
  return e.titleItself ? `the title names ${named}` : `the call says it is about ${named}`;
}

function none(reason: string): DealMatch {
  return { dealId: null, basis: 'none', method: 'none', reason, candidates: [] };
}

function via(method: 'contact' | 'account' | 'domain'): string {
  return method === 'contact'
    ? 'with a participant as its contact'
    : method === 'account'
      ? "at a participant's account"
      : "at the account of a participant's email domain";
}

/**
 * For each open deal: how many of its contacts took part, and how strongly the call
 * names it. The words of its name that no other candidate's name has count twice in
 * the title and once in the transcript (a generic word like "support" only in the
 * title); the deal's whole name less its account said ("premium support") counts two and a
 * word more per word, so the longer of two nested names wins only by a little.
 */
function weigh(
  open: readonly CrmDeal[],
  meeting: Meeting,
  contactIds: ReadonlySet<string>,
  accountName: ReadonlyMap<string, string>,
): Evidence[] {
  const { about, putAside } = aboutTheDeal(meeting.transcript);
  // "Today is only about Connect.": a call that says what it is for names it as a title
  // does, by what follows the words up to the next clause ("today is only about the FX
  // module, the payouts thing is with another team" names the FX module only).
  const scoped = about.flatMap((s) => {
    const said = SCOPE.exec(s);
    const named = said ? null : SCOPE_NAMED.exec(s);
    const m = said ?? named;
    if (!m) return [];
    const phrase = s.slice(m.index + m[0].length).split(/[,;]|\s(?:but|and not|not)\s/)[0]!;
    // "Today's just the renewal of your current two stores": the thing named, not its scope.
    return [named ? phrase.split(/\s(?:of|for|with|in|on|at|to)\s/)[0]! : phrase];
  });
  const titleStems = words(meeting.title).map(stem);
  const titleItself = new Set([...titleStems, ...numberedParts(meeting.title)]);
  const titleWords = [...titleStems, ...scoped.flatMap((s) => words(s).map(stem))];
  const spokenWords = about.flatMap((s) => words(s).map(stem));
  // "I'm here for the billing. The sensors are not my business.": when the call says what
  // it is for, a deal it puts aside anywhere is not named by the rest of what is said of it.
  const asideStems = new Set(putAside.flatMap((s) => words(s).map(stem)));
  // A numbered part ("Phase 2") is one more word of the name, said as its figure.
  const title = new Set([...titleWords, ...titleItself, ...scoped.flatMap(numberedParts)]);
  const spoken = new Set([...spokenWords, ...about.flatMap(numberedParts)]);
  const names = open.map((d) =>
    nameStems(d.name, d.accountId ? (accountName.get(d.accountId) ?? null) : null),
  );
  const keys = open.map((d, i) => [...names[i]!, ...numberedParts(d.name)]);
  return open.map((deal, i) => {
    const own = keys[i]!.filter((s) => keys.every((other, j) => j === i || !other.includes(s)));
    const inTitle = own.filter((s) => title.has(s));
    const setAside =
      scoped.length > 0 && !own.some((s) => title.has(s)) && own.some((s) => asideStems.has(s));
    const inSpeech = setAside ? [] : own.filter((s) => spoken.has(s) && !GENERIC.has(s));
    const full = names[i]!;
    // A one-word name that another deal's name holds too ("Field" and "Field & Checkroll")
    // is a word of the trade in passing ("field reports"), unless the title says it or
    // the call says it with the account ("the Ashby WMS deal").
    const sayable =
      full.length > 1 || own.length > 0 || hasPhrase(spokenWords, nameStems(deal.name, null));
    const phrase =
      full.length > 0 &&
      (hasPhrase(titleWords, full) || (!setAside && sayable && hasPhrase(spokenWords, full)));
    const mention = 2 * inTitle.length + inSpeech.length + (phrase ? 2 + full.length : 0);
    return {
      deal,
      contactHits: deal.contactIds.filter((id) => contactIds.has(id)).length,
      mention,
      inTitle: inTitle.length,
      titleItself: inTitle.some((s) => titleItself.has(s)),
      named: [...new Set([...inTitle, ...inSpeech, ...(phrase ? full : [])])].map((s) =>
        originalWord(deal.name, s),
      ),
    };
  });
}

/** A sentence saying what the call is for: "So today is only about parts, the inventory side." */
const SCOPE =
  /\b(today|this (call|meeting)|the (call|meeting) today)('s| is) (only |just |all |really |mainly |mostly )?(about|for|on)\b|\b(today|in this call) we('re| are)? (only |just |mainly )?(talk(ing)?|focus(ing)?) (about|on)\b|\btoday,? (we|i) (wanted|want|'d like|would like|need(ed)?) to (talk|focus) (about|on)\b|\b(i'm|i am|we're|we are) (only |just )?here (for|about)\b|\bthis is (only |just |purely )(about )?(?=(the|our|your) )|\bthis is (?=(the|our|your) [\w' -]+ only\b)/i;

/**
 * The call's subject said as a thing or a name: "Today is the scheduler. That one is ready.";
 * "So today is Mindanao, right?"
 */
const SCOPE_NAMED =
  /^\W*(?:[Ss]o,? )?(?:[Tt]oday('s| is) (only |just )?|[Nn]ow,? (only|just) )(?=(the|our|your) |[A-Z])/;

/**
 * A deal named only to be put aside ("the beverage trucks, forget it for now"; "And the
 * hardware refresh?" "Not today, that is a separate discussion.") or in small talk ("how
 * is the weather in Cluj?") is not what the call is about.
 */
const SET_ASIDE =
  /\b(separate (discussion|topic|conversation|call|matter|thing|project|story|track)|forget (it|that|about (it|that|them))|for now|no news|nothing new|not (today|now)|another (time|day|call)|park (it|that|this)|keep (it|that|this|them) separate|completely separate|(a |its own |another )?different budget|(don't|do not|let's not) mix (in |up )?(them|it|the two|the \w+)|different (discussion|topic|conversation|call|matter|story|track)|one thing at a time|(later|separately|on its own)(?=\W*$)|leave (it|that|this) for (him|her|them|later|another)|(is|'s|are|'re) (their|his|her|[a-z]+'s) (business|baby|thing|own thing|department)|doing (his|her|their) own thing|not (my|our) (business|area|department|topic|problem))\b/i;
/** A reply that puts aside what was just said, naming nothing: "Understood, we keep them separate." */
const PUT_ASIDE_REPLY =
  /\b(keep (them|it|that|this) separate|(that's|that is|it's|it is) (completely )?separate|completely separate|not (now|today))\b/i;
/** A sentence that puts aside the one before it: "And the excise module... Not now. Autumn." */
const ASIDE_OPENING =
  /^\W*(not (now|today|yet)|later|another (time|day)|(a |completely )?separate (discussion|topic|conversation|call|matter|thing|project)|(a )?different (budget|discussion|topic|conversation|call|matter|story|track)|(don't|do not) mix)\b/i;
const SMALL_TALK = /\b(weather|snow\w*|rain\w*|sunny|traffic|weekend|holidays?|vacation)\b/i;

/**
 * The sentences of the transcript that speak of the deals, less those put aside; and the
 * sentences that themselves put something aside ("The sensors are not my business.").
 */
function aboutTheDeal(transcript: Meeting['transcript']): { about: string[]; putAside: string[] } {
  const sentences = transcript.map((u) => u.text.split(/(?<=[.!?])\s+/));
  const putAside = sentences.flat().filter((s) => SET_ASIDE.test(s));
  const about = sentences.flatMap((said, i) => {
    const reply = sentences[i + 1]?.[0] ?? '';
    return said.filter(
      (s, j) =>
        !SET_ASIDE.test(s) &&
        !SMALL_TALK.test(s) &&
        !ASIDE_OPENING.test(said[j + 1] ?? '') &&
        // A question, or the customer's last word, that the next speaker puts aside at once:
        // "The field force thing is their business." "Understood, we keep them separate."
        // ("And the de-icing planner? Is that in?" "No, that's separate.")
        !(s.trimEnd().endsWith('?') && said.slice(j).every((q) => q.trimEnd().endsWith('?'))
          ? SET_ASIDE.test(reply) || PUT_ASIDE_REPLY.test(reply)
          : j === said.length - 1 && PUT_ASIDE_REPLY.test(reply)),
    );
  });
  return { about, putAside };
}

function originalWord(name: string, stemmed: string): string {
  return words(name).find((w) => w.startsWith(stemmed)) ?? stemmed;
}

/** Each candidate's share of the evidence, best first. */
function scoreCandidates(evidence: readonly Evidence[]): MatchCandidate[] {
  const raw = evidence.map((e) => 1 + 2 * e.mention + e.contactHits);
  const total = raw.reduce((a, b) => a + b, 0);
  return evidence
    .map((e, i) => ({
      dealId: e.deal.id,
      name: e.deal.name,
      score: Math.round((raw[i]! / total) * 1000) / 1000,
    }))
    .sort((a, b) => b.score - a.score);
}
