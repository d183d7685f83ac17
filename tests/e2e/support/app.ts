// The app under test: the BUILT headless app (what `npm run headless` runs) as a child process on a
// fresh data folder and a free port, plus the typed API client for arranging data and for checking
// what the screens show against what the core holds.
import { createApiClient } from '../../../src/shared/api/client.js';
import { startHeadless, type HeadlessApp } from '../../support/headless-process.js';

export type ApiClient = ReturnType<typeof createApiClient>;

export interface AppUnderTest {
  readonly url: string;
  readonly dataDir: string;
  /** The API client; `signIn` makes it send that user's token. */
  readonly api: ApiClient;
  signIn(username: string, password: string): Promise<string>;
  /** Everything the app printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export const ADMIN = { username: 'ada.admin', email: 'ada@example.test', password: 'correct-horse-battery', displayName: 'Ada Admin' } as const;

export async function startApp(env: Record<string, string> = {}): Promise<AppUnderTest> {
  const headless: HeadlessApp = await startHeadless({ LOG_LEVEL: 'warn', ...env });
  let token: string | null = null;
  const api = createApiClient({ baseUrl: headless.url, getToken: () => token });
  return {
    url: headless.url,
    dataDir: headless.dataDir,
    api,
    async signIn(username, password) {
      token = (await api.auth.login({ username, password })).access_token;
      return token;
    },
    output: () => headless.output(),
    async stop() {
      const code = await headless.stop('SIGTERM');
      if (code !== 0) throw new Error(`the headless app exited with ${code}:\n${headless.output()}`);
    },
  };
}
