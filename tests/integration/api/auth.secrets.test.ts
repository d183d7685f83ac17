// Passwords and their hashes never leave the server: not in any response, not in the log, not in
// the OpenAPI description of what the user routes return.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { capturingLog, freshAddress, login, makeRegistration, makeUserBody, register } from './auth.fixtures.js';

const BOOTSTRAP_PASSWORD = 'bootstrap-secret-4711';
const SETUP_PASSWORD = 'setup-secret-0815';

let api: TestApi;
let lines: string[];
const bodies: string[] = [];
const passwords: string[] = [BOOTSTRAP_PASSWORD, SETUP_PASSWORD];

beforeAll(async () => {
  const captured = capturingLog();
  lines = captured.lines;
  api = await createTestApi({ BOOTSTRAP_ADMIN_USERNAME: 'root', BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP_PASSWORD }, { log: captured.log });
  const keep = <T extends { body: string }>(res: T) => {
    bodies.push(res.body);
    return res;
  };

  keep(await api.app.inject({ method: 'POST', url: '/api/v1/setup/admin', payload: { username: 'owner', email: 'o@example.com', password: SETUP_PASSWORD } }));
  const root = keep(await login(api, 'root', BOOTSTRAP_PASSWORD)).json().access_token as string;
  keep(await login(api, 'root', 'wrong-secret-1234'));
  passwords.push('wrong-secret-1234');

  const registration = makeRegistration({ password: 'register-secret-2222' });
  passwords.push(registration.password);
  keep(await register(api, registration));
  keep(await register(api, { ...registration, role: 'admin' }));
  keep(await api.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ username: registration.username, password: registration.password }).toString(),
    remoteAddress: freshAddress(),
  }));

  const staff = makeUserBody({ password: 'staff-secret-3333' });
  passwords.push(staff.password);
  const created = keep(await api.as(root, { method: 'POST', url: '/api/v1/users', payload: staff })).json();
  keep(await api.as(root, { url: '/api/v1/users' }));
  keep(await api.as(root, { url: `/api/v1/users/${created.id}` }));
  keep(await api.as(root, { method: 'PATCH', url: `/api/v1/users/${created.id}`, payload: { role: 'admin' } }));
  keep(await api.as(root, { url: '/api/v1/users/me' }));

  passwords.push('changed-secret-5555', 'guessed-secret-6666');
  keep(await api.as(root, { method: 'POST', url: '/api/v1/auth/change-password', payload: { current_password: 'guessed-secret-6666', new_password: 'changed-secret-5555' } }));
  keep(await api.as(root, { method: 'POST', url: '/api/v1/auth/change-password', payload: { current_password: BOOTSTRAP_PASSWORD, new_password: 'changed-secret-5555' } }));
  for (let i = 0; i < 6; i++) keep(await login(api, 'owner', 'guessed-secret-6666', '192.0.2.99'));
});
afterAll(async () => api.close());

describe('secrets', () => {
  it('the flows above really ran: the log and the responses are not empty', () => {
    expect(bodies.length).toBeGreaterThan(15);
    expect(lines.some((line) => line.includes('first admin'))).toBe(true);
    expect(lines.some((line) => line.includes('sign-in throttled'))).toBe(true);
  });

  it('no response carries a password or a password hash', () => {
    for (const body of bodies) {
      for (const password of passwords) expect(body).not.toContain(password);
      expect(body).not.toContain('$argon2');
      expect(body).not.toContain('passwordHash');
    }
  });

  it('no log line carries a password or a password hash', () => {
    for (const line of lines) {
      for (const password of passwords) expect(line).not.toContain(password);
      expect(line).not.toContain('$argon2');
    }
  });

  it('the OpenAPI document describes no user response with a passwordHash or tokenVersion', async () => {
    const doc = (await api.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    const userPaths = Object.entries(doc.paths).filter(([path]) => /\/api\/v1\/(users|auth|setup)/.test(path));
    expect(userPaths.length).toBeGreaterThanOrEqual(8);
    for (const [, operations] of userPaths) {
      for (const operation of Object.values(operations)) {
        const responses = JSON.stringify(operation.responses ?? {});
        expect(responses).not.toContain('passwordHash');
        expect(responses).not.toContain('tokenVersion');
      }
    }
  });
});
