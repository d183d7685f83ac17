import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_ID_FILE, DeviceIdError, getOrCreateDeviceId } from '../../../src/main/core/db/device-id.js';

describe('device id', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'device-id-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is created on first use and the same on every later call', () => {
    const dir = freshDir();
    const first = getOrCreateDeviceId(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(getOrCreateDeviceId(dir)).toBe(first);
    expect(getOrCreateDeviceId(dir)).toBe(first);
  });

  it('is kept in the device-id file of the data folder, and nothing else is left there', () => {
    const dir = freshDir();
    const id = getOrCreateDeviceId(dir);
    expect(readFileSync(join(dir, DEVICE_ID_FILE), 'utf8').trim()).toBe(id);
    expect(readdirSync(dir)).toEqual([DEVICE_ID_FILE]);
  });

  it('differs between two data folders', () => {
    expect(getOrCreateDeviceId(freshDir())).not.toBe(getOrCreateDeviceId(freshDir()));
  });

  it('creates the data folder when it does not exist yet', () => {
    const dir = join(freshDir(), 'nested', 'app-data');
    expect(getOrCreateDeviceId(dir)).toBe(getOrCreateDeviceId(dir));
  });

  it('reads an id written by an earlier run, surrounding whitespace ignored', () => {
    const dir = freshDir();
    writeFileSync(join(dir, DEVICE_ID_FILE), '  laptop-of-ana-01\n');
    expect(getOrCreateDeviceId(dir)).toBe('laptop-of-ana-01');
  });

  it('is the same for processes that start at the same moment on a fresh data folder', async () => {
    const dir = join(freshDir(), 'app-data');
    const child = join(import.meta.dirname, 'device-id.child.ts');
    const run = () => promisify(execFile)(process.execPath, ['--import', 'tsx', child, dir]).then((r) => r.stdout);
    const ids = await Promise.all([run(), run(), run(), run()]);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBe(getOrCreateDeviceId(dir));
    expect(readdirSync(dir)).toEqual([DEVICE_ID_FILE]);
  });

  it('refuses a damaged device-id file instead of silently becoming a new device', () => {
    const dir = freshDir();
    writeFileSync(join(dir, DEVICE_ID_FILE), 'not a device id!');
    expect(() => getOrCreateDeviceId(dir)).toThrow(DeviceIdError);
    expect(() => getOrCreateDeviceId(dir)).toThrow(/device-id does not hold a valid device id/);
  });
});
