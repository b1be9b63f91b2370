import { describe, expect, it } from 'vitest';
import {
  amountCandidates,
  currenciesNamed,
  extractAmount,
  findMoney,
  currencyOfDomain,
  homeCurrencyOf,
  type AmountValue,
} from './amount.js';
import { baseContext, call } from './test-utterances.js';
import type { ExtractContext, SpeakerSide } from './types.js';

interface Case {
  name: string;
  lines: [SpeakerSide, string][];
  ctx?: Partial<ExtractContext>;
  expected: AmountValue | null;
  minConfidence?: number;
  maxConfidence?: number;
}

const ext = (text: string): [SpeakerSide, string] => ['external', text];
const int = (text: string): [SpeakerSide, string] => ['internal', text];
const usd = (amount: number): AmountValue => ({ amount, currency: 'USD' });
const bare = (amount: number): AmountValue => ({ amount, currency: null });
/** The amount a call settles on, in a workspace with `ctx` over the defaults. */
const amount = (ctx: Partial<ExtractContext>, ...lines: [SpeakerSide, string][]) =>
  extractAmount(call(...lines), { ...baseContext, ...ctx })?.value ?? null;

const cases: Case[] = [
  // What is read
  {
    name: 'millions with a symbol',
    lines: [ext('The price comes to $1.2M.')],
    expected: usd(1_200_000),
    minConfidence: 0.85,
  },
  {
    name: 'a teen price echoed in thousands',
    lines: [
      int("It's nineteen thousand five hundred euros for the three years."),
      ext("Nineteen five. Okay, it's more than I thought, but okay."),
    ],
    ctx: { dealAmount: 16_000 },
    expected: { amount: 19_500, currency: 'EUR' },
  },
  {
    name: 'an echo takes the currency of the figure it echoes',
    lines: [
      int('The Dublin hardware is invoiced in euro, about twelve thousand euros of it.'),
      int('The total is sixty-four thousand pounds over three years, all nine sites.'),
      ext("Sixty-four. Okay. That's where I expected it."),
    ],
    ctx: { dealAmount: 58_000 },
    expected: { amount: 64_000, currency: 'GBP' },
  },
  {
    name: 'k without a currency',
    lines: [ext('We agreed on 150k per year.')],
    expected: bare(150_000),
    minConfidence: 0.8,
  },
  {
    name: 'an uppercase M without a currency',
    lines: [ext('The contract is 1.2M a year.')],
    expected: bare(1_200_000),
  },
  { name: 'thousands with commas', lines: [ext('The price is $64,000.')], expected: usd(64_000) },
  {
    name: 'spoken words',
    lines: [ext('We can do a hundred and fifty thousand dollars for the contract.')],
    expected: usd(150_000),
  },
  {
    name: 'spoken words without a currency',
    lines: [ext('The proposal is one point two million for the year.')],
    expected: bare(1_200_000),
  },
  {
    name: 'euros by symbol',
    lines: [ext('The price is €90k annually.')],
    expected: { amount: 90_000, currency: 'EUR' },
  },
  {
    name: 'pounds by symbol',
    lines: [ext('The quote is £45,000 a year.')],
    expected: { amount: 45_000, currency: 'GBP' },
  },
  {
    name: 'a currency code before',
    lines: [ext('The order form says EUR 120k.')],
    expected: { amount: 120_000, currency: 'EUR' },
  },
  {
    name: 'a currency word after',
    lines: [ext('We have 80 thousand euros approved for this.')],
    expected: { amount: 80_000, currency: 'EUR' },
  },
  {
    name: 'the answer to "what\'s your budget?" is as unsure as a budget (k21)',
    lines: [
      int("Okay. What's your budget?"),
      ext("Maybe two hundred thousand pesos a year, but I don't know."),
    ],
    ctx: { timeZone: 'America/Mexico_City' },
    expected: { amount: 200_000, currency: 'MXN' },
    maxConfidence: 0.5,
  },
  {
    name: "a yearly figure that is the share of the CRM's amount restates it (k23, k43)",
    lines: [
      ext('James, quick question: is the ninety thousand per year or total?'),
      int('Total, over two years. Forty-five per year.'),
      ext("OK, good, that's what I assumed."),
    ],
    ctx: { timeZone: 'Europe/London', dealAmount: 90_000 },
    expected: null,
  },
  {
    name: "a yearly figure that is no share of the CRM's amount is a new price",
    lines: [ext('And pricing?'), int('Fifty-five a year, over two years.'), ext('Fine.')],
    ctx: { timeZone: 'Europe/London', dealAmount: 90_000 },
    expected: bare(110_000),
  },
  {
    name: 'a figure in the capex plan is as unsure as a budget (k164)',
    lines: [
      int('Is fixing that a priority for next year, or more of an idea?'),
      ext(
        "It's a priority. We have sixty thousand euros in the 2027 capex plan for energy monitoring. It's approved. It's not assigned to any vendor.",
      ),
    ],
    ctx: { timeZone: 'Europe/Berlin' },
    expected: { amount: 60_000, currency: 'EUR' },
    maxConfidence: 0.7,
  },
  // Annual versus total
  {
    name: 'a total with no term is less sure under the annual convention',
    lines: [ext('The total comes to $1.2M.')],
    expected: usd(1_200_000),
    maxConfidence: 0.85,
  },
  {
    name: 'total over years is divided into the annual amount under the annual convention',
    lines: [ext('The contract is $300k over three years.')],
    ctx: { amountConvention: 'annual' },
    expected: usd(100_000),
    maxConfidence: 0.85,
  },
  {
    name: 'total over years kept whole by default (the total convention)',
    lines: [ext('The contract is $300k over three years.')],
    expected: usd(300_000),
  },
  {
    name: 'annual for a term becomes the total by default',
    lines: [ext('The price is $100k a year for three years.')],
    expected: usd(300_000),
  },
  {
    name: 'total and annual said together agree',
    lines: [ext('The contract is $300k over three years, so $100k a year.')],
    expected: usd(300_000),
  },
  {
    name: 'a yearly figure and its total "over the three years" agree (k311)',
    lines: [
      int(
        "So that's seventy-four thousand eight hundred per year, two hundred twenty-four thousand four hundred over the three years.",
      ),
    ],
    expected: bare(224_400),
  },
  {
    name: 'a monthly price is made annual',
    lines: [ext('The subscription is $10k per month.')],
    expected: usd(120_000),
  },
  {
    name: 'a total that does not divide evenly is doubtful under the annual convention',
    lines: [ext('The contract is $100k over three years.')],
    ctx: { amountConvention: 'annual' },
    maxConfidence: 0.6,
    expected: usd(33_333.33),
  },
  {
    name: 'priced seats are count times price',
    lines: [ext('The contract is 150 seats at $1,000 per seat a year.')],
    expected: usd(150_000),
  },
  {
    name: 'priced seats per month are made annual',
    lines: [ext('The price is 50 users at $100 each per month.')],
    expected: usd(60_000),
  },
  // Across sentences: a figure said after the price came up borrows the deal cue
  {
    name: 'a figure right after the price came up',
    lines: [int('Here is where the quote lands.'), int('$64,500 for the year.')],
    expected: usd(64_500),
  },
  {
    name: 'a bare count after the price came up is not money',
    lines: [
      int('What does the price depend on?'),
      ext('Twelve thousand five hundred, mostly dormant.'),
    ],
    expected: null,
  },
  {
    name: "someone else's price ends the subject",
    lines: [ext('Let us talk about the price.'), ext('Their renewal is $45,000.'), ext('$45,000.')],
    expected: null,
  },
  {
    name: 'the subject ends two utterances later',
    lines: [int('Here is the quote.'), ext('Okay.'), ext('Right.'), ext('$30,000 left.')],
    expected: null,
  },
  // A figure stated as where things stand
  {
    name: "it's a figure",
    lines: [ext('Yes, with the second site it is 125k.')],
    expected: { amount: 125_000, currency: null },
  },
  {
    name: "we'd be at a figure",
    lines: [ext("With the two new stores we'd be at ninety grand.")],
    expected: { amount: 90_000, currency: null },
    maxConfidence: 0.8,
  },
  {
    name: 'over the years is a term',
    lines: [ext('The price is a hundred and eighty thousand over the three years.')],
    expected: { amount: 180_000, currency: null },
  },
  {
    name: "it's a count, not money",
    lines: [ext('With the new stores it is 125 locations.')],
    expected: null,
  },
  // Currencies beyond dollars, euros and pounds
  {
    name: 'Singapore dollars by their sign',
    lines: [ext('The contract comes to S$210,000.')],
    expected: { amount: 210_000, currency: 'SGD' },
  },
  {
    name: 'rand by its sign before the digits',
    lines: [ext('The proposal comes to R1.4 million.')],
    expected: { amount: 1_400_000, currency: 'ZAR' },
  },
  {
    name: 'yen said after a figure',
    lines: [ext('The total is 18 million yen.')],
    expected: { amount: 18_000_000, currency: 'JPY' },
  },
  {
    name: 'Australian dollars spoken',
    lines: [ext('The price is sixty-four thousand Australian dollars.')],
    expected: { amount: 64_000, currency: 'AUD' },
  },
  {
    name: 'a trailing "a" is not one more',
    lines: [ext('So the price would be forty-eight thousand a year.')],
    expected: { amount: 48_000, currency: null },
  },
  {
    name: 'a lowercase r before a year is no rand',
    lines: [ext('The price for year 2027 is $50k.')],
    expected: usd(50_000),
  },
  // Guards
  {
    name: 'headcount is not money',
    lines: [ext('The contract covers 150 seats.')],
    expected: null,
  },
  {
    name: 'thousands of users are not money',
    lines: [ext('The deal is for 150k users.')],
    expected: null,
  },
  {
    name: 'a per-seat price is not the deal amount',
    lines: [ext('The price is $100 per seat.')],
    expected: null,
  },
  { name: 'a percentage', lines: [ext('The price includes 15% for support.')], expected: null },
  { name: 'a discount', lines: [ext('We can take $20k off the price.')], expected: null },
  {
    name: "the price after a discount already given is the deal's (k285)",
    lines: [
      ext('Four point four million shillings, for the year, as agreed after the last discount.'),
    ],
    expected: { amount: 4_400_000, currency: 'KES' },
  },
  {
    name: 'a price with a named add-on in its scope is the whole price (k285)',
    lines: [ext('Okay. Twenty-one lakh, plus GST, with the Lots add-on. Done.')],
    expected: { amount: 2_100_000, currency: 'INR' },
    ctx: { buyerCurrency: 'INR' },
  },
  {
    name: 'an add-on priced on its own is still an increment',
    lines: [ext('The Lots add-on is three lakh more a year.')],
    expected: null,
  },
  {
    name: 'a discount offered on a price is still no amount',
    lines: [ext('We can take the discount off, so $20k less than the list.')],
    expected: null,
  },
  {
    name: 'a competitor from the list',
    lines: [ext('Gong quoted us 80k for the contract.')],
    expected: null,
  },
  {
    name: 'a listed competitor named without a verb',
    lines: [ext('Clari is at 80k for the contract.')],
    expected: null,
  },
  {
    name: 'a vendor not on the list quoting',
    lines: [ext('Salesloft quoted 80k for the contract.')],
    expected: null,
  },
  {
    name: 'our own quote is the deal',
    lines: [ext('You quoted $150k and that works for the contract.')],
    expected: usd(150_000),
  },
  {
    name: 'another vendor not on the list',
    lines: [ext('Another vendor priced it at $70k.')],
    expected: null,
  },
  {
    name: 'what they pay today',
    lines: [ext('We currently pay $50k a year for our contract.')],
    expected: null,
  },
  {
    name: 'what the current tool costs, with words between',
    lines: [ext('For context, our current conversation tool costs us 45 thousand a year.')],
    expected: null,
  },
  {
    name: "the incumbent's renewal",
    lines: [ext('Their renewal is $45,000 and it is due in January.')],
    expected: null,
  },
  {
    name: "a whole department's budget is not this deal's",
    lines: [ext('So our whole sales ops budget is about two million for the year.')],
    expected: null,
  },
  {
    name: 'what all their tools get together',
    lines: [ext('Tools get maybe three hundred grand total, across everything.')],
    expected: null,
  },
  {
    name: "a figure of the customer's own business",
    lines: [ext('Our average contract is like $12,000, so each renewal matters.')],
    expected: null,
  },
  {
    name: "the typical deal size of the customer's customers",
    lines: [ext('Our typical deal size is $40k per year.')],
    expected: null,
  },
  {
    name: 'a budget for this purchase still hints at the amount',
    lines: [ext('The budget we have approved for this contract is $90k a year.')],
    expected: usd(90_000),
  },
  {
    name: 'a hedged budget range',
    lines: [ext('Our budget is somewhere between 100 and 150k.')],
    expected: null,
  },
  { name: 'a dash range', lines: [ext('The price should land at $100-150k.')], expected: null },
  { name: 'an upper bound', lines: [ext('We are approved for up to $200k.')], expected: null },
  {
    name: 'a hypothetical',
    lines: [ext('If we did three years, the price would be $400k.')],
    expected: null,
  },
  { name: 'a question', lines: [int('Could you do $140k for the contract?')], expected: null },
  { name: 'a negation', lines: [ext("We can't do $150k on this contract.")], expected: null },
  { name: 'a number with no deal cue', lines: [ext('We raised $20M last year.')], expected: null },
  {
    name: 'a plain number is not money',
    lines: [ext('The contract has 150 pages.')],
    expected: null,
  },
  {
    name: 'what they spend today',
    lines: [ext('Total cost of ownership for us is 500k a year today.')],
    expected: null,
  },
  {
    name: 'a one-off implementation fee',
    lines: [ext('The implementation fee is $15k on top of the subscription.')],
    expected: null,
  },
  {
    name: 'two different figures are undecided',
    lines: [ext('The subscription is $120k and support is $15k.')],
    expected: null,
  },
  {
    name: 'a conditional "would" is less sure',
    lines: [ext('The deal size would be 150k.')],
    expected: bare(150_000),
    maxConfidence: 0.7,
  },
  {
    name: 'a figure turned down by the customer',
    lines: [int('Our proposal is $150k a year.'), ext("That's too expensive for us.")],
    expected: null,
  },
  {
    name: 'a figure refused with a negation',
    lines: [int('Our proposal is $150k a year.'), ext("We can't do $150k.")],
    expected: null,
  },
  {
    name: 'an agreed figure after a refusal stands',
    lines: [
      int('Our proposal is $150k a year.'),
      ext("We can't do $150k."),
      ext('We agreed on $140k a year.'),
    ],
    expected: usd(140_000),
  },
  {
    name: '"looking at" is less sure',
    lines: [ext("We're looking at $120k for the contract.")],
    expected: usd(120_000),
    maxConfidence: 0.75,
  },
  // Last word, confidence
  {
    name: 'a later figure wins',
    lines: [
      int('Our proposal is $150k a year.'),
      ext('That is too much.'),
      int('Okay, the final price is $140k a year.'),
      ext('Deal.'),
    ],
    expected: usd(140_000),
  },
  {
    name: 'a replaced figure is skipped',
    lines: [ext('The price is $140k, not $150k.')],
    expected: usd(140_000),
  },
  {
    name: 'a budget is only a hint',
    lines: [ext('Our budget is $150k for this deal.')],
    expected: usd(150_000),
    maxConfidence: 0.7,
  },
  {
    name: 'a hedged figure is less sure',
    lines: [ext('The price is probably $150k.')],
    expected: usd(150_000),
    maxConfidence: 0.75,
  },
  {
    name: 'the rep alone is less sure',
    lines: [int('The price is $150k a year.')],
    expected: usd(150_000),
    maxConfidence: 0.83,
  },
  {
    name: 'the rep confirmed by the customer',
    lines: [int('The price is $150k a year.'), ext('Yes, that works.')],
    expected: usd(150_000),
    minConfidence: 0.9,
  },
  {
    name: 'a figure grouped in thousands with a deal cue',
    lines: [ext('Yes, 95,000 is the final figure.')],
    expected: bare(95_000),
  },
  {
    name: 'a grouped count is still a count',
    lines: [ext('The contract covers 1,200 users.')],
    expected: null,
  },
  {
    name: 'an approval for the first year',
    lines: [ext('We can approve $72,500 for the first year, all in.')],
    expected: usd(72_500),
  },
  {
    name: 'a price tied to signing by a date is not a supposition',
    lines: [ext('We can commit to $64,000 if we sign by December 15th.')],
    expected: usd(64_000),
  },
  {
    name: 'any other condition supposes',
    lines: [ext('We can commit to $64,000 if finance agrees.')],
    expected: null,
  },
  {
    name: 'an increment is not the amount',
    lines: [ext('The analytics module is 30k more per year.')],
    expected: null,
  },
  {
    name: 'the answer to a hypothetical question is hypothetical',
    lines: [
      ext('If we added the analytics module, what would that be?'),
      int('Roughly $30k per year.'),
      ext('Then not this year.'),
    ],
    expected: null,
  },
  {
    name: 'the last word counts over a budget',
    lines: [
      ext('We had budgeted 120k for this.'),
      ext("After the finance review this morning it's 95,000, not 120k."),
      ext('Yes, 95,000 is the final figure.'),
    ],
    expected: bare(95_000),
  },
  {
    name: 'a revision when finance came back wins',
    lines: [ext("We'll sign at $175k."), ext('Finance came back and we are at $125,000 now.')],
    expected: usd(125_000),
  },
  {
    name: 'two currencies are undecided',
    lines: [ext('The price is $150k or €140k.')],
    expected: null,
  },

  // Prices said the way people say them
  {
    name: 'the hundreds without the word',
    lines: [ext('The renewal is one forty-six thousand total for the two years.')],
    expected: bare(146_000),
  },
  {
    name: 'the thousand left unsaid, in a call priced in thousands',
    lines: [
      ext('The proposal was one hundred ten thousand for three years.'),
      int('Same modules, phased. Ninety-five total.'),
      ext('Okay, ninety-five I can work with.'),
    ],
    expected: bare(95_000),
  },
  {
    name: "the deal's own amount says the call is in thousands",
    lines: [ext('So the price is one forty-six for the two years.')],
    ctx: { dealAmount: 140_000 },
    expected: bare(146_000),
  },
  {
    name: 'a bare number is no price in a call without thousands',
    lines: [ext('Ninety-five total, I can work with that.')],
    expected: null,
  },
  {
    name: 'a bare number before a noun is a count',
    lines: [
      ext('Three years at one hundred ten thousand dollars per year, agreed.'),
      ext('And we keep the sixty lanes in the first phase of the contract.'),
    ],
    expected: usd(330_000),
  },
  {
    name: 'a time of day is no price',
    lines: [
      ext('The total is ninety thousand.'),
      ext('I signed the order form last night, around eleven.'),
    ],
    expected: bare(90_000),
  },
  {
    name: 'lakh and crore',
    lines: [
      ext('Ninety lakh per year is fine, one year term.'),
      ext('For three years the total is three point six crore rupees, that is acceptable.'),
    ],
    expected: { amount: 36_000_000, currency: 'INR' },
  },
  {
    name: '"mil" after reais is a thousand',
    lines: [ext('Yes, R$ 120 mil for the year, I already have approval.')],
    expected: { amount: 120_000, currency: 'BRL' },
  },
  {
    name: 'a twelve-month term is a year',
    lines: [ext('The subscription is eighteen thousand dollars for twelve months, accepted.')],
    expected: usd(18_000),
  },
  {
    name: 'a negation about something else leaves the figure',
    lines: [ext('One hundred thousand euros per year, fixed, no indexation, agreed.')],
    expected: { amount: 100_000, currency: 'EUR' },
  },
  {
    name: 'a spoken figure with its currency, in a call priced in thousands',
    lines: [
      ext('The price is two hundred seventy-six thousand for the three years.'),
      ext('Okay, two seventy-six Canadian is the number we sign.'),
    ],
    expected: { amount: 276_000, currency: 'CAD' },
  },
  {
    name: 'a spoken number with k, and years said before the price',
    lines: [ext('Two years at sixty k per year, one hundred twenty thousand total.')],
    expected: bare(120_000),
  },
  // Said with its term rather than a price word
  {
    name: 'a figure for the full term',
    lines: [int('Ninety-seven thousand two hundred for the full three-year term, yes.')],
    expected: bare(97_200),
  },
  {
    name: 'a figure over some years, plus tax',
    lines: [int('Two hundred and forty thousand, plus GST, over three years.')],
    expected: bare(240_000),
  },
  {
    name: 'a yearly figure and the same over the term',
    lines: [
      int(
        "On three years it's twenty-eight thousand a year, so eighty-four thousand pounds over the term.",
      ),
    ],
    expected: { amount: 84_000, currency: 'GBP' },
  },
  {
    name: 'a figure that a change brings it to',
    lines: [int('That brings it to eighty-nine thousand one hundred, all up.')],
    expected: bare(89_100),
  },
  {
    name: 'something taken off the order, not off the price',
    lines: [
      ext(
        'The amount on the order form should be ninety-two thousand, not ninety-five, you forgot to take off the two vehicles we sold.',
      ),
    ],
    expected: bare(92_000),
  },
  {
    name: '"the fifteen" after fifteen percent is the discount taken',
    lines: [
      int('We can do fifteen percent off the subscription.'),
      int('So from one-twenty down to one hundred and two thousand, total, for the three years.'),
      ext("Then I'll take the fifteen."),
    ],
    expected: bare(102_000),
  },
  {
    name: 'codes and signs of the Gulf and Africa',
    lines: [ext('The platform is SAR 1.2 million for the two years.')],
    expected: { amount: 1_200_000, currency: 'SAR' },
  },
  {
    name: 'the naira sign as a letter',
    lines: [ext('The naira amount, N520 million for three years, is approved.')],
    expected: { amount: 520_000_000, currency: 'NGN' },
  },
  {
    name: 'a figure with tax in it is not the amount',
    lines: [
      int('No, R1.2 million is excluding VAT, for the three years.'),
      int("With VAT it's R1.38m on the invoices."),
    ],
    expected: { amount: 1_200_000, currency: 'ZAR' },
  },
  {
    name: 'a fraction in a call priced in millions',
    lines: [
      int('So just to confirm the quote, AED 1.4 million for three years.'),
      ext('One point four? I thought it was one point three.'),
      int("Sorry, you're right. One point three."),
    ],
    expected: bare(1_300_000),
  },
  {
    name: "the customer taking up the rep's what-if",
    lines: [
      int('What if we did 1.5 for three years, with treasury included?'),
      ext("Hmm. I can take R1.5 million to my CFO, but I can't promise."),
    ],
    ctx: { dealAmount: 1_750_000 },
    expected: { amount: 1_500_000, currency: 'ZAR' },
  },
  {
    name: 'a yearly figure and its total, the term left to their ratio',
    lines: [
      int(
        "Three years we'd do at forty-five thousand a year, so one hundred and thirty-five thousand total.",
      ),
    ],
    expected: bare(135_000),
  },
  {
    name: 'a figure confirmed as fine',
    lines: [ext("Yep, one hundred and five K, that's fine.")],
    expected: bare(105_000),
  },
  {
    name: 'an increment said as "adds"',
    lines: [int('Claims adds twenty thousand, so a hundred and five thousand a year.')],
    expected: null,
  },
  {
    name: 'a figure said as before restates the deal',
    lines: [int('Sure, forty-five thousand a year, as before.')],
    expected: null,
  },
  {
    name: 'a spoken count of things',
    lines: [ext('We run the risk pool for 38 councils, about two thousand claims a year.')],
    ctx: { dealAmount: 90_000 },
    expected: null,
  },
  {
    name: 'a price per thing is no amount',
    lines: [int('The price for franchisees is one hundred ten euros per bar per month.')],
    ctx: { dealAmount: 50_000 },
    expected: null,
  },
  {
    name: 'what the rep can do, and a figure as agreed',
    lines: [int('I can do eighty-five thousand.'), ext('Sixty-four thousand as you said.')],
    expected: bare(64_000),
  },
  {
    name: 'a figure beside its term in years',
    lines: [ext('For three hotels, three years, ninety thousand pesos.')],
    expected: { amount: 90_000, currency: 'MXN' },
  },
  {
    name: "pesos alone are the workspace's country's",
    lines: [ext('For the three resorts, three years, two million pesos all in.')],
    ctx: { timeZone: 'Asia/Manila' },
    expected: { amount: 2_000_000, currency: 'PHP' },
  },
  {
    name: 'Mexican pesos named are Mexican anywhere',
    lines: [ext('For the three resorts, three years, two million Mexican pesos all in.')],
    ctx: { timeZone: 'America/Argentina/Buenos_Aires' },
    expected: { amount: 2_000_000, currency: 'MXN' },
  },
  {
    name: 'a total over the contract is no range',
    lines: [
      int('With three years I can do 160k per year. So 480k SEK total over the contract.'),
      ext('480 total. Okay.'),
    ],
    ctx: { timeZone: 'Europe/Stockholm' },
    expected: { amount: 480_000, currency: 'SEK' },
  },
  {
    name: 'Swiss grouping with apostrophes',
    lines: [ext("Yes, CHF 215'000 total, same term, same service level.")],
    expected: { amount: 215_000, currency: 'CHF' },
  },
  {
    name: 'a decimal comma before "Mio"',
    lines: [ext('That works for the budget. Okay, CHF 1,1 Mio total for the five years.')],
    expected: { amount: 1_100_000, currency: 'CHF' },
  },
  {
    name: "the figure after another vendor's quote in the same turn is theirs",
    lines: [
      ext(
        'We got an ezyVet quote last week. Thirty-eight thousand for the first year, all three clinics.',
      ),
    ],
    ctx: { competitors: ['ezyVet'] },
    expected: null,
  },
  {
    name: 'a unit price echoed is no total',
    lines: [
      int('It is per provider. For you it would be four twenty-five per provider per month.'),
      ext('Four twenty-five. And techs are free?'),
    ],
    ctx: { dealAmount: 70_000 },
    expected: null,
  },
  {
    name: 'a rate per thing said again bare, later in the call, is the rate (k326)',
    lines: [
      int('For two years I can do 3,300 per room.'),
      int("It's 12,276,000 a year."),
      ext('OK. That I can take to the board.'),
      ext('Send me a revised quote with 3,300 and the two-year term.'),
    ],
    expected: bare(12_276_000),
  },
  {
    name: 'a time said in passing is answered as a time',
    lines: [
      ext('No, I am reading the proposal this weekend. Let us talk Tuesday.'),
      int('Tuesday works, I will send an invite for Tuesday at ten.'),
      ext('Ten is good.'),
    ],
    ctx: { dealAmount: 48_000 },
    expected: null,
  },
  {
    name: 'the answer to a question of time is a time',
    lines: [int('I come to Innsbruck for the signing. Around eleven?'), ext('Eleven is fine.')],
    ctx: { dealAmount: 160_000 },
    expected: null,
  },
  {
    name: 'thousands grouped with periods',
    lines: [ext('For the three years, all the trucks, we are at 212.000 euro.')],
    expected: { amount: 212_000, currency: 'EUR' },
  },
  {
    name: 'a decimal before a scale is no grouping',
    lines: [ext('The contract is 1.500 million euros.')],
    expected: { amount: 1_500_000, currency: 'EUR' },
  },
  {
    name: 'thousands grouped with spaces, and zloty said in Polish',
    lines: [ext('Three years, all forty reefers: we landed at 212 400 złoty total.')],
    expected: { amount: 212_400, currency: 'PLN' },
  },
  {
    name: 'crowns in Prague are Czech',
    lines: [
      int('Installation is about 60 thousand. So the total would be 1 140 000 crowns.'),
      ext('Let us say 1 140 000 all-in then. I can bring that to the board.'),
    ],
    ctx: { timeZone: 'Europe/Prague', dealAmount: 1_200_000 },
    expected: { amount: 1_140_000, currency: 'CZK' },
  },
  {
    name: 'the last figure in lei counts',
    lines: [
      ext('We reviewed the 520 thousand lei offer. We need 8 percent off.'),
      int('Six percent... fine. So the total is 488 800 lei.'),
      ext('488 800. Good.'),
    ],
    ctx: { timeZone: 'Europe/Bucharest', dealAmount: 520_000 },
    expected: { amount: 488_800, currency: 'RON' },
  },
  {
    name: 'a figure that is the deal less a percentage said is its new price, cue or not',
    lines: [
      ext('Controlant offered us 470 thousand.'),
      ext('Okay, let us say 6 percent and we close.'),
      int('Six percent... fine. So 488 800 lei.'),
    ],
    ctx: { timeZone: 'Europe/Bucharest', dealAmount: 520_000 },
    expected: { amount: 488_800, currency: 'RON' },
  },
  {
    name: 'a bare figure beside a percentage of its size is another percentage (k34)',
    lines: [
      int('And in the workshop?'),
      ext('42 mechanics, plus eight apprentices. About 60 orders per day in the main house.'),
      int("Okay, that's a good size. The dispatch board will help you a lot there."),
      ext('I hope. Our margin in the workshop is 9.5 percent, my father wants 12.'),
    ],
    ctx: { timeZone: 'Europe/Berlin', dealAmount: 210_000 },
    expected: null,
  },
  {
    name: "a bare figure of a percentage's size said the turn after it is another (k328)",
    lines: [
      ext(
        'Price, mostly. The price weight was sixty percent, and their offer was about eight percent below yours.',
      ),
      int("I understand. Sixty percent price is - well, it's your tender."),
      ext('I argued for fifty. I lost that one too.'),
    ],
    ctx: { timeZone: 'Europe/Berlin', dealAmount: 48_000 },
    expected: null,
  },
  {
    name: 'a bare figure after a percentage is a price when no percentage is its size',
    lines: [
      int(
        'List on that is a hundred and fifty thousand for the year, and we can do ten percent off.',
      ),
      int('With the ten percent, that lands at one thirty-five.'),
    ],
    ctx: { timeZone: 'America/Chicago', dealAmount: 150_000 },
    expected: bare(135_000),
  },
  {
    name: 'a bare figure in talk of service levels is an uptime (k65)',
    lines: [
      ext("Lucía, I'll be honest, I'm frustrated with the contract draft."),
      int('Oh. What happened?'),
      ext(
        "The SLA annex. It says ninety-nine point five. We need ninety-nine point nine, it's in the pliego.",
      ),
      int("You're right, that's our mistake. We'll fix it."),
    ],
    ctx: { timeZone: 'Europe/Madrid', dealAmount: 83_000 },
    expected: null,
  },
  {
    name: 'the thousands said after the millions, in digits (k13)',
    lines: [
      int(
        'That is fair. Eight stores less... I can offer 1 million 380 thousand for the three years.',
      ),
      ext('1 million 380. Yes, that is okay.'),
    ],
    ctx: { timeZone: 'Europe/Oslo', dealAmount: 1_500_000 },
    expected: bare(1_380_000),
  },
  {
    name: 'a figure that is not the deal less the percentage needs its cue',
    lines: [ext('Okay, let us say 6 percent and we close.'), int('Fine. So 477 000 lei.')],
    ctx: { timeZone: 'Europe/Bucharest', dealAmount: 520_000 },
    expected: null,
  },
  {
    name: 'the last word of a figure, said alone after it',
    lines: [
      ext('Aegir gave us their best and final. Yours?'),
      int('One million five hundred thousand kroner. Best and final.'),
    ],
    ctx: { timeZone: 'Europe/Oslo', dealAmount: 1_600_000 },
    expected: { amount: 1_500_000, currency: 'NOK' },
  },
  {
    name: 'a price a month per ship, and the fuel bill, are not the deal',
    lines: [
      ext('We price per vessel, three hundred fifty euro a month per ship for the software.'),
      ext('Our fuel bill is around eleven million dollars a year.'),
    ],
    ctx: { dealAmount: 45_000 },
    expected: null,
  },
  {
    name: 'the price of one of a count',
    lines: [ext("So that's 400 vans at eleven pounds a month, for the two years.")],
    ctx: { dealAmount: 100_000 },
    expected: null,
  },
];

