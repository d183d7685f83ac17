// The daily-applications statistic: the applications created on each local day of a range in a time
// zone, zero-filled. Each day is a count over the tally's sorted creation times, so the cost
// follows the length of the range, not the number of applications ever made.
import type { DailyApplications, DailyApplicationsQuery } from '../../../../shared/api/dashboard.js';
import { DEFAULT_DAILY_RANGE_DAYS, MAX_DAILY_RANGE_DAYS } from '../../../../shared/api/dashboard.js';
import { ValidationError } from '../../errors.js';
import type { ApplicationTally } from './tallies.js';
import { formatCalendarDay, parseCalendarDay, type ZonedCalendar } from './zoned-days.js';

export interface DayRange {
  calendar: ZonedCalendar;
  firstDay: number;
  lastDay: number;
}

function dayParameter(query: DailyApplicationsQuery, field: 'from' | 'to'): number | undefined {
  const text = query[field];
  if (text === undefined) return undefined;
  const day = parseCalendarDay(text);
  if (day === undefined) throw new ValidationError(`${field} must be a real date written YYYY-MM-DD; got "${text}".`, { field });
  return day;
}

/**
 * Checks and completes the query (`calendarFor` answers undefined for a zone it does not know): `to` defaults to today in `tz`, `from` to the 30 days
 * ending at `to`.
 */
export function resolveDayRange(query: DailyApplicationsQuery, now: number, calendarFor: (timeZone: string) => ZonedCalendar | undefined): DayRange {
  const timeZone = query.tz ?? 'UTC';
  const calendar = calendarFor(timeZone);
  if (!calendar) {
    throw new ValidationError(`tz must be an IANA time zone such as Europe/Lisbon; "${timeZone}" is not one.`, { field: 'tz' });
  }
  const lastDay = dayParameter(query, 'to') ?? calendar.dayOf(now);
  const firstDay = dayParameter(query, 'from') ?? lastDay - (DEFAULT_DAILY_RANGE_DAYS - 1);
  if (firstDay > lastDay) {
    throw new ValidationError(`from (${formatCalendarDay(firstDay)}) must not be after to (${formatCalendarDay(lastDay)}).`, { field: 'from' });
  }
  if (lastDay - firstDay + 1 > MAX_DAILY_RANGE_DAYS) {
    throw new ValidationError(`The range may cover at most ${MAX_DAILY_RANGE_DAYS} days; ask for a shorter one.`, { field: 'to' });
  }
  return { calendar, firstDay, lastDay };
}

export function countDailyApplications(tally: ApplicationTally, { calendar, firstDay, lastDay }: DayRange): DailyApplications {
  const counts: number[] = [];
  let start = calendar.startOfDay(firstDay);
  for (let day = firstDay; day <= lastDay; day++) {
    const end = calendar.startOfDay(day + 1);
    counts.push(tally.countCreatedBetween(start, end));
    start = end;
  }
  return {
    from: formatCalendarDay(firstDay),
    to: formatCalendarDay(lastDay),
    tz: calendar.timeZone,
    total: counts.reduce((sum, n) => sum + n, 0),
    days: counts.map((applications, i) => ({ date: formatCalendarDay(firstDay + i), applications })),
  };
}
