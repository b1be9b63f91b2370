import { agreementAfter, clamp, namePattern } from './cues.js';
import { MONTH, WEEKDAY } from './date-words.js';
import { NEGATION, asksQuestion, isQuestion, splitSentences, supposes } from './sentences.js';
import type { Candidate, ExtractContext, ExtractUtterance } from './types.js';

/**
 * Words that keep a vendor named in the same sentence in the deal, by what they say of it.
 * One regex over all the parts; each part is an alternation of cues.
 */
const IN_PLAY_CUES = {
  /**
   * Met, visited or approached: "a demo with Gong", "we spoke to Clari", "Hexagon came
   * by", "PitPlanner's coming in on the fifteenth", "Siwa came last Thursday", "Sagemcom is
   * coming to present on the ninth".
   */
  meeting: new RegExp(
    String.raw`(a |the )?(call|demo|session|meeting) with|(had|have|got) a (call|meeting|demo) with|talking (to|with)|speaking (to|with)|(spoke|spoken) (to|with)|(have|'ve|has|'s) (also |already )?talked (to|with)|(are|'re|am|'m) (also )?meeting\b|(done|doing) the same with|show(s|ed|ing)? us|pitch\w*|presents|presenting|presentation|(coming|comes|come|going) to present|come(s)? (in )?(on )?(monday|tuesday|wednesday|thursday|friday|next|this|tomorrow)|coming (in )?(on )?(monday|tuesday|wednesday|thursday|friday|next|this|tomorrow)|(coming|comes) in on the\b|(is|'s|are|'re) coming up\b|(is|'s|are|'re) also coming\b|came back\b(?! from)|came in (last|on|this|yesterday|earlier)\b|asked (us )?for a (meeting|call|demo)|(been|come|coming) in to see us|came (by|out)\b|(came|coming|comes) (out |over |in |down )?to see (us|the|our)\b|(have|has|'ve) (also )?come in\b|presented (it )?to us|visited us|c[oa]me to us\b|approached (us|our \w+|the \w+)\b|contacted us\b|(came|come|coming) to visit|asked (us )?for a (site )?visit|(going to|gonna) see\b|reach(ed|ing)? out|(been|got|getting) in touch|introduced us to|had [\w'.-]+( [\w'.-]+)? in\b(?!\s+(19|20)\d\d|\s+the past)|pushing|seeing|came (on |last )?(${WEEKDAY})|came in (${MONTH})`,
  ),
  /**
   * Being evaluated, tried or compared: "we're also going to try Rhyme", "running the
   * same exercise with Medidata".
   */
  evaluating:
    /evaluat\w*|looking at|(should|could|must|will|'ll|going to|gonna|want to|have to|need to|probably|also|to) look at|(also|to) check( out)?\b|being looked at|compar\w*|consider\w*|compet\w*|demo\w*|trial\w*|pilot\w*|poc|testing|test(s|ed)? (it|them)|(going to|gonna|also|we'll|we will|want to|to) try\b|(doing|running|do|run) (the same|something similar|a similar)\b|(do|run|doing|running) a (test|trial|pilot|poc)\b|bake-?off|head[- ]to[- ]head|in parallel|(is|are|'s|'re) (also )?in the process\b(?! of)|in the picture|(real|serious|viable|cheaper|other|strong) (option|alternative)|up against|invit\w*|(added|put|brought) (\w+ ){1,3}(in)?(to|on) (the|our) (list|shortlist|eval\w*|mix|comparison|bake-?off|process|rfp|tender)|(brought|bringing|pulled|looped) (\w+ ){0,2}in\b|(i'm|we're|i am|we are) adding|(asked us to|wants? us to|want to|we('ll| will)) add|(we('ve| have)?|they) added|brought (\S+ ){1,3}back\b|(joined|made) the (short)?list|on the (short)?list|shortlist\w*|in the running|in the (mix|comparison|race)|still (in|there|bidding)\b|(is|are|'s|'re) (also|now) in(?=\s*(,|\.|$|because|since|too))|(is|are|'s|'re) (also )?in (with us|on (this|it)|this|it)\b|^\s*(and |plus )?now\b|as well|on the table/,
  /** How far along the race is: "final two", "second round", "front-runner". */
  stageOfTheRace:
    /final (two|three|round|stage|scoring)|in the (final )?scoring|(last|final|second) round|finalists?|(two|three|four|five)[- ]horse race|inside track|front-?runner/,
  /**
   * A price, bid or tender: "ClearCounty's at forty-eight", "they came in with Desigo",
   * "they sent us an offer".
   */
  priced:
    /quot\w*|proposal|offer\w*|pric\w*|asking|charg\w*|bid\w*|ballpark|sent us|(came|come|comes|coming) in (at|lower|higher|cheaper|under|over|hot|strong|low|high)|(came|come|comes|coming) back at\b|came at|came in with|(?:'s|\bis|\bare) (?:at|coming in at) (?:about |around |roughly |just )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)|(has |have |had )?(gave|given) (me|us)\b|rfp|rfq|tender|respond(ing|s)? to (the|our) (rfp|rfq|tender)|(are|is) (both )?responding|submi(tted|ssion)/,
  /**
   * Named beside us: "You, IDeaS and Duetto", "between you, Gong and Salesloft",
   * "versus", "one says".
   */
  besideUs:
    /against|versus|vs\.?|alongside|along with|the other (one|two|three|finalists?|bidders?|vendors?)|(choose|choosing|decide|deciding|pick|picking) between|between (you|us) and|between (you|us),|you,? and|and you(rselves)?|^\W*(you|us),\s+[\w'.-]+( [\w'.-]+)?,?\s+and\b|^\W*(it's |it is )?(you|us|yourselves),\s+[\w'.-]+( [\w'.-]+)?,?\s+and\b|\byours,? and\b|besides (you|us)|(you|us) or\b|\bor (you|us)\b|next to you|it(?:'s| is) (\w+ ){1,4}and (you|us)|(two|three|four|five) (vendors|options|companies|bidders|players)\W+(you|us)\b|one says/,
  /** A choice being made: "decided on", "going with". */
  choosing:
    /decided (for|on)|(chose|picked|selected) (?!you\b)|(go|going|gone|went|decided to go) with|standardi[sz](e|es|ed|ing) on/,
  /** In use today: "the incumbent", "we still use", "their Medhost contract". */
  inUse:
    /incumbent|renewal|(we|they) (still |currently )?(use|are using|have)|using|(our|the|their) current (vendor|provider|supplier|system|tool|platform)|(our|their) [\w'.-]+( [\w'.-]+)? (contract|subscription|licen[cs]e|renewal)\b/,
};
const IN_PLAY = new RegExp(
  `\\b(?:${Object.values(IN_PLAY_CUES)
    .map((cue) => cue.source)
    .join('|')})\\b`,
  'i',
);

