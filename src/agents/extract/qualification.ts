import { clamp, namePattern } from './cues.js';
import { HYPOTHETICAL, NEGATION, isQuestion, splitSentences } from './sentences.js';
import type { Candidate, ExtractContext, ExtractUtterance } from './types.js';

/** MEDDICC and BANT field ids; each value is the customer's own sentence. */
export const QUALIFICATION_FIELDS = [
  'metrics',
  'economic_buyer',
  'decision_criteria',
  'decision_process',
  'identify_pain',
  'champion',
  'budget',
  'authority',
  'need',
  'timeline',
] as const;
export type QualificationField = (typeof QUALIFICATION_FIELDS)[number];

interface Rule {
  /** The customer says it outright. */
  statement: RegExp;
  /** The rep asks about it; the customer's next answer is the value. */
  question?: RegExp;
  /** "We can't see the pipeline" is a pain; for most fields a negation undoes the cue. */
  negationAllowed?: boolean;
}

const ROLE =
  '(cfo|ceo|coo|cro|cto|cio|vp|vice president|head of \\w+|director|president|founder|owner|board|controller|finance)';
const APPROVE =
  '(signs?|signs? off|sign-?off|approves?|approval|final (say|word|decision|call)|owns the budget|holds the budget|controls the budget|budget (holder|owner)|has to approve|needs to approve|makes the (call|decision)|decides)';

