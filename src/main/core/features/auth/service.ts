// Signing up, signing in and out, and changing a password. Sign-in never tells a wrong username
// from a wrong password (same answer, same time), and failures are throttled per IP and per
// username; sign-ups are throttled per IP.
import type { RegisterBody, TokenResponse } from '../../../../shared/api/auth.js';
import type { User } from '../../../../shared/schemas/user.js';
import type { Principal } from '../../api/access.js';
import type { Clock } from '../../clock.js';
import { RateLimitedError, UnauthorizedError, ValidationError } from '../../errors.js';
import type { Log } from '../../log.js';
import type { ActivityLog } from '../activities/service.js';
import { normalizeUsername, type UserService } from '../users/service.js';
import { createAttemptLimiter, retryAfterSeconds } from '../../api/attempt-limiter.js';
import type { PasswordHasher } from './passwords.js';
import type { TokenService } from './tokens.js';

export interface AuthServiceDeps {
  users: UserService;
  tokens: TokenService;
  passwords: PasswordHasher;
  activities: ActivityLog;
  clock: Clock;
  log: Log;
  /** Failed sign-ins (and sign-ups) allowed per minute per IP, and failed sign-ins per username. */
  attemptsPerMinute: number;
}

export interface AuthService {
  register(input: RegisterBody, ip: string): Promise<User>;
  login(credentials: { username: string; password: string }, ip: string): Promise<TokenResponse>;
  /** Revokes every token of the caller, this one included. */
  logout(principal: Principal): Promise<void>;
  /** Checks the current password, stores the new one, revokes earlier tokens and returns a fresh one. */
  changePassword(principal: Principal, change: { current_password: string; new_password: string }, ip: string): Promise<TokenResponse>;
}

export const WRONG_CREDENTIALS = 'Incorrect username or password.';

export function createAuthService({ users, tokens, passwords, activities, clock, log, attemptsPerMinute }: AuthServiceDeps): AuthService {
  const failedByIp = createAttemptLimiter({ clock, limit: attemptsPerMinute });
  const failedByUsername = createAttemptLimiter({ clock, limit: attemptsPerMinute });
  const signUpsByIp = createAttemptLimiter({ clock, limit: attemptsPerMinute });

  const tokenFor = (user: User): TokenResponse => {
    const { token, claims } = tokens.issue(user);
    return { access_token: token, token_type: 'bearer', expires_in: claims.exp - claims.iat };
  };

  /** Refuses (429) a sign-in attempt while the IP or the username has used up its failures. */
  const assertMayTry = (ip: string, usernameKey: string): void => {
    const wait = Math.max(failedByIp.retryAfterMs(ip), failedByUsername.retryAfterMs(usernameKey));
    if (wait === 0) return;
    log.warn({ ip, username: usernameKey }, 'sign-in throttled after repeated failures');
    throw new RateLimitedError('Too many failed sign-in attempts; wait before trying again.', retryAfterSeconds(wait));
  };

  const recordFailure = (ip: string, usernameKey: string): void => {
    failedByIp.record(ip);
    failedByUsername.record(usernameKey);
  };

  return {
    async register(input, ip) {
      // Every sign-up counts, not only failed ones: a flood of new accounts is the abuse here, and
      // answers of "username taken" would otherwise list the usernames at full speed.
      const wait = signUpsByIp.consume(ip);
      if (wait > 0) {
        log.warn({ ip }, 'sign-up throttled');
        throw new RateLimitedError('Too many sign-ups from this address; wait before trying again.', retryAfterSeconds(wait));
      }
      const user = await users.register(input);
      log.info({ userId: user.id, username: user.username }, 'a candidate signed up');
      return user;
    },

    async login({ username, password }, ip) {
      const usernameKey = normalizeUsername(username);
      assertMayTry(ip, usernameKey);
      const user = await users.findByUsername(usernameKey);
      const matches = user ? await passwords.verify(user.passwordHash, password) : await passwords.verifyNothing(password);
      if (!user || !matches) {
        recordFailure(ip, usernameKey);
        log.info({ ip, username: usernameKey }, 'sign-in failed');
        throw new UnauthorizedError(WRONG_CREDENTIALS);
      }
      if (user.disabled) {
        recordFailure(ip, usernameKey);
        // Only someone who knows the password learns that the account exists and is disabled.
        throw new UnauthorizedError('This account is disabled; ask an admin to enable it.');
      }
      const signedIn = await users.recordSignIn(user.id);
      await activities.record({ actorId: user.id, action: 'user.signed_in', subjectType: 'user', subjectId: user.id, summary: `${user.username} signed in` });
      return tokenFor(signedIn);
    },

    async logout(principal) {
      await users.revokeTokens(principal.userId);
      await activities.record({ actorId: principal.userId, action: 'user.signed_out', subjectType: 'user', subjectId: principal.userId, summary: `${principal.username} signed out` });
    },

    async changePassword(principal, change, ip) {
      // A stolen token must not turn into unlimited guesses at the password: the same throttle applies.
      const usernameKey = normalizeUsername(principal.username);
      assertMayTry(ip, usernameKey);
      const user = await users.get(principal.userId);
      if (!(await passwords.verify(user.passwordHash, change.current_password))) {
        recordFailure(ip, usernameKey);
        throw new ValidationError('The current password is not correct.', { field: 'current_password' });
      }
      if (change.new_password === change.current_password) {
        throw new ValidationError('The new password must differ from the current one.', { field: 'new_password' });
      }
      const updated = await users.replacePassword(user.id, await passwords.hash(change.new_password));
      await activities.record({ actorId: user.id, action: 'user.password_changed', subjectType: 'user', subjectId: user.id, summary: `${user.username} changed their password` });
      log.info({ userId: user.id }, 'password changed; earlier tokens revoked');
      return tokenFor(updated);
    },
  };
}