/**
 * A vendor out of the deal: tried before, dropped, ruled out, replaced. "Out of" a place
 * is where they are based ("They're out of Windsor"), not out of the running.
 */
const GONE =
  /\b((didn't|did not|never) make (it (on)?to )?the (short ?list|cut|final)|(we )?(told|informed|notified) (\S+ ){0,4}(yesterday|today|this morning|last week|already|no|on (monday|tuesday|wednesday|thursday|friday)|monday|tuesday|wednesday|thursday|friday)\b|(told|tell|telling) (\S+ ){1,3}(it'?s|it is) over|(told|informed) (\S+ ){1,3}(that )?(we're|we are) not (proceeding|going ahead|moving forward)|we('ve| have) let (\S+ ){1,3}know(?=\W*$)|rejected|declined|parked|(declared |found )?(non-compliant|not compliant|inadmissible)|kicked (\w+ ){0,2}out|we('ve| have)? stopped|forget (them|it|him|her)|(will|'ll|going to) tell (\S+ )?no|(say|said|tell|told) no to (them|him|her)|(called|rang|phoned|emailed|wrote to|messaged|contacted) (them|him|her)\b[^.;]{0,30}? to (say|tell (them|him|her)) no\b|we('ve| have)? cut(?! (it|the (short ?)?list|that|them|things) (down )?to\b)|pulled out|not (going ahead|moving forward|proceeding) with (them|him|her)|(are|were|'re) done with|not going back to|off the table|fell (off|out)|(dropped|dropping)(?! (their|the|its|his|her) (price|pricing|prices|quote|offer|rates?|fees?|number|figure)\b)|ditched|killed|scrapped|not (to )?continu(e|ing) with|discontinu\w*|withdr(ew|awn|aws|awing)|(?<!\bfrom )scratch(ed)?(?! that\b)|binned|canned|(decided|chose) not to go (for|with)|not going (for|with)|never (really )?in (it|the running|the mix)|(have|has) been (told|informed|notified)|discarded|(was|were|is|are) not (selected|shortlisted)|(didn't|did not) (even )?(present|bid|pass|make (it|the cut))\b|(is|are|was|were) (already )?(told|informed|notified)|(we )?(finished|ended) with|^\W*(no,? )?done with (them|him|her)\b|stopped (talking|speaking) (to|with)|ruled (\w+ )?out|switched (away )?from|moved (away )?from|replaced|churned|cancell?ed|removed|(is|are|'s|'re) (also |now |definitely |kind of |pretty much |basically )?out\b(?! of (?!(the|it|this|that|contention|consideration|business|scope|budget|money|time|range|reach|play|our|my)\b)\w)|got rid of|nothing came of it|(that's|that is|it's|it is) long (done|gone|over)|(didn't|did not) (take|go|move) (it|that|this|them) (any )?further|(we're|we are) cancell?ing (that|it|them)\b|(we're|we are) not renewing|(we|i)('ll| will)? (not|never|won't) renew|(won't|will not) be renewing|(we're|we are|we've decided we're) (leaving|moving off)|(is|are|'s|'re) done for us|ripped (it|them|\w+) out|^\W*[\w'-]+(?:\s+[\w'-]+)?[, ]+out(?=[.!]?\s*$)|no longer|not anymore|anymore|eliminated|excluded|disqualified|decided against|passed on|walked away|(taken|took|crossed|struck) (\w+ ){0,3}off (the|our) (short)?list|off the (short)?list)\b/i;

/**
 * "I cut Orbis last week", "I've just cut them": cut said of a vendor by name, so the name's
 * capital is read and the pattern has no `i` flag ("I cut costs" is no vendor). GONE takes
 * "we cut" in any form.
 */
