import { randomBytes } from 'node:crypto';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { proxyTrust, TRUST_PROXY_FORMAT } from './trusted-proxies.js';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

/** Every setting the processes read, with its default. Validated once, at start-up. */
export class Environment {
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hld';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key, so several installs (or the tests) can share one Redis. */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1-40 letters, digits, _ or -' })
  QUEUE_PREFIX = 'hld';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL = 'log';

  /** Largest request body accepted, in bytes (413 beyond). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** How long a stored Idempotency-Key answer is replayed. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

  @IsString()
  PUBLIC_URL = '';

  /** Signs access tokens (HS256). Required in production; elsewhere a random one per process is made up. */
  @IsString()
  JWT_SECRET = '';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 60 * 60)
  ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

  /** A web app session (cookie) ends after this long without a request... */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_IDLE_TIMEOUT_SECONDS = 8 * 60 * 60;

  /** ...and this long after sign-in, however active. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_ABSOLUTE_TIMEOUT_SECONDS = 7 * 24 * 60 * 60;

  /** The first admin, created at start-up when there are no users yet. */
  @IsString()
  ADMIN_EMAIL = '';

  @IsString()
  ADMIN_PASSWORD = '';

  /**
   * Failed sign-ins allowed per email and client address within LOGIN_THROTTLE_TTL_SECONDS (429 beyond); also
   * the wrong current passwords allowed per account when changing a password.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_LIMIT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_TTL_SECONDS = 60;

  /** Failed sign-ins allowed per client address, whatever the emails, within LOGIN_THROTTLE_ADDRESS_TTL_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_ADDRESS_LIMIT = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_ADDRESS_TTL_SECONDS = 15 * 60;

  /**
   * The proxies whose X-Forwarded-For names the client (see proxyTrust): a hop count or a list of addresses and
   * CIDRs. Empty: no proxy is trusted and the client is the connection's peer.
   */
  @IsString()
  TRUST_PROXY = '';

  /** Where notification email goes out. */
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  MAIL_FROM = 'HLD follow-up tracker <no-reply@hld.invalid>';

  /** false: notifications are recorded (status "suppressed") but never sent; for staging. */
  @Transform(({ value }) => (value === 'false' || value === false ? false : value === 'true' || value === true ? true : value))
  @IsBoolean({ message: 'NOTIFICATIONS_ENABLED must be true or false' })
  NOTIFICATIONS_ENABLED = true;

  /** Days before a commitment's due date when its lead agency is reminded. */
  @Matches(/^\d{1,3}(,\d{1,3})*$/, { message: 'DUE_DATE_REMINDER_OFFSETS_DAYS must be days separated by commas, e.g. 30,7' })
  DUE_DATE_REMINDER_OFFSETS_DAYS = '30,7';

  /** Delivery attempts before a notification is marked failed; retries back off exponentially from the base. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  NOTIFICATION_MAX_ATTEMPTS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTIFICATION_RETRY_BASE_SECONDS = 30;

  /** How long a worker holds a notification it is sending before another may take it over. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTIFICATION_LEASE_SECONDS = 30;

  /** How many notifications one worker sends at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFICATION_CONCURRENCY = 8;

  /** How often the worker recomputes the whole reminder schedule from PostgreSQL and repairs Redis. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SWEEP_INTERVAL_SECONDS = 3600;

  /**
   * A file the worker rewrites every 10 s while PostgreSQL and Redis answer it, and removes when it stops: a
   * container health check reads its age. Empty: no file.
   */
  @IsString()
  WORKER_HEALTH_FILE = '';

  /** How often the worker reads new events and pending notifications. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  POLL_INTERVAL_MS = 1000;

  /** Origins allowed to call the API from a browser, comma-separated. Empty: CORS stays closed. */
  @IsString()
  CORS_ORIGINS = '';
}

/** Every bad setting, one line each: start-up stops with all of them, not just the first. */
export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/**
 * Reads the settings from `source` (process.env by default). Unset or empty variables take the default; if any
 * is invalid, start-up stops with one line per bad setting. A process loads them once (its main) and hands the
 * result to its modules (ConfigModule.forRoot).
 */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const defaults = new Environment();
  const given: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = source[key];
    if (value !== undefined && value !== '') given[key] = value;
  }
  const env = plainToInstance(Environment, { ...defaults, ...given });
  const problems = validateSync(env, { forbidUnknownValues: true }).map((error) => {
    const reason = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    return `Invalid setting ${error.property}=${JSON.stringify(source[error.property] ?? '')}: ${reason}`;
  });
  if (!env.PUBLIC_URL) env.PUBLIC_URL = `http://localhost:${env.PORT}`;
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32) problems.push('Invalid setting JWT_SECRET: must be at least 32 characters');
  if (!env.JWT_SECRET && env.NODE_ENV === 'production') problems.push('Missing setting JWT_SECRET: required in production');
  try {
    proxyTrust(env.TRUST_PROXY);
  } catch (error) {
    problems.push(`Invalid setting TRUST_PROXY=${JSON.stringify(env.TRUST_PROXY)}: ${TRUST_PROXY_FORMAT} (${(error as Error).message})`);
  }
  if (env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length < 12) problems.push('Invalid setting ADMIN_PASSWORD: must be at least 12 characters');
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  if (!env.JWT_SECRET) env.JWT_SECRET = randomBytes(32).toString('base64url');
  return env;
}

const LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

/** The Nest logger levels LOG_LEVEL asks for: that level and everything more severe. */
export function logLevels(env: Pick<Environment, 'LOG_LEVEL'>): Array<(typeof LEVELS)[number]> {
  return LEVELS.slice(0, LEVELS.indexOf(env.LOG_LEVEL as (typeof LEVELS)[number]) + 1);
}
