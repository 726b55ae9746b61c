import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSON_LIMITS } from '@flowform/api';
import { AuditKey, type DatabaseTarget } from '@flowform/runtime';
import { type AuditKeyConfig, auditKeyConfig } from './audit-key-source';
import { type OidcConfig, type OidcFileSettings, oidcConfig } from './oidc-config';
import {
  type WorkMessageConfig,
  type WorkMessageFileSettings,
  workMessageConfig,
} from './work-message-config';

/** A chat robot the administrator configured; notifications are posted to it. */
export interface WebhookTarget {
  kind: 'wecom' | 'dingtalk';
  url: string;
  /** DingTalk's signing secret (加签); WeCom robots carry their key in the URL. */
  secret?: string;
}

/** The server's settings, from the environment and an optional JSON config file. */
export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Public base URL used in links sent to chat robots. */
  publicUrl: string;
  webhooks: WebhookTarget[];
  /** Per-person work messages through WeCom and DingTalk apps (work-message-config.ts). */
  workMessages: WorkMessageConfig;
  limits: { json: number; upload: number };
  uploadTypes: string[];
  /** Extra origins allowed to send cookie-authenticated writes (the web app's dev server). */
  allowedOrigins: string[];
  sessionTtlSeconds: number;
  /** The web app's static build, served when it exists. */
  staticDir: string;
  /** Demo mode: the login page lists the demo accounts and their shared password. Off unless asked. */
  demo: boolean;
  /** One log line per request (method, path, status, time); off unless asked, errors are always logged. */
  requestLog?: boolean;
  /** Write statements in flight per process (group commit); more suits a database with more cores. */
  writeConcurrency: number;
  /** Cases whose snapshot each process keeps in memory between commands (FLOWFORM_SNAPSHOT_CACHE). */
  snapshotCache: number;
  /** Clean-ups the timer worker runs (see workers/server-housekeeping.ts). */
  housekeeping: HousekeepingConfig;
  /** The key that anchors the audit trail, kept outside the database (config/audit-key-source.ts). */
  auditKey: AuditKeyConfig;
  /**
   * Proxies in front of the server whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed
   * (0: none, the default): the client's address for sign-in throttling and logs, and `https` for
   * `Secure` cookies.
   */
  trustProxy: number;
  /** Sign-in through the organisation's OpenID Connect provider, when configured (oidc-config.ts). */
  oidc: OidcConfig | undefined;
}

/** How long the server keeps what it only needs for a while, and how often it cleans up. */
export interface HousekeepingConfig {
  /** A request holding an Idempotency-Key owns it this long; a retry after that (the holder crashed) runs it. */
  idempotencyLeaseSeconds: number;
  /** Idempotency keys (HTTP responses and command records) are kept this long for retries. */
  idempotencyRetentionHours: number;
  /** Expired or revoked sessions are kept this long (sign-in history), then deleted. */
  sessionRetentionHours: number;
  /** An audit checkpoint over every chain head that moved is written at most this often. */
  auditCheckpointMinutes: number;
  intervalMs: number;
}

const DEFAULT_UPLOAD_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

interface ConfigFile {
  webhooks?: WebhookTarget[];
  workMessages?: WorkMessageFileSettings;
  allowedOrigins?: string[];
  uploadLimitBytes?: number;
  uploadTypes?: string[];
  publicUrl?: string;
  idempotencyLeaseSeconds?: number;
  idempotencyRetentionHours?: number;
  sessionRetentionHours?: number;
  auditCheckpointMinutes?: number;
  host?: string;
  trustProxy?: boolean | number;
  oidc?: OidcFileSettings;
}