const CUT_BY_NAME = /\bI('ve| have)? (just |already )?cut (them|him|her|[A-Z][\w.-]*)/;

/** Whether a sentence takes a vendor out: GONE, or a vendor cut by name. */
function saysGone(text: string): boolean {
  return GONE.test(text) || CUT_BY_NAME.test(text) || DEAD_REPLY.test(text);
}

/** "Is Clari still in the picture?" "No, that's dead.": a reply that ends the vendor. */
const DEAD_REPLY =
  /^\W*((no|nope|nah|oh),?\s+)*(that's|that is|it's|it is|they're|they are)( (all|totally|completely))? dead\b/i;

/** Past tense that leaves a vendor out unless the sentence also says it is still there. */
const PAST =
  /\b(used|tried|trialled|trialed|piloted|were using|was using|used to|(?<!being )looked at|evaluated|years? (ago|back)|a while back|way back|last (year|month|quarter|spring|summer|autumn|fall|winter)|previously|in the past|back when|back in (19|20)\d\d|back in (the )?(spring|summer|autumn|fall|winter)|back in (twenty|nineteen)[- ]\w+|(went|switched|moved|chose|picked|selected|signed|bought|implemented|installed|migrated|were|was|had|ran)\b[^.?!]{0,40}\b(in|until|till) (early |late |mid-?|the end of )?(19|20)\d\d|cold (e-?mails?|calls?|outreach)|stopped using|after what happened with|did (look at|try|trial|test|evaluate)|so that was that)\b/i;
const STILL =
  /\b(still|now|currently|right now|this (week|month)|at the moment|also)\b|\bwants? (\w+ ){1,3}(trialled|trialed|tested|piloted|evaluated)\b/i;

/** "I haven't said no to them yet": a vendor not dropped so far is still in. */
const NOT_YET_DROPPED =
  "(haven't|have not|hasn't|has not) (yet )?(said no|told (them|him|her) no|turned (them|him|her) down|rejected|dropped|cut|ruled (them |him |her )?out)";
/** An exit denied: "they're not out", "they aren't really out", "I haven't said no to them yet". */
const EXIT_DENIED = `(not|n't|aren't|isn't) (really |officially |actually |quite )?out|${NOT_YET_DROPPED}`;
const NOT_OUT = new RegExp(`\\b(${EXIT_DENIED})\\b`, 'i');

/**
 * Still there despite a word that would take it out: an exit denied, or the vendor said
 * to stay ("they're not out until the board decides", "Veeam is formally still in").
 */
const STILL_IN = new RegExp(
  `\\b(${EXIT_DENIED}|still in|remains? (on|in)|stays? (on|in)|formally still|still (on|part of)|(is|are|'s|'re) (technically |formally )?still open)\\b`,
  'i',
);

/** Where a sentence's clauses part ("Rubrik is out, ... so Veeam is formally still in the comparison"). */
const CLAUSE_BREAK =
  /[,;]\s*(?:and\s+|but\s+|so\s+|since\s+|because\s+|while\s+)?|\s(?:but|so|since|because|while|whereas)\s/i;

/** A refusal of the vendor just named: "We told them no thanks." */
const TURNED_AWAY =
  /\b((we|i) (told|said to) (them|him|her) no|(we|i) said no\b(?! to (you|the price|that))|(we|i) (declined|turned down)\b|turned (them|him|her) down|said no (thanks )?to (them|him|her)|no thanks|(we|i)('ve| have)? told them(?=\.?$)|(we're|we are) not (switching|moving|changing)|not interested|staying (with you|put)|(we're|we are) happy (where we are|as we are|with you)|(we're|we are|i'm|i am) not taking (the|their|that|a) (meeting|call|demo)|(we|i) never (talked|spoke|spoken|met) (to|with) (them|him|her)|(we|i) (didn't|did not) (take|move) (it|them|that|this) (forward|further|ahead))\b/i;

/** Negations that deny nothing: "don't forget", "I won't lie", "it's not personal". */
const FIGURES_OF_SPEECH =
  /\b(don't forget|(i )?(will not|won't|not gonna|not going to) lie|(it's|it is) not personal|(don't|do not|didn't|did not) (really )?know (them|him|her|it|much)|(i'm|we're|i am|we are) not (happy|satisfied|thrilled)|(don't|do not) think (that )?(it's|it is|we're|we are) (done|decided|over|finished|settled)|(please )?(don't|do not) take (it|this|that) personally|(i'm|i am) not saying|not (only|just)(?= \w+ (now|any ?more|anymore)\b| \w+\s*[-–—,]))\b/gi;

/** A vendor known from another job: "our new CFO came from a company that used Rockerbox". */
const ELSEWHERE =
  /\b(came|come|comes) from (a|an|another) (company|firm|bank|business|place)\b|\b(at|in) (my|his|her|their) (previous|last|old|former) (company|job|employer|role|place)\b|\b(i|he|she) (used|worked with) (\S+ ){1,3}(at|in) (my|his|her) (previous|last|old|former)\b/i;

/**
 * A tool that stays beside whatever is bought, not a rival: "the Zonar GPS for the fuel
 * side already, that's staying", "Xero stays, that's not up for discussion", "PVsyst isn't
 * instead of you".
 */
const ALONGSIDE =
  /\b((that's|that is|it's|it is|is|are|'s|'re) staying\b(?! (in|on)\b)|stays(?! (in|on)\b)|(isn't|is not|aren't|are not) instead of (you|us)|(that's|that is|it's|it is) not (part of this|in question|up for discussion))/i;

/** A speaker correcting the name they said: "sorry, I meant Clari". */
const CORRECTION = /\b(i|we) meant\b/i;

/** Doubt about the mention itself (the sentences' HEDGE is about figures: "about", "around"). */
const HEDGE = /\b(probably|maybe|perhaps|might|i think|i guess|likely|possibly)\b/i;

/** "It's only you now": every vendor named before is out. */
const ONLY_YOU =
  /\b((?<!\bnot )only (talking to |speaking (to|with) |looking at |evaluating |considering |with )?you(?! (two|both|three)\b)|(exclusively|solely) with you|(?<!\bnot )just you(?! (two|both|and|on|for|in)\b)|you('re| are) the only|you or (nothing|no one|nobody|staying put)|(so )?it'?s (just )?you(?=\.?$)|^\W*(then |so )?it'?s yours\b|(you('re| are)|you people are) (the|our) (preferred|selected|chosen) (vendor|supplier|partner|provider)|(we|we've|we have|we're|we are) (decided to go|going|gone|go|went|choose|chose|chosen|selected|picked) (with )?you\b(?! (two|both|and|or))|only your (solution|product|platform|system|offer|proposal|tool)|(the )?last (vendor|one|company|bidder|supplier) standing|you('re| are) alone|no one else|nobody else|not (talking|speaking) to anyone else|only (vendor|option) (we're|we are))\b/i;

