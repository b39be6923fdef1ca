/**
 * `npm run bench`: how fast do commands go through the whole stack (HTTP, Nest pipeline, event store,
 * read models, PostgreSQL commit) compared with what PostgreSQL alone can commit on this machine, and how
 * fast is the overdue list once there are 10,000 commitments?
 *
 * A benchmark, not a test: it never fails on a missed target, it prints the figures (a table, then one
 * `BENCH_RESULT {json}` line for scripts) and exits. It owns the database it runs on (dropped and
 * recreated each run) and boots the real API in this process: it needs PostgreSQL and Redis, no API
 * running.
 *
 * The transitions' clients run in a worker thread, off the API's event loop, as real clients run outside the
 * server (seeding and the list latencies use a client on the main thread; they are not ratios). "API event
 * loop busy" is the main thread's event-loop utilisation during the measured transitions.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { Pool, type Dispatcher } from 'undici';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnvironment } from '@hld/config';
import { UserDirectory } from '@hld/identity';
import { createApiApp } from '../apps/api/src/create-api-app.js';
import { recreateDatabase } from '../db/migrate.js';
import { cpuMeter, freePort, inParallel, latencies, printTable, rawInsertBaseline, round } from './measure.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hld_bench';
const COMMITMENTS = 10_000;
const CONCURRENCY = 8;
const RAW_SECONDS = 5;
/** Not measured: lets V8 optimise the transition path and PostgreSQL warm its caches first. */
const WARMUP_SECONDS = 1;
const E2E_SECONDS = 10;
const LIST_REQUESTS = 2_000;

const TARGETS = { ratio: 0.25, listP99Ms: 50, seedSeconds: 60 };

type Status = 'proposed' | 'accepted' | 'in_progress' | 'under_review' | 'completed' | 'discontinued';

/** What a client knows about a commitment it drives: enough to send the next valid transition. */
interface Tracked {
  id: string;
  version: number;
  status: Status;
  /** How many times it went under review; alternates the way out, so both exits are exercised. */
  reviews: number;
}

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Requests that did not succeed, by status, with one example body so a failure can be diagnosed. */
class Failures {
  readonly byStatus: Record<string, number> = {};
  example: string | null = null;
  count = 0;

