import { getCountryForTimezone } from 'countries-and-timezones';
import countryToCurrency from 'country-to-currency';
import { mentionsVendor } from './competitors.js';
import { NOT_ARGUING, escapeRegExp } from './cues.js';
import { MONTH_OR_SHORT, WEEKDAY } from './date-words.js';
import { HEDGE, HYPOTHETICAL, NEGATION, isQuestion, splitSentences } from './sentences.js';
import type { Candidate, ExtractContext, ExtractUtterance } from './types.js';
import {
  ANY_NUMBER,
  NUMBER_WORDS,
  SPOKEN_NUMBER,
  SPOKEN_SCALES,
  numberValue,
  wordsToNumber,
} from './words-to-number.js';

/** An ISO 4217 code: USD, EUR, GBP, JPY, AUD... */
export type Currency = string;

export interface AmountValue {
  amount: number;
  /** Null when only a number was said ("150k"): the deal's own currency applies. */
  currency: Currency | null;
}

interface MoneyMention {
  amount: number;
  currency: Currency | null;
  index: number;
  length: number;
  /** Said without its thousand ("ninety-five total"), which the call's prices implied. */
  implied?: true;
}

const SYMBOLS: Record<string, Currency> = {
  us$: 'USD',
  a$: 'AUD',
  au$: 'AUD',
  nz$: 'NZD',
  c$: 'CAD',
  ca$: 'CAD',
  s$: 'SGD',
  hk$: 'HKD',
  nt$: 'TWD',
  n$: 'NAD',
  r$: 'BRL',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  r: 'ZAR',
  n: 'NGN',
  rm: 'MYR',
};
/**
 * Currencies that share a name, said with their country: "Egyptian pounds", "Jordanian
 * dinars", "Moroccan dirhams".
 */
const BY_COUNTRY: Readonly<Record<string, Currency>> = {
  'egyptian pound': 'EGP',
  'lebanese pound': 'LBP',
  'jordanian dinar': 'JOD',
  'kuwaiti dinar': 'KWD',
  'bahraini dinar': 'BHD',
  'iraqi dinar': 'IQD',
  'tunisian dinar': 'TND',
  'algerian dinar': 'DZD',
  'moroccan dirham': 'MAD',
  'emirati dirham': 'AED',
  'uae dirham': 'AED',
  'saudi riyal': 'SAR',
  'qatari riyal': 'QAR',
  'omani rial': 'OMR',
};
const CODES: Record<string, Currency> = {
  ...Object.fromEntries(
    Object.entries(BY_COUNTRY).flatMap(([name, code]) => [
      [name, code],
      [`${name}s`, code],
    ]),
  ),
  usd: 'USD',
  'us dollars': 'USD',
  eur: 'EUR',
  euros: 'EUR',
  euro: 'EUR',
  gbp: 'GBP',
  pounds: 'GBP',
  jpy: 'JPY',
  yen: 'JPY',
  pula: 'BWP',
  aud: 'AUD',
  'australian dollars': 'AUD',
  nzd: 'NZD',
  'new zealand dollars': 'NZD',
  cad: 'CAD',
  'canadian dollars': 'CAD',
  sgd: 'SGD',
  'singapore dollars': 'SGD',
  hkd: 'HKD',
  'hong kong dollars': 'HKD',
  zar: 'ZAR',
  rand: 'ZAR',
  chf: 'CHF',
  'swiss francs': 'CHF',
  inr: 'INR',
  sek: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  canadian: 'CAD',
  australian: 'AUD',
  brl: 'BRL',
  reais: 'BRL',
  mxn: 'MXN',
  'mexican pesos': 'MXN',
  // Chile prices large contracts in unidades de fomento, an indexed unit with its own
  // ISO code; Peru in soles. Codes said before a figure too (CLP, FJD, XOF ...) are
  // looked up in `ISO_CODES`.
  uf: 'CLF',
  'unidades de fomento': 'CLF',
  clf: 'CLF',
  soles: 'PEN',
  // The Pacific and West Africa: "thirteen thousand two hundred Fiji a year", "fourteen
  // thousand five hundred tala", "forty million CFA".
  'fiji dollars': 'FJD',
  'fijian dollars': 'FJD',
  fiji: 'FJD',
  tala: 'WST',
  cfa: 'XOF',
  'cfa francs': 'XOF',
  'francs cfa': 'XOF',
  pln: 'PLN',
  zloty: 'PLN',
  zlotys: 'PLN',
  złoty: 'PLN',
  złotys: 'PLN',
  złotych: 'PLN',
  ron: 'RON',
  bgn: 'BGN',
  leva: 'BGN',
  kronor: 'SEK',
  krona: 'SEK',
  cny: 'CNY',
  rmb: 'CNY',
  yuan: 'CNY',
  aed: 'AED',
  sar: 'SAR',
  ngn: 'NGN',
  naira: 'NGN',
  '₦': 'NGN',
  kes: 'KES',
  ksh: 'KES',
  rp: 'IDR',
  krw: 'KRW',
  ntd: 'TWD',
  // "three point six million NT": the New Taiwan dollar said by its letters.
  nt: 'TWD',
  'nt dollars': 'TWD',
  'new taiwan dollars': 'TWD',
  won: 'KRW',
  egp: 'EGP',
  qar: 'QAR',
  kwd: 'KWD',
  ghs: 'GHS',
  cedis: 'GHS',
  try: 'TRY',
  lira: 'TRY',
  ils: 'ILS',
  shekels: 'ILS',
  huf: 'HUF',
  forint: 'HUF',
  forints: 'HUF',
  czk: 'CZK',
  koruna: 'CZK',
  korun: 'CZK',
  thb: 'THB',
  baht: 'THB',
  myr: 'MYR',
  ringgit: 'MYR',
  idr: 'IDR',
  rupiah: 'IDR',
  // Africa and South Asia: "two million birr", "forty lakh taka" (kwacha is shared).
  birr: 'ETB',
  kwanza: 'AOA',
  kwanzas: 'AOA',
  meticais: 'MZN',
  metical: 'MZN',
  taka: 'BDT',
  // Central Asia: "twenty-four million tenge", "three milliard two hundred million so'm".
  tenge: 'KZT',
  "so'm": 'UZS',
  soum: 'UZS',
};

/** Currency signs before a figure; a lone "R" (rand) only right before digits. */
const SIGNS =
  '(?:US|AU|A|NZ|CA|C|S|HK|NT|N|R)\\$|[$€£¥₹₦₩]|\\bR(?=\\s?\\d)|\\bN(?=\\d)|\\bP(?=\\d)|\\bKSh(?=\\s?\\d)|\\bRp\\.?(?=\\s?\\d)|\\bRM(?=\\s?\\d)';
/** ISO codes said before a figure ("OMR 210,000"); each names its own currency. */
const CODES_BEFORE =
  'USD|EUR|GBP|JPY|AUD|NZD|CAD|SGD|HKD|ZAR|CHF|INR|SEK|NOK|DKK|SAR|AED|KES|NGN|EGP|QAR|KWD|GHS|BRL|MXN|PLN|CZK|RON|HUF|BGN|OMR|BHD|JOD|MYR|IDR|THB|PHP|VND|CNY|KRW|TWD|FJD|WST|XOF|XAF|CLP|PEN|KZT|UZS|KGS|MDL|ZMW|MWK|ETB|AOA|MZN|BDT'.split(
    '|',
  );
const CODE_BEFORE = CODES_BEFORE.join('|');
/** The same codes looked up as said, in lower case: "omr" is OMR. */
const ISO_CODES: Readonly<Record<string, Currency>> = Object.fromEntries(
  CODES_BEFORE.map((code) => [code.toLowerCase(), code]),
);

/** Words as a regex alternation, longest first ("million" before "mil"). */
const alternation = (words: readonly string[]) =>
  [...words].sort((x, y) => y.length - x.length).join('|');

/**
 * Names several countries' currencies share: said alone ("$", "dollars", "pesos") they
 * are the workspace's country's when it has one of them, else the first here.
 */
const SHARED_NAMES: Record<string, readonly Currency[]> = (() => {
  const dollars = ['USD', 'AUD', 'NZD', 'CAD', 'SGD', 'HKD'];
  const riyals = ['SAR', 'QAR', 'OMR'];
  const dirhams = ['AED', 'MAD'];
  const dinars = ['KWD', 'JOD', 'BHD', 'IQD', 'TND', 'DZD', 'LYD', 'RSD'];
  return {
    $: dollars,
    dollars,
    bucks: dollars,
    pesos: ['MXN', 'ARS', 'COP', 'CLP', 'UYU', 'PHP', 'DOP'],
    riyals,
    riyal: riyals,
    // Oman, Iran and Yemen spell it "rial".
    rials: ['OMR', 'IRR', 'YER'],
    rial: ['OMR', 'IRR', 'YER'],
    dirhams,
    dirham: dirhams,
    dinars,
    dinar: dinars,
    rupees: ['INR', 'PKR', 'LKR', 'NPR'],
    shillings: ['KES', 'UGX', 'TZS'],
    francs: ['CHF', 'XOF', 'XAF'],
    // Czech koruna, and the Nordic krona and krone, are all "crowns" in English.
    crowns: ['CZK', 'SEK', 'NOK', 'DKK', 'ISK'],
    kroner: ['NOK', 'DKK'],
    krone: ['NOK', 'DKK'],
    // Zambia's kwacha and Malawi's.
    kwacha: ['ZMW', 'MWK'],
    // Romania's lei and Moldova's: the buyer's country decides.
    lei: ['RON', 'MDL'],
    leu: ['RON', 'MDL'],
    // Egypt, Lebanon, Sudan and Syria count in pounds too.
    pounds: ['GBP', 'EGP', 'LBP', 'SDG', 'SSP', 'SYP'],
  };
})();

/**
 * Names written only before a figure ("KSh 40,000", "Rp 650 juta"), and codes that are
 * words too ("try", "pen", French "ils"): never read as the currency after a figure.
 */
const ONLY_BEFORE_OR_A_WORD: ReadonlySet<string> = new Set([
  '₦',
  '$',
  'ksh',
  'rp',
  'try',
  'ils',
  'pen',
]);
/**
 * Every currency name, code and shared name said after a figure, longest first
 * ("australian dollars" before "dollars"); "won" is not the "won't" of a sentence.
 */
const CODE_WORDS = [
  alternation(
    [...new Set([...Object.keys(CODES), ...Object.keys(ISO_CODES), ...Object.keys(SHARED_NAMES)])]
      .filter((name) => !ONLY_BEFORE_OR_A_WORD.has(name) && name !== 'won')
      .map(escapeRegExp),
  ),
  "won(?![’']t)",
].join('|');

/** Scale words and abbreviations after a figure: "150k", "1,2 Mio.", "650 juta". */
const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  mm: 1e6,
  mil: 1e6,
  // German and Swiss: "1,2 Mio." is 1.2 million, "1 Mrd." a billion.
  mio: 1e6,
  mrd: 1e9,
  // Spanish: "60 millones de pesos", "1.05 millones"; Portuguese: "R$ 1,35 milhão".
  millones: 1e6,
  milhão: 1e6,
  milhao: 1e6,
  milhões: 1e6,
  milhoes: 1e6,
  millón: 1e6,
  millon: 1e6,
  bn: 1e9,
  ...SPOKEN_SCALES,
};
const SCALE_WORD = alternation(Object.keys(SCALE));

