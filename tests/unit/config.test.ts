import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultAppDataDir, loadConfig } from '../../src/main/core/config.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'config-test-'));
}

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:7420 and the per-user data folder when nothing is configured', () => {
    const cwd = tempDir();
    const config = loadConfig({ HOME: '/home/ana' }, cwd, 'linux');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(7420);
    expect(config.appDataDir).toBe(defaultAppDataDir('linux', {}, homedir()));
  });

  it('reads a .env file in the working directory, and real environment variables win over it', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), 'PORT=9000\nHOST=0.0.0.0\nAPP_DATA_DIR=./data\n# a comment\n');
    const config = loadConfig({ HOST: '127.0.0.2' }, cwd, 'linux');
    expect(config.port).toBe(9000);
    expect(config.host).toBe('127.0.0.2');
    expect(config.appDataDir).toBe(join(cwd, 'data'));
  });

  it('rejects a PORT that is not a whole number in range, naming the variable', () => {
    const cwd = tempDir();
    expect(() => loadConfig({ PORT: 'eighty' }, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' }, cwd)).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '-1' }, cwd)).toThrow(/PORT/);
  });

  it('rejects an unknown LOG_LEVEL', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' }, tempDir())).toThrow(/LOG_LEVEL/);
  });

  it('picks each OS’s per-user application data folder', () => {
    expect(defaultAppDataDir('linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/home/a')).toBe('/x/cfg/recruiting-desk');
    expect(defaultAppDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/recruiting-desk');
    expect(defaultAppDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/recruiting-desk');
    expect(defaultAppDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain('recruiting-desk');
  });
});
