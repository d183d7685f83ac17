// Builds every store of the renderer around one API client and one event stream. The stores are
// created once per app start and handed down through React context (app/stores-context.tsx), so
// there is no module-level state and a test can build its own set.
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import { createEventStream, type EventStream } from '../../../shared/api/event-stream';
import { createAiSettingsStore } from './ai-settings';
import { createAnalysisStore } from './analysis';
import { createCandidatesStore } from './candidates';
import { createConnectivityStore } from './connectivity';
import { createDashboardStore } from './dashboard';
import { createImportsStore } from './imports';
import { createJobsStore } from './jobs';
import { createRankingStore } from './ranking';
import { createSelfServiceStore } from './self-service';
import { createSessionStore, type SessionStorage } from './session';
import { createTasksStore } from './tasks';
import { createToastsStore } from './toasts';
import { createUsersStore } from './users';

export interface StoreEnvironment {
  baseUrl: string;
  storage: SessionStorage;
  now: () => number;
  online: boolean;
  timeZone: string;
}

export function createStores(env: StoreEnvironment) {
  // The client reads the token from the session store, which needs the client: a late-bound getter.
  const ref: { session?: ReturnType<typeof createSessionStore>; connectivity?: ReturnType<typeof createConnectivityStore> } = {};
  const getToken = () => {
    const session = ref.session?.getState();
    if (!session) return null;
    const token = session.currentToken();
    // A token that ran out while the app was open: sign out (after this request) rather than send it.
    if (!token && session.token) queueMicrotask(() => session.expire());
    return token;
  };
  const api: ApiClient = createApiClient({
    baseUrl: env.baseUrl,
    getToken,
    onUnauthorized: () => ref.session?.getState().expire(),
    onNetworkError: () => ref.connectivity?.getState().markUnreachable(),
  });
  const connectivity = createConnectivityStore({ api, online: env.online });
  ref.connectivity = connectivity;
  const stream: EventStream = createEventStream({
    baseUrl: env.baseUrl,
    getToken,
    onStateChange: (state) => connectivity.getState().setStream(state),
  });
  const session = createSessionStore({ api, storage: env.storage, now: env.now });
  ref.session = session;

  return {
    api,
    stream,
    session,
    connectivity,
    jobs: createJobsStore({ api }),
    candidates: createCandidatesStore({ api }),
    dashboard: createDashboardStore({ api, now: env.now, timeZone: env.timeZone }),
    tasks: createTasksStore({ api }),
    imports: createImportsStore({ api }),
    users: createUsersStore({ api }),
    analysis: createAnalysisStore({ api }),
    ranking: createRankingStore({ api }),
    aiSettings: createAiSettingsStore({ api }),
    selfService: createSelfServiceStore({ api }),
    toasts: createToastsStore(),
  };
}

export type Stores = ReturnType<typeof createStores>;
