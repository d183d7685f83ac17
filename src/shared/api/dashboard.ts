// Request and response shapes of the dashboard statistics (seed 5.6), built from the collection
// schemas so a job's title or an application's status is described once.
import { Type, type Static } from 'typebox';
import { ActivitySchema } from '../schemas/activity.js';
import { ApplicationStatusSchema } from '../schemas/application.js';
import { Count, EpochMs, Id, Text } from '../schemas/base.js';
import { CandidateSchema } from '../schemas/candidate.js';
import { JobSchema } from '../schemas/job.js';
import { UserRoleSchema } from '../schemas/user.js';
import { MAX_PAGE_SIZE, Page, PageQuery } from './common.js';

/** The longest span daily-applications answers for, in days. */
export const MAX_DAILY_RANGE_DAYS = 366;
/** Days shown by daily-applications when `from` is not given. */
export const DEFAULT_DAILY_RANGE_DAYS = 30;

const job = JobSchema.properties;
const candidate = CandidateSchema.properties;

export const CalendarDay = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: `${description} (YYYY-MM-DD).` });

export const TimeZoneName = Type.String({
  pattern: '^[A-Za-z0-9_+:/-]+$',
  minLength: 1,
  maxLength: 64,
  default: 'UTC',
  description: 'An IANA time zone such as Europe/Lisbon; days are counted in it.',
});

/** The statistics without parameters still refuse unknown ones. */
export const NoQuery = Type.Object({}, { additionalProperties: false });

export const UserRoleCount = Type.Object({ role: UserRoleSchema, count: Count() });
export const StatusCount = Type.Object({ status: ApplicationStatusSchema, count: Count() });

export const DashboardOverview = Type.Object({
  totalJobs: Count(),
  openJobs: Count(),
  closedJobs: Count(),
  totalCandidates: Count(),
  totalApplications: Count(),
  applicationsLast7Days: Count({ description: 'Applications created in the 7 × 24 hours before now.' }),
  applicationsLast30Days: Count({ description: 'Applications created in the 30 × 24 hours before now.' }),
  hiredCount: Count({ description: 'Applications whose status is hired.' }),
  usersByRole: Type.Array(UserRoleCount, { description: 'Every role, zeros included.' }),
  generatedAt: EpochMs(),
});
export type DashboardOverview = Static<typeof DashboardOverview>;

export const LocationJobCount = Type.Object({
  location: job.location,
  jobs: Count(),
  openJobs: Count(),
});
export const JobsPerLocation = Type.Object({ items: Type.Array(LocationJobCount) });
export type JobsPerLocation = Static<typeof JobsPerLocation>;

/** A job with how many applications it has (applications-per-job, most-applied-jobs). */
export const JobApplicationCount = Type.Object({
  jobId: Id(),
  title: Text(200, { description: 'Empty when the job was deleted while the statistic was computed.' }),
  company: job.company,
  location: job.location,
  status: job.status,
  applications: Count(),
});
export type JobApplicationCount = Static<typeof JobApplicationCount>;

export const ApplicationsPerJobQuery = PageQuery;
export type ApplicationsPerJobQuery = Static<typeof ApplicationsPerJobQuery>;
export const ApplicationsPerJobPage = Page(JobApplicationCount);
export type ApplicationsPerJobPage = Static<typeof ApplicationsPerJobPage>;

export const TopListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10, description: `How many (1–${MAX_PAGE_SIZE}).` })),
  },
  { additionalProperties: false },
);
export type TopListQuery = Static<typeof TopListQuery>;

export const MostAppliedJobs = Type.Object({ items: Type.Array(JobApplicationCount) });
export type MostAppliedJobs = Static<typeof MostAppliedJobs>;

export const CandidateActivityCount = Type.Object({
  candidateId: Id(),
  name: Text(200, { description: 'Empty when the candidate record no longer exists.' }),
  primaryEmail: candidate.primaryEmail,
  applications: Count(),
  lastActivityAt: EpochMs({ description: 'The latest update of any of the candidate’s applications.' }),
});
export const MostActiveCandidates = Type.Object({ items: Type.Array(CandidateActivityCount) });
export type MostActiveCandidates = Static<typeof MostActiveCandidates>;

export const DailyApplicationsQuery = Type.Object(
  {
    from: Type.Optional(CalendarDay(`First day; defaults to ${DEFAULT_DAILY_RANGE_DAYS - 1} days before \`to\``)),
    to: Type.Optional(CalendarDay('Last day, included; defaults to today in `tz`')),
    tz: Type.Optional(TimeZoneName),
  },
  { additionalProperties: false },
);
export type DailyApplicationsQuery = Static<typeof DailyApplicationsQuery>;

export const DayCount = Type.Object({ date: CalendarDay('The local day'), applications: Count() });
export const DailyApplications = Type.Object({
  from: CalendarDay('First day'),
  to: CalendarDay('Last day, included'),
  tz: TimeZoneName,
  total: Count(),
  days: Type.Array(DayCount, { description: 'Every day of the range in order, days without applications included.' }),
});
export type DailyApplications = Static<typeof DailyApplications>;

export const ApplicationStatusBreakdown = Type.Object({
  total: Count(),
  items: Type.Array(StatusCount, { description: 'Every status in pipeline order, zeros included.' }),
});
export type ApplicationStatusBreakdown = Static<typeof ApplicationStatusBreakdown>;

export const RecentActivityQuery = PageQuery;
export const RecentActivityPage = Page(ActivitySchema);
export type RecentActivityPage = Static<typeof RecentActivityPage>;