/**
 * Reads settings: PORT, HOST (else the file's `host`, else 127.0.0.1: only this machine),
 * FLOWFORM_TRUST_PROXY (else the file's `trustProxy`), DATABASE_URL (else PGlite in FLOWFORM_DATA_DIR, default ./data),
 * FLOWFORM_AUDIT_KEY / FLOWFORM_AUDIT_KEY_FILE / FLOWFORM_AUDIT_KEY_PREVIOUS (audit-key-source.ts),
 * FLOWFORM_WRITE_CONCURRENCY (default 2), FLOWFORM_SNAPSHOT_CACHE (cases kept in memory, default 10000), FLOWFORM_PUBLIC_URL, and FLOWFORM_CONFIG (default ./flowform.config.json when present) for
 * webhooks, work messages (FLOWFORM_WECOM_CORP_SECRET, FLOWFORM_DINGTALK_APP_SECRET) and limits, and FLOWFORM_OIDC_* (else the file's `oidc`, oidc-config.ts) for the organisation's sign-in.
 * Webhook URLs come only from here, never from a definition.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid PORT '${env.PORT}'`);
  const file = readConfigFile(
    env.FLOWFORM_CONFIG ? resolve(cwd, env.FLOWFORM_CONFIG) : resolve(cwd, 'flowform.config.json'),
    !!env.FLOWFORM_CONFIG,
  );
  const host = env.HOST ?? file.host ?? '127.0.0.1';
  const writeConcurrency = Number(env.FLOWFORM_WRITE_CONCURRENCY ?? 2);
  if (!Number.isInteger(writeConcurrency) || writeConcurrency < 1 || writeConcurrency > 64)
    throw new Error(
      `Invalid FLOWFORM_WRITE_CONCURRENCY '${env.FLOWFORM_WRITE_CONCURRENCY}': a whole number from 1 to 64`,
    );
  const snapshotCache = Number(env.FLOWFORM_SNAPSHOT_CACHE ?? 10_000);
  if (!Number.isInteger(snapshotCache) || snapshotCache < 0 || snapshotCache > 1_000_000)
    throw new Error(
      `Invalid FLOWFORM_SNAPSHOT_CACHE '${env.FLOWFORM_SNAPSHOT_CACHE}': a whole number of cases from 0 to 1000000`,
    );
  const database: DatabaseTarget = env.DATABASE_URL
    ? { url: env.DATABASE_URL }
    : { dataDir: resolve(cwd, env.FLOWFORM_DATA_DIR ?? 'data') };
  const publicUrl = env.FLOWFORM_PUBLIC_URL ?? file.publicUrl ?? `http://localhost:${port}`;
  return {
    port,
    host,
    database,
    publicUrl,
    webhooks: (file.webhooks ?? []).map(checkWebhook),
    workMessages: workMessageConfig(env, file.workMessages),
    limits: { json: JSON_LIMITS.maxBytes, upload: file.uploadLimitBytes ?? 10 * 1024 * 1024 },
    uploadTypes: file.uploadTypes ?? DEFAULT_UPLOAD_TYPES,
    allowedOrigins: file.allowedOrigins ?? [],
    sessionTtlSeconds: 12 * 3600,
    staticDir: resolve(import.meta.dirname, '../../../designer/dist'),
    demo: env.FLOWFORM_DEMO === '1' || env.FLOWFORM_DEMO === 'true',
    requestLog: env.FLOWFORM_REQUEST_LOG === '1' || env.FLOWFORM_REQUEST_LOG === 'true',
    writeConcurrency,
    snapshotCache,
    housekeeping: housekeepingConfig(file),
    auditKey: auditKeyConfig(env, database, cwd),
    trustProxy: trustedProxies(env.FLOWFORM_TRUST_PROXY ?? file.trustProxy),
    oidc: oidcConfig(env, file.oidc, publicUrl),
  };
}

/** `true` or `1`: one proxy; a whole number: that many; absent, `false` or `0`: none. */
function trustedProxies(value: string | boolean | number | undefined): number {
  if (value === undefined || value === false || value === 'false' || value === '') return 0;
  if (value === true || value === 'true') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error(`Invalid trustProxy '${value}': true, false or a number of proxies from 0 to 10`);
  return n;
}

function housekeepingConfig(file: ConfigFile): HousekeepingConfig {
  const positive = (name: keyof ConfigFile, value: unknown, fallback: number) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw new Error(`Invalid ${name} in the config file: a positive number`);
    return value;
  };
  return {
    idempotencyLeaseSeconds: positive('idempotencyLeaseSeconds', file.idempotencyLeaseSeconds, 60),
    idempotencyRetentionHours: positive('idempotencyRetentionHours', file.idempotencyRetentionHours, 24),
    sessionRetentionHours: positive('sessionRetentionHours', file.sessionRetentionHours, 24 * 7),
    auditCheckpointMinutes: positive('auditCheckpointMinutes', file.auditCheckpointMinutes, 60),
    intervalMs: 10 * 60 * 1000,
  };
}

/** The fixed audit key of tests (never a real one): every test server, on any database, uses it. */
export const TEST_AUDIT_KEY_HEX = 'a0'.repeat(32);

/** Settings for tests: in-memory database, no webhooks, the fixed test audit key. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...loadConfig({ PORT: '0' }),
    database: { memory: true },
    webhooks: [],
    workMessages: {},
    auditKey: {
      source: { kind: 'given', key: AuditKey.parse(TEST_AUDIT_KEY_HEX), from: 'test' },
      previous: [],
    },
    ...overrides,
  };
}

function readConfigFile(path: string, required: boolean): ConfigFile {
  if (!existsSync(path)) {
    if (required) throw new Error(`No config file ${path}`);
    return {};
  }
  return JSON.parse(readFileSync(path, 'utf8')) as ConfigFile;
}

function checkWebhook(hook: WebhookTarget): WebhookTarget {
  if (hook.kind !== 'wecom' && hook.kind !== 'dingtalk')
    throw new Error(`Unknown webhook kind '${hook.kind}'`);
  const url = new URL(hook.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`Webhook URL must be http(s): ${hook.url}`);
  return { kind: hook.kind, url: hook.url, ...(hook.secret ? { secret: hook.secret } : {}) };
}