describe('extractAmount', () => {
  for (const c of cases) {
    it(c.name, () => {
      const utterances = call(...c.lines);
      const got = extractAmount(utterances, { ...baseContext, ...c.ctx });
      expect(got?.value ?? null).toEqual(c.expected);
      if (!got) return;
      expect(utterances[got.utteranceIndex]!.text).toContain(got.quote);
      if (c.minConfidence !== undefined)
        expect(got.confidence).toBeGreaterThanOrEqual(c.minConfidence);
      if (c.maxConfidence !== undefined)
        expect(got.confidence).toBeLessThanOrEqual(c.maxConfidence);
    });
  }

  it('lists every statement so a reviewer sees the revision', () => {
    const all = amountCandidates(
      call(ext('The price is $150k.'), ext('Make that $140k total.')),
      baseContext,
    );
    expect(all.map((c) => c.value.amount)).toEqual([150_000, 140_000]);
  });

  it('reads money positions so the quote can point at the figure', () => {
    const text = 'The price is $1.2M.';
    const [m] = findMoney(text);
    expect(text.slice(m!.index, m!.index + m!.length)).toBe('$1.2M');
  });
});

describe("the workspace's own currency", () => {
  it("is its time zone's country's, and none for UTC", () => {
    expect(homeCurrencyOf('Australia/Perth')).toBe('AUD');
    expect(homeCurrencyOf('Pacific/Auckland')).toBe('NZD');
    expect(homeCurrencyOf('Europe/Berlin')).toBe('EUR');
    expect(homeCurrencyOf('America/Chicago')).toBe('USD');
    expect(homeCurrencyOf('UTC')).toBeNull();
  });

  it('names the dollars, pesos and riyals said alone', () => {
    const currency = (text: string, timeZone: string) => findMoney(text, { timeZone })[0]?.currency;
    expect(currency('$120,000 all up', 'Australia/Brisbane')).toBe('AUD');
    expect(currency('120 thousand dollars', 'Pacific/Auckland')).toBe('NZD');
    expect(currency('$120,000', 'Europe/Berlin')).toBe('USD');
    expect(currency('US$120,000', 'Australia/Sydney')).toBe('USD');
    expect(currency('fifty thousand pesos', 'America/Mexico_City')).toBe('MXN');
    expect(currency('two hundred thousand riyals', 'Asia/Qatar')).toBe('QAR');
    expect(currency('two hundred thousand riyals', 'Asia/Riyadh')).toBe('SAR');
    expect(currency('520 thousand pounds', 'Africa/Cairo')).toBe('EGP');
    expect(currency('N$900,000 total', 'Africa/Windhoek')).toBe('NAD');
    expect(currency('Quote is P140,000 for the year.', 'Africa/Gaborone')).toBe('BWP');
    expect(currency('P140,000', 'Asia/Manila')).toBe('PHP');
    expect(currency('P140,000', 'Europe/London')).toBeNull();
    expect(currency('fifty thousand pula', 'UTC')).toBe('BWP');
    expect(currency('520 thousand pounds', 'Europe/London')).toBe('GBP');
    expect(currency('520 thousand pounds', 'America/New_York')).toBe('GBP');
  });
});

