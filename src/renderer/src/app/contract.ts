// The few values of the API contract the renderer needs at run time. Importing them from
// src/shared would bundle the schema library (every shape is built when its module loads), so they
// are restated here — each typed as exactly the shared constant's literal type, so any change there
// (a new status, another order, a new limit) fails the renderer's typecheck until it is mirrored.
import type { LLM_PROVIDERS as SHARED_LLM_PROVIDERS } from '../../../shared/api/analysis-settings';
import type { MAX_PAGE_SIZE as SHARED_MAX_PAGE_SIZE } from '../../../shared/api/common';
import type { PASSWORD_MIN_LENGTH as SHARED_PASSWORD_MIN_LENGTH } from '../../../shared/api/users';
import type { ANALYSIS_PROVIDERS as SHARED_ANALYSIS_PROVIDERS } from '../../../shared/schemas/analysis';
import type { APPLICATION_STATUSES as SHARED_APPLICATION_STATUSES } from '../../../shared/schemas/application';
import type { USER_ROLES as SHARED_USER_ROLES } from '../../../shared/schemas/user';

export const MAX_PAGE_SIZE: typeof SHARED_MAX_PAGE_SIZE = 100;
export const PASSWORD_MIN_LENGTH: typeof SHARED_PASSWORD_MIN_LENGTH = 10;
/** The pipeline, in order. */
export const APPLICATION_STATUSES: typeof SHARED_APPLICATION_STATUSES = ['applied', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'];
export const USER_ROLES: typeof SHARED_USER_ROLES = ['admin', 'recruiter', 'candidate'];
/** Every analysis provider; `mock` is the offline analyser. */
export const ANALYSIS_PROVIDERS: typeof SHARED_ANALYSIS_PROVIDERS = ['gemini', 'openai', 'ollama', 'mock'];
/** The providers with settings of their own (model, address, time-out). */
export const LLM_PROVIDERS: typeof SHARED_LLM_PROVIDERS = ['gemini', 'openai', 'ollama'];
