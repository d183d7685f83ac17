// Small factories for the auth and users API tests: request bodies, calls by HTTP, and a log that
// keeps every line written to it.
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { createLog, type Log } from '../../../src/main/core/log.js';
import type { RegisterBody } from '../../../src/shared/api/auth.js';
import type { UserCreateBody } from '../../../src/shared/api/users.js';
import type { TestApi } from '../../support/api-harness.js';

export const PASSWORD = 'a long enough passphrase';

let serial = 0;

export function makeRegistration(overrides: Partial<RegisterBody> = {}): RegisterBody {
  serial++;
  return { username: `newcomer${serial}`, email: `newcomer${serial}@example.com`, password: PASSWORD, displayName: `Newcomer ${serial}`, ...overrides };
}

export function makeUserBody(overrides: Partial<UserCreateBody> = {}): UserCreateBody {
  serial++;
  return { username: `staff${serial}`, email: `staff${serial}@example.com`, password: PASSWORD, role: 'recruiter', ...overrides };
}

/** A different client address per call, for tests that are not about per-IP throttling. */
export function freshAddress(): string {
  serial++;
  return `10.0.${Math.floor(serial / 250) % 250}.${(serial % 250) + 1}`;
}

export function register(api: TestApi, body: unknown, remoteAddress = freshAddress()): Promise<LightMyRequestResponse> {
  return api.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body as object, remoteAddress });
}

export function login(api: TestApi, username: unknown, password: unknown, remoteAddress = freshAddress()): Promise<LightMyRequestResponse> {
  return api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } as object, remoteAddress });
}

/** Signs up and signs in by HTTP; returns the account and its token. */
export async function signUp(api: TestApi, overrides: Partial<RegisterBody> = {}) {
  const body = makeRegistration(overrides);
  const created = await register(api, body);
  if (created.statusCode !== 201) throw new Error(`sign-up failed: ${created.body}`);
  const signedIn = await login(api, body.username, body.password);
  if (signedIn.statusCode !== 200) throw new Error(`sign-in failed: ${signedIn.body}`);
  return { body, user: created.json() as { id: string; username: string }, token: (signedIn.json() as { access_token: string }).access_token };
}

/** The app's real logger (with its redaction), at the most verbose level, writing into `lines`. */
export function capturingLog(): { log: Log; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLog('trace', sink), lines };
}
