// The one place that reads the environment: process.env plus a `.env` file in the working
// directory (real environment variables win). Everything else receives a typed `AppConfig`.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';

export const APP_NAME = 'recruiting-desk';

export interface AppConfig {
  host: string;
  port: number;
  appDataDir: string;
  /** Secret-bearing variables are NOT here: they are resolved by the credential store. */
  env: Readonly<Record<string, string>>;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Run RxDB in dev-mode (schema checks); on in tests. */
  devMode: boolean;
  auth: {
    /** JWT signing algorithm (seed: ALGORITHM). */
    algorithm: 'HS256' | 'HS384' | 'HS512';
    /** Access token lifetime (seed: ACCESS_TOKEN_EXPIRE_MINUTES). */
    accessTokenExpireMinutes: number;
    /** Failed sign-ins allowed per minute, per IP and per username, before 429. */
    loginAttemptsPerMinute: number;
  };
  /** Requests per minute allowed per access token (or per IP without one); 0 turns the limit off. */
  apiRequestsPerMinute: number;
  /** Largest JSON request body, in bytes. */
  bodyLimitBytes: number;
  /** Worker threads for PDF parsing and analysis; undefined = one per CPU core. */
  workerPoolSize?: number;
  /** V8 heap per worker thread, in MB; a worker needing more dies and is replaced. Undefined = the pool's default. */
  workerHeapMb?: number;
  /** Per-file PDF limits that are set in the environment; the rest take the pool's defaults. */
  pdfLimits: { maxBytes?: number; maxPages?: number; timeoutMs?: number; maxInflatedBytes?: number };
  /** Creates the first admin at start when no admin exists. */
  bootstrapAdmin?: { username: string; password: string; email?: string };
  /** Defaults for the AI settings a user has not changed; unset model/address = the provider's own. */
  analysis: {
    /** Per LLM request (ANALYSIS_TIMEOUT_MS). */
    timeoutMs: number;
    providers: Record<'gemini' | 'openai' | 'ollama', { baseUrl?: string; model?: string }>;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The OS's per-user application data folder, as Electron's `app.getPath('userData')` picks it. */
export function defaultAppDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

/** Reads `.env` from `cwd` (if present); variables already in `processEnv` take precedence. */
export function readEnvironment(
  processEnv: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Record<string, string> {
  const merged: Record<string, string> = {};
  const dotenvPath = join(cwd, '.env');
  if (existsSync(dotenvPath)) {
    const parsed = parseEnv(readFileSync(dotenvPath, 'utf8')) as Record<string, string | undefined>;
    for (const [k, v] of Object.entries(parsed)) if (v !== undefined) merged[k] = v;
  }
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) merged[k] = v;
  return merged;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(
  processEnv: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
  platform: NodeJS.Platform = process.platform,
): AppConfig {
  const env = readEnvironment(processEnv, cwd);
  const portText = env.PORT ?? '7420';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number between 0 and 65535, got "${portText}"`);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const algorithm = env.ALGORITHM ?? 'HS256';
  if (algorithm !== 'HS256' && algorithm !== 'HS384' && algorithm !== 'HS512') {
    throw new ConfigError(`ALGORITHM must be HS256, HS384 or HS512, got "${algorithm}"`);
  }
  const bootstrapUser = env.BOOTSTRAP_ADMIN_USERNAME?.trim();
  const bootstrapPassword = env.BOOTSTRAP_ADMIN_PASSWORD;
  if (Boolean(bootstrapUser) !== Boolean(bootstrapPassword)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  return {
    host,
    port,
    appDataDir: resolve(cwd, env.APP_DATA_DIR?.trim() || defaultAppDataDir(platform, env)),
    env: Object.freeze(env),
    logLevel,
    devMode: env.RXDB_DEV_MODE === '1' || env.NODE_ENV === 'test',
    auth: {
      algorithm,
      accessTokenExpireMinutes: positiveInteger(env, 'ACCESS_TOKEN_EXPIRE_MINUTES', 60),
      loginAttemptsPerMinute: positiveInteger(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 5),
    },
    apiRequestsPerMinute: positiveInteger(env, 'API_REQUESTS_PER_MINUTE', 1200, 0),
    bodyLimitBytes: positiveInteger(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    ...(env.WORKER_POOL_SIZE ? { workerPoolSize: positiveInteger(env, 'WORKER_POOL_SIZE', 1) } : {}),
    ...(env.WORKER_HEAP_MB ? { workerHeapMb: positiveInteger(env, 'WORKER_HEAP_MB', 1, 64) } : {}),
    pdfLimits: {
      ...(env.PDF_MAX_BYTES ? { maxBytes: positiveInteger(env, 'PDF_MAX_BYTES', 1) } : {}),
      ...(env.PDF_MAX_PAGES ? { maxPages: positiveInteger(env, 'PDF_MAX_PAGES', 1) } : {}),
      ...(env.PDF_TIMEOUT_MS ? { timeoutMs: positiveInteger(env, 'PDF_TIMEOUT_MS', 1, 100) } : {}),
      ...(env.PDF_MAX_INFLATED_BYTES ? { maxInflatedBytes: positiveInteger(env, 'PDF_MAX_INFLATED_BYTES', 1) } : {}),
    },
    analysis: {
      timeoutMs: positiveInteger(env, 'ANALYSIS_TIMEOUT_MS', 60_000, 1_000),
      providers: {
        gemini: providerDefaults(env, 'GEMINI_BASE_URL', 'GEMINI_MODEL'),
        openai: providerDefaults(env, 'OPENAI_BASE_URL', 'OPENAI_MODEL'),
        ollama: providerDefaults(env, 'OLLAMA_HOST', 'OLLAMA_MODEL'),
      },
    },
    ...(bootstrapUser && bootstrapPassword
      ? { bootstrapAdmin: { username: bootstrapUser, password: bootstrapPassword, ...(env.BOOTSTRAP_ADMIN_EMAIL ? { email: env.BOOTSTRAP_ADMIN_EMAIL.trim() } : {}) } }
      : {}),
  };
}

function positiveInteger(env: Readonly<Record<string, string>>, name: string, fallback: number, min = 1): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${text}"`);
  return value;
}

function providerDefaults(env: Readonly<Record<string, string>>, urlName: string, modelName: string): { baseUrl?: string; model?: string } {
  const baseUrl = env[urlName]?.trim();
  const model = env[modelName]?.trim();
  if (baseUrl && !/^https?:\/\/[^\s]+$/.test(baseUrl)) throw new ConfigError(`${urlName} must be an http(s) address, got "${baseUrl}"`);
  return { ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}), ...(model ? { model } : {}) };
}