/** Where "mil" is a thousand ("R$ 360 mil"), not the slang million ("$2 mil"). */
const MIL_IS_THOUSAND: readonly Currency[] = ['BRL', 'ARS', 'CLP', 'COP', 'MXN', 'PEN', 'UYU'];
const milIsThousand = (currency: Currency | null) =>
  currency !== null && MIL_IS_THOUSAND.includes(currency);

const NUMERIC = new RegExp(
  `(?<sym>${SIGNS})?\\s?(?<pre>\\b(?:${CODE_BEFORE})\\s?)?(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?![\\d,]|\\.\\d)|\\d{1,3}(?:['’]\\d{3})+|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d]|[.,]\\d)|\\d+,\\d{1,2}(?=\\s?(?:mio|mrd|million|milh(?:ão|ões|ao|oes)|m|juta|mil[iy]ar)(?![\\w\\u00c0-\\u017f]))|\\d+(?:\\.\\d+)?)(?:\\s?(?<scale>${SCALE_WORD})(?![\\w]))?(?:\\s?(?:de\\s)?(?<code>${CODE_WORDS})\\b)?`,
  'gi',
);

/**
 * "1 million 380 thousand", "1 million 380 kroner": a figure of one to three digits right
 * after "N million" is its thousands, "thousand" said or not; not a percentage after it.
 */
const MILLIONS_AND_THOUSANDS = new RegExp(
  `(?<sym>${SIGNS})?\\s?\\b(?<millions>\\d{1,3}) million (?<thousands>\\d{1,3})(?![\\d.,]\\d)(?:\\s?(?:thousand|k)\\b)?(?:\\s?(?<code>${CODE_WORDS})\\b)?(?!\\s?(?:thousand|k|%|percent|per cent)\\b)`,
  'gi',
);

const PRICED_UNITS =
  /\b(?<count>\d{1,3}(?:,\d{3})+|\d+)\s+(?:seats|users|licen[cs]es|reps|agents)\s+(?:at|for|x)\s+(?<sym>US\$|[$€£¥₹])(?<price>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>k)\b)?(?:\s*(?:each|apiece|(?:per|a|an|\/)\s*(?:seat|user|licen[cs]e|rep|agent)))/gi;

const SPOKEN_TAIL = new RegExp(`^\\s*(${CODE_WORDS})\\b`, 'i');

/** What follows a number that makes it a count, a share or a unit price, not the deal. */
const NOT_MONEY_AFTER =
  /^\s*(%|percent|per ?cent|seats?|users?|licen[cs]es?|people|employees|reps|agents|heads?|accounts|customers|calls|minutes|hours|days|weeks|months|years|records|contacts|emails|meetings|deals|kilometres|kilometers|km|miles|litres|liters|gallons|tons|tonnes|kg|kilos|kwh|mwh|mw|megawatts|acres|hectares|(?:square|cubic) (?:feet|foot|metres|meters|yards)|sq ?ft|m3|m³|barrels|bales|beds|stores|branches|sites|vehicles|trucks|drivers|technicians|students|patients|members|farmers|capacity|pence|cents?|p|(per|a|an|\/)\s*(seat|user|licen[cs]e|head|rep|agent))\b/i;

/** The price of some other vendor or of what the customer pays today. */
const SOMEONE_ELSE =
  /\b((an)?other vendors?|competitors?|alternatives?|incumbent|currently pay(ing)?|we pay|paying (them|today|now)|(our|the|their) (current|existing|old|legacy|present|last|previous|former) (\w+[\s-]){0,2}?(tool|vendor|contract|provider|platform|portal|system|solution|software|stack|supplier)|(they|he|she|them) (quoted|offered|charge[sd]?|want)|(they|he|she) came in (at|around|about|with|lower|higher|under|over)|their (price|pricing|quote|offer|renewal))\b/i;
const QUOTED_BY_OTHERS = /(?<!\byou\s)(?<!\byour team\s)\bquoted\b/i;

/**
 * What the customer spends today, one-off fees beside the recurring price, a whole
 * department's budget ("our whole sales ops budget is about two million"), figures
 * of the customer's own business ("our average contract is $12,000"), and the
 * contract's risk terms ("the liability cap is three months' fees, we want twelve",
 * "cyber liability at two million").
 */
