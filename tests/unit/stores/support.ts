// The environment the renderer's stores run in, for Node: the real core on a loopback port, a
// Map-backed Storage in place of localStorage, the core's fake clock as the renderer's `now`, and a
// wait on a store's state (never on time).
import { vi } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { createStores, type Stores } from '../../../src/renderer/src/stores/index.js';
import type { SessionStorage } from '../../../src/renderer/src/stores/session.js';
import type { UserRole } from '../../../src/shared/schemas/user.js';
import { createTestApi, TEST_PASSWORD, type TestApi, type TestApiOptions } from '../../support/api-harness.js';

/** localStorage as the session store uses it, kept in a Map (shared by the "reloads" of one test). */
export class MemoryStorage implements SessionStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export interface Core {
  api: TestApi;
  baseUrl: string;
  /**
   * A fresh set of stores, as one start of the app builds them; `storage` carries over a "reload",
   * `baseUrl` points them elsewhere (a switchable proxy in front of the core).
   */
  stores(storage?: SessionStorage, baseUrl?: string): Stores;
  /** Stops every stream opened through `stores()` and closes the core. */
  close(): Promise<void>;
}

/** The real API listening on 127.0.0.1 (a free port), and store sets pointed at it. */
export async function startCore(options: TestApiOptions = {}, env: Record<string, string> = {}): Promise<Core> {
  const api = await createTestApi(env, options);
  const baseUrl = await api.app.listen({ host: '127.0.0.1', port: 0 });
  const opened: Stores[] = [];
  return {
    api,
    baseUrl,
    stores(storage = new MemoryStorage(), at = baseUrl) {
      const stores = createStores({ baseUrl: at, storage, now: () => api.clock.now(), online: true, timeZone: 'UTC' });
      opened.push(stores);
      return stores;
    },
    async close() {
      for (const stores of opened) stores.stream.stop();
      await api.close();
    },
  };
}

/** A user of this role made by the harness, signed in through the session store's own sign-in. */
export async function signedIn(core: Core, role: UserRole, storage?: SessionStorage): Promise<Stores> {
  const { user } = await core.api.signIn(role);
  const stores = core.stores(storage);
  await stores.session.getState().signIn(user.username, TEST_PASSWORD);
  return stores;
}

/** Opens the store set's event stream and resolves once it is connected. */
export async function openStream(stores: Stores): Promise<void> {
  stores.stream.start();
  await until(stores.connectivity, (s) => s.stream === 'open');
}

/** Resolves once the store's state satisfies the predicate (now or after a later change). */
export function until<S>(store: StoreApi<S>, predicate: (state: S) => boolean): Promise<S> {
  return new Promise((resolve) => {
    if (predicate(store.getState())) return resolve(store.getState());
    const off = store.subscribe((state) => {
      if (!predicate(state)) return;
      off();
      resolve(state);
    });
  });
}

export interface RequestWatch {
  /** Requests sent so far with this method to this path (query string left off). */
  count(method: string, path: string): number;
  /** The query strings of the requests sent so far to this path. */
  queries(path: string): URLSearchParams[];
  /** Lets the held answers through and resolves once the stores have had them. */
  release(): Promise<void>;
}

/**
 * Watches the requests the stores send, passing each on to the real fetch. Answers to requests
 * `hold` picks are read in full but handed back only on `release()` — a slow answer arriving late,
 * on demand — or, when it says 'fail', fail then as a dropped connection does. Restored by
 * `vi.restoreAllMocks()`.
 */
export function watchRequests(hold: (url: URL) => boolean | 'fail' = () => false): RequestWatch {
  const realFetch = globalThis.fetch;
  const seen: { method: string; url: URL }[] = [];
  const late: Promise<Response>[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    seen.push({ method: init?.method ?? 'GET', url });
    const held = hold(url);
    if (!held) return realFetch(input, init);
    const answer = (async () => {
      const response = await realFetch(input, init);
      const body = await response.arrayBuffer();
      await gate;
      if (held === 'fail') throw new TypeError('fetch failed');
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    })();
    late.push(answer);
    return answer;
  });
  return {
    count: (method, path) => seen.filter((r) => r.method === method && r.url.pathname === path).length,
    queries: (path) => seen.filter((r) => r.url.pathname === path).map((r) => r.url.searchParams),
    async release() {
      open();
      await Promise.allSettled(late);
      // The stores read the (already buffered) bodies and set their state in the turns after.
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