describe('Spanish millions and scales left unsaid in digits', () => {
  it('reads "millones" and "millones de pesos"', () => {
    const money = (text: string) =>
      findMoney(text, { timeZone: 'America/Santiago' }).map((m) => [m.amount, m.currency]);
    expect(money('Best I can do is 1.85 millones de pesos, fixed.')).toEqual([[1_850_000, 'CLP']]);
    expect(money('We accept 60 millones per year.')).toEqual([[60_000_000, null]]);
    expect(money('Un millón de pesos.')).toEqual([]);
  });

  it("reads digits in the call's scale when said as a price, not as a time or a count", () => {
    const inThousands = (text: string) =>
      findMoney(text, { impliedScale: 1e3 }).map((m) => m.amount);
    expect(inThousands('So 440 is the final.')).toEqual([440_000]);
    expect(inThousands('Ha, okay, 232.')).toEqual([232_000]);
    expect(inThousands('We have 340 people in maintenance.')).toEqual([]);
    expect(inThousands('Thursday at 11.')).toEqual([]);
    expect(inThousands('The 14th works.')).toEqual([]);
    expect(inThousands('He says, the Friday of KW 50.')).toEqual([]);
    expect(inThousands('December 15 works.')).toEqual([]);
    expect(findMoney('Then 47, done.').map((m) => m.amount)).toEqual([]);
  });

  it('keeps the same guards for numbers said in words', () => {
    const inThousands = (text: string) =>
      findMoney(text, { impliedScale: 1e3 }).map((m) => m.amount);
    expect(inThousands('Ninety-five total.')).toEqual([95_000]);
    expect(inThousands('Thursday at eleven.')).toEqual([]);
    expect(inThousands('Room two hundred and four.')).toEqual([]);
    expect(inThousands('December fifteen works.')).toEqual([]);
  });
});

