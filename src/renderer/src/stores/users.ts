// User accounts (admin): list, create, change role, disable.
import type { Static } from 'typebox';
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/client';
import type { UserCreateBody, UserListQuery, UserOut, UserPage, UserUpdateBody } from '../../../shared/api/users';
import { messageOf, type LoadStatus } from './load-status';

export interface UsersState {
  query: UserListQuery;
  page: Static<typeof UserPage> | null;
  status: LoadStatus;
  error: string | null;
  setQuery(change: Partial<UserListQuery>): void;
  load(): Promise<void>;
  create(body: UserCreateBody): Promise<UserOut>;
  update(id: string, body: UserUpdateBody): Promise<UserOut>;
}

export function createUsersStore({ api }: { api: ApiClient }) {
  let listRequest = 0;
  return createStore<UsersState>()((set, get) => ({
    query: { limit: 50, skip: 0 },
    page: null,
    status: 'idle',
    error: null,

    setQuery(change) {
      set((state) => ({ query: { ...state.query, ...change } }));
      void get().load();
    },

    async load() {
      // Only the latest request may write the list, so an earlier search answering late cannot replace a later one.
      const request = ++listRequest;
      set((state) => ({ status: state.page ? state.status : 'loading', error: null }));
      try {
        const page = await api.users.list(get().query);
        if (request === listRequest) set({ page, status: 'ready' });
      } catch (error) {
        if (request === listRequest) set({ status: 'error', error: messageOf(error) });
      }
    },

    async create(body) {
      const user = await api.users.create(body);
      await get().load();
      return user;
    },

    async update(id, body) {
      const user = await api.users.update(id, body);
      set((state) => (state.page ? { page: { ...state.page, items: state.page.items.map((u) => (u.id === id ? user : u)) } } : {}));
      return user;
    },
  }));
}

export type UsersStore = ReturnType<typeof createUsersStore>;