  record(response: Response): void {
    this.count += 1;
    this.byStatus[response.status] = (this.byStatus[response.status] ?? 0) + 1;
    this.example ??= `${response.status} ${response.body.slice(0, 300)}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP client

/**
 * undici's connection pool, one keep-alive connection per concurrent client. The clients share the machine's cores
 * with the API and PostgreSQL, so their cost lands in the figures: undici (the engine of Node's own fetch)
 * spends about half the CPU per request that node:http does.
 */
class HttpClient {
  private readonly pool: Pool;
  /** Bearer access token sent with every request once signed in. */
  token: string | null = null;

  constructor(port: number) {
    this.pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY, pipelining: 1 });
  }

  async send(method: Dispatcher.HttpMethod, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const response = await this.pool.request({
      method,
      path,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: payload,
    });
    return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

const ok = (response: Response): boolean => response.status >= 200 && response.status < 300;

function versionOf(response: Response): number {
  const match = /^"(\d+)"$/.exec(String(response.headers.etag ?? ''));
  if (!match) throw new Error(`Response ${response.status} has no usable ETag: ${response.headers.etag}`);
  return Number(match[1]);
}

// ---------------------------------------------------------------------------------------------------------
// Measurement helpers

/** CPU time this Node process (API + load generator) used, as a share of one core, since `start`. */
function nodeCpuPercent(start: NodeJS.CpuUsage, wallMs: number): number {
  const used = process.cpuUsage(start);
  return round((100 * (used.user + used.system)) / 1000 / wallMs, 1);
}

// ---------------------------------------------------------------------------------------------------------
// Phases

/**
 * Signs in as a coordinator (a role allowed every command on every commitment) the way a client does, so
 * each measured request pays for authentication like a real one. The user is created directly, as the
 * e2e tests do: there is no public sign-up.
 */
async function signIn(app: NestFastifyApplication, client: HttpClient): Promise<void> {
  const email = 'bench-coordinator@bench.invalid';
  const password = randomBytes(18).toString('base64url');
  await app.get(UserDirectory).create({ email, name: 'Benchmark coordinator', role: 'coordinator', password });
  const response = await client.send('POST', '/api/v1/auth/login', { email, password });
  if (!ok(response)) throw new Error(`Sign-in failed: ${response.status} ${response.body.slice(0, 300)}`);
  client.token = (JSON.parse(response.body) as { accessToken: string }).accessToken;
}

const PAST_DUE = ['2014-06-30', '2015-12-31', '2016-09-30', '2018-03-31', '2020-12-31'];
const FUTURE_DUE = ['2030-06-30', '2035-12-31'];

/**
 * The n-th seeded commitment. Lead agencies and agenda items rotate so every agency and item gets its
 * share; half the due dates are past (so the overdue lists are not empty), some future, some absent.
 */
function seedBody(n: number, agencies: string[]): Record<string, unknown> {
  const lead = agencies[n % agencies.length];
  const item = 1 + (n % 8);
  return {
    code: `BENCH-${lead}-${n}`,
    title: `Benchmark commitment ${n} led by ${lead}`,
    text:
      `Commitment ${n}, registered by the benchmark. Promote fair recruitment practices, lower the costs of ` +
      'labour migration and strengthen the evidence base on migration and development, in cooperation with ' +
      'the other members of the Global Migration Group and the regional commissions.',
    source: 'A/68/190',
    kind: 'recommendation',
    leadAgency: lead,
    supportingAgencies: n % 4 === 0 ? [agencies[(n + 7) % agencies.length]] : [],
    agendaItems: n % 5 === 0 ? [item, 1 + ((n + 3) % 8)] : [item],
    sdgTargets: ['10.7'],
    dueDate: n % 10 < 5 ? PAST_DUE[n % PAST_DUE.length] : n % 10 < 8 ? FUTURE_DUE[n % FUTURE_DUE.length] : null,
  };
}

async function seed(client: HttpClient, agencies: string[]) {
  const commitments: Tracked[] = new Array(COMMITMENTS);
  const failures = new Failures();
  let next = 0;
  const cpu = cpuMeter();
  const start = performance.now();
  await inParallel(CONCURRENCY, async () => {
    // the first failure stops every client: a run on a partial data set would report misleading figures
    for (let n = next++; n < COMMITMENTS && failures.count === 0; n = next++) {
      const response = await client.send('POST', '/api/v1/commitments', seedBody(n, agencies));
      if (!ok(response)) {
        failures.record(response);
        break;
      }
      const id =
        String(response.headers.location ?? '')
          .split('/')
          .pop() ?? '';
      commitments[n] = { id, version: versionOf(response), status: 'proposed', reviews: 0 };
    }
  });
  const seconds = (performance.now() - start) / 1000;
  if (failures.example) throw new Error(`Seeding failed: ${failures.example}`);
  return { commitments, seconds: round(seconds), perSecond: round(COMMITMENTS / seconds, 1), cpuPercent: cpu() };
}

/** The next valid transition from where the commitment is, walking the whole lifecycle in a loop. */
function nextTransition(c: Tracked): { to: Status; reason?: string } {
  switch (c.status) {
    case 'proposed':
      return { to: 'accepted' };
    case 'accepted':
      return { to: 'in_progress' };
    case 'in_progress':
      return { to: 'under_review' };
    case 'under_review':
      return c.reviews % 2 === 1 ? { to: 'completed' } : { to: 'in_progress', reason: 'returned by the benchmark reviewer' };
    case 'completed':
    case 'discontinued':
      return { to: 'in_progress', reason: 'reopened by the benchmark' };
  }
}

/**
 * Closed loop: 8 clients, each with one request in flight, each driving only its own commitments (so a
 * version conflict would be a bug, not contention between clients), taking them in turn so that no event
 * stream grows much longer than the others.
 */
async function runTransitions(client: HttpClient, commitments: Tracked[], seconds: number) {
  const samples: number[] = [];
  const failures = new Failures();
  let succeeded = 0;
  let resyncs = 0;
  const cursors = new Array<number>(CONCURRENCY).fill(0);
  const cpu = cpuMeter();
  const nodeCpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await inParallel(CONCURRENCY, async (worker) => {
    const mine = commitments.filter((_, n) => n % CONCURRENCY === worker);
    while (performance.now() < deadline) {
      const c = mine[cursors[worker]++ % mine.length];
      const step = nextTransition(c);
      const sent = performance.now();
      const response = await client.send('POST', `/api/v1/commitments/${c.id}/transitions`, step, { 'if-match': `"${c.version}"` });
      samples.push(performance.now() - sent);
      if (ok(response)) {
        succeeded += 1;
        if (c.status === 'under_review') c.reviews += 1;
        c.status = step.to;
        c.version = versionOf(response);
        continue;
      }
      failures.record(response);
      // Whatever went wrong, read the commitment back so the next request for it is valid again.
      const current = await client.send('GET', `/api/v1/commitments/${c.id}`);
      resyncs += 1;
      if (ok(current)) {
        c.version = versionOf(current);
        c.status = (JSON.parse(current.body) as { status: Status }).status;
      }
    }
  });
  const wallMs = performance.now() - start;
  return {
    succeeded,
    failed: failures.count,
    failuresByStatus: failures.byStatus,
    firstFailure: failures.example,
    resyncs,
    seconds: round(wallMs / 1000),
    opsPerSecond: round(succeeded / (wallMs / 1000), 1),
    latencyMs: latencies(samples),
    cpuPercent: cpu(),
    /** The whole process (API and clients' thread), in per cent of one core. */
    processCpuPercentOfOneCore: nodeCpuPercent(nodeCpu, wallMs),
  };
}

type TransitionsResult = Awaited<ReturnType<typeof runTransitions>>;

/**
 * Runs the warm-up and the measured transitions in a worker thread; resolves with the figures and the API
 * thread's event-loop utilisation over the measured part.
 */
function transitionsInThread(
  port: number,
  token: string,
  commitments: Tracked[],
): Promise<TransitionsResult & { apiEventLoopBusyPercent: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { port, token, commitments } });
    let elu: ReturnType<typeof performance.eventLoopUtilization> | null = null;
    worker.on('message', (message: 'measuring' | TransitionsResult) => {
      if (message === 'measuring') {
        elu = performance.eventLoopUtilization();
        return;
      }
      const busy = elu ? performance.eventLoopUtilization(elu).utilization : 0;
      resolve({ ...message, apiEventLoopBusyPercent: round(busy * 100, 1) });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the transitions thread exited with code ${code}`));
    });
  });
}

