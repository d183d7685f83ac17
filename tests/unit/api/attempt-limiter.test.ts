// The sliding-window attempt limiter behind sign-in throttling and the global request limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAttemptLimiter, retryAfterSeconds } from '../../../src/main/core/api/attempt-limiter.js';
import { FakeClock } from '../../../src/main/core/clock.js';

const MINUTE = 60_000;

describe('attempt limiter', () => {
  it('allows `limit` attempts in a window, then says how long until the oldest one expires', () => {
    const clock = new FakeClock(0);
    const limiter = createAttemptLimiter({ clock, limit: 3 });
    limiter.record('ip');
    clock.advance(10_000);
    limiter.record('ip');
    limiter.record('ip');
    expect(limiter.retryAfterMs('ip')).toBe(50_000);
    clock.advance(50_000);
    expect(limiter.retryAfterMs('ip')).toBe(0);
  });

  it('keeps keys apart', () => {
    const limiter = createAttemptLimiter({ clock: new FakeClock(0), limit: 1 });
    limiter.record('a');
    expect(limiter.retryAfterMs('a')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('b')).toBe(0);
  });

  it('consume counts only the attempts it allows', () => {
    const clock = new FakeClock(0);
    const limiter = createAttemptLimiter({ clock, limit: 2 });
    expect([limiter.consume('t'), limiter.consume('t'), limiter.consume('t'), limiter.consume('t')]).toEqual([0, 0, MINUTE, MINUTE]);
    clock.advance(MINUTE);
    expect(limiter.consume('t')).toBe(0);
    expect(limiter.consume('t')).toBe(0);
    expect(limiter.consume('t')).toBe(MINUTE);
  });

  it('waits for as many slots as it takes when more than `limit` attempts were recorded', () => {
    const clock = new FakeClock(0);
    const limiter = createAttemptLimiter({ clock, limit: 2 });
    for (let i = 0; i < 4; i++) {
      limiter.record('k');
      clock.advance(1_000);
    }
    // Attempts at 0, 1, 2 and 3 s: two must expire, so the one at 2 s decides.
    expect(limiter.retryAfterMs('k')).toBe(2_000 + MINUTE - 4_000);
  });

  it('forgets keys whose attempts have all expired', () => {
    const clock = new FakeClock(0);
    const limiter = createAttemptLimiter({ clock, limit: 5, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) limiter.record(key);
    clock.advance(MINUTE);
    limiter.record('d');
    expect(limiter.size).toBe(1);
  });

  it('holds at most maxKeys keys, dropping the least recently used', () => {
    const limiter = createAttemptLimiter({ clock: new FakeClock(0), limit: 1, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.record(`key${i}`);
    expect(limiter.size).toBe(100);
    expect(limiter.retryAfterMs('key999')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('key0')).toBe(0);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect([retryAfterSeconds(1), retryAfterSeconds(1_000), retryAfterSeconds(1_001), retryAfterSeconds(0)]).toEqual([1, 1, 2, 1]);
  });

  it('never allows more than `limit` attempts in any window, and always allows one once the wait has passed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 60 }),
        (limit, gaps) => {
          const clock = new FakeClock(1_000_000);
          const slotMs = MINUTE / 60;
          const limiter = createAttemptLimiter({ clock, limit });
          const allowed: number[] = [];
          for (const gap of gaps) {
            clock.advance(gap);
            const wait = limiter.consume('k');
            if (wait === 0) {
              allowed.push(clock.now());
            } else {
              clock.advance(wait);
              expect(limiter.consume('k')).toBe(0);
              allowed.push(clock.now());
            }
          }
          // Attempts expire with their one-second slot, so a window is at least a minute less one slot.
          for (let i = 0; i + limit < allowed.length; i++) {
            expect((allowed[i + limit] as number) - (allowed[i] as number)).toBeGreaterThan(MINUTE - slotMs);
          }
        },
      ),
    );
  });
});
