// The toasts store: confirmations and failures pile up newest last, only a few stay, and one can
// be dismissed without touching the others.
import { describe, expect, it } from 'vitest';
import { createToastsStore } from '../../../src/renderer/src/stores/toasts.js';

describe('toasts', () => {
  it('shows each toast with its kind and an id of its own', () => {
    const toasts = createToastsStore();
    toasts.getState().show('success', 'Job created');
    toasts.getState().show('error', 'Could not move the application');
    const shown = toasts.getState().toasts;
    expect(shown.map((t) => [t.kind, t.text])).toEqual([
      ['success', 'Job created'],
      ['error', 'Could not move the application'],
    ]);
    expect(new Set(shown.map((t) => t.id)).size).toBe(2);
  });

  it('keeps only the newest few, dropping the oldest first', () => {
    const toasts = createToastsStore();
    const texts = Array.from({ length: 10 }, (_, i) => `toast ${i}`);
    for (const text of texts) toasts.getState().show('info', text);
    const kept = toasts.getState().toasts.map((t) => t.text);
    expect(kept.length).toBeLessThan(texts.length);
    expect(kept).toEqual(texts.slice(-kept.length));
  });

  it('dismisses one toast by its id and leaves the rest', () => {
    const toasts = createToastsStore();
    for (const text of ['a', 'b', 'c']) toasts.getState().show('info', text);
    const [, middle] = toasts.getState().toasts;
    toasts.getState().dismiss(middle?.id ?? -1);
    expect(toasts.getState().toasts.map((t) => t.text)).toEqual(['a', 'c']);
    // An id never comes back for a new toast.
    toasts.getState().show('info', 'd');
    expect(toasts.getState().toasts.at(-1)?.id).not.toBe(middle?.id);
  });
});
