// Dashboard statistics routes (seed 5.6): read-only, for admins and recruiters. HTTP ⇄ service only.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import {
  ApplicationStatusBreakdown,
  ApplicationsPerJobPage,
  ApplicationsPerJobQuery,
  DailyApplications,
  DailyApplicationsQuery,
  DashboardOverview,
  JobsPerLocation,
  MAX_DAILY_RANGE_DAYS,
  MostActiveCandidates,
  MostAppliedJobs,
  NoQuery,
  RecentActivityPage,
  RecentActivityQuery,
  TopListQuery,
} from '../../../../shared/api/dashboard.js';
import { STAFF } from '../../api/access.js';
import type { FeatureServices } from '../index.js';

const STATS = '/dashboard/stats';
const tags = ['dashboard'];
const config = { access: STAFF };
const errors = { 400: ErrorResponse, ...AUTH_ERRORS };

export function dashboardRoutes(services: FeatureServices): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    const { dashboard } = services;

    app.get(
      `${STATS}/overview`,
      { config, schema: { tags, summary: 'Overall recruitment figures', querystring: NoQuery, response: { 200: DashboardOverview, ...errors } } },
      async () => dashboard.overview(),
    );

    app.get(
      `${STATS}/jobs-per-location`,
      { config, schema: { tags, summary: 'How many jobs (and open jobs) each location has', querystring: NoQuery, response: { 200: JobsPerLocation, ...errors } } },
      async () => dashboard.jobsPerLocation(),
    );

    app.get(
      `${STATS}/applications-per-job`,
      {
        config,
        schema: {
          tags,
          summary: 'Every job with its number of applications, most applied first',
          querystring: ApplicationsPerJobQuery,
          response: { 200: ApplicationsPerJobPage, ...errors },
        },
      },
      (request) => dashboard.applicationsPerJob({ limit: request.query.limit ?? 20, skip: request.query.skip ?? 0 }),
    );

    app.get(
      `${STATS}/daily-applications`,
      {
        config,
        schema: {
          tags,
          summary: 'Applications per local day of a range, days without applications included',
          description: `At most ${MAX_DAILY_RANGE_DAYS} days. Days are counted in \`tz\`, so a day around a DST change lasts 23 or 25 hours.`,
          querystring: DailyApplicationsQuery,
          response: { 200: DailyApplications, ...errors },
        },
      },
      async (request) => dashboard.dailyApplications(request.query),
    );

    app.get(
      `${STATS}/most-applied-jobs`,
      {
        config,
        schema: { tags, summary: 'The jobs with the most applications', querystring: TopListQuery, response: { 200: MostAppliedJobs, ...errors } },
      },
      (request) => dashboard.mostAppliedJobs(request.query.limit ?? 10),
    );

    app.get(
      `${STATS}/most-active-candidates`,
      {
        config,
        schema: {
          tags,
          summary: 'The candidates with the most applications, latest activity first among equals',
          querystring: TopListQuery,
          response: { 200: MostActiveCandidates, ...errors },
        },
      },
      (request) => dashboard.mostActiveCandidates(request.query.limit ?? 10),
    );

    app.get(
      `${STATS}/application-status-breakdown`,
      { config, schema: { tags, summary: 'Applications per status, every status listed', querystring: NoQuery, response: { 200: ApplicationStatusBreakdown, ...errors } } },
      async () => dashboard.applicationStatusBreakdown(),
    );

    app.get(
      `${STATS}/recent-activity`,
      {
        config,
        schema: { tags, summary: 'The activity log, newest first', querystring: RecentActivityQuery, response: { 200: RecentActivityPage, ...errors } },
      },
      (request) => dashboard.recentActivity({ limit: request.query.limit ?? 20, skip: request.query.skip ?? 0 }),
    );
  };
}
