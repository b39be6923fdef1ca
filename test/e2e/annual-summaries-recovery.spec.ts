import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { recreateDatabase } from '../../db/migrate.js';
import { TEST_DATABASE_URL } from '../test-environment.js';
import { aCommitment } from '../helpers/factories.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';
import { TestClock } from '../helpers/test-clock.js';

/**
 * A worker process killed (SIGKILL) in the middle of a compilation: nothing of the half-written version is
 * visible, and once the job's lock lapses another worker compiles it again, once. Runs the built worker
 * (`npm test` builds first) with the short lock settings of reliability.md.
 */
const DATABASE_URL = `${TEST_DATABASE_URL}_summaries_recovery`;
const WORKER = 'dist/apps/worker/src/main.js';

function startWorker(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [WORKER], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL,
      QUEUE_PREFIX: process.env.QUEUE_PREFIX,
      LOG_LEVEL: 'log',
      ANNUAL_SUMMARY_LOCK_DURATION_MS: '2000',
      ANNUAL_SUMMARY_STALLED_INTERVAL_MS: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Annual summary compilation survives a killed worker', () => {
  let api: TestApi;
  const previousUrl = process.env.DATABASE_URL;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    await recreateDatabase(DATABASE_URL);
    process.env.DATABASE_URL = DATABASE_URL;
    api = await startTestApi(new TestClock(new Date('2015-02-14T12:00:00Z')));
    for (const leadAgency of ['ILO', 'IOM', 'UNHCR']) {
      await api.http
        .post('/api/v1/commitments')
        // made in 2014: the 2014 summary describes the commitments as at 31 December 2014
        .send({ ...aCommitment({ leadAgency, supportingAgencies: [] }), effectiveAt: '2014-03-01T00:00:00Z' })
        .expect(201);
    }
  }, 60_000);

  afterAll(async () => {
    for (const child of workers) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await api?.close();
    process.env.DATABASE_URL = previousUrl;
  });

  it('leaves no half-written version visible, and a second worker retries the job to completion', async () => {
    // Hold the chunk table so the first worker stops mid-way: snapshot read, its files' transaction open
    const blocker = new pg.Client({ connectionString: DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE annual_summary_chunks IN ACCESS EXCLUSIVE MODE');

    const requested = await api.http.post('/api/v1/annual-summaries').send({ year: 2014 }).expect(202);
    const location: string = requested.headers.location;
    const summaryId: string = (await api.db.query('SELECT id FROM annual_summaries WHERE year = 2014'))[0].id;

    const first = startWorker();
    workers.push(first.child);
    try {
      await waitFor('the first worker to be writing the files', async () => {
        const [{ waiting }] = await api.db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO annual_summary_chunks%'`,
        );
        return waiting > 0;
      });
      expect((await api.http.get(location).expect(200)).body).toMatchObject({ status: 'running', attempts: 1 });

      first.child.kill('SIGKILL');
      await exited(first.child);
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }

    // nothing of the dead attempt is visible
    expect((await api.http.get(location).expect(200)).body.status).toBe('running');
    await api.http.get(`${location}.json`).expect(409);
    const [{ files }] = await api.db.query('SELECT count(*)::int AS files FROM annual_summary_files WHERE summary_id = $1', [summaryId]);
    expect(files).toBe(0);

    const second = startWorker();
    workers.push(second.child);
    const done = await waitFor('the retried compilation', async () => {
      const { body } = await api.http.get(location).expect(200);
      return body.status === 'done' && body;
    });
    expect(done).toMatchObject({ status: 'done', attempts: 2, progress: 100 });

    // one complete set of files, once
    const stored: Array<{ format: string; chunk_count: number; rows: number }> = await api.db.query(
      `SELECT f.format, f.chunk_count, (SELECT count(*)::int FROM annual_summary_chunks c WHERE c.summary_id = f.summary_id AND c.format = f.format) AS rows
       FROM annual_summary_files f WHERE f.summary_id = $1 ORDER BY f.format`,
      [summaryId],
    );
    expect(stored.map((s) => s.format)).toEqual(['csv', 'docx', 'html', 'json', 'md', 'xlsx']);
    for (const s of stored) expect(s.rows).toBe(s.chunk_count);
    const json = await api.http.get(`${location}.json`).expect(200);
    const { checksum, ...content } = json.body;
    expect(checksum).toBe(`sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`);
    expect(json.body.overview.commitments).toBe(3);
    expect(second.output()).toMatch(/Compiled the 2014 summary v1/);

    second.child.kill('SIGTERM');
    await exited(second.child);
  }, 60_000);
});
