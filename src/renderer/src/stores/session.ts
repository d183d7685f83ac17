// The signed-in session: first-run detection, sign-in and sign-out, and the access token kept in
// localStorage with its expiry so a reload stays signed in until the token runs out.
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/client';
import type { RegisterBody } from '../../../shared/api/auth';
import type { SetupAdminBody, UserOut } from '../../../shared/api/users';

const STORAGE_KEY = 'recruiting-desk.session';

export type SessionStatus = 'checking' | 'needs-setup' | 'signed-out' | 'signed-in' | 'unreachable';

/** The part of the Web Storage API the session uses: localStorage in the app, a Map in Node tests. */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface StoredSession {
  token: string;
  expiresAt: number;
}

export interface SessionState {
  status: SessionStatus;
  user: UserOut | null;
  token: string | null;
  expiresAt: number;
  /** Why the user was signed out without asking (expired session), shown on the sign-in screen. */
  notice: string | null;
  error: string | null;
  /** Finds out whether setup is needed and restores a stored session. */
  init(): Promise<void>;
  setupAdmin(body: SetupAdminBody): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  /** Creates a candidate account (public sign-up) and signs in with it. */
  register(body: RegisterBody): Promise<void>;
  signOut(): Promise<void>;
  /** The core refused the token: forget it and say why. */
  expire(): void;
  /** The token, or null once it has expired. */
  currentToken(): string | null;
}

export interface SessionDeps {
  api: ApiClient;
  storage: SessionStorage;
  now: () => number;
}

function readStored(storage: SessionStorage): StoredSession | null {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<StoredSession> | null;
    if (parsed && typeof parsed.token === 'string' && typeof parsed.expiresAt === 'number') return { token: parsed.token, expiresAt: parsed.expiresAt };
  } catch {
    // A damaged entry is the same as none: the user signs in again.
  }
  return null;
}

export function createSessionStore({ api, storage, now }: SessionDeps) {
  return createStore<SessionState>()((set, get) => {
    const forget = (notice: string | null) => {
      storage.removeItem(STORAGE_KEY);
      set({ status: 'signed-out', user: null, token: null, expiresAt: 0, notice });
    };

    async function startSession(token: string, expiresAt: number): Promise<void> {
      set({ token, expiresAt });
      const user = await api.users.me();
      set({ status: 'signed-in', user, error: null, notice: null });
    }

    return {
      status: 'checking',
      user: null,
      token: null,
      expiresAt: 0,
      notice: null,
      error: null,

      async init() {
        set({ status: 'checking', error: null });
        try {
          const { needs_admin } = await api.setup.status();
          if (needs_admin) {
            set({ status: 'needs-setup' });
            return;
          }
          const stored = readStored(storage);
          if (!stored || stored.expiresAt <= now()) {
            forget(stored ? 'Your session expired. Please sign in again.' : null);
            return;
          }
          await startSession(stored.token, stored.expiresAt);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (get().status === 'signed-out') return;
          set({ status: 'unreachable', error: message });
        }
      },

      async setupAdmin(body) {
        await api.setup.createAdmin(body);
        await get().signIn(body.username, body.password);
      },

      async signIn(username, password) {
        const token = await api.auth.login({ username, password });
        const expiresAt = now() + token.expires_in * 1000;
        storage.setItem(STORAGE_KEY, JSON.stringify({ token: token.access_token, expiresAt } satisfies StoredSession));
        await startSession(token.access_token, expiresAt);
      },

      async register(body) {
        await api.auth.register(body);
        await get().signIn(body.username, body.password);
      },

      async signOut() {
        try {
          await api.auth.logout();
        } catch {
          // Signing out locally must work even when the core cannot be told (offline, expired).
        }
        forget(null);
      },

      expire() {
        if (get().status !== 'signed-in' && get().token === null) return;
        forget('Your session expired or was ended elsewhere. Please sign in again.');
      },

      currentToken() {
        const { token, expiresAt } = get();
        return token && expiresAt > now() ? token : null;
      },
    };
  });
}

export type SessionStore = ReturnType<typeof createSessionStore>;
