// Calendar days in an IANA time zone, as epoch-millisecond ranges: what "applications per day"
// means for someone in Lisbon is not the UTC day, and a day around a DST change lasts 23 or 25 hours.
// Days are numbered as whole days since 1970-01-01 so ranges are simple integer arithmetic.

export const DAY_MS = 86_400_000;

/** Day starts a calendar remembers: ten years. */
const MAX_REMEMBERED_DAYS = 3660;

const EN_US_DATE_TIME = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** True when `name` is a time zone this runtime knows (Intl throws a RangeError otherwise). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The day number of a `YYYY-MM-DD` date, or undefined when it is not a real calendar date. */
export function parseCalendarDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return Math.round(date.getTime() / DAY_MS);
}

export function formatCalendarDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface ZonedCalendar {
  readonly timeZone: string;
  /** The local calendar day (day number) an instant falls on. */
  dayOf(instant: number): number;
  /** The first instant of a local day: usually local midnight, the end of the gap when a DST jump skips midnight. */
  startOfDay(day: number): number;
}

export function zonedCalendar(timeZone: string): ZonedCalendar {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });

  const asUtc = (year: number, month: number, day: number, hour: number, minute: number, second: number) => {
    // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, 0);
    return date.getTime();
  };
  /** The local wall-clock time of `instant`, written as if it were UTC (whole seconds). */
  const wallClock = (instant: number): number => {
    const date = new Date(instant);
    // format() is about twice as fast as formatToParts(); the parts are the fallback if an ICU
    // version ever writes the en-US pattern differently.
    const match = EN_US_DATE_TIME.exec(format.format(date));
    if (match) return asUtc(Number(match[3]), Number(match[1]), Number(match[2]), Number(match[4]), Number(match[5]), Number(match[6]));
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(date)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return asUtc(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  };
  const dayOf = (instant: number) => Math.floor(wallClock(instant) / DAY_MS);
  const offsetAt = (instant: number) => wallClock(instant) - (instant - (((instant % 1000) + 1000) % 1000));
  const isStart = (instant: number, day: number) => dayOf(instant) === day && dayOf(instant - 1) < day;
  // The offset that found the previous day's start: consecutive days almost always share it.
  let lastOffset: number | undefined;

  const findStartOfDay = (day: number): number => {
    const midnightAsUtc = day * DAY_MS;
    if (lastOffset !== undefined && isStart(midnightAsUtc - lastOffset, day)) return midnightAsUtc - lastOffset;
    // Midnight minus the offset in force then; the second guess covers an offset that changes
    // between the two instants.
    const first = midnightAsUtc - offsetAt(midnightAsUtc);
    const second = midnightAsUtc - offsetAt(first);
    const found = [first, second].filter((t) => isStart(t, day));
    if (found.length > 0) {
      const start = Math.min(...found);
      lastOffset = midnightAsUtc - start;
      return start;
    }
    // A gap or odd historical offset: the earliest instant on the day, by bisection. No zone is
    // more than 14 hours from UTC, so the answer lies within a day and a bit of local midnight.
    let before = midnightAsUtc - 26 * 3_600_000;
    let onOrAfter = midnightAsUtc + 26 * 3_600_000;
    while (onOrAfter - before > 1) {
      const middle = Math.floor((before + onOrAfter) / 2);
      if (dayOf(middle) >= day) onOrAfter = middle;
      else before = middle;
    }
    return onOrAfter;
  };

  // Time zone rules do not change while the app runs, so a day's start is worked out once.
  const known = new Map<number, number>();
  const startOfDay = (day: number): number => {
    let start = known.get(day);
    if (start === undefined) {
      if (known.size >= MAX_REMEMBERED_DAYS) known.clear();
      start = findStartOfDay(day);
      known.set(day, start);
    }
    return start;
  };

  return { timeZone, dayOf, startOfDay };
}