/** Nobody beyond the ones said: "Nobody else.", "We're not talking to anyone else." */
const NO_ONE_ELSE = /\b(no ?one|nobody|anyone|anybody) else\b/i;

/**
 * No vendor at all: the project stopped ("we're not moving forward with anybody this
 * cycle", "there's no software project this year"); every vendor named before is out.
 */
const NOBODY =
  /\b(not (moving forward|going ahead|proceeding|going forward) with (anybody|anyone|any vendor|any of (you|them))|no (software )?project (this|next) (year|cycle)|(everybody|everyone)('s| is) out|(we're|we are) not buying anything|(decided )?not to (go ahead|move forward|proceed) with (anybody|anyone|any vendor)|(everybody|everyone)('s| is) off|nobody gets it|(we('re| are| will|'ll) not|we won't) (be )?buy(ing)?( anything| any of it)?(?=\W*$)|not you,? (and )?not\b|neither you nor)\b/i;

/**
 * The customer's choice of one vendor ("We're going with Moesif", "we went with
 * Speakeasy"): the one chosen, capitalised as a name is, not "you" or a plan; every
 * other vendor is out.
 */
const CHOSEN =
  /\b(?:(?:[Ww]e(?:'re| are|'ve| have)?|[Ww]e've) (?:(?:finally |now )?(?:decided to go|decided to stay|going|gone|go|went|choose|chose|chosen|selected|picked|signed|staying|(?:want to )?(?:move|moving) forward))|(?:[Tt]hey|[Tt]he (?:committee|board|panel|jury|council)) (?:(?:have |has )?(?:chose|chosen|selected|picked|went|gone|awarded it to)|decided (?:on|for))) (?:with )?(?!You\b|Your\b|Us\b|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)([A-Z][\w.-]+)/;

/** The rep naming a vendor in a pitch says nothing of the deal unless it is about them. */
const ABOUT_CUSTOMER = /\b(you|you're|you are|your team|your side)\b/i;

/** A plain yes, first thing in the reply. */
const YES =
  /^\s*(yes|yeah|yep|ja|of course|definitely|absolutely|sure|very much)\b(?![^.,!]*\b(but|not|no)\b)/i;
/** The rep asking whether the vendor just spoken of is still in: "Are they still in the running?" */
const STILL_THERE_ASKED =
  /\b(they|them)\b.*\b(still|in the (running|mix|race|picture)|considering|looking at|talking to)\b/i;
/** "Revel, no, finished.", "No, Revel is history.": a no said of the vendor asked about. */
/** "Testo yes.": a yes said of the vendor asked about. */
const BARE_YES = /^\s*[\w'-]+(?:\s+[\w'-]+)?\s*,?\s+(?:yes|yeah|still in|still there|stays?)\b/i;
/** "Sensitech too, earlier this week.": what was said of the vendor before, of this one. */
const TOO = /^\s*(?:and\s+)?[\w'-]+(?:\s+[\w'-]+)?\s*,?\s+(?:too|as well|also)\b/i;
const BARE_NO =
  /^\s*(?:[\w'-]+(?:\s+[\w'-]+)?\s*,\s*)?no\b(?!\s+(?:longer|way|doubt|problem|worries|decision))|^\s*[\w'-]+(?:\s+[\w'-]+)?\s+no\s*[,.;!]/i;

/** Where a change to the set was said, and how sure the reading of it is. */
interface Said {
  confidence: number;
  quote: string;
  utteranceIndex: number;
}

type Event =
  /** `answered`: named only in answer to a question on the vendors, with no word of its own. */
  | ({ kind: 'in'; name: string; won?: true; answered?: true } & Said)
  | ({ kind: 'out'; name: string } & Said)
  /** Every vendor out, but those `kept`: "Jokko and you, yes. Nobody else." keeps Jokko. */
  | ({ kind: 'clear'; kept?: readonly string[] } & Said);

/** How sure a vendor said to be out is out: the customer's word, or the rep's. */
const OUT_CONFIDENCE = { external: 0.85, unknown: 0.7, internal: 0.6 } as const;