const NOT_THIS_DEAL =
  /\b(today|currently|right now|at the moment|existing|we spend|(fuel|energy|electricity|power|phone|freight) bill|spending|spent|last (year|winter|summer|spring|autumn|fall|season|quarter|month)|(we|they|i) paid|raised|revenue|gmv|turnover|a year in sales|uptime|availability|(price|cost|fee|rate) per (?!year|annum|month|quarter|term)[a-z]+|in (overtime|fines|penalties|losses|waste|write-offs|duplicates|chargebacks|claims|purchases|staff time|people time|labou?r|salaries|wages)|(implementation|onboarding|setup|set-up|services|training|one[- ]time) (fee|cost)s?|(whole|entire|overall|departmental|department's|team's|company's|annual|yearly) ([\w-]+ ){0,2}?budget|(our|their) (average|typical|median|usual) ([\w-]+ )?(contract|deal|order|customer|account|ticket|renewal|acv|arr|spend)s?|(average|typical|median) (contract|deal|order) (size|value)|across (everything|all (of )?(our |the )?(tools|vendors|software|systems))|(all|our) (other )?tools (get|cost|take)|set aside for|also covers|the (difference|gap|delta)|(ppa|tariff|feed-in|spot|market|wholesale) (price|rate)|(we|you|they) (stop|stopped) losing|(we|you)('d| would| will|'ll)? save|saves? (us|you|them)|savings?|liability|liabilities|indemnit(y|ies)|insurance|insured|(cyber|professional|public) (cover|coverage|polic(y|ies))|(our|the|their) (cyber|insurance|e&o|liability) polic(y|ies)|(a |another )?(separate|different) (contract|agreement|invoice) with|(doesn't|does not|won't|will not) touch (yours|your (contract|price|deal))|(in (january|february|march|april|may|june|july|august|september|october|november|december)|last (week|month|time)|earlier|originally|initially|at first|back then|before),? (you|we|they) (said|quoted|mentioned|offered|had|were at|was at))\b/i;

/**
 * A later year's price, the sentence's subject: "Year two is just the subscription, a
 * hundred and five." A total over the years is still the deal's.
 */
const LATER_YEAR =
  /^\W*(?:(?:and|then|so|but)\s+)?(?:in |for |from )?(?:year (?:two|three|four|five|2|3|4|5)|the (?:second|third|following) years?|after (?:the first year|year one))\b/i;

/** A figure with tax in it is what the invoices show, not the deal's amount. */
const WITH_TAX =
  /\b(with|including|incl\.?|inc\.?|gross of) (the )?(vat|gst|hst|iva|igv|tva|mwst|kdv|ppn|sst|tax(es)?)\b(?! (is )?(extra|on top|excluded))/i;

/** A scale word alone: "juta", "million". */
const SPOKEN_SCALE_WORD = alternation(Object.keys(SPOKEN_SCALES));
const BARE_SCALE = new RegExp(`^(?:${SPOKEN_SCALE_WORD})$`, 'i');
/** The scale word in a number said in words: "forty lakh", "two hundred juta". */
const SPOKEN_SCALE = new RegExp(`\\b(${SPOKEN_SCALE_WORD})\\b`, 'i');

/**
 * Counting words of one region name its money: "650 juta" is rupiah (or ringgit said in
 * Malaysia), "forty lakh" rupees, whatever the workspace's own currency.
 */
const RUPEES: readonly Currency[] = ['INR', 'PKR', 'NPR', 'LKR', 'BDT'];
const MALAY_SCALES: readonly Currency[] = ['IDR', 'MYR'];
const SCALE_CURRENCIES: Record<string, readonly Currency[]> = {
  juta: MALAY_SCALES,
  ribu: MALAY_SCALES,
  miliar: MALAY_SCALES,
  milyar: MALAY_SCALES,
  lakh: RUPEES,
  lakhs: RUPEES,
  lac: RUPEES,
  crore: RUPEES,
  crores: RUPEES,
};

/** The currency a scale word names, the buyer's or the workspace's when it is one of them. */
function scaleCurrency(unit: string | undefined, place: Place): Currency | null {
  const named = unit === undefined ? undefined : SCALE_CURRENCIES[unit];
  return named ? oneOf(named, place) : null;
}

/**
 * Where money is said: the workspace's zone, and the buyer's own currency when the
 * account's web domain names a country (`currencyOfDomain`).
 */
export interface Place {
  timeZone: string;
  buyerCurrency?: Currency | null;
}

/** The place of a call's context. */
export function placeOf({ timeZone, buyerCurrency }: ExtractContext): Place {
  return { timeZone, buyerCurrency };
}

/** The currencies a name said alone most likely means, the buyer's first. */
function localCurrencies({ timeZone, buyerCurrency }: Place): Currency[] {
  const home = homeCurrencyOf(timeZone);
  return [buyerCurrency, home].filter((c): c is Currency => typeof c === 'string');
}

/** Which of the currencies sharing a name is meant: "dirhams" said in Morocco are MAD. */
function oneOf(shared: readonly Currency[], place: Place): Currency {
  return localCurrencies(place).find((c) => shared.includes(c)) ?? shared[0]!;
}

/** The local currency of a place: the buyer's, else the workspace's. */
export function localCurrencyOf(place: Place): Currency | null {
  return localCurrencies(place)[0] ?? null;
}

/**
 * Roughly how many units of a currency buy a US dollar (late 2026, to within a factor of
 * two), for the currencies whose units are so small that a price said bare in them may be
 * in dollars instead: "fifty-eight thousand five hundred" in Ulaanbaatar is no tugrik price.
 */
const UNITS_PER_DOLLAR: Readonly<Record<Currency, number>> = {
  ARS: 1_000,
  CLP: 950,
  COP: 4_000,
  HUF: 360,
  IDR: 16_000,
  IQD: 1_300,
  IRR: 42_000,
  ISK: 140,
  JPY: 150,
  KHR: 4_000,
  KRW: 1_400,
  KZT: 500,
  LAK: 21_000,
  LBP: 90_000,
  LKR: 300,
  MMK: 2_100,
  MNT: 3_400,
  NGN: 1_500,
  PKR: 280,
  PYG: 7_500,
  RWF: 1_400,
  TZS: 2_600,
  UGX: 3_700,
  UZS: 12_500,
  VND: 25_000,
  XAF: 600,
  XOF: 600,
};

/** Under this many dollars a figure is no deal's price: a business contract is worth more. */
const LEAST_DEAL_IN_DOLLARS = 200;

/** The CFA francs are pegged to the euro, so prices there are said in euros, not dollars. */
const PRICED_IN: Readonly<Record<Currency, Currency>> = { XOF: 'EUR', XAF: 'EUR' };

/**
 * The currency of a figure said bare where the local currency is `local`: the local one,
 * unless the figure would be worth too little in it to be a contract's price; then the
 * dollars (in the CFA franc zones, euros) it must be in.
 */
export function bareFigureCurrency(figure: number, local: Currency): Currency {
  const perDollar = UNITS_PER_DOLLAR[local];
  if (perDollar === undefined || figure / perDollar >= LEAST_DEAL_IN_DOLLARS) return local;
  return PRICED_IN[local] ?? 'USD';
}

/**
 * Country-code domains that are sold as brands ("acme.io", "getflow.ai") and say
 * nothing of where a company is.
 */
const VANITY_TLDS = new Set([
  'io',
  'ai',
  'co',
  'me',
  'tv',
  'ly',
  'fm',
  'am',
  'to',
  'cc',
  'ws',
  'gg',
  'sh',
  'so',
  'app',
  'dev',
  'xyz',
]);

/**
 * The currency of the country a web domain is registered in: "gs-alandalous.ma" is MAD,
 * "alrowad.edu.jo" JOD, "firm.co.uk" GBP; null for a generic one ("acme.com") or a
 * country code sold as a brand ("acme.io").
 */
export function currencyOfDomain(domain: string | null | undefined): Currency | null {
  const tld = domain?.trim().toLowerCase().split('.').pop();
  if (!tld || tld.length !== 2 || VANITY_TLDS.has(tld)) return null;
  const country = tld === 'uk' ? 'GB' : tld.toUpperCase();
  return countryToCurrency[country as keyof typeof countryToCurrency] ?? null;
}

const homeCurrencies = new Map<string, Currency | null>();

/**
 * The currency of the workspace's country, by its time zone (Australia/Perth: AUD);
 * null for a zone of no one country (UTC).
 */
export function homeCurrencyOf(timeZone: string): Currency | null {
  let home = homeCurrencies.get(timeZone);
  if (home === undefined) {
    const country = getCountryForTimezone(timeZone)?.id;
    home = (country && countryToCurrency[country as keyof typeof countryToCurrency]) || null;
    homeCurrencies.set(timeZone, home);
  }
  return home;
}

/**
 * A currency named for the call's prices without a figure: "with the new pricing in
 * dollars". The currency an invoice is paid in is not the price's: "thirty-six k a year,
 * invoiced in pesos at the official rate".
 */
const PRICES_IN = new RegExp(
  `\\b(?<!\\b(?:invoiced|billed|payable|settled|converted)(?:\\s+[a-z]+)?\\s+)(?:in|prices? in|pricing in|quote in)\\s+(${CODE_WORDS})\\b`,
  'gi',
);

/** The currencies a text names for prices ("in dollars", "in pesos") without a figure. */
export function currenciesNamed(text: string, place: Place): Currency[] {
  return [...text.matchAll(PRICES_IN)].flatMap((m) => {
    const code = currencyOf(place, m[1]);
    return code ? [code] : [];
  });
}

/** A figure said as unchanged ("forty-five thousand a year, as before") restates the deal. */
const AS_BEFORE = /\b(as before|as it is|same as (before|last year|now|today)|unchanged)\b/i;

/** A deal that is itself the increment: "Tolka Pharma - e-Billing Add-on". */
const ADD_ON_DEAL = /\b(add-?ons?|upsell|upgrade|expansion|extension|additional)\b/i;

/** An increment on top of the deal ("30k more", "an extra 10k") is not the deal's amount. */
const ADD_ON = new RegExp(
  String.raw`\b(more|extra|additional|on top|add-on|addon|upsell|incremental|adds)\b|\d\s*(k|m)?\s+(more|extra)\b|\banother (\$|€|£)?(\d|${SPOKEN_NUMBER})`,
  'i',
);
/**
 * The extra already in the scope priced: "Final, twenty-one lakh sixty thousand, with the
 * extra round.", "Twenty-one lakh, plus GST, with the Lots add-on."
 */
const SCOPE_INCLUDED =
  /\b(with|including|plus) (the|that|this) (extra|additional)\b|\b(with|including) (the|that|this) [\w-]+ add-?on\b/gi;

const SIGNING_CONDITION =
  /\b(if|as long as|provided) (we|you|they) (can )?(sign|close|get (it|this|the (contract|deal)) signed)\b/gi;

/**
 * The price net of a discount already given: "Four point four million shillings, for the
 * year, as agreed after the last discount." names the discount, but the figure is the
 * deal's. Cut from a sentence before it is tested for a concession.
 */
const NET_OF_DISCOUNT =
  /\b(after|with|including) (the |that |this |your |our )?(last |final |agreed |extra |\w+[- ]percent |\d+ ?% )?discount\b(?! (request|question|answer|language|conditions?|letter|on the))|\bdiscounted (rate|price|total|figure|number)\b/gi;

/** A discount, credit or saving is money, but not the deal's amount. */
const CONCESSION =
  /\b(discount(ed)?|rebate|credit|concession|savings?|save|cheaper|less than|more than)\b|(\d\s*(k|m)?|%|\b(k|percent|per cent|thousand|grand|ten|eleven|twelve|\w+teen|\w+ty|one|two|three|four|five|six|seven|eight|nine))\s+off\b/i;

/** A range or a bound is not a figure ("somewhere between 100 and 150k", "up to 200k"). */
const RANGE =
  /\b(between|somewhere|range|up to|at most|no more than|at least|or so|-ish|under|over (?!(\w+[\s-]){0,3}(years?|term|months|contract|agreement|period|deal|life)\b)|below|above|max(imum)?|min(imum)?)\b|\d\s*(-|–|to)\s*[$€£]?\d|(?<!\bfrom\s)\b(?:(?:one|two|three|four|five|six|seven|eight|nine)[- ])?(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\s+to\s+(?:(?:one|two|three|four|five|six|seven|eight|nine)[- ])?(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/i;

/** Words that tie a figure to this deal. Without one, a number is left alone. */
const DEAL_CUE =
  /\b(price|pricing|priced|quote|proposal|total|contract|deal|come[s]? (out )?to|agreed|agree|sign|signature|approve|approval|commit( to)?|all in|first year|came back|(we're|we are|now) at|per (year|annum)|a year|annual(ly)?|yearly|acv|tcv|arr|order form|po|purchase order|invoice|cost[s]?|investment|approved|number|figure|works for us|we can do|land(ed)? at|settle[d]?|final|budget(ed)?|license fee|subscription|(can|could) (live|work) with|(i|we)('ll| will| can)? take|accept(ed|able|s)?|(twelve|12)[- ]month term|for (twelve|12) months|that's fine|then,? fine|is fine|fine by (me|us)|(i|we) can do|as (you said|agreed|discussed|quoted|in the (offer|proposal|quote))|(one|two|three|four|five|\d)[- ]years?|(for|over|across) (the )?(full |whole |entire |next |remaining )?(\w+[- ])?(years?|term|months)|all up|brings? it (down )?to|plus (gst|vat|tax))\b/i;

/** A sentence that only says the figure before it is the last word. */
const FINAL_SAID =
  /^\W*(?:(?:ok(?:ay)?|yes|right|good),?\s+)?(?:best and final|(?:our |my |the )?final (?:offer|price|number|figure)|final|all[- ]in|flat|that's (?:the|our|my) (?:final (?:offer|price|number|figure)?|price|offer|number)|(?:ok(?:ay)?,? )?(?:fine|done|agreed|deal)|that's final)\W*$/i;

/**
 * A figure stated as where things stand ("with Glenwood it's 125k", "we'd be at ninety
 * grand"): a weaker cue than the words above, since any money said that way in a sales
 * call is usually the price, but not always.
 */
const STATED =
  /\b(it's|it is|that's|that is|we're at|we are at|be at|comes? (out )?to|meet you at|call it|make it)\s+(about |around |roughly )?([$€£¥₹]|\d|(a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b)|\d\s*(k|thousand|million|grand)?,? it is\W*$/i;
const STATED_DISCOUNT = 0.08;
/** A figure alone, settled: "One twenty-two then.", "Two seventy-eight it is." */
const FIGURE_SETTLED =
  /^\W*((okay|ok|fine|so|right|alright),?\s+)?([$€£]?\d[\d,.]*\s?(k|m)?|(one|two|three|four|five|six|seven|eight|nine)( (hundred|thousand|million))?([\s-]+(ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)([\s-]+(one|two|three|four|five|six|seven|eight|nine))?)?( (thousand|million|grand))?)\s*,?\s+(then|it is)\W*$/i;

const MONTHLY = /\b(per month|a month|monthly|mrr)\b|\/\s?mo\b/i;
const ANNUAL =
  /\b(per year|a year|for the year|per annum|annual(ly)?|yearly|arr|acv|each year|every year|(for|over) (a |the )?(twelve|12)[- ]months?( term)?|(twelve|12)[- ]month term)\b|\/\s?(yr|year)\b/i;
const TOTAL = /\b(total|tcv|in all|all in|overall|all-in)\b/i;
/**
 * How a price is invoiced, not what it is of: "forty-two lakh over three years, annual
 * billing", "the same thirty-five four, just invoiced monthly".
 */
const BILLED_YEARLY =
  /\b(annual|yearly|monthly|quarterly) (billing|invoic\w*|payments?|instal?lments?)\b|\b(billed|invoiced|paid|payable) (annually|yearly|every year|monthly|every month|quarterly)\b|\b(annual(ly)?|yearly|monthly|quarterly) in advance\b/gi;
/** "… thousand total": the word right after a figure that makes it the whole term's. */
const TOTAL_AFTER =
  /^\s*(?:\w+\s+)?(total|in total|tcv|all[- ]in|in all|all up|(over|for) the (whole |full |entire )?term|(over|for|across) the (two|three|four|five|\d) (years|seasons)\b(?! at))\b/i;
/** A figure said with a period or as a total is money even without a currency. */
const PERIOD = new RegExp(`${MONTHLY.source}|${ANNUAL.source}|${TOTAL.source}`, 'i');
const YEARS =
  /\b(?<j>\d+|two|three|four|five)\s+years\s+at\b|^\s*(?<i>\d+|two|three|four|five)\s+years,|\b(?:over|for|across|on)\s+(?:the\s+)?(?:remaining\s+|full\s+|next\s+)?(?<n>\d+|two|three|four|five)\s+years?\b|\b(?<m>\d+|two|three|four|five)[\s-]years?\s+(?:deal|contract|term|agreement|commitment)\b|,\s*(?<k>\d+|two|three|four|five)\s+years\b|^\W*at (?<a>\d+|two|three|four|five) years\b/i;
const YEAR_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

const REPLACED_BEFORE = /\b(from|instead of|rather than|not|no longer)\s+$/i;
const AFFIRMATION =
  /^\s*(yes|yeah|yep|yup|correct|right|agreed|that works|works for us|sounds good|exactly|definitely|absolutely|confirmed|deal)\b/i;

/**
 * A later sentence that turns the figure down ("that's too expensive", "we can't do
 * $150k"); "the thing that doesn't work" speaks of something else. "Too much" is the
 * price only where nothing follows it but "for …", "money", "to pay" or a time: "we've
 * got too much going on" and "there's always too much food" are not.
 */
const TURNED_DOWN =
  /\b(too (much(?=\s*(?:[.,;:!?]|$|for\b|money\b|to (?:pay|spend|ask)\b|(?:right )?now\b|at the moment\b|this year\b))|high|expensive|steep|pricey)|over (our|the) budget|out of (our )?budget|can't afford|cannot afford|(?<!\b(that|which|what) )(doesn't|won't) work|not going to work|no way)\b/i;

type ScanEntry = Candidate<AmountValue> | 'retracted';

/** How many utterances a deal cue keeps the price the subject, and what borrowing costs. */
const PRICE_TOPIC_SPAN = 2;
const PRICE_TOPIC_DISCOUNT = 0.06;

/**
 * Every statement of the deal's amount in the call, in order, normalised to the
 * workspace's convention (`amountConvention`, default total): "$300k over three
 * years" is 300,000, or 100,000 a year when the convention is annual; "10k a
 * month" is 120,000 a year. A sentence yields one only with a deal cue and one figure
 * (after dropping a replaced one), and none of the guards: question, hypothesis,
 * negation, range, concession, someone else's price, counts and unit prices.
 */
export function amountCandidates(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): Candidate<AmountValue>[] {
  return scan(utterances, ctx).filter((e) => e !== 'retracted');
}

/**
 * The amount the call settles on: the last statement wins, a little less sure when
 * revised; nothing when a later sentence turns the figure down.
 */
export function extractAmount(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): Candidate<AmountValue> | null {
  // "Two dollars a head more than the Fútbol Pass": a figure under a thousand is a unit
  // price, a fee or a figure misheard, never a contract's value.
  const entries = scan(utterances, ctx).filter(
    (e) => e === 'retracted' || e.value.amount >= LEAST_CONTRACT_FIGURE,
  );
  const said = entries[entries.length - 1];
  if (said === undefined || said === 'retracted') return null;
  // "Two-twenty-four over three years." "So about seventy-five a year.": a yearly figure
  // that is the share of the total said before it restates that total.
  const restated =
    (ctx.amountConvention ?? 'total') === 'total' && ANNUAL.test(said.quote)
      ? entries.find(
          (c): c is Candidate<AmountValue> =>
            c !== 'retracted' && yearlyShareOf(said.value, c.value),
        )
      : undefined;
  // "Is the ninety thousand per year or total?" "Total, over two years. Forty-five per
  // year.": a yearly figure that is the share of the deal's amount in the CRM restates it.
  if (
    restated === undefined &&
    (ctx.amountConvention ?? 'total') === 'total' &&
    ANNUAL.test(said.quote) &&
    ctx.dealAmount != null &&
    ctx.dealAmount > 0 &&
    yearlyShareOf(said.value, { amount: ctx.dealAmount, currency: null })
  )
    return null;
  const last = exactOf(restated ?? rateOfTotal(said, entries) ?? said, entries);
  const revised = entries.some(
    (c) =>
      c !== 'retracted' &&
      (c.value.amount !== last.value.amount || c.value.currency !== last.value.currency),
  );
  return revised ? { ...last, confidence: clamp(last.confidence - 0.05) } : last;
}

/**
 * "Three hundred thirty-four thousand and eighty over the three years." ... "Three
 * thirty-four.", "25,920 a year." "Twenty-five nine.": a figure said short, within two
 * turns of an exact one whose leading figures it repeats, is that figure cut short, and the
 * exact one stands. A round figure said as one ("forty-six thousand flat", "call it seven
 * forty-five, round") replaces it.
 */
function exactOf(
  said: Candidate<AmountValue>,
  entries: readonly ScanEntry[],
): Candidate<AmountValue> {
  const { amount, currency } = said.value;
  const step = roundedTo(amount);
  // Two figures said at least ("twenty-five nine", "five point four"), not "a million".
  if (step < 100 || amount / step < 10 || ROUNDED.test(said.quote)) return said;
  const at = entries.findLastIndex(
    (c) =>
      c !== 'retracted' &&
      // Cut short; but "one eighty" after "one eighty-five" is a new price, the half taken off.
      c.value.amount > amount &&
      c.value.amount - amount < step &&
      c.value.amount - amount !== step / 2 &&
      said.utteranceIndex - c.utteranceIndex <= ECHO_SPAN &&
      (c.value.currency === null || currency === null || c.value.currency === currency),
  );
  const exact = entries[at];
  if (exact === undefined || exact === 'retracted') return said;
  const roundedSince = entries
    .slice(at + 1)
    .some((c) => c !== 'retracted' && c.value.amount === amount && ROUNDED.test(c.quote));
  return roundedSince
    ? said
    : {
        ...said,
        value: { amount: exact.value.amount, currency: currency ?? exact.value.currency },
      };
}

/** How many turns after the exact figure its short form still echoes it. */
const ECHO_SPAN = 2;

/** The power of ten a figure is rounded to: 25,900 to 100, 5,400,000 to 100,000. */
function roundedTo(amount: number): number {
  let step = 1;
  while (amount > 0 && amount % (step * 10) === 0) step *= 10;
  return step;
}

/** A figure said whole or rounded on purpose: "forty-six thousand flat", "call it 745k". */
const ROUNDED = /\b(thousand|flat|round(ed)?|even|call it|make it)\b/i;

/**
 * "Five years at one hundred eighteen." after "one hundred eighteen thousand a year ...
 * five hundred and ninety thousand euros in total": the figure after "N years at" is the
 * rate the total said before it runs at, so that total stands.
 */
function rateOfTotal(
  said: Candidate<AmountValue>,
  entries: readonly ScanEntry[],
): Candidate<AmountValue> | undefined {
  // "Five years at": a term, then the rate it runs at (`YEARS`' own "N years at").
  const term = YEARS.exec(said.quote)?.groups?.j?.toLowerCase();
  if (term === undefined) return undefined;
  const years = YEAR_WORDS[term] ?? Number(term);
  // The latest such total, which names its currency when any does.
  return entries.findLast(
    (c): c is Candidate<AmountValue> =>
      c !== 'retracted' &&
      c !== said &&
      c.value.amount === said.value.amount * years &&
      (c.value.currency === null ||
        said.value.currency === null ||
        c.value.currency === said.value.currency),
  );
}

/** The least figure a contract's value is said in, in any currency. */
const LEAST_CONTRACT_FIGURE = 1_000;

/** Whether `amount` is within half to twice the deal's amount in the CRM. */
function atDealSize(amount: number, dealAmount: number | null | undefined): boolean {
  return (
    dealAmount != null && dealAmount > 0 && amount >= dealAmount / 2 && amount <= dealAmount * 2
  );
}

/** Whether `yearly` is a whole term's `total` split into two to five years (rounded). */
function yearlyShareOf(yearly: AmountValue, total: AmountValue): boolean {
  if (yearly.currency !== null && total.currency !== null && yearly.currency !== total.currency)
    return false;
  const years = total.amount / yearly.amount;
  return [2, 3, 4, 5].some((n) => Math.abs(years - n) / n <= 0.015);
}

function scan(utterances: readonly ExtractUtterance[], ctx: ExtractContext): ScanEntry[] {
  const convention = ctx.amountConvention ?? 'total';
  const competitors = (ctx.competitors ?? []).filter((c) => c.trim().length > 0);
  const out: ScanEntry[] = [];
  // The deal's price as the subject of the talk: set by a sentence with a deal cue
  // ("The total comes to eighty-four five."), so the figure said next ("$84,500.")
  // borrows it; someone else's price ends it.
  let topic: number | undefined;
  // "Then I'll take the fifteen" after "fifteen percent off" takes the discount.
  // "3,300 per room" ... "a revised quote with 3,300": the rate, said again bare.
  const { impliedScale, percentages, unitPrices } = readCall(utterances, ctx);
  // "That's fourteen hundred dollars more than Lex-Doctor." ... "For fourteen hundred
  // dollars a year I don't want to keep the server.": a figure said as a difference stays one.
  const differences = new Set<number>();
  utterances.forEach((u, utteranceIndex) => {
    // The answer to "if we added X, what would that be?" is as hypothetical as the question.
    if (answersHypothetical(utterances, utteranceIndex)) return;
    // "We got an ezyVet quote last week. Thirty-eight thousand for the first year.": once a
    // turn is on someone else's price, its next figures are too, unless they turn to the
    // seller ("with you", "your quote").
    let aside = false;
    const sentences = splitSentences(u.text);
    for (const [sentenceIndex, s] of sentences.entries()) {
      const text = s.text;
      for (const amount of differencesSaid(text, { impliedScale, ...placeOf(ctx) }))
        differences.add(amount);
      const theirs: boolean =
        SOMEONE_ELSE.test(text) ||
        QUOTED_BY_OTHERS.test(text) ||
        mentionsVendor(text, competitors) ||
        (aside && !TO_THE_SELLER.test(text));
      aside = theirs;
      const elsewhere = theirs || NOT_THIS_DEAL.test(text);
      const ownCue =
        DEAL_CUE.test(text) ||
        // "One million five hundred thousand kroner. Best and final."
        FINAL_SAID.test(sentences[sentenceIndex + 1]?.text ?? '') ||
        STATED.test(text) ||
        FIGURE_SETTLED.test(text) ||
        discountsTheDeal(text, ctx, percentages);
      const borrowed = !ownCue && topic !== undefined && utteranceIndex - topic <= PRICE_TOPIC_SPAN;
      if (elsewhere) topic = undefined;
      else if (ownCue) topic = utteranceIndex;
      // "with the extra lodge you added, 465,000 riyals total": the scope, priced whole.
      // An add-on deal's price is the increment: "eighteen thousand a year, on top of your
      // current subscription" is what the "e-Billing Add-on" deal is worth.
      const addOn =
        ADD_ON.test(text.replace(SCOPE_INCLUDED, '')) &&
        !TOTAL.test(text) &&
        !ADD_ON_DEAL.test(ctx.dealName ?? '');
      if (isQuestion(text) || elsewhere || addOn || WITH_TAX.test(text)) continue;
      if (LATER_YEAR.test(text) && !TOTAL.test(text)) continue;
      if (AS_BEFORE.test(text)) continue;
      // "$64,000 if we sign by the 15th" ties the price to signing; any other "if" supposes.
      if (HYPOTHETICAL.test(text.replace(SIGNING_CONDITION, ''))) continue;
      const mentions = findMoney(text, { impliedScale, ...placeOf(ctx) }).filter(
        (m) =>
          !COMPARED_WITH.test(text.slice(0, m.index)) &&
          !differences.has(m.amount) &&
          !(m.currency === null && !m.implied && unitPrices.has(m.amount)) &&
          !(m.implied && percentages.has(m.amount / impliedScale)) &&
          !(
            m.implied &&
            besidePercentage(
              `${utterances[utteranceIndex - 1]?.text ?? ''} ${text.slice(0, m.index)}`,
              m.amount / impliedScale,
            )
          ) &&
          !(m.implied && timeAsked(utterances[utteranceIndex - 1])) &&
          !(m.implied && serviceLevelTalk(u, utterances[utteranceIndex - 1])) &&
          !(
            m.implied &&
            HOUR_SAID.test(
              sentences
                .slice(0, sentenceIndex)
                .map((b) => b.text)
                .join(' '),
            )
          ) &&
          !(m.implied && countAsked(utterances[utteranceIndex - 1])) &&
          !(
            m.implied &&
            unitPriceSaid(text.slice(m.index, m.index + m.length), utterances[utteranceIndex - 1])
          ) &&
          !(
            m.implied &&
            countCorrected(text.slice(m.index, m.index + m.length), utterances, utteranceIndex, ctx)
          ) &&
          !(
            m.implied &&
            countEchoed(
              text.slice(m.index, m.index + m.length),
              utterances,
              utteranceIndex,
              ctx,
              sentences
                .slice(0, sentenceIndex)
                .map((s) => s.text)
                .join(' '),
            )
          ),
      );
      if (convertsTheFigureBefore(text, mentions, sentences[sentenceIndex - 1]?.text, ctx))
        continue;
      const replaced = mentions.filter((m) => REPLACED_BEFORE.test(text.slice(0, m.index)));
      // "No indexation" denies something else; a negation turns a figure down only near
      // it ("we can't do 150k", "not at that price") or when no figure is said.
      const negated = negatesFigure(withoutReplaced(text, replaced));
      if ((mentions.length > 0 && negated) || (u.side !== 'internal' && TURNED_DOWN.test(text))) {
        out.push('retracted');
        continue;
      }
      if (
        (!ownCue && !borrowed) ||
        RANGE.test(text) ||
        // Cheap test first: the cut is made only when a concession is named at all.
        (CONCESSION.test(text) && CONCESSION.test(text.replace(NET_OF_DISCOUNT, '')))
      )
        continue;
      const current = mentions.filter((m) => !replaced.includes(m));
      const currencies = new Set(current.map((m) => m.currency).filter((c) => c !== null));
      if (current.length === 0 || currencies.size > 1) continue;
      // "Thirty-five or twenty-five": two figures offered as alternatives settle neither.
      if (alternatives(text, current)) continue;
      // A bare number borrowing the subject may be a count ("Eleven thousand five
      // hundred, but half are dormant"): it needs a currency or a period to be money.
      // A number said in the call's price scale ("One point three.") is a price.
      const inScale = current.every((m) => m.implied);
      // "We accept your offer. Sixteen million.": a figure at the deal's own size is its price.
      const dealSized = current.every((m) => atDealSize(m.amount, ctx.dealAmount));
      if (borrowed && currencies.size === 0 && !PERIOD.test(text) && !inScale && !dealSized)
        continue;
      const normalised = normalise(text, current, convention);
      if (!normalised) continue;
      let confidence = current.some((m) => m.currency !== null) ? 0.92 : 0.86;
      confidence -= normalised.penalty + (ownCue ? 0 : PRICE_TOPIC_DISCOUNT);
      if (ownCue && !DEAL_CUE.test(text)) confidence -= STATED_DISCOUNT;
      if (HEDGE.test(text) || /\b(would|looking at|thinking)\b/i.test(text)) confidence -= 0.2;
      // "What's your budget?" "Maybe two hundred thousand pesos a year.": a budget too.
      if (BUDGET.test(text) || budgetAsked(utterances[utteranceIndex - 1])) confidence -= 0.25;
      if (u.side === 'unknown') confidence -= 0.05;
      if (u.side === 'internal' && !affirmedByCustomer(utterances, utteranceIndex))
        confidence -= 0.1;
      // A price said goes on being the subject ("One point three." "So AED 1.3 million.").
      if (borrowed) topic = utteranceIndex;
      out.push({
        value: {
          amount: normalised.amount,
          currency:
            [...currencies][0] ??
            // "I'll re-issue the proposal in dollars, sixty-one thousand a year."
            onlyOne(currenciesNamed(text, placeOf(ctx))) ??
            echoedCurrency(current, utterances, utteranceIndex, impliedScale, placeOf(ctx)),
        },
        confidence: clamp(confidence),
        quote: text,
        utteranceIndex,
        startSeconds: u.startSeconds,
      });
    }
  });
  return out;
}

/** "That's about three hundred thousand dollars": the figure before, in another currency. */
const CONVERSION =
  /^\W*(?:so,? )?(?:that's|that is|which is|which comes to|or|roughly|about|around|approximately)\b(?:\s+(?:about|roughly|around|approximately|some|close to|just under|just over))?/i;

/**
 * "One point one million dirhams. That's about three hundred thousand dollars, for
 * Paolo's people.": a figure given again in another currency for someone's benefit.
 */
function convertsTheFigureBefore(
  text: string,
  mentions: readonly MoneyMention[],
  before: string | undefined,
  ctx: ExtractContext,
): boolean {
  if (before === undefined || !CONVERSION.test(text) || !HEDGE_WORD.test(text)) return false;
  const said = new Set(findMoney(before, placeOf(ctx)).map((m) => m.currency));
  return mentions.some((m) => m.currency !== null && said.size > 0 && !said.has(m.currency));
}
const HEDGE_WORD = /\b(about|roughly|around|approximately|some|close to|just under|just over)\b/i;

/**
 * "Six percent... fine. So 488 800 lei." of a 520,000 deal: a figure that is the deal's
 * amount less a percentage said in the call is the deal's new price, cue or not.
 */
function discountsTheDeal(
  text: string,
  { dealAmount, timeZone }: ExtractContext,
  percentages: ReadonlySet<number>,
): boolean {
  // Cheap tests first: most sentences are read without a deal amount or a percentage.
  if (!dealAmount || dealAmount <= 0 || percentages.size === 0) return false;
  return findMoney(text, { timeZone }).some((m) =>
    [...percentages].some(
      (p) =>
        p > 0 && p < 100 && Math.abs(m.amount - dealAmount * (1 - p / 100)) <= dealAmount * 1e-3,
    ),
  );
}

/**
 * One amount from the sentence's figures in the chosen convention, with how much the
 * conversion costs in confidence. Two figures must agree once converted ("$300k over
 * three years, so $100k a year"); otherwise the sentence is undecided.
 */
function normalise(
  text: string,
  mentions: readonly MoneyMention[],
  convention: 'annual' | 'total',
): { amount: number; penalty: number } | null {
  const yearsMatch = YEARS.exec(text);
  const groups = yearsMatch?.groups;
  const yearsWord = groups?.n ?? groups?.m ?? groups?.k ?? groups?.j ?? groups?.i ?? groups?.a;
  const years =
    yearsWord === undefined ? null : (YEAR_WORDS[yearsWord.toLowerCase()] ?? Number(yearsWord));
  // "forty-five thousand a year, so one hundred and thirty-five thousand total": the
  // term is what the total is of the yearly figure, when no term is said.
  if (years === null && mentions.length === 2) {
    const [a, b] = mentions as [MoneyMention, MoneyMention];
    const yearly = [a, b].find((m) => ANNUAL.test(afterOf(text, m)));
    const total = [a, b].find((m) => m !== yearly && TOTAL_AFTER.test(afterOf(text, m)));
    const ratio = yearly && total ? total.amount / yearly.amount : 0;
    if (Number.isInteger(ratio) && ratio >= 2 && ratio <= 5)
      return { amount: convention === 'annual' ? yearly!.amount : total!.amount, penalty: 0.05 };
  }
  const values = new Set<number>();
  let penalty = 0;
  // Blanked in place, so the mentions' indices still hold.
  const unbilled = text.replace(BILLED_YEARLY, (said) => ' '.repeat(said.length));
  for (const m of mentions) {
    const after = afterOf(text, m);
    let annual: number | null;
    if (TOTAL_AFTER.test(after)) {
      // "sixty k per year, one hundred twenty thousand total": the total is said as one.
      annual = years !== null && years > 0 ? m.amount / years : m.amount;
    } else if (MONTHLY.test(afterOf(unbilled, m))) {
      annual = m.amount * 12;
      penalty = Math.max(penalty, 0.1);
    } else if (ANNUAL.test(nearOf(unbilled, m))) annual = m.amount;
    else if (years !== null && years > 0) {
      annual = m.amount / years;
      penalty = Math.max(penalty, 0.1);
    } else {
      // No period said: a one-off figure is read as it stands, annual and total alike.
      annual = m.amount;
      if (TOTAL.test(nearOf(text, m))) penalty = Math.max(penalty, 0.1);
    }
    const value = convention === 'annual' ? annual : years !== null ? annual * years : annual;
    if (!Number.isFinite(value) || value <= 0) return null;
    values.add(Math.round(value * 100) / 100);
  }
  if (values.size !== 1) return null;
  const amount = [...values][0]!;
  // A division that leaves cents ("$100k over three years") is more likely misheard than meant.
  if (!Number.isInteger(amount)) penalty += 0.3;
  return { amount, penalty };
}

/** The one currency a sentence names, if it names only one. */
function onlyOne(named: readonly Currency[]): Currency | null {
  return new Set(named).size === 1 ? named[0]! : null;
}

/** The 25 characters after a mention: where its period is said ("a month", "total"). */
function afterOf(text: string, m: MoneyMention): string {
  return text.slice(m.index + m.length, m.index + m.length + 25);
}

/** The 25 characters either side of a mention. */
function nearOf(text: string, m: MoneyMention): string {
  return `${text.slice(Math.max(0, m.index - 25), m.index)} ${afterOf(text, m)}`;
}

/** "sixty k": a spoken number with the thousands letter. */
const SPOKEN_K = /^\s?k\b/i;
/**
 * What may follow a price said without its thousand ("ninety-five total", "one forty-six
 * for two years", "ninety-five I can work with"); a noun after it makes it a count
 * ("sixty lanes").
 */
const IMPLIED_AFTER =
  /^\s*([.,!?;:]|$|(total|for|over|all[- ]in|a year|per|each|then|is|works|it|i|we|sounds|flat|even|in total|all told|across)\b)/i;
/**
 * A figure as written: "95,000"; "212.000" and "1.250.000" grouped with periods, as much
 * of Europe writes them, unless a scale follows ("1.500 million" is one and a half).
 */
function figureOf(num: string, scale: number): number {
  if (scale < 1e6 && /^\d{1,3}(\.\d{3})+$/.test(num)) return Number(num.replace(/\./g, ''));
  // Swiss grouping, 215'000, and grouping by spaces, 212 400; a decimal comma before a
  // scale, 1,25 Mio.
  if (/['’\s]/.test(num)) return Number(num.replace(/['’\s]/g, ''));
  if (/^\d+,\d{1,2}$/.test(num)) return Number(num.replace(',', '.'));
  return Number(num.replace(/,/g, ''));
}

/** A price per thing, not per period: "per location", "per bar per month", "each". */
const PER_THING =
  /^\s*(?:(?:a|per|each) (?:month|year|week)\s+)?(?:per|each|a|an)\s+(?!(?:month|year|annum|quarter|week|day|term|period|year's|total|one|two|three|four|five|twelve)\b)[a-z]{3,}\b(?!-)(?!\s+(?:term|contract|deal|subscription|licen[cs]e|agreement)\b)/i;

/** A plural noun right after a number: what it counts. */
const COUNT_NOUN_AFTER =
  /^\s+(?!(?:dollars|euros|pounds|bucks|grand|quid|francs|rupees|reais|pesos|yen|rand|crowns|zlotys|forints|soles|shekels|dirhams|riyals|rials|dinars|rands|manats|tenges|laris|kroner|kronor|krones|rubles|roubles|hryvnias|nairas|cedis|shillings|kwachas|pulas|quetzales|bolivianos|colones|lempiras|liras|ringgits|bahts|dongs|rupiahs|pesetas|thousands|hundreds|millions|years|months|weeks|days|users|seats|plus|less|minus)\b)[a-z]{3,}s\b/i;

/** Round the clock, said in words: "twenty-four seven". */
const ROUND_THE_CLOCK = /\btwenty[\s-]four[\s-]seven\b/i;

/** "400 vans at eleven pounds": the price of one of a count. */
const COUNT_AT = /\b\d[\d,]*\s+[a-z-]+\s+(?:at|@)\s*$/i;

/** A price per month or per thing after a figure: a unit price, as said. */
const UNIT_PRICE_AFTER =
  /^\s*(?:[a-z]+\s+)?(?:a|per|each|\/)\s*(?:month|vehicle|truck|van|unit|trailer|seat|user|licen[cs]e|device|asset|site)\b/i;

/**
 * What the whole call says that each sentence is read against, in one pass: the scale
 * its prices go unsaid in (`scaleOf`), and the figures said as percentages
 * ("fifteen percent"), so that "the fifteen" later is one.
 */
/** Whether two of a sentence's figures are said as alternatives: "thirty-five or twenty-five". */
function alternatives(text: string, mentions: readonly MoneyMention[]): boolean {
  return mentions.some(
    (m) =>
      OR_A_NUMBER_BEFORE.test(text.slice(0, m.index)) ||
      OR_A_NUMBER_AFTER.test(text.slice(m.index + m.length)),
  );
}
const NUMBERISH = String.raw`(?:\d[\d,.]*\s*(?:k|m)?|${SPOKEN_NUMBER})`;
const OR_A_NUMBER_BEFORE = new RegExp(String.raw`\b${NUMBERISH}\s*,?\s+or\s+$`, 'i');
const OR_A_NUMBER_AFTER = new RegExp(String.raw`^\s*,?\s+or\s+${NUMBERISH}\b`, 'i');

/** The figures a sentence gives as a difference: "X more than", "the gap is X". */
function differencesSaid(text: string, options: Parameters<typeof findMoney>[1]): number[] {
  // Reading figures is the costly part: most sentences say no difference at all.
  if (!SAYS_A_DIFFERENCE.test(text)) return [];
  return findMoney(text, options)
    .filter(
      (m) =>
        DIFFERENCE_AFTER.test(text.slice(m.index + m.length)) ||
        DIFFERENCE_BEFORE.test(text.slice(0, m.index)),
    )
    .map((m) => m.amount);
}

const SAYS_A_DIFFERENCE = /\bthan\b|\b(?:difference|gap|delta)\b/i;
const DIFFERENCE_AFTER =
  /^\s*(?:(?:dollars?|euros?|pounds?|pesos?|quid|bucks|grand|k)\s+)?(?:(?:a|per) (?:year|month)\s+)?(?:more|less|cheaper|dearer|higher|lower|extra) than\b/i;
const DIFFERENCE_BEFORE =
  /\bthe (?:difference|gap|delta) (?:is|of|was)\s+(?:about |only |just )?$/i;

/**
 * "Our margin is 9.5 percent, my father wants 12.", "I can give 5 percent in year three."
 * "They asked for 10.": a bare figure said after a percentage of its size, in the same
 * sentence or the turn before, is another percentage. "With the ten percent, that
 * lands at one thirty-five" is a price: a hundred and thirty-five is no percentage's size.
 */
function besidePercentage(before: string, bare: number): boolean {
  if (bare > 100 || !PERCENT_SAID.test(before)) return false;
  for (const m of before.matchAll(ANY_NUMBER)) {
    if (!PERCENT_AFTER.test(before.slice(m.index + m[0].length))) continue;
    const percent = numberValue(m[0]);
    if (percent !== null && percent > 0 && bare / percent >= 0.25 && bare / percent <= 4)
      return true;
  }
  return false;
}
const PERCENT_SAID = /%|\b(?:percent|per cent)\b/i;

/** After a number, what makes it a percentage: "15%", "ten percent". */
const PERCENT_AFTER = /^\s*(?:%|(?:percent|per cent)\b)/i;

function readCall(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): { impliedScale: number; percentages: Set<number>; unitPrices: Set<number> } {
  const percentages = new Set<number>();
  const unitPrices = new Set<number>();
  const scales = new Set<number>();
  const fromDeal = ctx.dealAmount != null ? scaleOf(ctx.dealAmount) : 1;
  for (const u of utterances) {
    for (const m of u.text.matchAll(ANY_NUMBER)) {
      const after = u.text.slice(m.index + m[0].length);
      const percent = PERCENT_AFTER.test(after);
      if (!percent && !UNIT_RATE_AFTER.test(after)) continue;
      const n = numberValue(m[0]);
      if (n !== null) (percent ? percentages : unitPrices).add(n);
    }
    if (fromDeal === 1) for (const m of findMoney(u.text)) scales.add(scaleOf(m.amount));
  }
  // "Twenty-seven and a half lakhs." "Twenty-seven and a half.": a call that counts in
  // lakhs or in crores (not both) drops that word, whatever the deal's size.
  const lakhs = utterances.some((u) => /\b(lakhs?|lacs?)\b/i.test(u.text));
  const crores = utterances.some((u) => /\bcrores?\b/i.test(u.text));
  if (lakhs !== crores) return { impliedScale: lakhs ? 1e5 : 1e7, percentages, unitPrices };
  const impliedScale = fromDeal > 1 ? fromDeal : scales.has(1e3) ? 1e3 : scales.has(1e6) ? 1e6 : 1;
  return { impliedScale, percentages, unitPrices };
}

/** A rate per thing after a figure ("3,300 per room", "1,400 yen each"), not per period. */
const UNIT_RATE_AFTER =
  /^\s*(?:[a-z]{2,6}\s+)?(?:per|each\b|apiece\b)\s*(?!(?:year|annum|month|quarter|week|day|term|contract|cent)\b)(?:[a-z]{3,}|$)/i;

/** "How many a year, all in?" "Four hundred, give or take.": a count asked for. */
function countAsked(previous: ExtractUtterance | undefined): boolean {
  return (
    previous !== undefined &&
    isQuestion(previous.text) &&
    /\bhow many\b/i.test(previous.text) &&
    !/\b(?:dollars|euros|pounds|thousands?|k)\b/i.test(previous.text)
  );
}

/**
 * "The SLA annex. It says ninety-nine point five. We need ninety-nine point nine.": a bare
 * figure in talk of service levels is an uptime, not a price.
 */
function serviceLevelTalk(u: ExtractUtterance, previous: ExtractUtterance | undefined): boolean {
  return (
    SERVICE_LEVEL.test(u.text) || (previous !== undefined && SERVICE_LEVEL.test(previous.text))
  );
}
const SERVICE_LEVEL = /\b(?:SLAs?|uptime|service levels?)\b/i;

/** The turn before asked about the budget: "What's your budget?" */
function budgetAsked(previous: ExtractUtterance | undefined): boolean {
  return previous !== undefined && isQuestion(previous.text) && BUDGET.test(previous.text);
}

/** "Ten o'clock?" "Ten is good.", "an invite for Tuesday at ten" "Ten is good.": a time. */
function timeAsked(previous: ExtractUtterance | undefined): boolean {
  if (!previous) return false;
  return (
    (isQuestion(previous.text) &&
      (TIME_OF_DAY.test(previous.text) || TIME_ASKED.test(previous.text))) ||
    HOUR_SAID.test(previous.text)
  );
}

/**
 * An hour said: "at seven", "around 10:30". A bare number after it, in the next turn or
 * later in the same one ("before the trucks go out at seven... no, after. Ten."), is an
 * hour too.
 */
const HOUR_SAID =
  /\b(?:around|at|about) (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}(?::\d\d)?)\b(?!,?\s*(?:thousand|grand|k\b|million|percent|%))/i;

/** A figure set against the price, another's: "that I can defend against three-fifty". */
const COMPARED_WITH =
  /\b(?:against|versus|vs\.?|compared (?:to|with))\s+(?:the |their |his |her )?$/i;

/**
 * "Twenty-two ships total, right?" "Twenty-two.": a bare number said back from the turns
 * just before, or earlier in the same turn ("Our backups rotate every thirty days, so we
 * can't guarantee five. We can do thirty."), where it was said without money and no
 * price was named, is that count. So is one that corrects such a count: "based on
 * forty-two trucks" "Forty-four. We got two new ones."
 */
function countEchoed(
  said: string,
  utterances: readonly ExtractUtterance[],
  index: number,
  { timeZone }: ExtractContext,
  earlierInTurn = '',
): boolean {
  const saidBefore = new RegExp(`\\b${escapeRegExp(said.trim())}\\b`, 'gi');
  const n = numberValue(said);
  // "15 seats, NT$1,800 per seat per month." "15 is enough.": money said beside the count
  // leaves it a count, unless the money is that number ("forty-two thousand for forty-two
  // users" "Forty-two." may be either).
  const priced = (text: string) =>
    findMoney(text, { timeZone }).some(
      (m) => n === null || [1, 1e3, 1e6].some((scale) => m.amount === n * scale),
    );
  return [
    ...utterances.slice(Math.max(0, index - 2), index).map((u) => u.text),
    earlierInTurn,
  ].some(
    (text) =>
      !priced(text) &&
      [...text.matchAll(saidBefore)].some((m) => countedBy(text.slice(m.index + m[0].length))),
  );
}

/**
 * "Then I'll send you the final offer, based on forty-two trucks." "Forty-four. We got two
 * new ones.": a bare number that answers a count the other side just said, near it and
 * not it, corrects that count.
 */
function countCorrected(
  said: string,
  utterances: readonly ExtractUtterance[],
  index: number,
  { timeZone }: ExtractContext,
): boolean {
  const previous = utterances[index - 1];
  const current = utterances[index];
  if (!previous || !current || previous.side === current.side) return false;
  return (
    findMoney(previous.text, { timeZone }).length === 0 &&
    countsSaid(previous.text).some((n) => correctsCount(said, n))
  );
}

/** A term after a number: "three years", "two months". */
const DURATION_AFTER = /^\s+(?:days|weeks|months|years)\b/i;

/** The counts a text says: "forty-two trucks", "85 sites"; not a term ("three years"). */
function countsSaid(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(ANY_NUMBER)) {
    const after = text.slice(m.index + m[0].length);
    if (!countedBy(after) || DURATION_AFTER.test(after)) continue;
    const n = numberValue(m[0]);
    if (n !== null) out.push(n);
  }
  return out;
}

/** A bare number near a count just said, and not it: that count corrected. */
function correctsCount(said: string, count: number): boolean {
  const n = numberValue(said);
  return n !== null && Number.isInteger(n) && n !== count && n >= count / 1.5 && n <= count * 1.5;
}

/**
 * What after a number makes it a count: a plural noun, maybe after a word ("ships",
 * "bulk carriers", "users"), or "in scope".
 */
function countedBy(after: string): boolean {
  return (
    COUNT_NOUN_AFTER.test(after) ||
    COUNT_NOUN_AFTER.test(after.replace(/^\s+[a-z-]+/i, '')) ||
    /^\s+(?:[a-z-]+\s+)?(?:users|seats|licen[cs]es|people|staff)\b|^\s+in scope\b/i.test(after) ||
    /^\s+(?:days|weeks|months|years)\b/i.test(after)
  );
}

/** "four twenty-five per provider per month" "Four twenty-five.": the unit price echoed. */
function unitPriceSaid(said: string, previous: ExtractUtterance | undefined): boolean {
  if (!previous) return false;
  // "seventy-four złoty per vehicle per month" names its currency before "per".
  const figure = escapeRegExp(said.trim());
  return new RegExp(
    `\\b${figure}\\s+(?:per|a|an|each)\\b|\\b${figure}\\s+(?!(?:${SPOKEN_SCALE_WORD}|k|grand|hundred)\\b)\\p{L}+\\s+(?:per|each)\\b`,
    'iu',
  ).test(previous.text);
}

/** What may be spent: a figure beside it is a hint of the price, not the price. */
const BUDGET = /\b(budget(ed)?|capex|opex|set aside|earmarked|allocated)\b/i;
/** A figure turned to the seller after another's price: "with you", "your quote". */
const TO_THE_SELLER = /\b(you|your|yours)\b/i;

/** "December 15.", "Monday 11", "net 60", "room 204", "6,50": a day, a term, a label or a decimal. */
const DATE_OR_LABEL_BEFORE = new RegExp(
  String.raw`\b(${MONTH_OR_SHORT}|the|on|day|week|room|page|section|number|no\.?|line|step|phase|version|v|plant|site|unit|building|floor|gate|route|model|kw|cw|wk|net|${WEEKDAY}|paragraph|para|clause|article|item)[\s-]*$|#\s*$|\d[,.:]$`,
  'i',
);

/** "The seventeenth, what time?" asks for an hour. */
const TIME_ASKED = /\b(what|which) time\b/i;

/** "Around eleven" last night is a time. */
const TIME_OF_DAY =
  /\b(o'?clock|[ap]\.?m\b|morning|afternoon|evening|night|tonight|noon|midnight)|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day at (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i;

export interface MoneyReading {
  /** 1e6 in a call priced in millions: "1.5 is our offer" is 1,500,000. */
  impliedScale?: number;
  /** The workspace's zone: "dollars" or "pesos" alone are its country's (`SHARED_NAMES`). */
  timeZone?: string;
  /** The buyer's own currency, preferred to the workspace's for a shared name. */
  buyerCurrency?: Currency | null;
}

/**
 * Japanese and Korean count in ten-thousands (man) and hundred-millions (oku): "nine
 * hundred man yen" is 9,000,000 yen, "one point two oku" 120,000,000, "three thousand six
 * hundred man won" 36,000,000 won. "Man" is an English word too, so these are read only
 * in a Japanese or Korean workspace, of a Japanese or Korean buyer, or when yen or won
 * follow. Said alone they are the buyer's yen or won, else the workspace's: "1,380 man"
 * to a buyer on a .co.jp domain is yen, even to a seller in Seoul (k280). Thousands
 * (sen) follow the man: "117 man 6 sen" is 1,176,000 (k326).
 */
const MYRIAD = new RegExp(
  `(?<num>${ANY_NUMBER.source})\\s+(?<unit>oku|man)\\b(?![\\s-]*(?:team|job|crew|show|operation|shift|band|hours?|days?)\\b)(?:\\s+(?<sen>[1-9])\\s+sen\\b)?(?:\\s+(?<code>yen|won)\\b)?`,
  'gi',
);
const MYRIAD_UNIT = { man: 1e4, oku: 1e8 } as const;
const MYRIAD_CURRENCIES: readonly Currency[] = ['JPY', 'KRW'];

/** The yen or won a figure in man or oku said alone is in, if the place counts in them. */
function myriadCurrency(place: Place): Currency | null {
  return localCurrencies(place).find((c) => MYRIAD_CURRENCIES.includes(c)) ?? null;
}

/** Figures said in man and oku, "one oku two thousand man" as one figure. */
function myriadMoney(text: string, place: Place): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (const m of text.matchAll(MYRIAD)) {
    const g = m.groups!;
    const said = myriadCurrency(place);
    if (!g.code && said === null) continue;
    const num = numberValue(g.num!);
    // "a man", "an oku": an article alone is no figure.
    if (num === null || /^an?$/i.test(g.num!.trim())) continue;
    const unit = MYRIAD_UNIT[g.unit!.toLowerCase() as keyof typeof MYRIAD_UNIT];
    const currency = g.code ? currencyOf(place, g.code) : said;
    const previous = out[out.length - 1];
    // "ichi oku, two thousand man": the man continue the oku just said.
    if (
      previous &&
      unit === 1e4 &&
      previous.amount % 1e8 === 0 &&
      /^[\s,]*$/.test(text.slice(previous.index + previous.length, m.index))
    ) {
      previous.amount += num * unit;
      previous.length = m.index + m[0].length - previous.index;
      if (g.code) previous.currency = currency;
      continue;
    }
    const thousands = g.sen !== undefined && unit === 1e4 ? Number(g.sen) * 1e3 : 0;
    out.push({
      amount: Math.round(num * unit + thousands),
      currency,
      index: m.index,
      length: m[0].length,
    });
  }
  return out;
}

/** "A buck fifty": a hundred and fifty, in a call priced in thousands. */
const A_BUCK =
  /\ba buck(?= (?:ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)/gi;

const BUCK_TOTAL =
  /\b(for the year|a year|per year|annual(ly)?|total|all[- ]in|for the contract)\b/i;

/** Money in a sentence: figures with a currency or a scale, and spoken numbers. */
export function findMoney(
  said: string,
  { impliedScale = 1, timeZone = '', buyerCurrency }: MoneyReading = {},
): MoneyMention[] {
  const place: Place = { timeZone, buyerCurrency };
  // "A buck twenty-five for the year" is "one twenty-five", written over the same
  // characters so that every index still points into the sentence as said. Without a
  // period or a total it is a dollar and cents ("A buck fifteen" a unit).
  const text = BUCK_TOTAL.test(said)
    ? said.replace(A_BUCK, (g) => `${' '.repeat(g.length - 3)}one`)
    : said;
  // "150 seats at $1,000 each": a count is money once it is priced, as count times price.
  const out: MoneyMention[] = [];
  for (const m of text.matchAll(PRICED_UNITS)) {
    const g = m.groups!;
    const currency = currencyOf(place, g.sym);
    const count = Number(g.count!.replace(/,/g, ''));
    const price =
      Number(g.price!.replace(/,/g, '')) * (g.scale ? SCALE[g.scale.toLowerCase()]! : 1);
    out.push({
      amount: Math.round(count * price * 100) / 100,
      currency,
      index: m.index,
      length: m[0].length,
    });
  }
  out.push(...myriadMoney(text, place));
  // "1 million 380 thousand", "1 million 380": the thousands said after the millions.
  for (const m of text.matchAll(MILLIONS_AND_THOUSANDS)) {
    const g = m.groups!;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({
      amount: Number(g.millions) * 1e6 + Number(g.thousands) * 1e3,
      currency: currencyOf(place, g.sym, g.code),
      index: start,
      length: m.index + m[0].length - start,
    });
  }
  for (const m of text.matchAll(NUMERIC)) {
    if (out.some((o) => m.index < o.index + o.length && m.index + m[0].length > o.index)) continue;
    const g = m.groups!;
    // "r" in any other case is no rand sign (the pattern is case-insensitive).
    if (g.sym === 'r' || g.sym === 'n' || g.sym === 'p') continue;
    // "385 mil per year" said in São Paulo is thousands of reais even with no sign.
    const unit = g.scale?.toLowerCase();
    const currency = currencyOf(place, g.sym, g.pre, g.code) ?? scaleCurrency(unit, place);
    const scale =
      unit === undefined
        ? 1
        : unit === 'mil' && milIsThousand(currency ?? localCurrencyOf(place))
          ? 1e3
          : SCALE[unit]!;
    // "150" alone is a count or a time more often than money; "95,000" grouped in
    // thousands is a figure, which the deal cue and the count guard below still check.
    // In a call priced in millions, "1.5 is our offer" is 1,500,000.
    const millions =
      impliedScale === 1e6 &&
      currency === null &&
      scale === 1 &&
      /^\d{1,2}\.\d{1,2}$/.test(g.num!) &&
      IMPLIED_AFTER.test(text.slice(m.index + m[0].length));
    // "So 440 is the final." in a call priced in thousands: the thousand goes unsaid in
    // digits as in words (a day, a time or a label excepted).
    const unsaid =
      !millions &&
      impliedScale === 1e3 &&
      currency === null &&
      scale === 1 &&
      /^\d{2,3}$/.test(g.num!) &&
      inImpliedScale(text, m.index, m.index + m[0].length, Number(g.num), impliedScale);
    if (unsaid) {
      out.push({
        amount: Number(g.num) * impliedScale,
        currency,
        index: m.index + (m[0].length - m[0].trimStart().length),
        length: m[0].trimStart().length,
        implied: true,
      });
      continue;
    }
    if (millions) {
      out.push({
        amount: Math.round(Number(g.num) * 1e6),
        currency,
        index: m.index + (m[0].length - m[0].trimStart().length),
        length: m[0].trimStart().length,
        implied: true,
      });
      continue;
    }
    if (currency === null && scale === 1 && !/^\d{1,3}([,.'’ \u00a0\u202f]\d{3})+$/.test(g.num!))
      continue;
    // A lowercase "m" may be minutes or metres; "$2m" and "1.2M" are millions.
    if (g.scale === 'm' && currency === null) continue;
    const end = m.index + m[0].length;
    if (!g.code && NOT_MONEY_AFTER.test(text.slice(end))) continue;
    // "about 2,400 payslips a month": a number before a plural noun counts it.
    if (!g.code && !g.sym && !g.pre && !g.scale && COUNT_NOUN_AFTER.test(text.slice(end))) continue;
    // "one hundred ten euros per bar per month": the price of one thing.
    if (PER_THING.test(text.slice(end))) continue;
    if (COUNT_AT.test(text.slice(0, m.index))) continue;
    const amount = figureOf(g.num!, scale) * scale;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({
      amount: Math.round(amount * 100) / 100,
      currency,
      index: start,
      length: end - start,
    });
  }
  for (const m of text.matchAll(NUMBER_WORDS)) {
    // "forty-eight thousand a year": a trailing "a" or "and" belongs to what follows.
    const words = m[0].replace(/(\s+(and|an?))+\s*$/i, '');
    // "We operate twenty-four seven": round the clock, not 24,700.
    if (ROUND_THE_CLOCK.test(words)) continue;
    // "a euro account": "a" alone is an article, never a figure.
    // "Satu perpuluhan satu juta": a scale word with no number said before it (in words
    // this reader knows) counts nothing.
    const amount =
      /^an?$/i.test(words.trim()) || BARE_SCALE.test(words.trim()) ? null : wordsToNumber(words);
    if (
      amount === null ||
      out.some((o) => m.index < o.index + o.length && m.index + m[0].length > o.index)
    )
      continue;
    const end = m.index + m[0].length;
    const tail = SPOKEN_TAIL.exec(text.slice(end));
    const before = text.slice(0, m.index);
    // "a few hundred a year" names no figure.
    if (VAGUE_COUNT_BEFORE.test(before)) continue;
    const sym = new RegExp(`(${SIGNS})\\s?$`).exec(before)?.[1];
    const scaled = SPOKEN_SCALE.exec(words);
    const currency =
      currencyOf(place, sym, tail?.[1]) ?? scaleCurrency(scaled?.[1]?.toLowerCase(), place);
    if (!tail && NOT_MONEY_AFTER.test(text.slice(end))) continue;
    if (PER_THING.test(text.slice(end + (tail ? tail[0].length : 0)))) continue;
    // "about two thousand claims a year": a spoken number before a plural noun is a count.
    if (!tail && !sym && COUNT_NOUN_AFTER.test(text.slice(end))) continue;
    if (COUNT_AT.test(before)) continue;
    const k = SPOKEN_K.exec(text.slice(m.index + words.length));
    if (k && !scaled) {
      // "sixty k per year"
      out.push({
        amount: amount * 1000,
        currency,
        index: m.index,
        length: words.length + k[0].length,
      });
    } else if (scaled) {
      out.push({ amount, currency, index: m.index, length: words.length });
    } else if (currency !== null) {
      // "two seventy-six Canadian" in a call priced in thousands is 276,000; "eleven
      // pounds a month" a van is the unit price as said.
      const unitPrice = UNIT_PRICE_AFTER.test(text.slice(end)) || /\b(?:at|@)\s*$/i.test(before);
      // "About two hundred pounds" says its hundreds: a price as said, not in thousands.
      const implied =
        impliedRange(amount, impliedScale) && !unitPrice && !/\bhundred\b/i.test(words);
      out.push({
        amount: amount * (implied ? impliedScale : 1),
        currency,
        index: m.index,
        length: words.length,
        ...(implied ? { implied: true as const } : {}),
      });
    } else if (inImpliedScale(text, m.index, m.index + words.length, amount, impliedScale)) {
      // "Ninety-five total", "one forty-six for two years": in a call whose prices are
      // in thousands, the thousand goes unsaid.
      out.push({
        amount: amount * impliedScale,
        currency,
        index: m.index,
        length: words.length,
        implied: true,
      });
    }
    // Otherwise a spoken figure is no money: "two" is not.
  }
  // "Twenty-nine thousand four hundred US a year": "US" after a figure, in capitals, is
  // the dollar of a call held in Canada; "for us" is not.
  for (const m of out) {
    if (m.currency === null && US_AFTER.test(text.slice(m.index + m.length))) m.currency = 'USD';
  }
  return out.sort((a, b) => a.index - b.index);
}

const US_AFTER = /^\s?US\b(?!\$)/;

/**
 * The scale a call's prices go unsaid in, from the deal's amount or else a figure said in
 * full: thousands between ten thousand and a million (a bare "ninety-five" said as a
 * price is 95,000), millions between a million and a billion ("one point three" is
 * 1,300,000), else none.
 */
function scaleOf(amount: number): number {
  return amount >= 10_000 && amount < 1e6 ? 1e3 : amount >= 1e6 && amount < 1e9 ? 1e6 : 1;
}

/**
 * Whether a spoken number may stand for a price in the implied scale: "ninety-five" in
 * thousands, "one point three" (a fraction) in millions.
 */
function impliedRange(amount: number, scale: number): boolean {
  if (scale === 1e3) return amount >= 10 && amount < 1000;
  if (scale === 1e6) return amount < 100 && !Number.isInteger(amount);
  return false;
}

/**
 * Whether a bare number at text[index, end) is a price in the call's unsaid scale: "So
 * 440 is the final.", "Ninety-five total" in a call priced in thousands. Not a day, an
 * hour, a label or a time: "December 15", "until 11", "room 204", "at 10:30".
 */
function inImpliedScale(
  text: string,
  index: number,
  end: number,
  amount: number,
  impliedScale: number,
): boolean {
  const before = text.slice(0, index);
  return (
    impliedRange(amount, impliedScale) &&
    IMPLIED_AFTER.test(text.slice(end)) &&
    !(amount <= 24 && HOUR_BEFORE.test(before)) &&
    !(isClockTime(amount) && MEETING_AT.test(before)) &&
    !NAME_OR_AGE_BEFORE.test(before) &&
    !LABEL_CODE_BEFORE.test(before) &&
    !SMALL_UNIT.test(text) &&
    !DATE_OR_LABEL_BEFORE.test(before) &&
    !YEAR_BEFORE.test(before) &&
    !TIME_OF_DAY.test(text)
  );
}

/** A code the number ends: a study's "KB-12", a model's "XR-7". */
const LABEL_CODE_BEFORE = /\b[A-Z][A-Z0-9]*-$/;

/** Words before a number up to 24 that make it an hour: "until 11", "at 10". */
const HOUR_BEFORE = /\b(at|until|till|from|by|before|after)\s*$/i;

/**
 * A product's or a person's number: "Microsoft 365", "Windows 11", and an age, "I'm
 * sixty-four". A capitalised word right before the number names what it is, unless it
 * is one a price is said after ("So 440", "Call it 95").
 */
const NAME_OR_AGE_BEFORE =
  /(?:\b(?!(?:I|So|Okay|OK|Ok|Yes|Yeah|Well|Then|Fine|Right|And|But|Call|Make|Say|Maybe|About|Around|Roughly|Just|Only|At|Like|Now|Still|Plus|Total|Exactly|Perfect|Great|Good|Sure|Done|Deal|Hmm|Um|Uh|Oh|Ah|Look|Honestly|Actually|Basically|Ja|Oui|Si|Sí|Bon|Also|Genau)\b)[A-Z][a-z]+[A-Za-z]*|\b(?:[Ii]'m|[Ii] am|[Hh]e's|[Hh]e is|[Ss]he's|[Ss]he is))\s*$/;

/** "We bought that plant in twenty-four": a year said short. */
const YEAR_BEFORE = /\b(?:in|since)\s*$/i;

/** "a few hundred", "several thousand": a size, not a figure. */
const VAGUE_COUNT_BEFORE = /\b(?:few|several|couple of|many)\s+$/i;

/** Pence and cents: "per-ticket goes from forty-five pence to forty" prices one ticket. */
const SMALL_UNIT = /\b(pence|cents?|centimes|kopecks?|tiyn|tetri|qəpik)\b/i;

/** A time someone comes or meets at: "please come at nine thirty" is half past nine. */
const MEETING_AT =
  /\b(come|meet|start|call|see you|be there|arrive|join|begin|talk|speak|land|leave|(i'm|i am|i'll be|i will be) (in|back|free|up|home|off))\b[^.?!,]{0,25}\b(at|around|by)\s*(about\s+)?$/i;

/** 930 as "nine thirty", 1045 as "ten forty-five": an hour and its minutes. */
function isClockTime(amount: number): boolean {
  const hour = Math.floor(amount / 100);
  return Number.isInteger(amount) && hour >= 1 && hour <= 12 && amount % 100 < 60;
}

/** How many words before a figure a negation turns it down from. */
const NEGATION_REACH = 6;

function negatesFigure(said: string): boolean {
  // "One ninety-eight total, not per year." says what the figure is of, and denies nothing.
  // "I'm not going to argue over five hundred quid" concedes the difference.
  const text = said.replace(NOT_THE_PERIOD, '').replace(NOT_ARGUING, '');
  if (!NEGATION.test(text)) return false;
  const figures = findMoney(text);
  if (figures.length === 0) return true;
  return figures.some((m) => {
    const before = text.slice(0, m.index).split(/\s+/).filter(Boolean).slice(-NEGATION_REACH);
    return NEGATION.test(before.join(' '));
  });
}

const NOT_THE_PERIOD =
  /,?\s*\bnot (?:per|a|each|by the) (?:year|month|annum)\b|,?\s*\bnot (?:annual(?:ly)?|monthly|yearly)\b/gi;

/** The currency the first of the tokens that names one names (a sign, a code, a word). */
function currencyOf(place: Place, ...tokens: (string | undefined)[]): Currency | null {
  for (const token of tokens) {
    if (!token) continue;
    const t = token.trim().toLowerCase();
    // "P140,000" is pula in Botswana and pesos in the Philippines; elsewhere no money.
    if (t === 'p') return localCurrencies(place).find((c) => c === 'BWP' || c === 'PHP') ?? null;
    const shared = SHARED_NAMES[t];
    const c = shared ? oneOf(shared, place) : (SYMBOLS[t] ?? CODES[t] ?? ISO_CODES[t]);
    if (c) return c;
  }
  return null;
}

/**
 * The currency of the figure a bare one echoes: "Sixty-four thousand pounds over three
 * years." "Sixty-four." is in pounds, whatever else the call was priced in.
 */
function echoedCurrency(
  said: readonly MoneyMention[],
  utterances: readonly ExtractUtterance[],
  index: number,
  impliedScale: number,
  place: Place,
): Currency | null {
  if (said.length !== 1) return null;
  for (const before of utterances.slice(Math.max(0, index - 2), index).reverse()) {
    const echoed = findMoney(before.text, { impliedScale, ...place }).find(
      (m) => m.amount === said[0]!.amount && m.currency !== null,
    );
    if (echoed) return echoed.currency;
  }
  return null;
}

/** Whether a text names one of the vendors, as people say them ("CDK" for "CDK Global"). */
function withoutReplaced(text: string, replaced: readonly MoneyMention[]): string {
  let out = text;
  for (const m of [...replaced].reverse()) {
    out = out.slice(0, m.index).replace(REPLACED_BEFORE, '') + out.slice(m.index + m.length);
  }
  return out;
}

function answersHypothetical(utterances: readonly ExtractUtterance[], index: number): boolean {
  const prev = utterances[index - 1];
  // The rep's "what if we did 1.5?" answered by the customer is a counter-offer taken up.
  if (!prev || prev.side === utterances[index]!.side || prev.side === 'internal') return false;
  return splitSentences(prev.text).some((q) => isQuestion(q.text) && HYPOTHETICAL.test(q.text));
}

function affirmedByCustomer(utterances: readonly ExtractUtterance[], index: number): boolean {
  const next = utterances[index + 1];
  return next !== undefined && next.side === 'external' && AFFIRMATION.test(next.text);
}

function clamp(x: number): number {
  return Math.round(Math.min(0.97, Math.max(0.05, x)) * 100) / 100;
}