describe('figures beside the price', () => {
  it('reads a figure given again in another currency as the one before', () => {
    expect(
      amount(
        { timeZone: 'Asia/Dubai' },
        int(
          "So the proposal is one point one million dirhams, three-year term. That's about three hundred thousand dollars, for Paolo's people.",
        ),
      ),
    ).toEqual({ amount: 1_100_000, currency: 'AED' });
  });

  it("reads a vendor's price said as 'they came in at' and a budget set aside as no price", () => {
    expect(amount({}, ext('They came in around 260,000 dollars for all four resorts.'))).toBeNull();
    expect(
      amount(
        {},
        ext('The budget the board has set aside for energy projects is two million dollars.'),
      ),
    ).toBeNull();
  });

  it('takes a figure alone, settled with "then" or "it is"', () => {
    expect(
      amount(
        { dealAmount: 115_000 },
        int('Nina, you got the revised numbers?'),
        ext('I did. One twenty-two is a little more than I thought.'),
        int("It went up because of the structural engineer's letter."),
        ext('Okay, I get it. One twenty-two then.'),
      ),
    ).toEqual(bare(122_000));
    expect(amount({ dealAmount: 115_000 }, ext('See you Tuesday then.'))).toBeNull();
  });

  it('takes a price said whole with scope added, a term said first, and "805,000 it is"', () => {
    expect(
      amount(
        { timeZone: 'Asia/Riyadh' },
        int('For three years, with the extra lodge you added last week, 465,000 riyals total.'),
        ext("465, three years. Okay, that's the one."),
      ),
    ).toEqual({ amount: 465_000, currency: 'SAR' });
    expect(amount({}, int('Sure, an extra 10k for the add-on module.'))).toBeNull();
    expect(
      amount({}, int('At three years, the price is 80,000 dollars a year, flat.'), ext('Agreed.')),
    ).toEqual(usd(240_000));
    expect(
      amount(
        { dealAmount: 880_000 },
        int("I'll meet you at 805,000. That's the final."),
        ext('Ha. Fine. 805,000 it is.'),
      ),
    ).toEqual(bare(805_000));
  });
});

describe('currencies named for prices without a figure', () => {
  it('reads "in dollars" and the pesos of the workspace', () => {
    expect(
      currenciesNamed('With the new pricing in dollars, it is nine six.', { timeZone: 'UTC' }),
    ).toEqual(['USD']);
    expect(
      currenciesNamed('The quote in pesos is ready.', {
        timeZone: 'America/Argentina/Buenos_Aires',
      }),
    ).toEqual(['ARS']);
    expect(currenciesNamed('Send it in the morning.', { timeZone: 'UTC' })).toEqual([]);
  });
});

describe('prices said the South Asian way', () => {
  const dhaka = { timeZone: 'Asia/Dhaka', dealAmount: 3_200_000 };

  it('reads a figure alone that the next words settle, or one put as "call it"', () => {
    expect(amount(dhaka, ext('One crore fifteen lakh. Fine.'))).toEqual({
      amount: 11_500_000,
      currency: 'BDT',
    });
    expect(amount(dhaka, int('Call it thirty-eight lakh for the season.'), ext('Okay.'))).toEqual({
      amount: 3_800_000,
      currency: 'BDT',
    });
  });

  it('reads a figure "plus VAT" as the price net of it', () => {
    expect(amount(dhaka, ext('So forty-four lakh plus VAT, signing Thursday.'))).toEqual({
      amount: 4_400_000,
      currency: 'BDT',
    });
  });

  it('does not take annual billing for an annual price', () => {
    expect(amount(dhaka, ext('Forty-two lakh over three years, annual billing. Agreed.'))).toEqual({
      amount: 4_200_000,
      currency: 'BDT',
    });
  });
});

describe('rupiah as Indonesians say them', () => {
  it('reads juta and miliar, in digits and in words, and the Rp sign', () => {
    const money = (text: string) =>
      findMoney(text, { timeZone: 'Asia/Jakarta' }).map((m) => [m.amount, m.currency]);
    expect(money('The price is Rp 450 juta a year.')).toEqual([[450_000_000, 'IDR']]);
    expect(money('So 1,2 miliar rupiah total.')).toEqual([[1_200_000_000, 'IDR']]);
    expect(money('Four hundred fifty juta, final.')).toEqual([[450_000_000, 'IDR']]);
  });
});

describe('a figure the next sentence calls the number (k171)', () => {
  it('takes "S$189,000. Okay, that\'s the number." over the figure before it', () => {
    expect(
      amount(
        { timeZone: 'Asia/Singapore', dealAmount: 210_000 },
        int('Okay, at 2,200 users it drops to... S$168,000.'),
        ext('Hmm, one sixty-eight.'),
        int("At 2,600 it's S$189,000."),
        ext("S$189,000. Okay, that's the number."),
      ),
    ).toEqual({ amount: 189_000, currency: 'SGD' });
  });
});