/**
 * The competitors in play at the end of the call, from the workspace's list: the deal's
 * own (`heldCompetitors`), plus a vendor the customer says they are evaluating,
 * comparing, getting a quote from or using now, minus one said to be out. Past or
 * ruled-out mentions ("we used Gong last year", "we dropped Clari") take a vendor out,
 * "it's only you now" takes them all out, and the rep's pitch counts only when it is
 * about the customer's evaluation (less sure) or the customer agrees. Null when the call
 * changes nothing.
 */
export function extractCompetitors(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): Candidate<string[]> | null {
  const names = (ctx.competitors ?? []).filter((n) => n.trim().length > 0);
  if (names.length === 0) return null;
  const patterns = names.map((name) => ({ name, re: vendorPattern(name) }));
  const namedIn = (text: string) => patterns.filter((p) => p.re.test(text)).map((p) => p.name);
  const events: Event[] = [];
  /** The vendors named by the nearest customer turn among the `reach` before this one. */
  const namedByCustomerBefore = (index: number, reach = 3): string[] => {
    for (let i = index - 1; i >= Math.max(0, index - reach); i -= 1) {
      const before = utterances[i]!;
      if (before.side !== 'external') continue;
      const named = namedIn(before.text);
      if (named.length > 0) return named;
    }
    return [];
  };
  utterances.forEach((u, utteranceIndex) => {
    /**
     * The one vendor the talk is on, for "them" or a bare "Disqualified." after it: named
     * by the speaker's last sentence that named any, or asked about by the other side
     * just before ("And Maximo?").
     */
    const previous = utterances[utteranceIndex - 1];
    const askedAbout =
      previous && previous.side !== u.side && isQuestion(previous.text)
        ? namedIn(previous.text)
        : [];
    // "Diesel Direct doesn't even do Botswana." "Ja, they're out.": the vendor the
    // customer's side named last, a turn or two before.
    // Only a reply that starts on them ("Ja they're out.", "Still in.", "Definitely.")
    // is about that vendor; "ADP called us too, they're too big" is about another.
    const customerNamed =
      u.side === 'external' && ON_THEM.test(u.text) ? namedByCustomerBefore(utteranceIndex) : [];
    let lastNamed: string | null =
      askedAbout.length === 1
        ? askedAbout[0]!
        : customerNamed.length === 1
          ? customerNamed[0]!
          : null;
    /** Several vendors the speaker's last naming sentence listed, for a "both" after it. */
    let lastListed: readonly string[] = [];
    /** Whether the speaker's last sentence put unnamed vendors in play ("look at two other tools"). */
    let othersAnnounced = false;
    /** What the speaker's last sentence said of the vendor it named, for "X too". */
    let lastKind: 'in' | 'out' | null = null;
    for (const s of splitSentences(u.text)) {
      const named = namedIn(s.text);
      const plain = !asksQuestion(s.text) && !supposes(s.text);
      const confidence = OUT_CONFIDENCE[u.side];
      const said = { confidence, quote: s.text, utteranceIndex };
      // "We're going with Moesif": the others are out, the one chosen (if listed) is read below.
      const chosen = CHOSEN.exec(s.text);
      if (
        u.side === 'external' &&
        plain &&
        chosen &&
        !PAST.test(s.text) &&
        !NEGATION.test(s.text)
      ) {
        events.push({ kind: 'clear', ...said });
        // "We signed with Shepherd": the winner stays in play, as the deal's record of who won.
        const winner = namedIn(chosen[1]!)[0];
        if (winner) events.push({ kind: 'in', name: winner, won: true, ...said });
      }
      if (named.length === 0 && lastNamed !== null && u.side === 'external' && plain) {
        const event = aboutLastNamed(s.text);
        if (event) events.push({ kind: event, name: lastNamed, ...said });
      }
      // "Are they still in the running?" "Yes, of course.": the vendor the customer just
      // spoke of, kept in play by the customer's yes.
      if (
        named.length === 0 &&
        u.side === 'external' &&
        s.start === 0 &&
        YES.test(s.text) &&
        previous?.side === 'internal' &&
        isQuestion(previous.text) &&
        STILL_THERE_ASKED.test(previous.text)
      ) {
        // The customer may have said a few things of them since naming them.
        const spoken = namedByCustomerBefore(utteranceIndex - 1, 6);
        if (spoken.length === 1 && namedIn(previous.text).length === 0) {
          events.push({ kind: 'in', name: spoken[0]!, ...said, confidence: 0.75, answered: true });
        }
      }
      // "And Revel?" "Revel, no, finished.": a no to the vendor asked about; "Testo and
      // LogTag, still in?" "Testo yes.": a yes.
      if (
        named.length === 1 &&
        askedAbout.includes(named[0]!) &&
        u.side === 'external' &&
        plain &&
        (BARE_NO.test(s.text) || BARE_YES.test(s.text))
      ) {
        const kind = BARE_NO.test(s.text) ? 'out' : 'in';
        events.push({ kind, name: named[0]!, ...said });
        lastNamed = named[0]!;
        lastKind = kind;
        continue;
      }
      // "Testo we declined. Sensitech too.": the same said of another vendor.
      if (
        named.length === 1 &&
        lastKind !== null &&
        u.side === 'external' &&
        plain &&
        TOO.test(s.text)
      ) {
        events.push({ kind: lastKind, name: named[0]!, ...said });
        lastNamed = named[0]!;
        continue;
      }
      // "Who are you talking to?" "Point of Rental.": a vendor named in answer is in play.
      if (
        named.length > 0 &&
        u.side === 'external' &&
        plain &&
        previous?.side === 'internal' &&
        isQuestion(previous.text) &&
        (IN_PLAY.test(previous.text) ||
          /\b(other vendors?|anybody else|anyone else|who else)\b|^\W*(oh\W+)?(who|which (ones?|vendors?|companies))\W*$/i.test(
            previous.text,
          )) &&
        !hasCue(s.text) &&
        // "Is this the first time you're looking at one?" "At my last company we were on
        // Medidata.": another job's vendor answers nothing.
        !ELSEWHERE.test(s.text)
      ) {
        for (const name of named) {
          events.push({ kind: 'in', name, ...said, confidence: 0.75, answered: true });
        }
      }
      // "We asked two others. TireStamp and Fleetio. Both are sending their proposals."
      if (named.length === 0 && lastListed.length > 1 && u.side === 'external' && plain) {
        if (BOTH.test(s.text) && PRONOUN_IN.test(s.text) && !NEGATION.test(s.text)) {
          for (const name of lastListed) events.push({ kind: 'in', name, ...said });
        }
      }
      // "Our boss asked us to look at two other tools. Triple Whale and Northbeam."
      if (
        named.length > 0 &&
        othersAnnounced &&
        u.side === 'external' &&
        plain &&
        !hasCue(s.text)
      ) {
        for (const name of named) events.push({ kind: 'in', name, ...said });
      }
      othersAnnounced =
        named.length === 0 &&
        plain &&
        IN_PLAY.test(s.text) &&
        OTHERS.test(s.text) &&
        !NEGATION.test(s.text) &&
        !PAST.test(s.text);
      if (named.length > 0) lastListed = named;
      if (named.length === 1) lastNamed = named[0]!;
      else if (named.length > 1) lastNamed = null;
      if (named.length === 0) {
        if (u.side !== 'internal' && plain && (ONLY_YOU.test(s.text) || NOBODY.test(s.text))) {
          // "Jokko and you, yes. Nobody else.": nobody beyond the vendors this turn put in
          // play in words of their own (not "Mitratech keep emailing me" in answer to "anyone
          // else?").
          const kept = NO_ONE_ELSE.test(s.text)
            ? events.flatMap((e) =>
                e.kind === 'in' && !e.answered && e.utteranceIndex === utteranceIndex
                  ? [e.name]
                  : [],
              )
            : [];
          events.push({ kind: 'clear', ...said, ...(kept.length > 0 ? { kept } : {}) });
        }
        continue;
      }
      for (const name of named) {
        const re = patterns.find((p) => p.name === name)!.re;
        // Each clause naming it, in order: "not using Veeam, ... so Veeam is still in". A
        // lone naming clause is read alone only when no other clause denies or drops one
        // of them ("we use Salesloft, it's not competing with you" is one statement; "not
        // yet, we're still waiting for Clari's quote" is not a denial of Clari).
        const parts = s.text.split(CLAUSE_BREAK);
        const clauses = parts.filter((c) => re.test(c) && hasCue(c));
        const several = parts.filter((c) => patterns.some((p) => p.re.test(c))).length > 1;
        const denied = parts.some(
          (c) =>
            !re.test(c) &&
            !STILL_IN.test(c) &&
            (saysGone(c) ||
              (NEGATION.test(c.replace(FIGURES_OF_SPEECH, '')) &&
                (IN_PLAY.test(c) || /\b(they|them|it)\b/i.test(c)))),
        );
        const readAlone = clauses.length > 0 && (several || !denied) && !CORRECTION.test(s.text);
        for (const c of readAlone ? clauses : [s.text]) {
          const read = readSentence(s.text, c, [name], utterances, utteranceIndex);
          events.push(...read);
          const kind = read[read.length - 1]?.kind;
          lastKind = kind === 'in' || kind === 'out' ? kind : null;
        }
      }
    }
  });
  if (events.length === 0) return null;

  // The deal's own, in the workspace's spelling; one the list does not know is kept as is.
  const canonical = (held: string) =>
    names.find((n) => n.toLowerCase() === held.trim().toLowerCase()) ?? held.trim();
  const held = new Set((ctx.heldCompetitors ?? []).map(canonical));
  const inPlay = new Set(held);
  /** Per vendor, what last changed whether it is in play. */
  const changes = new Map<string, Said>();
  const winners = new Set<string>();
  for (const e of events) {
    if (e.kind === 'in' && e.won) winners.add(e.name);
    if (e.kind === 'clear') {
      for (const name of inPlay) {
        if (e.kept?.includes(name)) continue;
        changes.set(name, e);
        inPlay.delete(name);
      }
    } else if (e.kind === 'out') {
      // "We've decided to go with Planwise." ... "It was you or Planwise for the last
      // month.": how the choice went, not the winner out.
      if (winners.has(e.name) && !saysGone(e.quote)) continue;
      if (inPlay.delete(e.name) || changes.has(e.name)) changes.set(e.name, e);
    } else {
      inPlay.add(e.name);
      changes.set(e.name, e);
    }
  }
  // What the call settled: the vendors it added or confirmed, and the held ones it took out.
  const settled = [...changes].filter(([name]) => inPlay.has(name) || held.has(name));
  if (settled.length === 0) return null;
  const last = settled
    .map(([, said]) => said)
    .reduce((a, b) => (b.utteranceIndex >= a.utteranceIndex ? b : a));
  const value = [
    ...names.filter((n) => inPlay.has(n)),
    ...[...inPlay].filter((n) => !names.includes(n)),
  ];
  return {
    value,
    // The list is only as sure as its least sure change.
    confidence: clamp(Math.min(...settled.map(([, said]) => said.confidence))),
    quote: last.quote,
    utteranceIndex: last.utteranceIndex,
    startSeconds: utterances[last.utteranceIndex]!.startSeconds,
  };
}