const RULES: Record<QualificationField, Rule> = {
  metrics: {
    statement:
      /\b(reduc|cut|increas|improv|sav|lift|grow|boost|rais|shorten|doubl|halv|lower|get)\w*\b.{0,60}(\d+(\.\d+)?\s?(%|percent|hours?|days?|weeks?|points?|x)(?!\w)|by (half|a third|a quarter))|\b(goal|target|kpi|metric|success (looks like|means|would be))\b.{0,40}\d/i,
    question:
      /\b(how (will|would|do) you measure|what does success look like|what (metrics?|kpis?|numbers?)|what would (good|success) look like)\b/i,
  },
  economic_buyer: {
    statement: new RegExp(
      `\\b${ROLE}\\b.{0,40}\\b${APPROVE}\\b|\\b${APPROVE}\\b.{0,40}\\b${ROLE}\\b`,
      'i',
    ),
    question:
      /\b(who (signs|approves|has the final say|owns the budget|makes the (final )?(call|decision))|who else needs to (sign|approve))\b/i,
  },
  decision_criteria: {
    statement:
      /\b(what matters (most )?(to us )?is|(main|key|top|biggest|most important|primary) (criteri(a|on)|requirements?|priorit(y|ies)|factors?|considerations?)|must[- ]haves?|deal[- ]?breakers?|non[- ]negotiable|we('ll| will) (decide|choose|pick|evaluate) (based )?on|(needs|has) to integrate with|comes down to)\b/i,
    question:
      /\b(what matters (most )?to you|what (are|is) (your|the) (criteria|requirements?|priorities)|how will you (decide|choose|evaluate))\b/i,
  },
  decision_process: {
    statement:
      /\b(approval process|procurement process|buying process|security review|legal review|vendor (review|assessment|onboarding)|(goes|go|has to go|needs to go|go through) (to|through|before) (the )?(board|committee|steering|procurement|legal|security|cfo|finance)|steering committee|sign-?off from|(first|then|after that),? (legal|procurement|security|finance|the board)|our process is|the steps are)\b/i,
    question:
      /\b(what('s| is) (the|your) (process|approval process|buying process)|what (are )?the (next )?steps (on your side )?to (sign|buy|approve)|how do (you|purchases) get approved)\b/i,
  },
  identify_pain: {
    statement:
      /\b((biggest|main|real|key|core) (problem|pain|challenge|issue|headache|frustration)s?|struggl\w+ (with|to)|pain points?|frustrat\w+|(we|they) (lose|waste|spend|lost|wasted|spent) .{0,30}\b(hours|time|days|deals|money|revenue)|costs? us|(it's|it is) (a )?(mess|nightmare|manual|painful)|too (manual|slow)|no visibility|blind spots?|can't (see|tell|trust|forecast))\b/i,
    question:
      /\b(what('s| is) (the )?(biggest |main )?(problem|pain|challenge|issue)|what problem are you|why (now|are you looking))\b/i,
    negationAllowed: true,
  },
  champion: {
    statement:
      /\b(i('ll| will) (champion|push for|advocate for|fight for|sell (this|it) internally|make the case|take (this|it) to|bring (this|it) to|present (this|it) to)|i('m| am) (your|the) (champion|advocate|internal sponsor|sponsor)|i('m| am) (pushing|advocating|rooting) for (you|this)|you have my (support|vote)|i('ve| have) got your back)\b/i,
  },
  budget: {
    statement:
      /\b(budget(ed)?|funding|set aside|earmarked|allocated)\b.{0,40}(\$|€|£|\d|approved|allocated|secured|available|cut|frozen|for this|this year|next year)|\b(no|have|got|there's|there is|we've got|secured|approved) (a |the )?(budget|funding)\b/i,
    question:
      /\b(what('s| is) (the|your) budget|what budget|budget (are you working with|in mind)|how much (have you|did you) (budget|set aside))\b/i,
    negationAllowed: true,
  },
  authority: {
    statement:
      /\b(i (can|will|'ll) (sign|approve|sign off)|i('m| am) the (decision[- ]maker|one who (signs|decides|approves))|(it's|it is) my (call|decision)|i (have|own) (the )?(final say|sign-?off|authority|budget)|(needs?|has) to be (approved|signed off) by|(can't|cannot) (sign|approve)( this| it)?( alone| myself| on my own)|above my (pay grade|approval limit|signing limit))\b/i,
    question: /\b(are you the (one|person) who (signs|decides|approves)|can you sign)\b/i,
    negationAllowed: true,
  },
  need: {
    statement:
      /\b(we need (a|an|one) (tool|way|solution|platform|system|place|single)|we need to (replace|fix|improve|automate|consolidate|get (better )?visibility|stop|reduce|standardi[sz]e)|we('re| are) looking for (a|an|something|a way)|we have to (replace|fix|find)|the (requirement|need) is|we want to (replace|consolidate|automate))\b/i,
    question: /\b(what are you looking for|what do you need|what would you need)\b/i,
  },
  timeline: {
    statement:
      /\b(go[- ]live|live by|rolled out by|roll(ed)? ?out (by|before|in)|up and running|in place (by|before)|implemented by|deadline|timeline is|need (this|it) (by|before|in place|live))\b/i,
    question:
      /\b(what('s| is) (the|your) (timeline|timeframe|time frame|deadline)|when do you (need|want) (this|it)|what timeline)\b/i,
  },
};

/**
 * MEDDICC and BANT cues, each the customer's own sentence (the value is the quote):
 * said outright, or the answer to the rep's question on it. Conservative: only
 * customer-side speakers, no questions or hypotheses, no competitor's claims, and an
 * evasive answer ("not sure", "rather not say") is nothing. The last word wins.
 */
export function extractQualification(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
  fields: readonly QualificationField[] = QUALIFICATION_FIELDS,
): Partial<Record<QualificationField, Candidate<string> | null>> {
  const competitors = (ctx.competitors ?? []).filter((c) => c.trim().length > 0).map(namePattern);
  const found: Partial<Record<QualificationField, Candidate<string> | null>> = {};
  for (const f of fields) found[f] = null;
  utterances.forEach((u, utteranceIndex) => {
    if (u.side !== 'external') return;
    const asked = askedBefore(utterances, utteranceIndex, fields);
    splitSentences(u.text).forEach((s, sentenceIndex) => {
      const text = s.text;
      if (isQuestion(text) || HYPOTHETICAL.test(text)) return;
      if (competitors.some((re) => re.test(text))) return;
      const negated = NEGATION.test(text);
      for (const field of fields) {
        const rule = RULES[field];
        let confidence: number;
        if (rule.statement.test(text) && (!negated || rule.negationAllowed)) confidence = 0.7;
        // The first sentence of the reply answers the rep's question unless it dodges.
        else if (asked.includes(field) && sentenceIndex === 0 && !DODGE.test(text))
          confidence = 0.6;
        else continue;
        if (/\b(probably|maybe|perhaps|might|i think|i guess)\b/i.test(text)) confidence -= 0.1;
        found[field] = {
          value: text,
          confidence: clamp(confidence),
          quote: text,
          utteranceIndex,
          startSeconds: u.startSeconds,
        };
      }
    });
  });
  return found;
}

const DODGE =
  /\b(not sure|don't know|no idea|rather not|can't say|cannot say|tbd|to be decided|we'll see|good question|let me (check|get back))\b/i;

/** The fields the rep's last question before this reply asked about. */
function askedBefore(
  utterances: readonly ExtractUtterance[],
  index: number,
  fields: readonly QualificationField[],
): QualificationField[] {
  const prev = utterances[index - 1];
  if (!prev || prev.side !== 'internal') return [];
  const questions = splitSentences(prev.text).filter((s) => isQuestion(s.text));
  const last = questions[questions.length - 1];
  return last ? fields.filter((f) => RULES[f].question?.test(last.text)) : [];
}