describe('ringgit, rupiah and rupees said to a seller elsewhere (k171)', () => {
  const money = (text: string) =>
    findMoney(text, { timeZone: 'Asia/Singapore' }).map((m) => [m.amount, m.currency]);

  it('reads the RM sign and a code before the figure', () => {
    expect(money("For all eleven properties it's RM 96,000 a year.")).toEqual([[96_000, 'MYR']]);
    expect(money('RM1.1 million over three years.')).toEqual([[1_100_000, 'MYR']]);
    expect(money('IDR 650 million per year.')).toEqual([[650_000_000, 'IDR']]);
  });

  it('takes the money of the counting word: juta is rupiah, lakh rupees', () => {
    expect(money('For the certification scope, 650 juta per year.')).toEqual([
      [650_000_000, 'IDR'],
    ]);
    expect(money('Forty lakh for the first year.')).toEqual([[4_000_000, 'INR']]);
    // "Lac" is lakh spelled the other common way, in words as in figures.
    expect(money('Thirty-five lac for the year.')).toEqual([[3_500_000, 'INR']]);
    // "Grand," alone is Irish for "fine", not a thousand.
    expect(money('Grand, I just need it on a fresh quote dated this month.')).toEqual([]);
    // A scale word with no number this reader knows before it counts nothing.
    expect(money('RM1.1 juta for the year. Satu perpuluhan satu juta.')).toEqual([
      [1_100_000, 'MYR'],
    ]);
    // Said in Kuala Lumpur, juta is the ringgit's.
    expect(
      findMoney('So 1.2 juta total.', { timeZone: 'Asia/Kuala_Lumpur' }).map((m) => m.currency),
    ).toEqual(['MYR']);
  });
});

describe('taxes, billing and the currency a sentence names (k85)', () => {
  const mexico = { timeZone: 'America/Mexico_City', dealAmount: 1_200_000 };

  it('does not take a total with IVA for the price', () => {
    expect(
      amount(
        mexico,
        ext("One million three hundred ninety-two thousand, yes, that's the total with IVA."),
      ),
    ).toBeNull();
  });

  it('reads a price invoiced monthly as the price, not a twelfth of it', () => {
    expect(
      amount(
        { dealAmount: 30_000 },
        ext("It's the same thirty-five thousand a year, just invoiced monthly."),
      ),
    ).toEqual({ amount: 35_000, currency: null });
  });

  it('gives a bare figure the one currency its sentence names', () => {
    expect(
      amount(
        mexico,
        int(
          "So I'll re-issue the proposal in dollars, sixty-one thousand a year, and the contract too.",
        ),
        ext('Good.'),
      ),
    ).toEqual({ amount: 61_000, currency: 'USD' });
  });
});

describe('an article and the extra in scope (k80)', () => {
  it('reads no figure in "a euro account"', () => {
    expect(findMoney('Procurement needs your bank details for a euro account.')).toEqual([]);
    expect(findMoney('a hundred euros')).toEqual([
      { amount: 100, currency: 'EUR', index: 0, length: 9 },
    ]);
  });

  it('takes the price said with the extra already in its scope, not an extra priced alone', () => {
    expect(
      amount(
        { dealAmount: 2_400_000 },
        ext('Final, twenty-one lakh sixty thousand, with the extra round. Done.'),
      ),
    ).toEqual({ amount: 2_160_000, currency: 'INR' });
    expect(
      amount({ dealAmount: 40_000 }, ext('The extra workplace is nineteen euros a month.')),
    ).toBeNull();
  });
});

describe('yen and won said in man and oku (k93)', () => {
  const tokyo = { timeZone: 'Asia/Tokyo' };
  it('reads ten-thousands and hundred-millions where they are said', () => {
    expect(findMoney('The price comes down to eleven hundred man for the year.', tokyo)).toEqual([
      { amount: 11_000_000, currency: 'JPY', index: 24, length: 18 },
    ]);
    expect(findMoney('One point two oku, everything included.', tokyo)[0]?.amount).toBe(
      120_000_000,
    );
    expect(findMoney('one oku two thousand man', tokyo)[0]?.amount).toBe(120_000_000);
    // The thousands after the man (k326).
    expect(findMoney('117 man 6 sen.', tokyo)).toEqual([
      { amount: 1_176_000, currency: 'JPY', index: 0, length: 13 },
    ]);
    expect(
      findMoney('So the price was three thousand six hundred man won.', { timeZone: 'Asia/Seoul' }),
    ).toEqual([{ amount: 36_000_000, currency: 'KRW', index: 17, length: 34 }]);
    expect(findMoney('nine hundred man yen')[0]).toMatchObject({
      amount: 9_000_000,
      currency: 'JPY',
    });
  });

  it('leaves the English word alone', () => {
    expect(findMoney('We are a three man team.', tokyo)).toEqual([]);
    expect(findMoney('Ninety man, all of them drivers.')).toEqual([]);
    expect(findMoney("A hundred and forty thousand won't give you that.")).toEqual([
      { amount: 140_000, currency: null, index: 0, length: 28 },
    ]);
  });
});

describe("figures of the customer's own costs (k83, k85)", () => {
  it('leaves out what was paid last winter, and what is lost in duplicates', () => {
    expect(
      amount(
        { dealAmount: 400_000 },
        ext('Last winter we paid three point one million kronor in overtime.'),
      ),
    ).toBeNull();
    expect(
      amount(
        { dealAmount: 700_000 },
        ext("Marisol's team estimated four hundred thousand pesos a year in duplicates."),
      ),
    ).toBeNull();
  });
});

describe('numbers that are no price in a call priced in thousands', () => {
  const inThousands = (...lines: [SpeakerSide, string][]) =>
    amount({ dealAmount: 90_000 }, ...lines);

  it('leaves out a time, a paragraph, payment terms, a split and a distance', () => {
    expect(
      inThousands(['internal', 'The price is ninety.'], ext('Yes, I see it, completed at 8:42.')),
    ).toEqual({
      amount: 90_000,
      currency: null,
    });
    expect(
      inThousands(ext('The price is fine; it is a co-determination topic, paragraph 87.')),
    ).toBeNull();
    expect(inThousands(ext('The price works. Net-sixty we can do.'))).toBeNull();
    expect(inThousands(ext('On the price? Fifty-fifty.'))).toBeNull();
    expect(
      inThousands(
        ext('For the price, consider that our nurses drive 2 million kilometres a year.'),
      ),
    ).toBeNull();
  });

  it('leaves out an area and a count of sites, stores or members (k80)', () => {
    expect(inThousands(ext('So, command area is about 28,000 hectares with farmers.'))).toBeNull();
    expect(inThousands(ext('For the price, we have 1,200 members and 40 stores.'))).toBeNull();
  });
});

describe('a total restated as its yearly share, a difference, a power price (k96)', () => {
  it('keeps the total when the next figure is its yearly share', () => {
    expect(
      amount(
        {},
        int('Without Genzano, it is two hundred twenty-four thousand over three years.'),
        ext('Two-twenty-four. So about seventy-five thousand a year.'),
      ),
    ).toEqual({ amount: 224_000, currency: null });
    // A yearly figure that is no share of it is a new price.
    expect(
      amount(
        {},
        int('It is two hundred twenty-four thousand over three years.'),
        ext('Our budget says sixty thousand a year, so sixty thousand a year it is.'),
      ),
    ).toEqual({ amount: 60_000, currency: null });
  });

  it('leaves out a difference between offers and an energy price', () => {
    expect(
      amount({}, ext('The price is fine, and the difference is four thousand a year.')),
    ).toBeNull();
    expect(
      amount({}, ext('At our PPA price, forty-eight euros, you can do the maths.')),
    ).toBeNull();
  });
});

describe('"a buck twenty-five", and money saved (k103)', () => {
  it('reads a buck twenty-five for the year as 125 thousand, a buck fifteen a unit as no price', () => {
    expect(
      amount(
        { dealAmount: 120_000 },
        int('What did you land on for the year?'),
        ext('A buck twenty-five for the year.'),
      ),
    ).toEqual({ amount: 125_000, currency: null });
    expect(
      amount(
        { dealAmount: 120_000 },
        int('It is a dollar fifteen a unit.'),
        ext('A buck fifteen.'),
      ),
    ).toBeNull();
  });

  it('leaves out what the customer stops losing', () => {
    expect(
      amount({}, ext("At our volume, that's about four hundred thousand a year we stop losing.")),
    ).toBeNull();
  });
});

describe('"not per year" says what the figure is of (k106)', () => {
  it('keeps the total the customer repeats as total', () => {
    expect(
      amount(
        { dealAmount: 175_000 },
        int("So, headline, it's one ninety-eight K over three years."),
        ext('One ninety-eight total, not per year.'),
      ),
    ).toEqual({ amount: 198_000, currency: null });
    // A figure turned down is still turned down.
    expect(
      amount(
        { dealAmount: 175_000 },
        int("It's one ninety-eight K over three years."),
        ext('Not at one ninety-eight, no.'),
      ),
    ).toBeNull();
  });
});

describe('counts, unit prices and a time of day (k108, k110, k112)', () => {
  it('reads no price from a count before its noun, a capacity or pence', () => {
    expect(findMoney('And we do about 2,400 payslips a month.')).toEqual([]);
    expect(findMoney("Wildmoor's three days, twenty-two thousand capacity.")).toEqual([]);
    expect(
      findMoney('Per-ticket goes from forty-five pence to forty.', { impliedScale: 1e3 }),
    ).toEqual([]);
    // A currency said as a plural noun is no count.
    expect(findMoney('So the number is 285,000 soles, same scope.').map((m) => m.amount)).toEqual([
      285_000,
    ]);
  });

  it('reads "come at nine thirty" as a time, not 930 thousand', () => {
    const inThousands = (text: string) =>
      findMoney(text, { impliedScale: 1e3 }).map((m) => m.amount);
    expect(
      inThousands('Nika, please come at nine thirty, the security downstairs takes time.'),
    ).toEqual([]);
    expect(inThousands("We're at nine thirty, then.")).toEqual([930_000]);
    // Where the speaker will be, at a time (k183).
    expect(inThousands("I'm in at seven-thirty, and I'd like it done early.")).toEqual([]);
  });

  it('reads the answer to "how many?" as a count (k183)', () => {
    const call38k = { timeZone: 'America/New_York', dealAmount: 18_000 };
    expect(
      amount(
        call38k,
        int('How many a year, all in?'),
        ext('Four hundred, give or take. Four-fifty last year with the subdivision.'),
      ),
    ).toBeNull();
    // Asked how much, it is the price.
    expect(
      amount(call38k, int('So how much can you do, all in?'), ext('Four hundred, final.')),
    ).toEqual(bare(400_000));
  });
});

