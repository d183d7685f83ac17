// The fallback when no OS keychain is usable: `secrets.json` in the app data folder, readable by
// this user only (0600 in a folder created 0700), replaced atomically (temp file, fsync, rename) so
// a crash or a full disk never leaves half a file behind.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UnavailableError } from '../errors.js';
import type { SecretBackend } from './secret-backend.js';
import { SECRET_NAMES, type SecretName } from './secret-names.js';

export const SECRETS_FILE = 'secrets.json';

type Secrets = Partial<Record<SecretName, string>>;

export interface FileSecrets extends SecretBackend {
  readonly path: string;
}

export function fileSecrets(dir: string): FileSecrets {
  const path = join(dir, SECRETS_FILE);
  // Writes are read-modify-write of the whole file: run them one at a time so none is lost.
  let writes: Promise<unknown> = Promise.resolve();

  async function readAll(): Promise<Secrets> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Replaced, not passed on: JSON.parse quotes the text it choked on, and that text is secrets.
      throw new UnavailableError(`${path} is not valid JSON; fix or remove it`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new UnavailableError(`${path} does not hold a JSON object; fix or remove it`);
    }
    const secrets: Secrets = {};
    for (const name of SECRET_NAMES) {
      const value: unknown = (parsed as Record<string, unknown>)[name];
      if (typeof value === 'string') secrets[name] = value;
    }
    return secrets;
  }

  async function writeAll(secrets: Secrets): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = join(dir, `.${SECRETS_FILE}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(secrets, null, 2)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
  }

  function update(change: (secrets: Secrets) => void): Promise<void> {
    const next = writes.then(async () => {
      const secrets = await readAll();
      change(secrets);
      await writeAll(secrets);
    });
    // The caller gets the failure through `next`; the queue itself carries on with the next write.
    writes = next.catch(() => undefined);
    return next;
  }

  return {
    path,
    async probe() {
      await readAll();
    },
    async get(name) {
      await writes;
      return (await readAll())[name] ?? null;
    },
    set: (name, value) =>
      update((secrets) => {
        secrets[name] = value;
      }),
    delete: (name) =>
      update((secrets) => {
        delete secrets[name];
      }),
  };
}

/** Makes the rename itself durable. Windows cannot open a directory for fsync, and needs not. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
