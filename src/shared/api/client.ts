// The one typed client of the REST API, used by the renderer (and by tests). Request and response
// types come from the shared TypeBox shapes, so a change of contract fails the renderer's typecheck.
// Only `import type` from the shapes: the client adds no schema code to the renderer's bundle.
import type { Static } from 'typebox';
import type {
  ApplicationCreateBody,
  ApplicationListQuery,
  ApplicationOut,
  ApplicationPage,
  ApplicationStatusBody,
  ApplyBody,
  JobApplicationsQuery,
} from './applications.js';
import type { AnalysisList, AnalyzeAccepted, AnalyzeBody, RankAccepted, RankBody, Ranking, UsageQuery, UsageSummary } from './analysis.js';
import type {
  AnalysisSettingsOut,
  AnalysisSettingsUpdate,
  ProviderTestOut,
  SecretStateOut,
  SettableSecretName,
} from './analysis-settings.js';
import type { AnalysisProvider } from '../schemas/analysis.js';
import type { ChangePasswordBody, LoginBody, RegisterBody, TokenResponse } from './auth.js';
import type {
  CandidateCreateBody,
  CandidateDeleteResponse,
  CandidateListQuery,
  CandidateOut,
  CandidatePage,
  CandidateUpdateBody,
} from './candidates.js';
import type { ErrorResponse, OkResponse } from './common.js';
import type {
  ApplicationStatusBreakdown,
  ApplicationsPerJobPage,
  ApplicationsPerJobQuery,
  DailyApplications,
  DailyApplicationsQuery,
  DashboardOverview,
  JobsPerLocation,
  MostActiveCandidates,
  MostAppliedJobs,
  RecentActivityPage,
  RecentActivityQuery,
  TopListQuery,
} from './dashboard.js';
import type { JsonResume } from './json-resume.js';
import type { JobCreateBody, JobDeleteResult, JobListQuery, JobOut, JobPage, JobPatchBody, JobSeedResult } from './jobs.js';
import type { SetupAdminBody, SetupStatus, UserCreateBody, UserListQuery, UserOut, UserPage, UserUpdateBody } from './users.js';
import type {
  ImportActionResponse,
  ImportFolderResponse,
  ImportStatus,
  ReparseResponse,
  ResumeListQuery,
  ResumeOut,
  ResumePage,
  UploadResponse,
} from './resumes.js';
import type { TaskListQuery, TaskOut, TaskPage } from './tasks.js';

export const API_PREFIX = '/api/v1';

type ErrorBody = Static<typeof ErrorResponse>;

/** GET /health (outside the REST API, so it has no shape in src/shared/api). */
export interface Health {
  status: string;
  version: string;
  services: Record<string, string>;
}

/** A failed request: the API's error body (or a network failure, status 0), with the field it names. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** The request field the error is about (`details.field`), so a form shows it by that field. */
  readonly field: string | undefined;
  /** Seconds to wait before trying again, from a 429's Retry-After. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, details?: unknown, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
    const field = typeof details === 'object' && details !== null ? (details as { field?: unknown }).field : undefined;
    this.field = typeof field === 'string' && field !== '' ? field : undefined;
  }

  /** True when the core could not be reached at all (offline, stopped, refused). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export interface ApiClientOptions {
  /** '' for the same origin (the headless app in a browser), or the preload's base URL. */
  baseUrl?: string;
  /** The current access token, read on every request; null when signed out. */
  getToken?: () => string | null;
  /** Called when a request carrying a token is refused with 401: the session has expired or was revoked. */
  onUnauthorized?: (error: ApiError) => void;
  /** Called when the core could not be reached at all, so the UI can show it is offline. */
  onNetworkError?: (error: ApiError) => void;
  fetch?: typeof fetch;
}

type QueryValue = string | number | boolean | undefined | null;
type Query = { [key: string]: QueryValue };