describe("a product's number and an age (k114, k118)", () => {
  const inThousands = (text: string) => findMoney(text, { impliedScale: 1e3 }).map((m) => m.amount);

  it('reads no price from "Microsoft 365" or "I\'m sixty-four"', () => {
    expect(inThousands('Well, Microsoft 365, so Azure.')).toEqual([]);
    expect(inThousands("Yes, I'm sixty-four, no children in the business, it was time.")).toEqual(
      [],
    );
  });

  it('reads no price from a code the number ends, "KB-12" (k145)', () => {
    expect(inThousands("Palisade's excited about KB-12.")).toEqual([]);
    expect(inThousands('Okay, KB-12 then, at ninety-five.')).toEqual([95_000]);
  });

  it('still reads a price after a word a price is said after', () => {
    expect(inThousands('So 440 is the final.')).toEqual([440_000]);
    expect(inThousands('Okay, ninety-five total.')).toEqual([95_000]);
  });
});

describe('"US" after a figure (k148)', () => {
  const money = (text: string) =>
    findMoney(text, { impliedScale: 1e3, timeZone: 'America/Edmonton' }).map((m) => [
      m.amount,
      m.currency,
    ]);

  it('reads "US" in capitals after a figure as US dollars, and "for us" as nothing', () => {
    expect(
      money("It's twenty-nine thousand four hundred US a year for the three rooftops."),
    ).toEqual([[29_400, 'USD']]);
    expect(money("That's 29,400 US.")).toEqual([[29_400, 'USD']]);
    expect(money('Forty thousand for us is a lot.')).toEqual([[40_000, null]]);
  });
});

describe('a count or an hour said back (k129)', () => {
  const inThousands = (...lines: [SpeakerSide, string][]) =>
    amount({ dealAmount: 33_600 }, ...lines);

  it('reads no price from a count of ships said back', () => {
    expect(
      inThousands(
        ext('So I think the next thing is, send us the proposal. For the whole fleet.'),
        int('Happy to. Twenty-two ships total, right?'),
        ext('Twenty-two. Fourteen bulkers here, eight tankers from Singapore.'),
      ),
    ).toBeNull();
  });

  it('reads no price from a count of users said back (k134)', () => {
    expect(
      inThousands(
        int('Then the trial for litigation, and the price holds. That is fourteen users?'),
        ext('Fourteen. Starting the 5th.'),
      ),
    ).toBeNull();
  });

  it('reads no price from a number of days said earlier in the same turn (k144)', () => {
    expect(
      inThousands(
        int('You asked for deletion within five days.'),
        ext(
          "Our backups rotate every thirty days, so we can't guarantee five. We can do thirty, with a certificate of deletion.",
        ),
      ),
    ).toBeNull();
  });

  it('reads no price from a figure the price is set against (k144)', () => {
    expect(
      amount(
        { dealAmount: 232_000 },
        ext("Five-ten. Forty thousand by five-ten, that's two hundred and four thousand."),
        int('Two hundred and four thousand reais, yes.'),
        ext('Hm. Two hundred and four, with the reports. Tatiane?'),
        ext('That I can defend against three-fifty, because of the reports. Yes.'),
      ),
    ).toEqual({ amount: 204_000, currency: 'BRL' });
  });

  it('reads no price from the hour asked for', () => {
    expect(
      inThousands(
        ext('The board approved the price. Come on the seventeenth and we sign it there.'),
        int('The seventeenth of December, what time?'),
        ext('Twelve. Then maybe lunch.'),
      ),
    ).toBeNull();
  });

  it('still reads a price said back', () => {
    expect(
      inThousands(
        int('The proposal comes to thirty-six thousand a year.'),
        ext('Thirty-six, fine. That works.'),
      ),
    ).toEqual({ amount: 36_000, currency: null });
  });
});

describe('sizes, years, uptime and a unit price beside the price (k126, k129)', () => {
  const mxn = (...lines: [SpeakerSide, string][]) =>
    amount({ dealAmount: 1_200_000, timeZone: 'America/Mexico_City' }, ...lines);
  const inThousands = (...lines: [SpeakerSide, string][]) =>
    amount({ dealAmount: 48_000 }, ...lines);

  it('reads "the million and a half" as 1,500,000', () => {
    expect(mxn(ext('Send the contract with the million and a half, in two installments.'))).toEqual(
      { amount: 1_500_000, currency: null },
    );
  });

  it('reads no figure from "a few hundred", a year said short, uptime or a company\'s sales', () => {
    expect(inThousands(ext("For the price? It's a few hundred a year, I'll confirm."))).toBeNull();
    expect(inThousands(ext('The price is fine. We bought that plant in twenty-four.'))).toBeNull();
    expect(
      inThousands(
        ext('On the price: our uptime last twelve months was ninety-nine point nine seven.'),
      ),
    ).toBeNull();
    expect(
      mxn(ext('For the price, we are a company of two billion pesos a year in sales.')),
    ).toBeNull();
  });

  it('reads "about two hundred pounds" as said, in a call priced in thousands (k134)', () => {
    expect(
      findMoney('On fifteen handsets that is about two hundred pounds.', {
        impliedScale: 1e3,
        timeZone: 'Europe/London',
      }).map((m) => m.amount),
    ).toEqual([200]);
    expect(
      findMoney('So two seventy-six Canadian.', { impliedScale: 1e3 }).map((m) => m.amount),
    ).toEqual([276_000]);
  });

  it('reads no deal amount from the price of one vessel', () => {
    expect(
      inThousands(ext('Also the price per vessel, it says four thousand six hundred.')),
    ).toBeNull();
    expect(inThousands(ext('The price is forty-eight thousand for the fleet.'))).toEqual({
      amount: 48_000,
      currency: null,
    });
  });
});

describe('thousands and millions in Portuguese (k157)', () => {
  const inSaoPaulo = { timeZone: 'America/Sao_Paulo' };
  // The currency of a bare figure is the call's, set by the core (core.ts).
  it('reads "385 mil" said in São Paulo, with no sign, as thousands', () => {
    expect(
      amount(inSaoPaulo, ext("Brazil alone, that's 385 mil per year. Okay, we take it.")),
    ).toEqual(bare(385_000));
    // "mil" said in New York is still the slang million.
    expect(amount({}, ext("It's $2 mil for the year, accepted."))).toEqual(usd(2_000_000));
  });

  it('reads "R$ 1,35 milhão" as 1,350,000', () => {
    expect(
      amount(inSaoPaulo, ext('The total for twelve months is R$ 1,35 milhão, agreed.')),
    ).toEqual({ amount: 1_350_000, currency: 'BRL' });
  });
});

describe("a later year's price (k183)", () => {
  it('keeps the first year\'s all-in figure over "Year two is just the subscription"', () => {
    expect(
      amount(
        { timeZone: 'America/New_York', dealAmount: 120_000 },
        int('All-in, first year, is one twenty-seven. Subscription plus the implementation.'),
        ext("One twenty-seven. And that's what they're approving."),
        ext('And year two?'),
        int('Year two is just the subscription, a hundred and five, with a three percent cap.'),
        ext('Okay. Council will ask.'),
      ),
    ).toEqual(bare(127_000));
  });
});

describe('Gulf and Asian codes said before a figure, and the rial (k181)', () => {
  const inDubai = (text: string) =>
    findMoney(text, { timeZone: 'Asia/Dubai' }).map((m) => [m.amount, m.currency]);

  it('names the currency of every code it reads before a figure', () => {
    expect(inDubai("That's OMR 210,000 over the three years.")).toEqual([[210_000, 'OMR']]);
    expect(inDubai('BHD 40,000 a year.')).toEqual([[40_000, 'BHD']]);
    expect(inDubai('PHP 1,200,000 a year.')).toEqual([[1_200_000, 'PHP']]);
  });

  it('reads "rial" as the Omani rial', () => {
    expect(inDubai('The formal proposal will be two hundred and ten thousand rial.')).toEqual([
      [210_000, 'OMR'],
    ]);
  });
});

describe("the buyer's country from its web domain", () => {
  it('names the currency of a country-code domain, and none for a generic or vanity one', () => {
    expect(currencyOfDomain('gs-alandalous.ma')).toBe('MAD');
    expect(currencyOfDomain('alrowad.edu.jo')).toBe('JOD');
    expect(currencyOfDomain('firm.co.uk')).toBe('GBP');
    expect(currencyOfDomain('acme.com')).toBeNull();
    expect(currencyOfDomain('getflow.io')).toBeNull();
    expect(currencyOfDomain(undefined)).toBeNull();
  });

  it("reads a shared name as the buyer's, then the workspace's", () => {
    const cairo = { timeZone: 'Africa/Cairo' };
    expect(findMoney('Forty-two thousand dinars a year.', cairo)[0]?.currency).toBe('KWD');
    expect(
      findMoney('Forty-two thousand dinars a year.', { ...cairo, buyerCurrency: 'JOD' })[0]
        ?.currency,
    ).toBe('JOD');
    expect(findMoney('Ten thousand pounds.', cairo)[0]?.currency).toBe('EGP');
    expect(findMoney('Ten thousand pounds.', { ...cairo, buyerCurrency: 'GBP' })[0]?.currency).toBe(
      'GBP',
    );
  });

  it("reads a name said with its country as that country's", () => {
    expect(findMoney('Thirty thousand Jordanian dinars.')[0]?.currency).toBe('JOD');
    expect(findMoney('Two million Egyptian pounds.')[0]?.currency).toBe('EGP');
    expect(findMoney('Four hundred thousand Moroccan dirhams.')[0]?.currency).toBe('MAD');
  });
});

describe("the contract's risk terms (k186)", () => {
  it('reads no deal amount from a liability cap or an insurance cover', () => {
    expect(
      amount(
        { dealAmount: 22_000 },
        ext("The liability cap is too low, it's three months' fees, we want twelve."),
      ),
    ).toBeNull();
    expect(
      amount(
        { dealAmount: 131_000 },
        ext("You've got cyber liability at two million. Our pool requires five."),
      ),
    ).toBeNull();
  });
});

describe('an add-on deal priced as the increment (k186)', () => {
  const line = int(
    "For the add-on at your invoice volume, it's eighteen thousand a year. That's on top of your current subscription.",
  );
  it("reads the increment as the add-on deal's amount", () => {
    expect(
      amount(
        { dealAmount: 15_000, dealName: 'Tolka Pharma - e-Billing Add-on' },
        line,
        ext('Eighteen on top. Fine.'),
      ),
    ).toEqual(bare(18_000));
  });

  it('still leaves an increment on top of a whole deal alone', () => {
    expect(
      amount(
        { dealAmount: 15_000, dealName: 'Tolka Pharma - Matter Management' },
        line,
        ext('Fine.'),
      ),
    ).toBeNull();
  });
});

