// Normalised values for figures: numbers, currencies, qualifiers, ISO (partial) dates and durations.
// Rules, not the model: the tagger finds the span, these read it.

import { parseNumber, parseOrdinal, splitWords } from './numbers.ts';

export interface FigureValue {
  value: number | string | null;
  unit?: string;
  currency?: string;
  qualifier?: string;
  kind?: string;
}

const QUALIFIERS: Array<[RegExp, string]> = [
  [/^(?:well |just |slightly |far )?(?:over|above|more than|upwards of|in excess of|greater than)\b/i, 'more than'],
  [/^(?:nearly|almost|just under|just shy of|close to)\b/i, 'nearly'],
  [/^(?:about|around|approximately|roughly|some|an estimated|estimated|circa|c\.|approx\.|or so)\b/i, 'about'],
  [/^(?:up to|as many as|as much as|as high as)\b/i, 'up to'],
  [/^(?:at least|no less than|a minimum of)\b/i, 'at least'],
  [/^(?:at most|no more than|a maximum of)\b/i, 'at most'],
  [/^(?:less than|under|below|fewer than)\b/i, 'less than'],
];

export function qualifierOf(text: string): { qualifier?: string; rest: string } {
  const t = text.replace(/^(?:the|a|an)\s+(?=(?:over|about|nearly|some|estimated)\b)/i, '');
  for (const [re, q] of QUALIFIERS) {
    const m = re.exec(t);
    if (m) return { qualifier: q, rest: t.slice(m[0].length).trim() };
  }
  return { rest: text };
}

const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/US\$|U\.S\. ?dollars?|US dollars?|American dollars?/i, 'USD'],
  [/HK\$|Hong Kong dollars?/i, 'HKD'],
  [/C\$|Canadian dollars?/i, 'CAD'],
  [/A\$|Australian dollars?/i, 'AUD'],
  [/NZ\$|New Zealand dollars?/i, 'NZD'],
  [/S\$|Singapore dollars?/i, 'SGD'],
  [/New Taiwan dollars?|NT\$/i, 'TWD'],
  [/R\$|Brazilian reals?|\bBRL\b/i, 'BRL'],
  [/€|\beuros?\b|\bEUR\b/i, 'EUR'],
  [/£|\bpounds?(?: sterling)?\b|\bsterling\b|\bGBP\b/i, 'GBP'],
  [/¥|\byen\b|\bJPY\b/i, 'JPY'],
  [/\byuan\b|\brenminbi\b|\bRMB\b|\bCNY\b/i, 'CNY'],
  [/₹|\brupees?\b|\bRs\.?/i, 'INR'],
  [/₽|\broubles?\b|\brubles?\b/i, 'RUB'],
  [/\bfrancs?\b|\bCHF\b/i, 'CHF'],
  [/₩|\bwon\b/i, 'KRW'],
  [/\bmarks?\b|\bD-?marks?\b/i, 'DEM'],
  [/\$|\bdollars?\b|\bUSD\b|\bcents?\b/i, 'USD'],
];

function currencyIn(text: string): string | undefined {
  for (const [re, code] of CURRENCY_WORDS) if (re.test(text)) return code;
  return undefined;
}

// Maps, not plain objects: the words come from page text, and `w in {}` is true for 'constructor'.
const MONTHS = new Map<string, number>(Object.entries({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
}));
const WEEKDAYS = new Map<string, number>(Object.entries({ monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 }));
const DURATION_UNITS = new Map<string, string>(Object.entries({
  year: 'year', years: 'year', yr: 'year', yrs: 'year', month: 'month', months: 'month', week: 'week', weeks: 'week', day: 'day', days: 'day',
  decade: 'decade', decades: 'decade', century: 'century', centuries: 'century', hour: 'hour', hours: 'hour', minute: 'minute', minutes: 'minute',
  quarter: 'quarter', quarters: 'quarter', season: 'season', seasons: 'season',
}));
const QUANTITY_UNITS = /(?<![a-z])(kilometres?|kilometers?|km\/h|km|kph|kmh|miles?|centimetres?|centimeters?|millimetres?|millimeters?|metres?|meters?|feet|foot|ft|inches|inch|yards?|tonnes?|tons?|kilograms?|kilos?|kg|milligrams?|mg|grams?|pounds?|lbs?|ounces?|oz|millilitres?|ml|litres?|liters?|gallons?|barrels?|acres?|hectares?|square \w+|sq \w+|cubic \w+|degrees?|megawatts?|gigawatts?|kilowatts?|watts?|volts?|kwh|mwh|gwh|twh|kw|mw|gw|mph|[kmgt]b|kilobytes?|megabytes?|gigabytes?|terabytes?|bytes?|mbps|gbps|megapixels?|mp|gigahertz|megahertz|hertz|ghz|mhz|khz|hz|mah|knots?|calories?|bushels?|carats?|troy ounces?|cm|mm|nm)\b/i;
/** Abbreviations whose capitals carry meaning keep them ("GB", "GHz", "MW"); other units are lower case. */
const UNIT_CASE: Record<string, string> = {
  kb: 'KB', mb: 'MB', gb: 'GB', tb: 'TB', kw: 'kW', mw: 'MW', gw: 'GW', kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', twh: 'TWh', mbps: 'Mbps', gbps: 'Gbps',
  mp: 'MP', ghz: 'GHz', mhz: 'MHz', khz: 'kHz', hz: 'Hz', mah: 'mAh',
};

