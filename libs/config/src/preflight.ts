import pg from 'pg';
import { Redis } from 'ioredis';
import type { Environment } from './environment.js';

/**
 * Checks that PostgreSQL and Redis answer before Nest boots, so an operator gets one sentence saying
 * which service is down, where, and how to start it, instead of a stack trace from deep inside a driver.
 */
export async function checkBackingServices(env: Environment, needs: { database: boolean; redis: boolean }): Promise<string[]> {
  const problems: string[] = [];
  if (needs.database) {
    const problem = await checkPostgres(env.DATABASE_URL);
    if (problem) problems.push(problem);
  }
  if (needs.redis) {
    const problem = await checkRedis(env.REDIS_URL);
    if (problem) problems.push(problem);
  }
  return problems;
}

function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
}

async function checkPostgres(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    const err = error as { code?: string; message: string };
    const database = new URL(url).pathname.slice(1);
    if (err.code === '3D000') {
      return `PostgreSQL at ${where(url)} has no database "${database}": run \`npm run db:migrate\` (it creates and migrates it).`;
    }
    return (
      `PostgreSQL is not reachable at ${where(url)} (${err.code ?? err.message}). ` +
      'Start it with `docker compose up -d postgres`, or the local service (`pg_ctlcluster <version> main start`), ' +
      'or point DATABASE_URL at a running server.'
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<string | null> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // ioredis rejects with "Connection is closed"; the socket's own error (ECONNREFUSED, ...) says more
  let socketError: { code?: string; message: string } | undefined;
  redis.on('error', (error: { code?: string; message: string }) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    const err = socketError ?? (error as { code?: string; message: string });
    return (
      `Redis is not reachable at ${where(url)} (${err.code ?? err.message}). ` +
      'Start it with `docker compose up -d redis`, or the local service (`redis-server --daemonize yes`), ' +
      'or point REDIS_URL at a running server.'
    );
  } finally {
    redis.disconnect();
  }
}
