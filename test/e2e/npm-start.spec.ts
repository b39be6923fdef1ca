import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../../bench/measure.js';
import { TEST_DATABASE_URL } from '../test-environment.js';

/**
 * `npm start` as a newcomer sees it: after the build, the migrations and the catalogue, `npm run start:all` runs
 * the API and the worker and ends its start-up with the web app's address and, on a fresh install, the first
 * admin's email and password, as its LAST lines, after every log line the two processes print as they start.
 */
const FRESH = `${TEST_DATABASE_URL}_start`;
const LAUNCHER = 'dist/apps/cli/src/main.js';

interface Running {
  child: ChildProcess;
  output: () => string;
}

/** `npm run start:all`'s command, with the settings a newcomer has (log level `log`), on a database of its own. */
function start(port: number): Running {
  const child = spawn(process.execPath, [LAUNCHER, 'start'], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: FRESH,
      PORT: String(port),
      LOG_LEVEL: 'log',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      PUBLIC_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until(running: Running, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(running.output())) {
    if (running.child.exitCode !== null) throw new Error(`npm start stopped (${running.child.exitCode}):\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start did not finish starting:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Ctrl+C: both stop gracefully, and so does npm start, with 0. */
async function stop(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.child.on('exit', (code) => resolve(code)));
  running.child.kill('SIGINT');
  return exited;
}

const lines = (output: string) => output.split('\n').filter((line) => line.trim() !== '');

describe('npm start', () => {
  beforeAll(async () => {
    const { recreateDatabase } = await import('../../db/migrate.js');
    await recreateDatabase(FRESH);
  });

  it('is the composed steps, ending with the launcher of the API and the worker', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(
      'npm run build && npm run db:migrate && node dist/apps/cli/src/main.js catalogue:load --if-empty && npm run start:all',
    );
    expect(scripts['start:all']).toBe(`node ${LAUNCHER} start`);
  });

  it('on a fresh install, ends with the web address and the first admin’s email and password, which work', async () => {
    const port = await freePort();
    const running = start(port);
    try {
      await until(running, /^First admin, created now: /m);
      // what comes after start-up (nothing, until something happens) does not bury them
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const printed = lines(running.output());
      expect(printed.length).toBeGreaterThan(10); // (the start-up logs came first)
      expect(printed.slice(-3)).toEqual([
        `HLD follow-up tracker: the API and the worker are running (stop them with Ctrl+C). API documentation: http://localhost:${port}/api/docs`,
        `Web app: http://localhost:${port}/`,
        expect.stringMatching(
          /^First admin, created now: admin@hld\.local, password (\S+) \(shown this once: sign in, then change it in Settings\)$/,
        ),
      ]);
      // both really started before that
      expect(running.output()).toMatch(/\[api\] HLD follow-up tracker API listening on /);
      expect(running.output()).toMatch(/\[worker\] .*Worker ready/);
      const password = /password (\S+) \(shown this once/.exec(printed.at(-1)!)![1];
      const page = await fetch(`http://localhost:${port}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const signIn = await fetch(`http://localhost:${port}/api/v1/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'test' },
        body: JSON.stringify({ email: 'admin@hld.local', password }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      expect(await stop(running)).toBe(0);
    }
    // the API stopped with it
    await expect(fetch(`http://localhost:${port}/api/v1/health`)).rejects.toThrow();
  }, 120_000);

  it('on an install that has users, ends with the web address alone', async () => {
    const port = await freePort();
    const running = start(port);
    try {
      await until(running, /^Web app: http:\/\/localhost:\d+\/$/m);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(lines(running.output()).at(-1)).toBe(`Web app: http://localhost:${port}/`);
      expect(running.output()).not.toMatch(/First admin|created the admin/);
    } finally {
      expect(await stop(running)).toBe(0);
    }
  }, 120_000);

  it('stops when the API or the worker cannot start, saying why, and prints no address', async () => {
    const port = await freePort();
    const running = spawn(process.execPath, [LAUNCHER, 'start'], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: FRESH,
        PORT: String(port),
        LOG_LEVEL: 'log',
        REDIS_URL: 'redis://127.0.0.1:1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    running.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    running.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => running.on('exit', resolve));
    expect(code).not.toBe(0);
    // whichever of the two finds Redis missing first says so, and the other is stopped with it
    expect(output).toMatch(/\[(api|worker)\] Redis is not reachable at 127\.0\.0\.1:1/);
    expect(output).not.toMatch(/Web app: /);
  }, 120_000);
});
