// A sliding-window counter per key (an IP, a username, an access token): how many attempts fell in
// the last window, and how long until the next one is allowed. Time comes from the injected clock.
// Memory is bounded twice: each key keeps at most `slots` counters however high its limit, and at
// most `maxKeys` keys are kept, the least recently used going first once they are full.
import type { Clock } from '../clock.js';

export interface AttemptLimiterOptions {
  clock: Clock;
  /** Attempts allowed per window. */
  limit: number;
  windowMs?: number;
  /** The window is counted in this many slots; an attempt expires with its slot. */
  slots?: number;
  maxKeys?: number;
}

export interface AttemptLimiter {
  /** Milliseconds until `key` may make another attempt; 0 when it may now. */
  retryAfterMs(key: string): number;
  /** Counts one attempt for `key` (a failed sign-in, say). */
  record(key: string): void;
  /** Counts one attempt if it is allowed; returns 0 when it was, else the milliseconds to wait. */
  consume(key: string): number;
  /** How many keys are being tracked (for tests of the memory bound). */
  readonly size: number;
}

interface Window {
  /** Start time of each non-empty slot, oldest first, and the attempts in it. */
  starts: number[];
  counts: number[];
  total: number;
}

export function createAttemptLimiter({ clock, limit, windowMs = 60_000, slots = 60, maxKeys = 10_000 }: AttemptLimiterOptions): AttemptLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a whole number of at least 1');
  const slotMs = Math.max(1, Math.floor(windowMs / slots));
  // Insertion order is last-use order: every write moves its key to the end.
  const windows = new Map<string, Window>();

  const expire = (window: Window, now: number): void => {
    while (window.starts.length > 0 && (window.starts[0] as number) + windowMs <= now) {
      window.starts.shift();
      window.total -= window.counts.shift() as number;
    }
  };

  /** Drops keys whose attempts have all expired, oldest first, then the least recently used if still full. */
  const evict = (now: number): void => {
    for (const [key, window] of windows) {
      const newest = window.starts[window.starts.length - 1];
      if (newest !== undefined && newest + windowMs > now) break;
      windows.delete(key);
    }
    while (windows.size >= maxKeys) {
      const oldest = windows.keys().next();
      if (oldest.done) break;
      windows.delete(oldest.value);
    }
  };

  const current = (key: string, now: number): Window | undefined => {
    const window = windows.get(key);
    if (!window) return undefined;
    expire(window, now);
    if (window.total > 0) return window;
    windows.delete(key);
    return undefined;
  };

  const wait = (window: Window | undefined, now: number): number => {
    if (!window || window.total < limit) return 0;
    // Expire slots, oldest first, until fewer than `limit` attempts remain.
    let remaining = window.total;
    for (let i = 0; i < window.starts.length; i++) {
      remaining -= window.counts[i] as number;
      if (remaining < limit) return Math.max(1, (window.starts[i] as number) + windowMs - now);
    }
    return windowMs;
  };

  const add = (key: string, window: Window | undefined, now: number): void => {
    const slot = now - (now % slotMs);
    let entry = window;
    if (entry) {
      windows.delete(key);
    } else {
      evict(now);
      entry = { starts: [], counts: [], total: 0 };
    }
    const last = entry.starts.length - 1;
    // A clock that stepped back counts into the newest slot rather than out of order.
    if (last >= 0 && (entry.starts[last] as number) >= slot) {
      entry.counts[last] = (entry.counts[last] as number) + 1;
    } else {
      entry.starts.push(slot);
      entry.counts.push(1);
    }
    entry.total++;
    windows.set(key, entry);
  };

  return {
    retryAfterMs(key) {
      const now = clock.now();
      return wait(current(key, now), now);
    },
    record(key) {
      const now = clock.now();
      add(key, current(key, now), now);
    },
    consume(key) {
      const now = clock.now();
      const window = current(key, now);
      const retry = wait(window, now);
      if (retry === 0) add(key, window, now);
      return retry;
    },
    get size() {
      return windows.size;
    },
  };
}

/** Whole seconds for a Retry-After header: rounded up, at least 1. */
export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
