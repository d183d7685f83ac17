// The toasts of the toasts store, in a polite live region; each one goes away by itself or on click.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../app/stores-context';

const TOAST_MS = 5000;

export function Toasts() {
  const { toasts: store } = useStores();
  const toasts = useStore(store, (s) => s.toasts);
  const dismiss = useStore(store, (s) => s.dismiss);

  useEffect(() => {
    if (toasts.length === 0) return;
    const oldest = toasts[0];
    if (!oldest) return;
    const timer = window.setTimeout(() => dismiss(oldest.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toasts, dismiss]);

  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          <span>{toast.text}</span>
          <button type="button" className="btn btn-ghost" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