describe('unidades de fomento and soles (k191)', () => {
  it('reads a price in UF as CLF, and soles as PEN', () => {
    expect(
      amount(
        { timeZone: 'America/Santiago' },
        ext("So it's seven thousand two hundred UF total for the three years, correct?"),
        int('Correct, seven thousand two hundred UF, invoiced annually.'),
      ),
    ).toEqual({ amount: 7200, currency: 'CLF' });
    expect(
      amount(
        { timeZone: 'America/Lima' },
        ext("Yes, it's three hundred ten thousand soles per year, and that's the price we accept."),
      ),
    ).toEqual({ amount: 310_000, currency: 'PEN' });
  });
});

describe('figures that are no price (k191, k193, k194)', () => {
  it('reads no amount from round the clock, cubic metres, an insurance policy or staff time', () => {
    expect(amount({}, ext('We operate twenty-four seven. The price is fine.'))).toBeNull();
    expect(
      amount({}, ext('We move about 2.1 million cubic metres a year into the mill.')),
    ).toBeNull();
    expect(
      amount(
        {},
        ext(
          'What we can do is a super-cap at three times annual fees, plus our cyber policy, which is ten million.',
        ),
      ),
    ).toBeNull();
    expect(
      amount(
        {},
        ext('At your loaded rate, something like fifty-eight thousand a year in staff time.'),
      ),
    ).toBeNull();
  });

  it("reads no amount from the last vendor's price, or a range said in words", () => {
    expect(
      amount(
        {},
        ext('Our last vendor charged us forty thousand dollars a year just for the readings.'),
      ),
    ).toBeNull();
    expect(
      amount(
        {},
        int('Ballpark, somewhere around fifty to sixty thousand over three years.'),
        ext('Fifty to sixty. That is a big range.'),
      ),
    ).toBeNull();
    expect(
      amount({}, ext('We went from fifty to sixty thousand, and sixty is the price.')),
    ).toEqual(bare(60_000));
  });
});

describe('Fiji dollars, tala and CFA francs (k199, k201)', () => {
  it('reads the Pacific and West African currencies by their names and codes', () => {
    expect(
      amount(
        { timeZone: 'Pacific/Auckland' },
        int("Let's fix it in Fiji dollars then. Thirteen thousand two hundred Fiji a year, fixed."),
        ext('Thirteen two. Fiji dollars. Fixed for the whole contract? Agreed.'),
      ),
    ).toEqual({ amount: 13_200, currency: 'FJD' });
    expect(
      amount(
        { timeZone: 'Pacific/Auckland' },
        ext(
          'With the returnees, fourteen thousand five hundred tala a year is the price. We accept.',
        ),
      ),
    ).toEqual({ amount: 14_500, currency: 'WST' });
    expect(
      amount(
        { timeZone: 'Africa/Dakar' },
        ext('Thirty-two million francs CFA for the whole contract, that we can sign.'),
      ),
    ).toEqual({ amount: 32_000_000, currency: 'XOF' });
  });
});

describe('a purchase order for a figure (k201)', () => {
  it('reads the figure the purchase order is for', () => {
    expect(
      amount(
        {},
        ext('I signed the contract yesterday evening.'),
        ext('The purchase order is for two hundred seventy-eight thousand. Not two seventy.'),
      ),
    ).toEqual(bare(278_000));
  });
});

describe('tenge, so‘m and the milliard (k209)', () => {
  it('reads the Central Asian currencies and a thousand million said as a milliard', () => {
    expect(
      amount(
        { timeZone: 'Asia/Almaty' },
        ext('The total for the three elevators. With the lab and the drying.'),
        int('So, three elevators, lab, drying, implementation. Twenty-four million tenge.'),
        ext('Ha, I almost fainted. Twenty-four million. Okay.'),
      ),
    ).toEqual({ amount: 24_000_000, currency: 'KZT' });
    expect(findMoney("So, three milliard two hundred million so'm.", {})).toMatchObject([
      { amount: 3_200_000_000, currency: 'UZS' },
    ]);
  });
});

describe('a fee under a separate contract (k209)', () => {
  it('reads no price in a fee that "doesn\'t touch yours"', () => {
    expect(
      amount(
        { timeZone: 'Asia/Almaty' },
        ext(
          "Our fee for project management is four million tenge, it's a separate contract with Zhetysu, it doesn't touch yours.",
        ),
      ),
    ).toBeNull();
  });
});

describe('a call counted in lakhs (k212)', () => {
  it('reads a bare echo in lakhs, whatever the size of the deal', () => {
    expect(
      amount(
        { timeZone: 'Asia/Colombo', dealAmount: 2_500_000 },
        int("For one year, it's twenty-seven and a half lakhs."),
        ext('Twenty-seven and a half. Okay, we accept that.'),
      ),
    ).toEqual({ amount: 2_750_000, currency: 'LKR' });
  });
});

describe("Moldova's lei (k216)", () => {
  it("reads lei in the buyer's country: Moldovan for a Moldovan buyer, Romanian otherwise", () => {
    const said = ext('So, 350 thousand lei for the first year, with both stations. Agreed.');
    expect(amount({ timeZone: 'Europe/Bucharest', buyerCurrency: 'MDL' }, said)).toEqual({
      amount: 350_000,
      currency: 'MDL',
    });
    expect(amount({ timeZone: 'Europe/Bucharest' }, said)).toEqual({
      amount: 350_000,
      currency: 'RON',
    });
  });
});

describe('an earlier figure told as such (k216)', () => {
  it('reads no new price in "In February you said 120,000."', () => {
    expect(
      amount(
        { timeZone: 'Europe/Bucharest' },
        ext('What is the total for the three modules?'),
        int('The total is 134,000 euros for the three modules.'),
        ext('Okay. In February you said 120,000 euros.'),
      )?.amount,
    ).not.toBe(120_000);
  });
});

describe('kwacha, birr, taka (k215)', () => {
  it("reads the kwacha in the buyer's country, and other currencies by their names", () => {
    expect(
      findMoney('One million one hundred and fifty thousand kwacha for the year, fixed.', {
        buyerCurrency: 'ZMW',
      }),
    ).toMatchObject([{ amount: 1_150_000, currency: 'ZMW' }]);
    expect(findMoney('Two million birr, all in.', {})).toMatchObject([
      { amount: 2_000_000, currency: 'ETB' },
    ]);
    expect(findMoney('Forty lakh taka a year.', {})).toMatchObject([
      { amount: 4_000_000, currency: 'BDT' },
    ]);
  });
});

describe('a difference conceded (k209, k219)', () => {
  it('reads "I\'m not going to argue over five hundred quid" as taking the figure', () => {
    expect(
      amount(
        { timeZone: 'Europe/London' },
        int("With seven sites, we'd be at thirty-five and a half K a year."),
        ext(
          "Thirty-five five. I'd rather it were thirty-five flat, but I'm not going to argue over five hundred quid.",
        ),
      )?.amount,
    ).toBe(35_500);
  });
});

describe('something that does not work, said after the price (k219)', () => {
  it('keeps the price when "the thing that doesn\'t work" is the old system', () => {
    expect(
      amount(
        { timeZone: 'Europe/London' },
        int(
          "Across twelve clinics, that's twenty-one thousand three hundred and eighty-four pounds a year.",
        ),
        ext('Twenty-one three eight four. Annual.'),
        ext("The thing that doesn't work has a name, Graham. It's the old system."),
      )?.amount,
    ).toBe(21_384);
  });
});

describe('a bare figure after an offer taken, at the deal’s size (k221)', () => {
  const dakar = { timeZone: 'Africa/Dakar', dealAmount: 14_500_000 };

  it('reads "We accept your offer. Sixteen million." as the price', () => {
    expect(amount(dakar, ext('For Mbacké alone, we accept your offer. Sixteen million.'))).toEqual(
      bare(16_000_000),
    );
  });

  it('still reads a figure far from the deal’s size as a count', () => {
    expect(
      amount(dakar, ext('We accept your offer. Nine thousand subscribers, give or take.')),
    ).toBeNull();
    expect(
      amount({ timeZone: 'Africa/Dakar' }, ext('We accept your offer. Sixteen million.')),
    ).toBeNull();
  });
});

describe('"too much going on" after the price (k224)', () => {
  it('keeps the price when the customer is busy, not turning it down', () => {
    const lines: [SpeakerSide, string][] = [
      ext("Three. What's that come to?"),
      int('Twenty-two thousand six hundred sixty.'),
      ext('Twenty-two six sixty. Okay. Done, three percent.'),
    ];
    expect(
      amount(
        { dealAmount: 22_000 },
        ...lines,
        ext("Not this year. Tell her not this year, we've got too much going on."),
      ),
    ).toEqual(bare(22_660));
    expect(amount({ dealAmount: 22_000 }, ...lines, ext("Hm. That's too much for us."))).toBeNull();
  });

  it('reads "too much" as the price only when nothing else is too much (k118)', () => {
    const lines: [SpeakerSide, string][] = [
      ext("Three. What's that come to?"),
      int('Twenty-two thousand six hundred sixty.'),
      ext('Twenty-two six sixty. Okay. Done, three percent.'),
    ];
    const after = (said: string) => amount({ dealAmount: 22_000 }, ...lines, ext(said));
    expect(after("Come for the signing, there's always too much food.")).toEqual(bare(22_660));
    expect(after('Ninety. Okay, no, that is too much for now.')).toBeNull();
    expect(after('It is too much money.')).toBeNull();
  });
});

describe('a figure said as a difference stays one (k235)', () => {
  it('does not take "fourteen hundred dollars a year" after "fourteen hundred dollars more than"', () => {
    const lines: [SpeakerSide, string][] = [
      int('Nine thousand nine hundred dollars a year. That is the lowest I can go.'),
      ext("That's fourteen hundred dollars more than Lex-Doctor."),
    ];
    expect(
      amount(
        { dealAmount: 11_400 },
        ...lines,
        ext("Honestly, for fourteen hundred dollars a year I don't want to keep the server."),
      ),
    ).toEqual({ amount: 9_900, currency: 'USD' });
    expect(
      amount({ dealAmount: 11_400 }, ext('Fourteen hundred dollars a year, that is the price.')),
    ).toEqual({ amount: 1_400, currency: 'USD' });
  });
});

