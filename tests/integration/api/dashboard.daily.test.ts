// daily-applications: local days in the asked time zone (DST days of 23 and 25 hours), zero-filled
// ranges, defaults, and the validation of from, to and tz.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCalendarDay, parseCalendarDay, zonedCalendar } from '../../../src/main/core/features/dashboard/zoned-days.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { Application } from '../../../src/shared/schemas/application.js';
import { insertAll, makeApplication, seedDashboardData } from './dashboard.fixtures.js';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await createTestApi();
  ({ token } = await api.signIn('recruiter'));
  await seedDashboardData(api.db);
});
afterAll(() => api.close());

const daily = (query: string) => api.as(token, { method: 'GET', url: `/api/v1/dashboard/stats/daily-applications?${query}` });

async function days(query: string): Promise<[string, number][]> {
  const res = await daily(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().days.map((d: { date: string; applications: number }) => [d.date, d.applications]);
}

describe('daily-applications', () => {
  it('counts days in Europe/Lisbon, including the 25-hour day summer time ends', async () => {
    expect(await days('from=2026-10-23&to=2026-10-27&tz=Europe/Lisbon')).toEqual([
      ['2026-10-23', 1], // a1
      ['2026-10-24', 2], // a2 (00:30 local), a3 (23:59:59.999 local)
      ['2026-10-25', 4], // a4 (00:00 local), a5 and a6 (01:30 twice), a7 (23:30 WET)
      ['2026-10-26', 1], // a8
      ['2026-10-27', 0],
    ]);
  });

  it('counts the same applications by UTC day when tz is UTC', async () => {
    expect(await days('from=2026-10-23&to=2026-10-27&tz=UTC')).toEqual([
      ['2026-10-23', 2],
      ['2026-10-24', 2],
      ['2026-10-25', 3],
      ['2026-10-26', 1],
      ['2026-10-27', 0],
    ]);
  });

  it('counts by New York day, four hours behind UTC then', async () => {
    expect(await days('from=2026-10-23&to=2026-10-26&tz=America/New_York')).toEqual([
      ['2026-10-23', 2],
      ['2026-10-24', 4],
      ['2026-10-25', 2],
      ['2026-10-26', 0],
    ]);
  });

  it('returns the range, time zone and total with every day zero-filled', async () => {
    const res = await daily('from=2026-10-01&to=2026-11-30&tz=Europe/Lisbon');
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-10-01', to: '2026-11-30', tz: 'Europe/Lisbon', total: 12 });
    expect(body.days).toHaveLength(61);
    expect(body.days[0]).toEqual({ date: '2026-10-01', applications: 0 });
    expect(body.days[60]).toEqual({ date: '2026-11-30', applications: 0 });
    expect(body.days.filter((d: { applications: number }) => d.applications > 0)).toHaveLength(8);
  });

  it('a single day and a day with no applications are fine', async () => {
    expect(await days('from=2026-11-25&to=2026-11-25')).toEqual([['2026-11-25', 1]]);
    expect(await days('from=2026-01-01&to=2026-01-01&tz=Asia/Tokyo')).toEqual([['2026-01-01', 0]]);
  });

  it('defaults to the 30 days ending today in UTC', async () => {
    const body = (await daily('')).json();
    expect(body).toMatchObject({ from: '2026-10-27', to: '2026-11-25', tz: 'UTC', total: 4 });
    expect(body.days).toHaveLength(30);
  });

  it('takes "today" in the asked time zone', async () => {
    // 2026-11-25T12:00Z is already 02:00 on the 26th in Kiritimati (UTC+14)
    const body = (await daily('tz=Pacific/Kiritimati')).json();
    expect(body).toMatchObject({ from: '2026-10-28', to: '2026-11-26', tz: 'Pacific/Kiritimati', total: 4 });
    const nonZero = body.days.filter((d: { applications: number }) => d.applications > 0);
    expect(nonZero).toEqual([
      { date: '2026-11-11', applications: 1 }, // a9, 11-10T10:00Z = local midnight
      { date: '2026-11-20', applications: 1 }, // a10, 23:00 local
      { date: '2026-11-25', applications: 1 }, // a11, 13:30 local
      { date: '2026-11-26', applications: 1 }, // a12, 01:00 local
    ]);
  });

  it('counts exactly in a zone whose offset was not a whole quarter hour (Monrovia, UTC−0:44:30 in 1971)', async () => {
    // Monrovia's 1971-06-01 began at 00:44:30Z: the first application is still on May 31st there.
    await insertAll(api.db.applications, [
      unstamped<Application>(makeApplication('m1', 'j1', 'c1', 'applied', '1971-06-01T00:30:00Z')),
      unstamped<Application>(makeApplication('m2', 'j1', 'c2', 'applied', '1971-06-01T00:50:00Z')),
    ]);
    expect(await days('from=1971-05-31&to=1971-06-01&tz=Africa/Monrovia')).toEqual([
      ['1971-05-31', 1],
      ['1971-06-01', 1],
    ]);
    expect(await days('from=1971-05-31&to=1971-06-01&tz=UTC')).toEqual([
      ['1971-05-31', 0],
      ['1971-06-01', 2],
    ]);
  });

  it('accepts a range of exactly 366 days', async () => {
    const body = (await daily('from=2025-11-26&to=2026-11-26')).json();
    expect(body.days).toHaveLength(366);
    expect(body.total).toBe(12);
  });
});

describe('daily-applications validation', () => {
  const rejects = async (query: string, field: string) => {
    const res = await daily(query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field } });
  };

  it('rejects a date that does not exist, naming from', () => rejects('from=2026-02-30&to=2026-03-01', 'from'));
  it('rejects a date not written YYYY-MM-DD, naming to', () => rejects('from=2026-01-01&to=01/02/2026', 'to'));
  it('rejects from after to, naming from', () => rejects('from=2026-03-02&to=2026-03-01', 'from'));
  it('rejects a range over 366 days, naming to', () => rejects('from=2025-01-01&to=2026-01-02', 'to'));
  it('rejects an unknown time zone, naming tz', () => rejects('tz=Mars/Olympus_Mons', 'tz'));
  it('treats an operator object as text and rejects it, naming tz', () => rejects(`tz=${encodeURIComponent('{"$gt":""}')}`, 'tz'));
  it('rejects unknown query parameters', async () => {
    const res = await daily('from=2026-01-01&days=5');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});

describe('local days as instants', () => {
  const start = (tz: string, date: string) => new Date(zonedCalendar(tz).startOfDay(parseCalendarDay(date) as number)).toISOString();

  it('the day summer time starts in Lisbon lasts 23 hours, the day it ends 25', () => {
    expect(start('Europe/Lisbon', '2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(start('Europe/Lisbon', '2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
    expect(start('Europe/Lisbon', '2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(start('Europe/Lisbon', '2026-10-26')).toBe('2026-10-26T00:00:00.000Z');
  });

  it('a day whose midnight is skipped by a DST jump starts when the clocks jump', () => {
    // Santiago (Chile) moves from 24:00 to 01:00 on 2026-09-06: the day starts at 01:00 -03 = 04:00Z
    expect(start('America/Santiago', '2026-09-06')).toBe('2026-09-06T04:00:00.000Z');
    const santiago = zonedCalendar('America/Santiago');
    expect(formatCalendarDay(santiago.dayOf(Date.parse('2026-09-06T03:59:59.999Z')))).toBe('2026-09-05');
  });

  it('zones with half-hour offsets and far from UTC are exact', () => {
    expect(start('Asia/Kolkata', '2026-01-01')).toBe('2025-12-31T18:30:00.000Z');
    expect(start('Pacific/Kiritimati', '2026-01-01')).toBe('2025-12-31T10:00:00.000Z');
    expect(start('America/St_Johns', '2026-07-01')).toBe('2026-07-01T02:30:00.000Z');
  });

  it('parses only real calendar dates', () => {
    expect(parseCalendarDay('2024-02-29')).toBeDefined();
    expect(parseCalendarDay('2026-02-29')).toBeUndefined();
    expect(parseCalendarDay('2026-13-01')).toBeUndefined();
    expect(formatCalendarDay(parseCalendarDay('2026-10-25') as number)).toBe('2026-10-25');
  });
});
