import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DATABASE_URL } from '../test-environment.js';
import { exited, startBuilt } from '../helpers/child-process.js';

/** Runs a built entry point (npm test builds first) and collects what it prints until it exits or says `until`. */
function run(
  entry: string,
  env: Record<string, string>,
  until?: RegExp,
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not finish in time; it printed:\n${output}`));
    }, timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const WORKER = 'dist/apps/worker/src/main.js';
const API = 'dist/apps/api/src/main.js';
const testEnv = { DATABASE_URL: TEST_DATABASE_URL, QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? 'hld-test' };

describe('Process start-up', () => {
  it('starts the worker, which connects to Redis and says it is ready, and stops on SIGTERM', async () => {
    const { output } = await run(WORKER, { ...testEnv, LOG_LEVEL: 'log' }, /Worker ready/);
    expect(output).toContain(`Worker ready: Redis 127.0.0.1:6379, queue prefix "${testEnv.QUEUE_PREFIX}"`);
  });

  it('keeps a health file while it runs (what the container health check reads) and removes it when it stops', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'hld-worker-')), 'health');
    const worker = startBuilt('worker', { QUEUE_PREFIX: testEnv.QUEUE_PREFIX, LOG_LEVEL: 'log', WORKER_HEALTH_FILE: file });
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        worker.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Worker ready')) resolve();
        });
        worker.on('exit', () => reject(new Error(`the worker exited before it was ready:\n${output}`)));
      });
      const written = new Date((await readFile(file, 'utf8')).trim());
      expect(Date.now() - written.getTime()).toBeLessThan(10_000);
      worker.kill('SIGTERM');
      expect(await exited(worker)).toEqual({ code: 0, signal: null });
      await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      worker.kill('SIGKILL');
    }
  });

  it('stops with one line per bad setting, every one of them at once', async () => {
    const { code, output } = await run(API, { ...testEnv, PORT: 'eighty', REDIS_URL: 'localhost:6379' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(/^Invalid setting PORT="eighty": /),
      'Invalid setting REDIS_URL="localhost:6379": REDIS_URL must be a redis:// URL',
    ]);
  });

  it('says which backing service is unreachable, where, and how to start it', async () => {
    const { code, output } = await run(WORKER, { ...testEnv, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(output).toMatch(/^Redis is not reachable at 127\.0\.0\.1:1 \(ECONNREFUSED\)\. Start it with `docker compose up -d redis`/);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace

    const pg = await run(API, { ...testEnv, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/hld' });
    expect(pg.code).toBe(1);
    expect(pg.output).toMatch(/^PostgreSQL is not reachable at 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
  });
});

describe('First start of a fresh install', () => {
  const FRESH = `${TEST_DATABASE_URL}_fresh`;

  beforeAll(async () => {
    const { recreateDatabase } = await import('../../db/migrate.js');
    await recreateDatabase(FRESH);
  });

  it('creates the first admin and prints how to sign in; the printed password works', async () => {
    const port = String(3900 + Math.floor(Math.random() * 90));
    const { output } = await run(API, { ...testEnv, DATABASE_URL: FRESH, PORT: port }, /listening on/);
    const match = /created the admin (\S+) with the password (\S+)/.exec(output);
    expect(match).not.toBeNull();
    expect(output).toMatch(/Sign in at http:\/\/localhost:\d+\/ \(or POST http:\/\/localhost:\d+\/api\/v1\/auth\/login/);

    // sign in with the printed credentials on a second start (the first one was stopped once it listened)
    const second = spawn(process.execPath, [API], {
      env: { ...process.env, NODE_OPTIONS: '', ...testEnv, DATABASE_URL: FRESH, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve) => second.stdout.on('data', (c: Buffer) => /listening on/.test(c.toString()) && resolve()));
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: match![1], password: match![2] }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { accessToken: string }).accessToken).toEqual(expect.any(String));
    } finally {
      second.kill('SIGTERM');
    }
  });
});