describe('the currency an invoice is paid in (k235)', () => {
  it('keeps dollars when "thirty-six k" is "invoiced annually in pesos"', () => {
    const ctx = { timeZone: 'America/Argentina/Buenos_Aires', dealAmount: 30_000 };
    const price = int('The number is thirty-six thousand dollars a year.');
    expect(
      amount(
        ctx,
        price,
        ext('Thirty-six.'),
        int('Thirty-six k, per year, invoiced annually in pesos at the official rate.'),
      ),
    ).toEqual({ amount: 36_000, currency: 'USD' });
    expect(amount(ctx, int('Thirty-six k a year, priced in pesos.'))?.currency).toBe('ARS');
  });
});

describe('two figures offered as alternatives (k239)', () => {
  it('reads no amount from "Thirty-five or twenty-five is a big difference for me"', () => {
    const ctx = { timeZone: 'America/Recife', dealAmount: 150_000 };
    const price = int("It's eight hundred and fifty reais per user per month.");
    expect(
      amount(ctx, price, ext('Thirty-five or twenty-five thousand a month is a big difference.')),
    ).toBeNull();
    expect(amount(ctx, ext('Twenty-five thousand a month is the price we agreed.'))?.amount).toBe(
      300_000,
    );
  });
});

describe('"another two hundred" is an increment (k239)', () => {
  it('reads no amount from a later phase priced as "another two hundred"', () => {
    const ctx = { timeZone: 'America/Recife', dealAmount: 380_000 };
    const call = [
      ext('Phase one is the hospital. That is the three hundred eighty you quoted.'),
      int('Right.'),
      ext("Phase two would be the labs. But not now. That's for next year."),
      ext(
        "And phase two would be what, Bianca? Roughly? Just so I can put something in next year's plan.",
      ),
    ] as [SpeakerSide, string][];
    expect(
      amount(
        ctx,
        ...call,
        int('Roughly, another two hundred, depending on the volume of the labs then.'),
        ext("Two hundred. Next year. Okay, I'll note it."),
      ),
    ).toBeNull();
  });
});

describe('an increment said in any spoken number', () => {
  it('reads "another thirteen thousand" as an increment, as "another two hundred" is', () => {
    expect(
      amount(
        { timeZone: 'Europe/London', dealAmount: 90_000 },
        ext('The core platform is agreed at ninety thousand a year.'),
        int('Adding the Leeds site would be another thirteen thousand a year.'),
        ext('Fine, add Leeds.'),
      ),
    ).toEqual(bare(90_000));
  });
});

describe('a figure under a thousand is no contract value', () => {
  it('reads nothing from "two dollars a head", and the price before it stays the last word', () => {
    const ctx = { timeZone: 'America/New_York', dealAmount: 50_000 };
    expect(amount(ctx, ext("It's two dollars a head more than the Pass, that's all."))).toBeNull();
    expect(
      amount(
        ctx,
        ext('We agreed sixty thousand dollars for the year.'),
        ext('And the card readers are four dollars each, fine.'),
      ),
    ).toEqual(usd(60_000));
  });
});

describe('bare numbers that are no price (k267)', () => {
  const inThousands = { dealAmount: 210_000 };
  it('reads a unit price said back, its currency named before "per", as that unit price', () => {
    expect(
      amount(
        inThousands,
        int("It's seventy-four złoty per vehicle per month on a three-year contract."),
        ext('Seventy-four. OK. And the number of vehicles is my problem, not yours.'),
      ),
    ).toBeNull();
    // A figure said in thousands and then said back stays the price.
    expect(
      amount(
        inThousands,
        int('So ten at four thousand eight hundred, forty-eight thousand a year.'),
        ext("Forty-eight, that's what management approved."),
      ),
    ).toEqual(bare(48_000));
  });

  it('reads a bare number after an hour said earlier in the turn as an hour', () => {
    expect(
      amount(
        inThousands,
        int('I would like to see a truck, the cabling on tankers is specific.'),
        ext('Come to the depot on Thursday. Before the trucks go out at seven... no, after. Ten.'),
      ),
    ).toBeNull();
  });

  it('reads a bare number correcting a count the other side said as that count', () => {
    expect(
      amount(
        inThousands,
        int("Then I'll send you the final offer next week, based on forty-two trucks."),
        ext('Forty-four. We got two new ones in January.'),
      ),
    ).toBeNull();
    // A term is no count: "two years" then "One point six" is the price.
    expect(
      amount(
        { dealAmount: 2_400_000 },
        int("Two years is possible. Over two years it's one point six million."),
        ext('One point six for two years. That I can sign.'),
      ),
    ).toEqual(bare(1_600_000));
  });
});

describe('a term and its rate (k263)', () => {
  it('keeps the total said before "N years at" the rate it runs at', () => {
    const settled = [
      int('For five years fixed I can come to one hundred eighteen thousand a year.'),
      int("So over the five years that's five hundred and ninety thousand euros in total."),
      ext('Okay. Then we go with five years at one hundred eighteen.'),
    ] as const;
    expect(amount({ dealAmount: 380_000 }, ...settled)).toEqual({
      amount: 590_000,
      currency: 'EUR',
    });
  });

  it('reads "N years at" as it stands when no total of that rate was said', () => {
    expect(
      amount(
        { dealAmount: 90_000 },
        int('The three-year contract comes to ninety thousand pounds in total.'),
        ext('Three years at ninety. Yes, that is sensible.'),
      ),
    ).toEqual({ amount: 90_000, currency: 'GBP' });
  });
});

describe('Taiwan dollars, won signs and man said to a Japanese buyer (k280)', () => {
  it('reads NT$, "NT" and NTD as New Taiwan dollars, ₩ as won', () => {
    expect(findMoney('Per year it is NT$480,000.')).toMatchObject([
      { amount: 480_000, currency: 'TWD' },
    ]);
    expect(findMoney('The final quote is three point six million NT.')).toMatchObject([
      { amount: 3_600_000, currency: 'TWD' },
    ]);
    expect(findMoney('About ₩36,000,000 a year.')).toMatchObject([
      { amount: 36_000_000, currency: 'KRW' },
    ]);
  });

  it('reads man said alone as the buyer’s yen, even in a workspace in Seoul', () => {
    const seoul = { timeZone: 'Asia/Seoul' };
    expect(findMoney('The annual price becomes 1,380 man.', seoul)).toMatchObject([
      { amount: 13_800_000, currency: 'KRW' },
    ]);
    expect(
      findMoney('The annual price becomes 1,380 man.', { ...seoul, buyerCurrency: 'JPY' }),
    ).toMatchObject([{ amount: 13_800_000, currency: 'JPY' }]);
    // A buyer who counts in man is enough, wherever the workspace is.
    expect(
      findMoney('The annual price becomes 1,380 man.', {
        timeZone: 'America/New_York',
        buyerCurrency: 'JPY',
      }),
    ).toMatchObject([{ amount: 13_800_000, currency: 'JPY' }]);
    // Elsewhere "man" is an English word, and the figure is read as it stands.
    expect(
      findMoney('The annual price becomes 1,380 man.', { timeZone: 'Europe/Paris' }),
    ).toMatchObject([{ amount: 1380, currency: null }]);
  });
});

describe('a count said back with money beside it (k280)', () => {
  it('reads "15 is enough" after "15 seats, NT$1,800 per seat" as the count', () => {
    expect(
      amount(
        { dealAmount: 350_000 },
        ext(
          'Just to confirm, the version he signed is the last one. 15 seats, NT$1,800 per seat per month. NT$324,000 for the year.',
        ),
        int("Yes. That's the final."),
        ext('15 is enough. Two old technicians retire in December.'),
      ),
    ).toEqual({ amount: 324_000, currency: 'TWD' });
  });

  it('still reads a figure said back that is the money beside the count', () => {
    expect(
      amount(
        { dealAmount: 40_000 },
        int("It's forty-two thousand dollars a year for forty-two users."),
        ext('Forty-two. Okay, we can sign that.'),
      ),
    ).toEqual(usd(42_000));
  });
});

describe('an exact figure said short (k295)', () => {
  it('keeps the exact figure a shorthand in its thousands restates', () => {
    expect(
      amount(
        { dealAmount: 375_840 },
        int(
          "Eleven percent. That's three hundred thirty-four thousand and eighty euros over the three years.",
        ),
        ext('Three thirty-four. I can take that to the board.'),
      ),
    ).toEqual({ amount: 334_080, currency: 'EUR' });
  });

  it('keeps the exact figure when the short form names hundreds or a point of millions (k305, k310)', () => {
    expect(
      amount(
        { dealAmount: 30_000 },
        int('Twelve months, twenty-five thousand nine hundred twenty dollars a year.'),
        ext('Twenty-five nine.'),
      ),
    ).toMatchObject({ amount: 25_920 });
    expect(
      amount(
        { dealAmount: 6_000_000 },
        int('And for the two years, five million four hundred ten thousand and eighty pesos.'),
        ext('Five point four.'),
      ),
    ).toMatchObject({ amount: 5_410_080 });
  });

  it('takes "one eighty" after "one eighty-five" as a new price, the half taken off', () => {
    expect(
      amount(
        { dealAmount: 200_000 },
        int('The three years come to one hundred eighty-five thousand euros.'),
        ext('One eighty, then.'),
      ),
    ).toMatchObject({ amount: 180_000 });
  });

  it('takes a figure rounded on purpose as the new one', () => {
    expect(
      amount(
        { dealAmount: 50_000 },
        int('Forty-six thousand and eighty euros total, two years.'),
        ext('Okay, make it forty-six flat and I sign next week.'),
      ),
    ).toMatchObject({ amount: 46_000 });
  });
});

describe('billing said beside a total (k305)', () => {
  it('reads "annual in advance" as how the total is billed, not a yearly rate', () => {
    expect(
      amount(
        { dealAmount: 190_000 },
        int('One eighty-five total over the three years, billed annually.'),
        ext('One eighty-five, three years, annual in advance, first invoice April.'),
      ),
    ).toMatchObject({ amount: 185_000 });
  });
});

describe('the price before, said after the new one (k311)', () => {
  it('keeps the revised total over "before, you were at fifty-two"', () => {
    expect(
      amount(
        { dealAmount: 104_000 },
        ext('We received the revised offer. Forty-five thousand per season, for two seasons.'),
        ext('Novantamila in total.'),
        int("That's right, ninety thousand for the two seasons."),
        ext("It's better than before. Before, you were at fifty-two."),
      ),
    ).toMatchObject({ amount: 90_000 });
  });
});