/** "40C", "-5 °C", "104°F": a temperature, as temperatures() in refine.ts finds them. */
const TEMPERATURE = /^([-−–]?\d+(?:\.\d+)?)\s*°?\s*([CF])$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The first written-out ISO date in `text` whose month and day are ones ("2015-13-40" is a code, not a date), or null. */
export function isoDateIn(text: string): string | null {
  return /\b\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/.exec(text)?.[0] ?? null;
}

/** "12.05.2015", day first as Europe writes it with dots, as an ISO date ("2015-05-12"); null when it is no real date. */
export function dottedDateIn(text: string): string | null {
  const m = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.]*\d)/.exec(text);
  if (!m) return null;
  const [day, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[3]}-${pad(month)}-${pad(day)}`;
}

function normaliseDate(text: string): FigureValue {
  const t = text.trim();
  const lower = t.toLowerCase();
  const iso = isoDateIn(t) ?? dottedDateIn(t);
  if (iso) return { value: iso };
  const words = splitWords(t.replace(/[.,]/g, ' '));
  const q = /\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b/i.exec(t);
  const qn = q ? parseOrdinal(q[1]!) ?? 0 : Number(/\bQ([1-4])\b/.exec(t)?.[1] ?? 0);
  if (qn > 0) {
    const y = /\b(1[5-9]\d{2}|20\d{2})\b/.exec(t);
    return { value: `${y ? y[1] : 'XXXX'}-Q${qn}` };
  }
  // Durations: "15 consecutive years", "three days", "the past six months".
  const unitIdx = words.findIndex((w) => DURATION_UNITS.has(w));
  const n = parseNumber(t.replace(/^(?:the|a|an)\s+(?:past|last|next|previous|coming|first)\s+/i, ''));
  // A month named makes it a date ("the quarter ended Sept. 30" is not 30 quarters).
  const namesMonth = words.some((w) => MONTHS.has(w) && w !== 'may');
  if (unitIdx >= 0 && n !== null && !namesMonth && !/\b(ago|earlier|later|old|before|after|since|from now|of \d{4})\b/.test(lower) && !/^\s*(?:\d{4}|the \d{4})/.test(t)) {
    const q = qualifierOf(t).qualifier;
    return { value: n, unit: DURATION_UNITS.get(words[unitIdx]!)!, kind: 'duration', ...(q ? { qualifier: q } : {}) };
  }
  const decade = /\b(\d{3})0s\b/.exec(t) ?? /'(\d)0s\b/.exec(t);
  if (decade) return { value: decade[1]!.length === 3 ? `${decade[1]}X` : `19${decade[1]}X` };
  const year = /\b(1[5-9]\d{2}|20\d{2}|2100)\b/.exec(t);
  let month = 0;
  let day = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (MONTHS.has(w) && (w !== 'may' || i === 0 || /^[A-Z]/.test(t.split(/\s+/)[i] ?? 'M') || t.includes('May'))) {
      month = MONTHS.get(w)!;
      const next = words[i + 1];
      const prev = words[i - 1];
      if (next && /^\d{1,2}(st|nd|rd|th)?$/.test(next)) day = parseInt(next, 10);
      else if (prev && /^\d{1,2}(st|nd|rd|th)?$/.test(prev)) day = parseInt(prev, 10);
    }
  }
  if (day > 31) day = 0;
  if (month) {
    if (year) return { value: day ? `${year[1]}-${pad(month)}-${pad(day)}` : `${year[1]}-${pad(month)}` };
    return { value: day ? `--${pad(month)}-${pad(day)}` : `--${pad(month)}` };
  }
  if (year) return { value: year[1]! };
  const wd = words.find((w) => WEEKDAYS.has(w));
  if (wd) {
    const qual = /\b(last|next|this|previous|coming)\b/.exec(lower);
    return { value: `XXXX-WXX-${WEEKDAYS.get(wd)}`, ...(qual ? { qualifier: qual[1]! } : {}) };
  }
  if (/\b(today|tonight)\b/.test(lower)) return { value: 'PRESENT_REF', kind: 'relative' };
  if (/\byesterday\b/.test(lower)) return { value: 'PRESENT_REF-P1D', kind: 'relative' };
  if (/\btomorrow\b/.test(lower)) return { value: 'PRESENT_REF+P1D', kind: 'relative' };
  const rel = /\b(last|next|this|past|coming|previous)\s+(year|month|week|quarter|decade|century|spring|summer|autumn|fall|winter)\b/.exec(lower);
  if (rel) return { value: null, kind: 'relative', qualifier: rel[1]! };
  return { value: null };
}

/** Units of a TIME that is a length of time ("45 minutes", "3.1 seconds"), not a time of day. */
const TIME_SPANS = new Map<string, string>(Object.entries({ hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour', minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute', second: 'second', seconds: 'second', sec: 'second', secs: 'second' }));

function normaliseTime(text: string): FigureValue {
  // "45 minutes", "3.1 seconds", "two hours": a duration.
  const words = splitWords(text);
  const span = words.length >= 2 ? TIME_SPANS.get(words[words.length - 1]!) : undefined;
  if (span) {
    const n = parseNumber(text.replace(/^(?:the|a|an)\s+(?:past|last|next|first)\s+/i, ''));
    if (n !== null && !/\b(ago|earlier|later|before|after)\b/i.test(text)) return { value: n, unit: span, kind: 'duration' };
  }
  // "7:30", "7.30pm" (British: a dot, always with am/pm), "5 p.m.".
  const m = /\b(\d{1,2})(?:(?::|\.(?=\d{2}\s*[ap]\.?m))(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?/i.exec(text);
  if (!m || (!m[2] && !m[3])) return { value: null };
  let h = Number(m[1]);
  const pm = m[3] && /p/i.test(m[3]);
  if (pm && h < 12) h += 12;
  if (m[3] && !pm && h === 12) h = 0;
  return { value: `T${pad(h)}:${m[2] ?? '00'}` };
}

/** The noun phrase a bare count counts ("five guiding principles" -> "guiding principles"). */
export function countedNoun(after: string): string | undefined {
  const m = /^\s*((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)(?=[\s,.;:!?’'"”)]|$)/.exec(after);
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    if (STOP.has(w)) break;
    out.push(w);
    // A plural noun usually closes the phrase ("20 people died").
    if (/[^s]s$|ies$|men$|people$|children$/.test(w) && out.length >= 1) break;
  }
  return out.length ? out.join(' ') : undefined;
}

const STOP = new Set([
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been',
  'have', 'has', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'that', 'which', 'who', 'than', 'as', 'per', 'percent',
  'said', 'says', 'say', 'also', 'more', 'less', 'times', 'each', 'other', 'others', 'these', 'those', 'this', 'it', 'its', 'their', 'his', 'her',
  'into', 'over', 'under', 'after', 'before', 'during', 'since', 'until', 'about', 'around', 'up', 'down', 'out', 'off', 'did', 'do', 'does', 'not',
  'million', 'billion', 'thousand', 'hundred', 'trillion', 'when', 'while', 'where', 'if', 'so', 'then', 'there', 'here', 'all', 'both', 'such',
]);

/** British pence written with the number ("245p" is £2.45; see refine.ts for which tokens are pence). */
export const PENCE = /^(\d{1,4}(?:\.\d+)?)p$/;

/**
 * The value of a figure of `type` written `text`; `after` is the rest of its sentence (a count's
 * noun), `before` the currency sign right before it that the span leaves out, as OntoNotes does
 * for plain amounts ("$" "3,000"; see signBefore in refine.ts), or ''.
 */
export function normaliseFigure(type: string, text: string, after = '', before = ''): FigureValue {
  const { qualifier, rest } = qualifierOf(text);
  const q = qualifier ? { qualifier } : {};
  switch (type) {
    case 'MONEY': {
      const pence = PENCE.exec(rest);
      if (pence) return { value: Number(pence[1]) / 100, unit: 'GBP', currency: 'GBP', ...q };
      const currency = currencyIn(text) ?? (before ? currencyIn(before) : undefined);
      let value = parseNumber(rest.replace(/[$€£¥₹₽₩]|US|HK|NZ|NT|\bC(?=\$)|\bA(?=\$)|\bS(?=\$)/g, ' '));
      if (value !== null && /\bcents?\b/i.test(text) && !/\$/.test(text)) value = value / 100;
      return { value, ...(currency ? { unit: currency, currency } : {}), ...q };
    }
    case 'PERCENT': {
      const value = parseNumber(rest.replace(/%/g, ' '));
      return { value, unit: 'percent', ...q };
    }
    case 'ORDINAL':
      return { value: parseOrdinal(text), ...q };
    case 'CARDINAL': {
      const value = parseNumber(rest);
      const unit = countedNoun(after);
      return { value, ...(unit ? { unit } : {}), ...q };
    }
    case 'QUANTITY': {
      const temperature = TEMPERATURE.exec(rest);
      if (temperature) return { value: Number(temperature[1]!.replace('−', '-').replace('–', '-')), unit: `°${temperature[2]}`, ...q };
      const value = parseNumber(rest);
      const u = QUANTITY_UNITS.exec(text);
      const lower = u ? u[1]!.toLowerCase() : '';
      const unit = u ? UNIT_CASE[lower] ?? lower : countedNoun(text.replace(/^[^a-z]*(?:\d[\d.,]*\s*)+/i, ''));
      return { value, ...(unit ? { unit } : {}), ...q };
    }
    case 'DATE': {
      const v = normaliseDate(text);
      return { ...v, ...(v.qualifier ? {} : q) };
    }
    case 'TIME':
      return { ...normaliseTime(text), ...q };
    default:
      return { value: null };
  }
}
