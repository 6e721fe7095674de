// Publication dates as pages give them (ISO date, date-time, sometimes free text) in words.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2025-09-02" or "2025-09-02T08:30:00+08:00" → "2 September 2025". The calendar date is taken as
 * written, not converted to the reader's zone: a paper dated the 2nd in Beijing is the 2nd's paper.
 * Anything else is returned trimmed, as the page wrote it.
 */
export function formatPublished(published: string | undefined): string | undefined {
  const raw = published?.trim();
  if (!raw) return undefined;
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:$|[T ])/.exec(raw);
  if (!iso) return raw;
  const year = iso[1]!;
  const month = MONTHS[Number(iso[2]) - 1];
  if (!month) return raw;
  if (iso[3] === undefined) return `${month} ${year}`;
  const day = Number(iso[3]);
  return day >= 1 && day <= 31 ? `${day} ${month} ${year}` : raw;
}
