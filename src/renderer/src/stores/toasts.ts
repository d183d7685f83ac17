// Short confirmations and failures shown in a live region ("Job created", "Could not move…").
import { createStore } from 'zustand/vanilla';

export interface Toast {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

export interface ToastsState {
  toasts: Toast[];
  show(kind: Toast['kind'], text: string): void;
  dismiss(id: number): void;
}

const MAX_TOASTS = 4;

export function createToastsStore() {
  let nextId = 1;
  return createStore<ToastsState>()((set) => ({
    toasts: [],
    show(kind, text) {
      const toast = { id: nextId++, kind, text };
      set((state) => ({ toasts: [...state.toasts, toast].slice(-MAX_TOASTS) }));
    },
    dismiss(id) {
      set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) }));
    },
  }));
}

export type ToastsStore = ReturnType<typeof createToastsStore>;
