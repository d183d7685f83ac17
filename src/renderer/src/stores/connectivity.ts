// Online/offline state: the browser's network flag, whether the core answers /health, and the
// state of the live event stream.
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/client';
import type { StreamState } from '../../../shared/api/event-stream';

export interface ConnectivityState {
  online: boolean;
  coreReachable: boolean;
  version: string | null;
  stream: StreamState;
  checkCore(): Promise<void>;
  setOnline(online: boolean): void;
  /** A request found the core unreachable; the app then checks /health until it answers. */
  markUnreachable(): void;
  setStream(state: StreamState): void;
}

export function createConnectivityStore({ api, online }: { api: ApiClient; online: boolean }) {
  return createStore<ConnectivityState>()((set) => ({
    online,
    coreReachable: true,
    version: null,
    stream: 'closed',

    async checkCore() {
      try {
        const health = await api.health();
        set({ coreReachable: true, version: health.version });
      } catch {
        set({ coreReachable: false });
      }
    },

    markUnreachable() {
      set({ coreReachable: false });
    },

    setOnline(value) {
      set({ online: value });
    },

    setStream(state) {
      set({ stream: state });
    },
  }));
}

export type ConnectivityStore = ReturnType<typeof createConnectivityStore>;
