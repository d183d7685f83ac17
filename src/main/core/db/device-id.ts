// This device's id, kept in the file `device-id` in the app's data folder. Every document records
// the device that last wrote it, so the id must stay the same for the life of the data folder.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEVICE_ID_FILE = 'device-id';
const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export class DeviceIdError extends Error {
  override readonly name = 'DeviceIdError';
}

function readDeviceId(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const id = text.trim();
  if (!DEVICE_ID_PATTERN.test(id)) {
    // Replacing it silently would make this device a stranger to its own synced data.
    throw new DeviceIdError(`${path} does not hold a valid device id; restore it or delete it to start as a new device`);
  }
  return id;
}

/**
 * Returns the id stored in `appDataDir`, creating it on first use. The file appears atomically
 * (written aside, then hard-linked into place, which fails if it exists), so a crash cannot leave
 * a half-written id and two processes starting together agree on one id.
 */
export function getOrCreateDeviceId(appDataDir: string): string {
  const path = join(appDataDir, DEVICE_ID_FILE);
  const existing = readDeviceId(path);
  if (existing) return existing;

  mkdirSync(appDataDir, { recursive: true });
  const id = randomBytes(16).toString('base64url');
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, `${id}\n`, { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const stored = readDeviceId(path);
  if (!stored) throw new DeviceIdError(`${path} vanished while it was being created`);
  return stored;
}
