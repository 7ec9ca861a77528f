import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from the environment (README, "Configuration"). It is checked once
 * at start; a bad value stops Folio with a message naming the variable, never a stack trace
 * half way through serving.
 */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string; cacheMb?: number; mmapMb?: number; readThreads?: number }
  | { kind: 'postgres'; url: string };

/** Customer notices: each channel is off while its URL is unset. */
export interface NoticesConfig {
  smtpUrl?: string | undefined;
  mailFrom: string;
  smsUrl?: string | undefined;
  smsToken?: string | undefined;
}

export const DEFAULT_MAIL_FROM = 'Servicio al Cliente <no-responder@localhost>';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  adminPassword: string | undefined;
  production: boolean;
  sessionIdleHours: number;
  publicUrl: string | undefined;
  trustProxy: boolean;
  /** Server processes sharing the port (node:cluster); 1 = a single process. */
  workers: number;
  /** Largest attachment accepted, in MB. */
  maxUploadMb: number;
  notices: NoticesConfig;
}

const portSchema = z.coerce.number<string>().int().min(0).max(65535);

/** A variable set to nothing (`FOLIO_SMTP_URL=`) counts as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/*
 * `avisos@example.mx` or `Servicio al Cliente <avisos@example.mx>`. A host without a dot is
 * allowed (`no-responder@localhost`); line breaks are not (the value goes into a header).
 */
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/;
const mailFromSchema = z
  .string()
  .trim()
  .refine((value) => {
    const named = /^([^<>\r\n]*)<([^<>]+)>$/.exec(value);
    return ADDRESS.test(named?.[2] ?? value);
  }, 'must be an e-mail address or "Name <address>"');

const envSchema = z.object({
  PORT: z.string().default('3000').pipe(portSchema),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  FOLIO_DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z.string().trim().optional(),
  FOLIO_ADMIN_PASSWORD: z.string().optional(),
  FOLIO_SESSION_IDLE_HOURS: z
    .string()
    .default('8')
    .pipe(
      z.coerce
        .number<string>()
        .positive()
        .max(24 * 30),
    ),
  NODE_ENV: z.enum(['production', 'development', 'test']).optional(),
  FOLIO_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  FOLIO_TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  FOLIO_WORKERS: z.string().default('1').pipe(z.coerce.number<string>().int().min(1).max(64)),
  FOLIO_MAX_UPLOAD_MB: z.string().default('10').pipe(z.coerce.number<string>().positive().max(100)),
  FOLIO_SQLITE_CACHE_MB: optional(z.coerce.number<string>().int().min(1).max(16_384)),
  FOLIO_SQLITE_MMAP_MB: optional(z.coerce.number<string>().int().min(0).max(1_048_576)),
  FOLIO_READ_THREADS: optional(z.coerce.number<string>().int().min(0).max(64)),
  FOLIO_SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  FOLIO_MAIL_FROM: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().default(DEFAULT_MAIL_FROM).pipe(mailFromSchema),
  ),
  FOLIO_SMS_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  FOLIO_SMS_TOKEN: optional(z.string().trim().min(1)),
});

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { kind: 'sqlite', file: path.join(dataDir, 'folio.sqlite') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file)
      throw new ConfigError('DATABASE_URL: "sqlite:" needs a file path, e.g. sqlite:./data/folio.sqlite');
    return { kind: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL: not a valid postgres:// URL');
    }
    return { kind: 'postgres', url };
  }
  throw new ConfigError(
    'DATABASE_URL must start with sqlite: or postgres:// (unset means SQLite in FOLIO_DATA_DIR)',
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  if (values.FOLIO_ADMIN_PASSWORD !== undefined && values.FOLIO_ADMIN_PASSWORD.length < 12) {
    throw new ConfigError('FOLIO_ADMIN_PASSWORD must be at least 12 characters');
  }
  const dataDir = path.resolve(values.FOLIO_DATA_DIR);
  const database = parseDatabaseUrl(values.DATABASE_URL, dataDir);
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    database:
      database.kind === 'sqlite'
        ? {
            ...database,
            ...(values.FOLIO_SQLITE_CACHE_MB !== undefined ? { cacheMb: values.FOLIO_SQLITE_CACHE_MB } : {}),
            ...(values.FOLIO_SQLITE_MMAP_MB !== undefined ? { mmapMb: values.FOLIO_SQLITE_MMAP_MB } : {}),
            ...(values.FOLIO_READ_THREADS !== undefined ? { readThreads: values.FOLIO_READ_THREADS } : {}),
          }
        : database,
    adminPassword: values.FOLIO_ADMIN_PASSWORD,
    production: values.NODE_ENV === 'production',
    sessionIdleHours: values.FOLIO_SESSION_IDLE_HOURS,
    publicUrl: values.FOLIO_PUBLIC_URL,
    trustProxy: values.FOLIO_TRUST_PROXY === 'true' || values.FOLIO_TRUST_PROXY === '1',
    workers: values.FOLIO_WORKERS,
    maxUploadMb: values.FOLIO_MAX_UPLOAD_MB,
    notices: {
      smtpUrl: values.FOLIO_SMTP_URL,
      mailFrom: values.FOLIO_MAIL_FROM,
      smsUrl: values.FOLIO_SMS_URL,
      smsToken: values.FOLIO_SMS_TOKEN,
    },
  };
}