/**
 * What a sentence naming no vendor says of the one just talked about: "We told them no
 * thanks", "No, we dropped them early", "Disqualified." take it out; "they're now also
 * being looked at" puts it in. A pronoun, or a sentence of a few words, ties it to that
 * vendor; anything else is about something else.
 */
function aboutLastNamed(text: string): 'in' | 'out' | null {
  if (TURNED_AWAY.test(text) && !STILL_IN.test(text)) return 'out';
  const tied = /\b(they|them|their|it|its)\b/i.test(text) || text.split(/\s+/).length <= 4;
  if (!tied) return null;
  if (saysGone(text) && !STILL_IN.test(text)) return 'out';
  // "So they're not out, officially.": the exit just said is taken back.
  if (NOT_OUT.test(text)) return 'in';
  if (
    (PRONOUN_IN.test(text) || STILL_IN_SAID.test(text)) &&
    !NEGATION.test(text.replace(FIGURES_OF_SPEECH, ''))
  )
    return 'in';
  return null;
}

/** A turn that starts on the vendor just spoken of: a pronoun in its first clause, or a word of yes or no. */
const ON_THEM =
  /^\W*(((ja|yes|yeah|yep|no|nope|well|so|and|but|oh|okay|ok),?\s+)*(they|they're|they are|them|their|still|definitely|absolutely|done|out|gone|finished)\b|(ja|yes|yeah|yep|no|nope|definitely|absolutely)\W*$|^[^,.;!?]{0,40}\b(them|they)\b)/i;

/** "And TankLink?" "Still in.": the vendor asked about, said to be in, in a word or two. */
const STILL_IN_SAID = /^\W*((yes|yeah|ja),? )?still (in|there|in the (running|race|mix))\b/i;

/** Vendors spoken of before they are named: "two other tools", "a couple of alternatives". */
const OTHERS =
  /\b(other|another|alternative|competing|more) (\w+ )?(tools?|vendors?|options?|solutions?|providers?|suppliers?|platforms?|companies|players|alternatives)\b|\b(two|three|four|a couple of|a few|some) (others|alternatives|competitors)\b|\b(another|a second|a new|one more) (offer|proposal|quote|bid)\b|\b(two|three|four|other) (other )?(offers|proposals|quotes|bids)\b|\b(brought|brings|bringing|added|adding|invited) (in )?(another|one more|a (second|third|new)) one\b/i;

/** The vendors just listed, all of them: "Both are sending their proposals next week." */
const BOTH = /\b(both|all three|all of them|each of them)\b/i;

/** A pronoun's vendor put in the deal: "they're still in", "they're coming Thursday". */
const PRONOUN_IN =
  /\b(they|them|both)\b.*\b(still in|in it|being (looked at|evaluated|considered)|in the (mix|running|race|comparison|game)|(running|doing) a (pilot|trial|poc|proof of concept) with us|shortlist\w*|coming|present\w*|pitching|show us|contacted us|(came|come) (in|back) at|demo\w*|bidding|quot\w*|(send\w*|sent) (us |over )?(their|a|an) (\w+ )?(proposals?|quotes?|offers?|bids?|numbers?|pricing)|include|add|had a (call|meeting|demo) with (them|him|her))\b|\bstill (looking at|evaluating|talking to|considering|speaking (to|with)|testing|trialling|trialing|piloting) (them|they)\b|\b(we're|we are) (now |currently |still |also )?(using|comparing|evaluating|looking at|considering) them\b/i;

/** Parent companies a product's name may start with: "IBM Maximo" is also "Maximo". */
const PARENTS =
  /^(ibm|sap|oracle|microsoft|google|aws|amazon|adobe|salesforce|cisco|zoho|hubspot|atlassian)$/i;
/** Words a product's name may end on that people leave off: "Grafana Cloud" is "Grafana". */
const GENERIC_TAIL =
  /^(cloud|utilities|connect|telematics|software|systems|platform|suite|analytics|labs|technologies|solutions|inc|group|hq|online|global|international|rental|hire|marine|logistics|energy|security|health|digital|tech|technology|networks|data)$/i;

/**
 * A configured vendor as it is said: the whole name, or without a parent company before
 * it or a generic word after it, when what is left is a name of four letters or more.
 */
export function vendorPattern(name: string): RegExp {
  let pattern = vendorPatterns.get(name);
  if (!pattern) {
    pattern = compileVendorPattern(name);
    vendorPatterns.set(name, pattern);
  }
  return pattern;
}

/** Whether a listed vendor is named, as people say it ("SKF" for SKF Enlight). */
export function mentionsVendor(text: string, names: readonly string[]): boolean {
  return names.some((name) => name.trim().length > 0 && vendorPattern(name).test(text));
}

/** Compiled once per name: the amount and stage readers ask for them sentence by sentence. */
const vendorPatterns = new Map<string, RegExp>();

function compileVendorPattern(name: string): RegExp {
  const words = name.trim().split(/\s+/);
  const short =
    words.length === 2 && GENERIC_TAIL.test(words[1]!)
      ? words[0]!
      : words.length === 2 && PARENTS.test(words[0]!)
        ? words[1]!
        : null;
  if (short !== null && ACRONYM.test(short)) {
    // "CDK" for "CDK Global", "MCS" for "MCS Rental": three capitals are a name as
    // written, and only as written ("mcs" in lower case is no vendor).
    return new RegExp(`${caseless(namePattern(name).source)}|(?<![\\w-])${short}(?![\\w-])`);
  }
  // "Dynamics" for "Dynamics 365 Nonprofit", "Ellucian" for "Ellucian CRM Advance": a
  // longer name is said by its maker's name too.
  const maker = (words.length === 2 && short === null) || words.length > 2 ? words[0]! : null;
  if (maker !== null && MAKER.test(maker) && !PARENTS.test(maker) && !COMMON_START.test(maker)) {
    // "Honeywell" for "Honeywell Forge", "Curve" for "Curve Dental": the maker's name
    // alone, matched only as written, capitalised ("a learning curve" names nobody).
    return new RegExp(`${caseless(namePattern(name).source)}|(?<![\\w-])${maker}(?![\\w-])`);
  }
  if (short === null || short.length < 4) return namePattern(name);
  const [whole, alone] = [namePattern(name), namePattern(short)];
  return new RegExp(`${whole.source}|${alone.source}`, 'i');
}

const ACRONYM = /^[A-Z][A-Z0-9]{2,}$/;
/**
 * A capitalised name of four letters or more, or an acronym ("SKF", "3E"), as a maker's
 * is written.
 */
const MAKER = /^([A-Z][A-Za-z]{3,}|[A-Z][A-Z0-9]{2,}|\d[A-Z][A-Z0-9]*)$/;
/** Words a sentence often starts with, which a maker's name alone would be read in. */
const COMMON_START =
  /^(first|next|last|best|great|good|just|only|true|clear|total|open|simple|sure|free|direct|every|better|real|smart|quick|fast|easy|well|point|field|home|service|accurate|also|then|thanks|maybe|sorry|look|listen|right|okay|fine|sounds|perfect)$/i;

/** A pattern's source matching either case: each letter outside an escape as [xX]. */
function caseless(source: string): string {
  return source.replace(
    /(\\.)|([A-Za-z])/g,
    (_, escape: string | undefined, letter: string) =>
      escape ?? `[${letter.toLowerCase()}${letter.toUpperCase()}]`,
  );
}

/** Whether a text says anything of a vendor's place in the deal. */
function hasCue(text: string): boolean {
  return (
    IN_PLAY.test(text) ||
    saysGone(text) ||
    PAST.test(text) ||
    STILL_IN.test(text) ||
    NEGATION.test(text)
  );
}

/**
 * Reads what `text` (the sentence, or the clause of it naming the vendors) says of
 * `named`; the whole `sentence` decides whether it is a hypothesis or a question and is
 * the quote.
 */
function readSentence(
  sentence: string,
  text: string,
  named: readonly string[],
  utterances: readonly ExtractUtterance[],
  utteranceIndex: number,
): Event[] {
  const u = utterances[utteranceIndex]!;
  const confidence = OUT_CONFIDENCE[u.side];
  const quote = sentence;
  const out = (): Event[] =>
    named.map((name) => ({ kind: 'out', name, confidence, quote, utteranceIndex }));
  if (supposes(sentence) || ELSEWHERE.test(text) || ALONGSIDE.test(sentence)) return [];
  const meant = CORRECTION.exec(text);
  if (meant && u.side !== 'internal') {
    // "Sorry, I meant Chorus, not Gong": the one named after it is in, the others out.
    const after = text.slice(meant.index + meant[0].length);
    const right = named.find((name) => namePattern(name).test(after.split(/[,.;]/)[0] ?? ''));
    if (right) {
      return named.map((name) =>
        name === right
          ? { kind: 'in', name, confidence: 0.8, quote, utteranceIndex }
          : { kind: 'out', name, confidence, quote, utteranceIndex },
      );
    }
  }
  const stillIn = STILL_IN.test(text);
  if (!stillIn && u.side !== 'internal' && TURNED_AWAY.test(text)) return out();
  if (!stillIn && (saysGone(text) || (PAST.test(text) && !STILL.test(text)))) return out();
  if (!IN_PLAY.test(text) && !stillIn) return [];
  let sure: number;
  if (u.side === 'internal') {
    // "Are you also looking at Clari?" answered "yes" is the customer's word.
    if (agreementAfter(utterances, utteranceIndex) !== null) sure = 0.78;
    else if (!isQuestion(sentence) && ABOUT_CUSTOMER.test(text)) sure = 0.55;
    else return [];
  } else {
    if (asksQuestion(sentence)) return [];
    // "We're not looking at Gong" takes it out; said by the customer, that is their word.
    // Figures of speech that deny nothing: "don't forget", "I will not lie".
    const denial = text.replace(FIGURES_OF_SPEECH, '');
    if (!stillIn && NEGATION.test(denial)) return out();
    sure = u.side === 'external' ? 0.85 : 0.7;
  }
  if (HEDGE.test(text)) sure -= 0.1;
  return named.map((name) => ({ kind: 'in', name, confidence: sure, quote, utteranceIndex }));
}