/** `?a=1&b=x` from the defined values of a query object, in a stable order. */
export function toQueryString(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const seg = (id: string) => encodeURIComponent(id);

interface RequestOptions {
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (file uploads); fetch sets its content type with the boundary. */
  form?: FormData;
  query?: object;
  signal?: AbortSignal;
  /** Path prefix; the REST API's by default, '' for /health. */
  prefix?: string;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code, error.message, error.details, retryAfterSeconds);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || `The app core answered ${response.status}.`, undefined, retryAfterSeconds);
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));

  /** Sends a request and returns the successful response; every failure becomes an ApiError. */
  async function respond(method: string, path: string, init: RequestOptions, accept: string): Promise<Response> {
    const token = options.getToken?.() ?? null;
    const headers: Record<string, string> = { accept };
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const url = `${baseUrl}${init.prefix ?? API_PREFIX}${path}${toQueryString(init.query)}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : init.form ? { body: init.form } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      const error = new ApiError(0, 'NETWORK', 'The app core cannot be reached. Is it running?', { cause: cause instanceof Error ? cause.message : String(cause) });
      options.onNetworkError?.(error);
      throw error;
    }
    if (!response.ok) {
      const error = await toApiError(response);
      if (response.status === 401 && token) options.onUnauthorized?.(error);
      throw error;
    }
    return response;
  }

  async function request<T>(method: string, path: string, init: RequestOptions = {}): Promise<T> {
    const response = await respond(method, path, init, 'application/json');
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const get = <T>(path: string, query?: object, signal?: AbortSignal) => request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) });
  const send = <T>(method: string, path: string, body?: unknown, query?: object) => request<T>(method, path, { body, ...(query ? { query } : {}) });

  return {
    health: (signal?: AbortSignal) => request<Health>('GET', '/health', { prefix: '', ...(signal ? { signal } : {}) }),

    setup: {
      status: () => get<SetupStatus>('/setup/status'),
      createAdmin: (body: SetupAdminBody) => send<UserOut>('POST', '/setup/admin', body),
    },

    auth: {
      login: (body: LoginBody) => send<TokenResponse>('POST', '/auth/login', body),
      logout: () => send<Static<typeof OkResponse>>('POST', '/auth/logout'),
      register: (body: RegisterBody) => send<UserOut>('POST', '/auth/register', body),
      changePassword: (body: ChangePasswordBody) => send<TokenResponse>('POST', '/auth/change-password', body),
    },

    users: {
      me: () => get<UserOut>('/users/me'),
      list: (query: UserListQuery = {}) => get<Static<typeof UserPage>>('/users', query),
      get: (id: string) => get<UserOut>(`/users/${seg(id)}`),
      create: (body: UserCreateBody) => send<UserOut>('POST', '/users', body),
      update: (id: string, body: UserUpdateBody) => send<UserOut>('PATCH', `/users/${seg(id)}`, body),
      remove: (id: string) => send<Static<typeof OkResponse>>('DELETE', `/users/${seg(id)}`),
    },

    jobs: {
      list: (query: JobListQuery = {}, signal?: AbortSignal) => get<JobPage>('/jobs', query, signal),
      get: (id: string) => get<JobOut>(`/jobs/${seg(id)}`),
      create: (body: JobCreateBody) => send<JobOut>('POST', '/jobs', body),
      replace: (id: string, body: JobCreateBody) => send<JobOut>('PUT', `/jobs/${seg(id)}`, body),
      update: (id: string, body: JobPatchBody) => send<JobOut>('PATCH', `/jobs/${seg(id)}`, body),
      remove: (id: string, force = false) => send<JobDeleteResult>('DELETE', `/jobs/${seg(id)}`, undefined, force ? { force } : undefined),
      seed: () => send<JobSeedResult>('POST', '/jobs/seed'),
      /** A candidate applying for themselves. */
      apply: (body: ApplyBody) => send<ApplicationOut>('POST', '/jobs/apply', body),
      applications: (id: string, query: JobApplicationsQuery = {}) => get<Static<typeof ApplicationPage>>(`/jobs/${seg(id)}/applications`, query),
    },

    applications: {
      list: (query: ApplicationListQuery = {}) => get<Static<typeof ApplicationPage>>('/applications', query),
      get: (id: string) => get<ApplicationOut>(`/applications/${seg(id)}`),
      create: (body: ApplicationCreateBody) => send<ApplicationOut>('POST', '/applications', body),
      move: (id: string, body: ApplicationStatusBody) => send<ApplicationOut>('PATCH', `/applications/${seg(id)}`, body),
    },

    candidates: {
      list: (query: CandidateListQuery = {}, signal?: AbortSignal) => get<Static<typeof CandidatePage>>('/candidates', query, signal),
      get: (id: string) => get<Static<typeof CandidateOut>>(`/candidates/${seg(id)}`),
      create: (body: CandidateCreateBody) => send<Static<typeof CandidateOut>>('POST', '/candidates', body),
      update: (id: string, body: CandidateUpdateBody) => send<Static<typeof CandidateOut>>('PATCH', `/candidates/${seg(id)}`, body),
      jsonResume: (id: string) => get<Static<typeof JsonResume>>(`/candidates/${seg(id)}/json-resume`),
      remove: (id: string, force = false) =>
        send<Static<typeof CandidateDeleteResponse>>('DELETE', `/candidates/${seg(id)}`, undefined, force ? { force } : undefined),
    },

    dashboard: {
      overview: () => get<DashboardOverview>('/dashboard/stats/overview'),
      jobsPerLocation: () => get<JobsPerLocation>('/dashboard/stats/jobs-per-location'),
      applicationsPerJob: (query: ApplicationsPerJobQuery = {}) => get<ApplicationsPerJobPage>('/dashboard/stats/applications-per-job', query),
      dailyApplications: (query: DailyApplicationsQuery = {}) => get<DailyApplications>('/dashboard/stats/daily-applications', query),
      mostAppliedJobs: (query: TopListQuery = {}) => get<MostAppliedJobs>('/dashboard/stats/most-applied-jobs', query),
      mostActiveCandidates: (query: TopListQuery = {}) => get<MostActiveCandidates>('/dashboard/stats/most-active-candidates', query),
      statusBreakdown: () => get<ApplicationStatusBreakdown>('/dashboard/stats/application-status-breakdown'),
      recentActivity: (query: Static<typeof RecentActivityQuery> = {}) => get<RecentActivityPage>('/dashboard/stats/recent-activity', query),
    },

    resumes: {
      /** Uploads PDFs in one request (one import); each file's outcome is in `items`. */
      upload: (files: readonly { name: string; data: Blob }[], candidateId?: string) => {
        const form = new FormData();
        // The candidate field must come before the files (the server reads the stream in order).
        if (candidateId) form.append('candidate_id', candidateId);
        for (const file of files) form.append('files', file.data, file.name);
        return request<UploadResponse>('POST', '/resumes/upload', { form });
      },
      list: (query: ResumeListQuery = {}) => get<Static<typeof ResumePage>>('/resumes/list', query),
      get: (id: string, includeText = false) => get<ResumeOut>(`/resumes/${seg(id)}`, includeText ? { include: 'text' } : undefined),
      /** The PDF's bytes (fetched with the token, so it cannot be a plain link). */
      file: async (id: string) => (await respond('GET', `/resumes/${seg(id)}/file`, {}, 'application/pdf')).blob(),
      remove: (id: string) => send<Static<typeof OkResponse>>('DELETE', `/resumes/${seg(id)}`),
      reparse: (id: string) => send<Static<typeof ReparseResponse>>('POST', `/resumes/${seg(id)}/reparse`),
      importFolder: (path: string) => send<Static<typeof ImportFolderResponse>>('POST', '/resumes/import-folder', { path }),
      importStatus: (importId: string) => get<ImportStatus>(`/resumes/imports/${seg(importId)}`),
      cancelImport: (importId: string) => send<Static<typeof ImportActionResponse>>('POST', `/resumes/imports/${seg(importId)}/cancel`),
      retryImport: (importId: string) => send<Static<typeof ImportActionResponse>>('POST', `/resumes/imports/${seg(importId)}/retry`),
    },

    analysis: {
      /** Queues an analysis of the résumé (against a job or an ad-hoc description); `cached` when an identical one exists. */
      analyze: (resumeId: string, body: AnalyzeBody = {}) => send<AnalyzeAccepted>('POST', `/resumes/analyze/${seg(resumeId)}`, body),
      /** Every analysis of the résumé, newest first, whatever its status. */
      forResume: (resumeId: string) => get<AnalysisList>(`/resumes/analysis/${seg(resumeId)}`),
      /** Queues the analysis of the job's applicants (or the résumés given); progress comes as task.progress. */
      rank: (jobId: string, body: RankBody = {}) => send<RankAccepted>('POST', `/jobs/${seg(jobId)}/rank`, body),
      ranking: (jobId: string) => get<Ranking>(`/jobs/${seg(jobId)}/ranking`),
      usage: (query: UsageQuery = {}) => get<UsageSummary>('/analysis/usage', query),
    },

    settings: {
      analysis: () => get<AnalysisSettingsOut>('/settings/analysis'),
      /** Changes only the fields given. */
      updateAnalysis: (body: AnalysisSettingsUpdate) => send<AnalysisSettingsOut>('PUT', '/settings/analysis', body),
      /** One small real request through the provider: ok and latency, or the error. */
      testProvider: (provider: AnalysisProvider) => send<ProviderTestOut>('POST', '/settings/analysis/test', { provider }),
      /** Write-only: the answer says whether it is set, never the value. */
      setSecret: (name: SettableSecretName, value: string) => send<SecretStateOut>('PUT', `/settings/secrets/${seg(name)}`, { value }),
      deleteSecret: (name: SettableSecretName) => send<SecretStateOut>('DELETE', `/settings/secrets/${seg(name)}`),
    },

    tasks: {
      list: (query: TaskListQuery = {}) => get<TaskPage>('/tasks', query),
      get: (id: string) => get<TaskOut>(`/tasks/${seg(id)}`),
      cancel: (id: string) => send<TaskOut>('POST', `/tasks/${seg(id)}/cancel`),
      retry: (id: string) => send<TaskOut>('POST', `/tasks/${seg(id)}/retry`),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
