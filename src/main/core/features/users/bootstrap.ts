// The first admin from BOOTSTRAP_ADMIN_USERNAME / _PASSWORD / _EMAIL, created at start only while no
// admin exists (so it is idempotent: later starts leave the accounts alone). A value that breaks the
// account rules stops the start: running on with no admin would leave the public first-run screen
// open to whoever reaches the app first, which the operator meant to prevent by setting it.
import { Value } from 'typebox/value';
import { SetupAdminBody } from '../../../../shared/api/users.js';
import type { User } from '../../../../shared/schemas/user.js';
import { ConfigError, type AppConfig } from '../../config.js';
import type { Log } from '../../log.js';
import type { UserService } from './service.js';

export interface BootstrapDeps {
  users: UserService;
  config: Pick<AppConfig, 'bootstrapAdmin'>;
  log: Log;
}

/** Returns the admin it created, or undefined when there was nothing to do. */
export async function bootstrapFirstAdmin({ users, config, log }: BootstrapDeps): Promise<User | undefined> {
  const wanted = config.bootstrapAdmin;
  if (!wanted) return undefined;
  if (await users.hasAdmin()) {
    log.debug('an admin account exists; BOOTSTRAP_ADMIN_* is not used');
    return undefined;
  }
  const input = { username: wanted.username, email: wanted.email ?? `${wanted.username.toLowerCase()}@localhost.localdomain`, password: wanted.password };
  const problem = Value.Errors(SetupAdminBody, input)[0];
  if (problem) {
    const field = problem.instancePath.replace(/^\//, '');
    // The message names the variable, never its value (it may be the password).
    throw new ConfigError(`BOOTSTRAP_ADMIN_${field.toUpperCase()} ${problem.message}`);
  }
  const admin = await users.createFirstAdmin(input, 'bootstrap');
  log.info({ userId: admin.id, username: admin.username }, 'created the first admin account from BOOTSTRAP_ADMIN_USERNAME');
  return admin;
}