/** The worker thread's side: the clients, warm-up first. */
async function transitionsThread(): Promise<void> {
  const { port, token, commitments } = workerData as { port: number; token: string; commitments: Tracked[] };
  const client = new HttpClient(port);
  client.token = token;
  await runTransitions(client, commitments, WARMUP_SECONDS);
  parentPort!.postMessage('measuring');
  const result = await runTransitions(client, commitments, E2E_SECONDS);
  await client.close();
  parentPort!.postMessage(result);
}

/** Sequential, so each figure is the latency of one request on an otherwise idle API. */
async function measureOverdueList(client: HttpClient, agencies: string[]) {
  const samples: number[] = [];
  const failures = new Failures();
  const totals: number[] = [];
  for (let i = 0; i < LIST_REQUESTS; i++) {
    const agency = agencies[i % agencies.length];
    const sent = performance.now();
    const response = await client.send('GET', `/api/v1/commitments?overdue=true&agency=${agency}`);
    samples.push(performance.now() - sent);
    if (!ok(response)) {
      failures.record(response);
      continue;
    }
    totals.push((JSON.parse(response.body) as { total: number }).total);
  }
  return {
    requests: LIST_REQUESTS,
    failed: failures.count,
    firstFailure: failures.example,
    latencyMs: latencies(samples),
    overdueTotalMin: totals.length ? Math.min(...totals) : 0,
    overdueTotalMax: totals.length ? Math.max(...totals) : 0,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Report

const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const startedAt = performance.now();
  // Node and PostgreSQL share the cores with whatever else runs here; a busy machine explains a bad run.
  const loadAverageAtStart = round(os.loadavg()[0]);
  const port = await freePort();
  // The API reads its settings from process.env (loaded once below and handed to it). The JWT secret is fixed
  // for the run so every loadEnvironment() in the process (this one, the bench's own clients) agrees on it.
  Object.assign(process.env, {
    DATABASE_URL,
    LOG_LEVEL: 'error',
    PORT: String(port),
    QUEUE_PREFIX: 'hld-bench',
    JWT_SECRET: randomBytes(32).toString('base64url'),
  });

  console.log(`Recreating ${new URL(DATABASE_URL).pathname.slice(1)} ...`);
  // a fresh database every run, so figures never depend on what an earlier run left behind
  await recreateDatabase(DATABASE_URL);

  // Before the API boots, so nothing else competes with PostgreSQL for the cores.
  console.log(`Raw PostgreSQL baseline: BEGIN; INSERT; COMMIT from ${CONCURRENCY} connections for ${RAW_SECONDS} s ...`);
  const raw = await rawInsertBaseline(DATABASE_URL, CONCURRENCY, RAW_SECONDS);

  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  let app: NestFastifyApplication | undefined;
  const client = new HttpClient(port);
  try {
    const agencies = (await db.query<{ code: string }>('SELECT code FROM agencies ORDER BY code')).rows.map((r) => r.code);
    const env = loadEnvironment();
    app = await createApiApp(env);
    await app.listen({ port: env.PORT, host: '127.0.0.1' });
    await signIn(app, client);

    console.log(`Seeding ${COMMITMENTS} commitments over ${agencies.length} agencies through the API ...`);
    const seeded = await seed(client, agencies);
    const [{ n: viewRows }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM commitment_view')).rows;
    if (viewRows !== COMMITMENTS) throw new Error(`commitment_view has ${viewRows} rows after seeding, expected ${COMMITMENTS}`);
    // What autovacuum would do within a minute of a bulk load anyway (planner statistics, visibility map,
    // GIN pending lists flushed), done now so it cannot land in the middle of a measurement.
    await db.query('VACUUM (ANALYZE)');

    console.log(`Overdue list: ${LIST_REQUESTS} sequential GET /api/v1/commitments?overdue=true&agency=X ...`);
    const list = await measureOverdueList(client, agencies);

    console.log(`Transitions: ${CONCURRENCY} clients, ${WARMUP_SECONDS} s warm-up then ${E2E_SECONDS} s measured ...`);
    const e2e = await transitionsInThread(port, client.token!, seeded.commitments);

    const ratio = e2e.opsPerSecond / raw.opsPerSecond;
    const result = {
      commitments: COMMITMENTS,
      agencies: agencies.length,
      concurrency: CONCURRENCY,
      cpus: os.cpus().length,
      loadAverageAtStart,
      seed: { seconds: seeded.seconds, perSecond: seeded.perSecond, cpuPercent: seeded.cpuPercent },
      rawInsertCommit: raw,
      transitions: e2e,
      ratio: round(ratio, 3),
      overdueList: list,
      targets: {
        ratio: { target: TARGETS.ratio, met: ratio >= TARGETS.ratio },
        overdueListP99Ms: { target: TARGETS.listP99Ms, met: list.latencyMs.p99 < TARGETS.listP99Ms },
        seedSeconds: { target: TARGETS.seedSeconds, met: seeded.seconds < TARGETS.seedSeconds },
      },
      totalSeconds: 0,
    };
    result.totalSeconds = round((performance.now() - startedAt) / 1000, 1);

    console.log('');
    printTable([
      ['measure', 'value', 'target'],
      ['raw pg BEGIN/INSERT/COMMIT (8 conns)', `${raw.opsPerSecond} tx/s`, ''],
      ['POST /transitions end to end (8 clients)', `${e2e.opsPerSecond} req/s`, ''],
      ['ratio e2e / raw', `${(ratio * 100).toFixed(1)} %`, `>= ${TARGETS.ratio * 100} % ${verdict(result.targets.ratio.met)}`],
      ['transition latency p50 / p99', `${e2e.latencyMs.p50} / ${e2e.latencyMs.p99} ms`, ''],
      ['transitions non-2xx', `${e2e.failed} of ${e2e.succeeded + e2e.failed}`, ''],
      ['CPU busy, all cores: raw / e2e', `${raw.cpuPercent ?? '?'} / ${e2e.cpuPercent ?? '?'} %`, ''],
      ['API event loop busy during e2e', `${e2e.apiEventLoopBusyPercent} %`, ''],
      [
        'overdue list p50 / p99',
        `${list.latencyMs.p50} / ${list.latencyMs.p99} ms`,
        `p99 < ${TARGETS.listP99Ms} ms ${verdict(result.targets.overdueListP99Ms.met)}`,
      ],
      ['overdue list size (min..max total)', `${list.overdueTotalMin}..${list.overdueTotalMax}`, ''],
      [
        'seeding via POST /commitments',
        `${seeded.perSecond} /s (${seeded.seconds} s)`,
        `< ${TARGETS.seedSeconds} s ${verdict(result.targets.seedSeconds.met)}`,
      ],
      ['load average (1 min) at start', `${loadAverageAtStart} on ${result.cpus} CPUs`, ''],
      ['total run time', `${result.totalSeconds} s`, ''],
    ]);
    if (e2e.firstFailure) console.log(`first failed transition: ${e2e.firstFailure}`);
    if (list.firstFailure) console.log(`first failed list request: ${list.firstFailure}`);
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  } finally {
    await client.close();
    await app?.close();
    await db.end();
  }
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  transitionsThread().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
