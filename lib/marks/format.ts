// Human-readable forms of normalised figures, for hover cards, fact cards and exports:
// 244.8e9 USD → "244.8 billion US dollars", "--09-02" → "2 September", "P15Y" → "15 years".

export interface FigureLike {
  type: string;
  text: string;
  value: number | string | null;
  unit?: string;
  currency?: string;
  qualifier?: string;
  /** "duration" for spans of time such as "15 consecutive years" (value 15, unit "year"). */
  kind?: string;
}

const CURRENCY_NAMES: Record<string, [string, string]> = {
  USD: ['US dollar', 'US dollars'],
  EUR: ['euro', 'euros'],
  GBP: ['pound sterling', 'pounds sterling'],
  JPY: ['yen', 'yen'],
  CNY: ['yuan', 'yuan'],
  RUB: ['rouble', 'roubles'],
  INR: ['rupee', 'rupees'],
  CHF: ['Swiss franc', 'Swiss francs'],
  CAD: ['Canadian dollar', 'Canadian dollars'],
  AUD: ['Australian dollar', 'Australian dollars'],
  HKD: ['Hong Kong dollar', 'Hong Kong dollars'],
};

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** 244.8e9 → "244.8 billion"; 1500 → "1,500"; 0.25 → "0.25". */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  for (const [scale, word] of SCALES) {
    if (magnitude >= scale) return `${trim(value / scale)} ${word}`;
  }
  return Number.isInteger(value) ? groupThousands(value) : trim(value);
}

/** 1500 → "1,500". By hand: the first Intl call in a fresh content-script world costs tens of ms. */
function groupThousands(value: number): string {
  const digits = String(Math.abs(value));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? `-${out}` : out;
}

const trim = (n: number): string => String(Number(n.toFixed(3)));

/** ISO date, partial date ("--09-02", "2024-05", "--05"), duration ("P15Y"), time, quarter or weekday in words. */
export function formatDateValue(value: string): string {
  const duration = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$/.exec(value);
  if (duration && value !== 'P') {
    const parts = (['year', 'month', 'week', 'day'] as const)
      .map((unit, i) => [duration[i + 1], unit] as const)
      .filter(([n]) => n !== undefined)
      .map(([n, unit]) => `${n} ${unit}${n === '1' ? '' : 's'}`);
    return parts.join(' ');
  }
  // "--MM-DD" and "--MM" are ISO 8601 dates without a year.
  const date = /^(\d{4}|-)(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (date) {
    const [, year, month, day] = date;
    const words = [day ? String(Number(day)) : '', month ? MONTHS[Number(month) - 1] ?? '' : '', year === '-' ? '' : year ?? '']
      .filter(Boolean)
      .join(' ');
    return words || value;
  }
  const decade = /^(\d{3})X$/.exec(value);
  if (decade) return `the ${decade[1]}0s`;
  // The extractor's times ("T19:30"), quarters ("2024-Q3", "XXXX-Q3") and weekdays ("XXXX-WXX-2").
  const time = /^T(\d{2}):(\d{2})$/.exec(value);
  if (time) return `${time[1]}:${time[2]}`;
  const quarter = /^(\d{4}|XXXX)-Q([1-4])$/.exec(value);
  if (quarter) return quarter[1] === 'XXXX' ? `Q${quarter[2]}` : `Q${quarter[2]} ${quarter[1]}`;
  const weekday = /^XXXX-WXX-([1-7])$/.exec(value);
  if (weekday) return WEEKDAYS[Number(weekday[1]) - 1]!;
  return value;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function currencyName(code: string, amount: number): string {
  const names = CURRENCY_NAMES[code];
  if (!names) return code;
  return amount === 1 ? names[0] : names[1];
}

/** The figure as a reader wants it spelled out, qualifier and unit included. */
export function formatFigure(figure: FigureLike): string {
  const qualifier = figure.qualifier ? `${figure.qualifier} ` : '';
  const { value } = figure;
  if (value === null || value === undefined || value === '') return figure.text;
  if (typeof value === 'string') return `${qualifier}${formatDateValue(value)}`;
  if (figure.kind === 'duration' && figure.unit) {
    const unit = figure.unit.replace(/s$/, '');
    return `${qualifier}${formatNumber(value)} ${unit}${value === 1 ? '' : 's'}`;
  }
  switch (figure.type) {
    case 'MONEY':
      return `${qualifier}${formatNumber(value)} ${figure.currency ? currencyName(figure.currency, value) : figure.unit ?? ''}`.trim();
    case 'PERCENT':
      return `${qualifier}${trim(value)}%`;
    case 'ORDINAL':
      return `${qualifier}${ordinal(value)}${figure.unit ? ` ${figure.unit}` : ''}`;
    default:
      return `${qualifier}${formatNumber(value)}${figure.unit ? ` ${figure.unit}` : ''}`;
  }
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
