/**
 * `npm run bench:load`: a minute of mixed traffic at 50 concurrent requests against the API and the worker
 * started as `npm start` starts them (built code, its own database migrated, the catalogue loaded, the demo
 * accounts), from this process over loopback. Reads: lists, one commitment, its history, statistics. Writes:
 * status transitions that name the version they expect (If-Match) and version-less progress reports sent by the
 * focal points of several agencies on the SAME commitments at once, so appends race on the same streams.
 *
 * What must hold, and is checked: no 5xx; no 409 on a write that named no version; every write the API
 * acknowledged (201/200) is in the event log at the version it answered, in the read models and in the history
 * the API serves. The figures: requests by status class, p50/p99 per kind of request, and, as the baseline, the
 * raw rate of single-row INSERT transactions PostgreSQL commits on this machine.
 *
 * A benchmark, not a test: it prints a table and one `BENCH_RESULT {json}` line, and exits non-zero only when
 * it could not run or an acknowledged write is missing. It owns its database (BENCH_LOAD_DATABASE_URL, default
 * hld_bench_load, dropped and recreated each run) and its queue prefix; it needs PostgreSQL, Redis and a build
 * (`npm run bench:load` builds first), and sends requests only to 127.0.0.1. Bounded: BENCH_LOAD_SECONDS (60)
 * after a 5 s warm-up, at most 1,000,000 requests, and the whole run is stopped after 15 minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Pool, type Dispatcher } from 'undici';
import { recreateDatabase } from '../db/migrate.js';
import { cpuMeter, freePort, inParallel, latencies, printTable, rawInsertBaseline, round, type Latencies } from './measure.js';

const DATABASE_URL = process.env.BENCH_LOAD_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hld_bench_load';
const QUEUE_PREFIX = 'hld-bench-load';
const CONCURRENCY = 50;
const WARMUP_SECONDS = 5;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS || 60);
const MAX_REQUESTS = 1_000_000;
const RUN_LIMIT_MS = 15 * 60_000;
const RAW_CONNECTIONS = 8;
const RAW_SECONDS = 5;
/** Commitments every kind of writer works on at once: several agencies report on each, a coordinator moves them. */
const HOT_COMMITMENTS = 16;
/** Owning agencies of each of those (lead + supporting), each with its focal point reporting. */
const OWNERS_PER_HOT = 4;
/** Commitments only one client ever moves: a 409 there would be a bug, not contention. */
const QUIET_COMMITMENTS = CONCURRENCY * 2;
const DEMO_PASSWORD = 'demo-password-hld';
const DEMO_DOMAIN = 'demo.hld.invalid';

/** Share of each kind of request in the mix (per cent). */
const MIX = [
  ['list', 20],
  ['get', 17],
  ['history', 8],
  ['stats', 5],
  ['transition', 15],
  ['report', 35],
] as const;
type Kind = (typeof MIX)[number][0];
const KINDS = MIX.map(([kind]) => kind);

type Status = 'proposed' | 'accepted' | 'in_progress' | 'under_review' | 'completed' | 'discontinued';

interface Known {
  id: string;
  code: string;
  version: number;
  status: Status;
  reviews: number;
  owners: string[];
}

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A write the API acknowledged: where its event must be. */
type Acknowledged =
  | { kind: 'report'; streamId: string; version: number; reportId: string }
  | { kind: 'transition'; streamId: string; version: number; to: Status };

// ---------------------------------------------------------------------------------------------------------
// Processes, started the way `npm start` starts them

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startProcess(args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => output };
}

/** Runs one of `npm start`'s steps to the end; throws with what it printed if it fails. */
async function step(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const started = startProcess(args, env);
  const code = await new Promise<number | null>((resolve) => started.child.on('exit', resolve));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${started.output()}`);
  return started.output().trim();
}

async function until(started: Started, pattern: RegExp, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`${what} exited with ${started.child.exitCode}:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`${what} did not start in time:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(started: Started | undefined): Promise<number | null> {
  if (!started || started.child.exitCode !== null) return started?.child.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => started.child.on('exit', resolve));
  started.child.kill('SIGTERM');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 30_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/** CPU seconds a process has used (user + system), from /proc (Linux only; null elsewhere). */
function processCpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP

class Http {
  private readonly pool: Pool;

  constructor(port: number) {
    this.pool = new Pool(`http://127.0.0.1:${port}`, {
      connections: CONCURRENCY,
      pipelining: 1,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
  }

  async send(
    token: string | null,
    method: Dispatcher.HttpMethod,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const response = await this.pool.request({
      method,
      path,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
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

async function signIn(http: Http, email: string): Promise<string> {
  const response = await http.send(null, 'POST', '/api/v1/auth/login', { email, password: DEMO_PASSWORD });
  if (!ok(response)) throw new Error(`sign-in as ${email} failed: ${response.status} ${response.body.slice(0, 300)}`);
  return (JSON.parse(response.body) as { accessToken: string }).accessToken;
}

// ---------------------------------------------------------------------------------------------------------
// The load

/** What happened to each kind of request. */
class Tally {
  readonly samples = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
  readonly statuses = new Map<Kind, Record<string, number>>(KINDS.map((kind) => [kind, {}]));
  /** Transport failures (no HTTP answer at all). */
  errors = 0;
  firstError: string | null = null;
  /** One body per unexpected status, for diagnosis. */
  readonly examples: Record<string, string> = {};
  requests = 0;
  /** Transitions refused on a commitment no other client writes: always a bug. */
  uncontendedFailures = 0;

  record(kind: Kind, ms: number, response: Response): void {
    this.requests += 1;
    this.samples.get(kind)!.push(ms);
    const byStatus = this.statuses.get(kind)!;
    byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
    const expected = ok(response) || (response.status === 409 && kind === 'transition');
    if (!expected) this.examples[`${kind} ${response.status}`] ??= response.body.slice(0, 400);
  }

  classes(kinds: readonly Kind[] = KINDS): Record<string, number> {
    const classes: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    for (const kind of kinds) {
      for (const [status, n] of Object.entries(this.statuses.get(kind)!)) classes[`${status[0]}xx`] = (classes[`${status[0]}xx`] ?? 0) + n;
    }
    return classes;
  }

  count(kind: Kind, status: number): number {
    return this.statuses.get(kind)![status] ?? 0;
  }
}

/** A small deterministic generator, so two runs send the same mix in the same order per client. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** The next valid transition from where the commitment is, walking the whole lifecycle in a loop. */
function nextTransition(c: Known): { to: Status; reason?: string } {
  switch (c.status) {
    case 'proposed':
      return { to: 'accepted' };
    case 'accepted':
      return { to: 'in_progress' };
    case 'in_progress':
      return { to: 'under_review' };
    case 'under_review':
      return c.reviews % 2 === 1 ? { to: 'completed' } : { to: 'in_progress', reason: 'returned by the load benchmark' };
    case 'completed':
    case 'discontinued':
      return { to: 'in_progress', reason: 'reopened by the load benchmark' };
  }
}

interface LoadSetting {
  http: Http;
  coordinator: string;
  focalPoints: Map<string, string>;
  hot: Known[];
  quiet: Known[];
  codes: string[];
  agencies: string[];
  period: number;
}

/** Learns a commitment's newer state from any answer that carries it. */
function learn(c: Known, state: { version: number; status: Status }): void {
  if (state.version > c.version) {
    c.version = state.version;
    c.status = state.status;
  }
}

/**
 * Closed loop: CONCURRENCY clients, each with one request in flight, until the deadline or the request bound.
 * Transitions go half to the hot commitments (racing the reports and each other: a 409 there is the stale
 * version the client named) and half to the client's own quiet commitments (nobody else writes them).
 */
async function load(setting: LoadSetting, seconds: number, tally: Tally, acknowledged: Acknowledged[], seedBase: number): Promise<number> {
  const { http, coordinator, focalPoints, hot, quiet, codes, agencies, period } = setting;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let reportNumber = 0;
  await inParallel(CONCURRENCY, async (client) => {
    const next = random(seedBase + client * 7919);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const mine = quiet.filter((_, n) => n % CONCURRENCY === client);
    let turn = 0;
    while (performance.now() < deadline && tally.requests < MAX_REQUESTS) {
      let roll = next() * 100;
      const kind = MIX.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'get';
      const sent = performance.now();
      try {
        switch (kind) {
          case 'list': {
            const agency = pick(agencies);
            const query = pick([
              `agency=${agency}`,
              `agency=${agency}&overdue=true`,
              `status=proposed,in_progress&limit=100`,
              `agendaItem=${1 + Math.floor(next() * 8)}`,
            ]);
            const response = await http.send(coordinator, 'GET', `/api/v1/commitments?${query}`);
            tally.record(kind, performance.now() - sent, response);
            break;
          }
          case 'get': {
            const code = next() < 0.5 ? pick(hot).code : pick(codes);
            const response = await http.send(pick([...focalPoints.values()]), 'GET', `/api/v1/commitments/${code}`);
            tally.record(kind, performance.now() - sent, response);
            break;
          }
          case 'history': {
            const code = next() < 0.3 ? pick(hot).code : pick(codes);
            const response = await http.send(coordinator, 'GET', `/api/v1/commitments/${code}/history`);
            tally.record(kind, performance.now() - sent, response);
            break;
          }
          case 'stats': {
            const response = await http.send(coordinator, 'GET', `/api/v1/stats/status?by=${pick(['agency', 'agendaItem'])}`);
            tally.record(kind, performance.now() - sent, response);
            break;
          }
          case 'transition': {
            const contended = turn++ % 2 === 0 || mine.length === 0;
            const c = contended ? pick(hot) : mine[turn % mine.length];
            const move = nextTransition(c);
            const response = await http.send(coordinator, 'POST', `/api/v1/commitments/${c.id}/transitions`, move, {
              'if-match': `"${c.version}"`,
            });
            tally.record(kind, performance.now() - sent, response);
            if (ok(response)) {
              const state = JSON.parse(response.body) as { version: number; status: Status };
              acknowledged.push({ kind: 'transition', streamId: c.id, version: state.version, to: move.to });
              if (c.status === 'under_review') c.reviews += 1;
              learn(c, state);
            } else {
              if (!contended) tally.uncontendedFailures += 1;
              // stale (another writer landed first): read it back so the next request names the current version
              const readSent = performance.now();
              const current = await http.send(coordinator, 'GET', `/api/v1/commitments/${c.id}`);
              tally.record('get', performance.now() - readSent, current);
              if (ok(current)) learn(c, JSON.parse(current.body) as { version: number; status: Status });
            }
            break;
          }
          case 'report': {
            const c = pick(hot);
            const agency = pick(c.owners);
            const n = ++reportNumber;
            const body =
              n % 5 === 0
                ? { period, kind: 'no_change' }
                : { period, summary: `${agency} reports progress on ${c.code} (load report ${n}).` };
            const response = await http.send(focalPoints.get(agency)!, 'POST', `/api/v1/commitments/${c.id}/progress-reports`, body);
            tally.record(kind, performance.now() - sent, response);
            if (ok(response)) {
              const answer = JSON.parse(response.body) as { id: string; commitment: { version: number; status: Status } };
              acknowledged.push({ kind: 'report', streamId: c.id, version: answer.commitment.version, reportId: answer.id });
              learn(c, answer.commitment);
            }
            break;
          }
        }
      } catch (error) {
        tally.errors += 1;
        tally.firstError ??= `${kind}: ${(error as Error).message}`;
      }
    }
  });
  return (performance.now() - start) / 1000;
}

// ---------------------------------------------------------------------------------------------------------
// Verification

interface Verification {
  acknowledged: number;
  reports: number;
  transitions: number;
  missingFromEvents: number;
  missingFromReadModel: number;
  missingFromApiHistory: number;
  viewVersionMismatches: number;
  firstProblem: string | null;
}

/** Every acknowledged write is in the log at the version the API answered, in the read models and in the history. */
async function verify(
  db: pg.Client,
  http: Http,
  coordinator: string,
  acknowledged: Acknowledged[],
  written: Known[],
): Promise<Verification> {
  const result: Verification = {
    acknowledged: acknowledged.length,
    reports: 0,
    transitions: 0,
    missingFromEvents: 0,
    missingFromReadModel: 0,
    missingFromApiHistory: 0,
    viewVersionMismatches: 0,
    firstProblem: null,
  };
  const problem = (text: string) => {
    result.firstProblem ??= text;
  };
  const found = new Map<string, { type: string; reportId: string | null; to: string | null }>();
  const { rows } = await db.query<{
    stream_id: string;
    stream_version: number;
    type: string;
    report_id: string | null;
    to_status: string | null;
  }>(
    `SELECT e.stream_id, e.stream_version, e.type, e.payload->>'reportId' AS report_id, e.payload->>'to' AS to_status
       FROM events e JOIN unnest($1::uuid[], $2::int[]) AS w(stream_id, stream_version) USING (stream_id, stream_version)`,
    [acknowledged.map((w) => w.streamId), acknowledged.map((w) => w.version)],
  );
  for (const row of rows)
    found.set(`${row.stream_id}/${row.stream_version}`, { type: row.type, reportId: row.report_id, to: row.to_status });
  for (const write of acknowledged) {
    const event = found.get(`${write.streamId}/${write.version}`);
    const matches =
      write.kind === 'report'
        ? event?.type === 'ProgressReported' && event.reportId === write.reportId
        : event?.type === 'CommitmentStatusChanged' && event.to === write.to;
    if (write.kind === 'report') result.reports += 1;
    else result.transitions += 1;
    if (!matches) {
      result.missingFromEvents += 1;
      problem(`${write.kind} acknowledged at ${write.streamId} v${write.version}, the log has ${JSON.stringify(event ?? null)}`);
    }
  }
  const reportIds = acknowledged.flatMap((w) => (w.kind === 'report' ? [w.reportId] : []));
  const { rows: stored } = await db.query<{ id: string }>('SELECT id FROM progress_reports WHERE id = ANY($1::uuid[])', [reportIds]);
  result.missingFromReadModel = reportIds.length - stored.length;
  if (result.missingFromReadModel > 0) problem(`${result.missingFromReadModel} acknowledged reports are not in progress_reports`);
  const { rows: versions } = await db.query<{ id: string; view: number; stream: number }>(
    `SELECT v.id, v.version AS view, (SELECT max(stream_version) FROM events e WHERE e.stream_id = v.id) AS stream
       FROM commitment_view v WHERE v.id = ANY($1::uuid[])`,
    [written.map((c) => c.id)],
  );
  for (const row of versions.filter((r) => r.view !== r.stream)) {
    result.viewVersionMismatches += 1;
    problem(`commitment_view has version ${row.view} for ${row.id}, its stream ${row.stream}`);
  }
  // and what the API itself shows as the history of the commitments the reports went to
  const byStream = new Map<string, Set<string>>();
  for (const w of acknowledged)
    if (w.kind === 'report') (byStream.get(w.streamId) ?? byStream.set(w.streamId, new Set()).get(w.streamId)!).add(w.reportId);
  for (const [streamId, ids] of byStream) {
    const response = await http.send(coordinator, 'GET', `/api/v1/commitments/${streamId}/history`);
    const items = ok(response) ? (JSON.parse(response.body) as { items: Array<{ payload: { reportId?: string } }> }).items : [];
    const shown = new Set(items.map((item) => item.payload.reportId));
    const missing = [...ids].filter((id) => !shown.has(id)).length;
    result.missingFromApiHistory += missing;
    if (missing > 0) problem(`${missing} acknowledged reports are not in GET /commitments/${streamId}/history (${response.status})`);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Set-up and report

/** The hot commitments, each given OWNERS_PER_HOT owning agencies (through the API, as a coordinator would). */
async function prepareHot(http: Http, coordinator: string, codes: string[], agencies: string[]): Promise<Known[]> {
  const hot: Known[] = [];
  for (const [n, code] of codes.entries()) {
    let response = await http.send(coordinator, 'GET', `/api/v1/commitments/${code}`);
    if (!ok(response)) throw new Error(`GET ${code}: ${response.status} ${response.body.slice(0, 300)}`);
    let c = JSON.parse(response.body) as {
      id: string;
      code: string;
      version: number;
      status: Status;
      leadAgency: string;
      supportingAgencies: string[];
    };
    const owners = [c.leadAgency, ...c.supportingAgencies];
    for (let i = 0; owners.length < OWNERS_PER_HOT; i++) {
      const agency = agencies[(n * OWNERS_PER_HOT + i) % agencies.length];
      if (!owners.includes(agency)) owners.push(agency);
    }
    if (owners.length > 1 + c.supportingAgencies.length) {
      response = await http.send(
        coordinator,
        'PUT',
        `/api/v1/commitments/${c.id}/owners`,
        { lead: c.leadAgency, supporting: owners.slice(1) },
        { 'if-match': `"${c.version}"` },
      );
      if (!ok(response)) throw new Error(`PUT owners of ${code}: ${response.status} ${response.body.slice(0, 300)}`);
      c = JSON.parse(response.body) as typeof c;
    }
    // the ones that report: the lead and the first supporting agencies, OWNERS_PER_HOT in all
    hot.push({
      id: c.id,
      code: c.code,
      version: c.version,
      status: c.status,
      reviews: 0,
      owners: [c.leadAgency, ...c.supportingAgencies].slice(0, OWNERS_PER_HOT),
    });
  }
  return hot;
}

const kindRow = (kind: Kind, tally: Tally, seconds: number): string[] => {
  const l: Latencies = latencies(tally.samples.get(kind)!);
  const statuses = Object.entries(tally.statuses.get(kind)!)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, n]) => `${n} x ${status}`)
    .join(', ');
  return [kind, String(l.count), `${round(l.count / seconds, 1)}`, `${l.p50} / ${l.p99} / ${l.max}`, statuses];
};

async function main(): Promise<void> {
  const startedAt = performance.now();
  const loadAverageAtStart = round(os.loadavg()[0]);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URL,
    QUEUE_PREFIX,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    // the worker records notifications but sends none: there is no mail server to measure here
    NOTIFICATIONS_ENABLED: 'false',
  };
  const database = new URL(DATABASE_URL).pathname.slice(1);
  console.log(`Load benchmark on Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAverageAtStart}`);
  console.log(`Recreating ${database} ...`);
  await recreateDatabase(DATABASE_URL);
  console.log(`Raw PostgreSQL baseline: BEGIN; INSERT; COMMIT from ${RAW_CONNECTIONS} connections for ${RAW_SECONDS} s ...`);
  const raw = await rawInsertBaseline(DATABASE_URL, RAW_CONNECTIONS, RAW_SECONDS);

  // npm start's steps: migrate, load the catalogue into the empty database, then the API and the worker
  console.log(await step(['dist/db/migrate-cli.js'], env));
  console.log(await step(['dist/apps/cli/src/main.js', 'catalogue:load', '--if-empty'], env));
  console.log((await step(['dist/apps/cli/src/main.js', 'users:seed-demo'], env)).split('.')[0]);
  let api: Started | undefined;
  let worker: Started | undefined;
  const http = new Http(port);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const limit = setTimeout(() => {
    console.error(`The run took longer than ${RUN_LIMIT_MS / 60_000} minutes: stopped.`);
    api?.child.kill('SIGKILL');
    worker?.child.kill('SIGKILL');
    process.exit(1);
  }, RUN_LIMIT_MS).unref();
  try {
    api = startProcess(['dist/apps/api/src/main.js'], env);
    worker = startProcess(['dist/apps/worker/src/main.js'], { ...env, LOG_LEVEL: 'log' });
    await until(api, /API listening on/, 'the API');
    await until(worker, /Worker ready/, 'the worker');

    const agencies = (await db.query<{ code: string }>('SELECT code FROM agencies ORDER BY code')).rows.map((r) => r.code);
    const codes = (await db.query<{ code: string }>('SELECT code FROM commitment_view ORDER BY code')).rows.map((r) => r.code);
    const coordinator = await signIn(http, `coordinator@${DEMO_DOMAIN}`);
    // the hot ones spread over the catalogue; the quiet ones are others, one client each
    const hotCodes = Array.from({ length: HOT_COMMITMENTS }, (_, i) => codes[Math.floor((i * codes.length) / HOT_COMMITMENTS)]);
    const hot = await prepareHot(http, coordinator, hotCodes, agencies);
    const quietCodes = codes.filter((code) => !hotCodes.includes(code)).slice(0, QUIET_COMMITMENTS);
    const quiet: Known[] = (
      await db.query<{ id: string; code: string; version: number; status: Status }>(
        'SELECT id, code, version, status FROM commitment_view WHERE code = ANY($1)',
        [quietCodes],
      )
    ).rows.map((r) => ({ ...r, reviews: 0, owners: [] }));
    const reporting = [...new Set(hot.flatMap((c) => c.owners))];
    const focalPoints = new Map<string, string>();
    for (const agency of reporting) focalPoints.set(agency, await signIn(http, `${agency.toLowerCase()}@${DEMO_DOMAIN}`));
    const setting: LoadSetting = { http, coordinator, focalPoints, hot, quiet, codes, agencies, period: new Date().getUTCFullYear() };
    const [{ n: eventsBefore }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows;

    const acknowledged: Acknowledged[] = [];
    console.log(
      `Load: ${CONCURRENCY} concurrent clients, ${WARMUP_SECONDS} s warm-up then ${LOAD_SECONDS} s measured; ` +
        `${reporting.length} agencies' focal points reporting on ${HOT_COMMITMENTS} shared commitments ...`,
    );
    await load(setting, WARMUP_SECONDS, new Tally(), acknowledged, 1);
    const tally = new Tally();
    const cpu = cpuMeter();
    const apiCpu = processCpuSeconds(api.child.pid);
    const workerCpu = processCpuSeconds(worker.child.pid);
    const seconds = await load(setting, LOAD_SECONDS, tally, acknowledged, 2);
    const cpuPercent = cpu();
    const cpuOf = (before: number | null, pid: number | undefined) => {
      const after = processCpuSeconds(pid);
      return before === null || after === null ? null : round((100 * (after - before)) / seconds, 1);
    };
    const apiCpuPercent = cpuOf(apiCpu, api.child.pid);
    const workerCpuPercent = cpuOf(workerCpu, worker.child.pid);

    console.log(`Verifying ${acknowledged.length} acknowledged writes ...`);
    const verification = await verify(db, http, coordinator, acknowledged, [...hot, ...quiet]);
    const [{ n: eventsAfter }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows;

    const classes = tally.classes();
    const reads: Kind[] = ['list', 'get', 'history', 'stats'];
    const result = {
      node: process.version,
      cpus: os.cpus().length,
      loadAverageAtStart,
      concurrency: CONCURRENCY,
      seconds: round(seconds),
      requests: tally.requests,
      requestsPerSecond: round(tally.requests / seconds, 1),
      transportErrors: tally.errors,
      statusClasses: classes,
      fiveHundreds: classes['5xx'],
      versionlessConflicts: tally.count('report', 409),
      ifMatchConflicts: tally.count('transition', 409),
      uncontendedTransitionFailures: tally.uncontendedFailures,
      reads: { requests: reads.reduce((n, k) => n + tally.samples.get(k)!.length, 0), statusClasses: tally.classes(reads) },
      writes: {
        requests: tally.samples.get('transition')!.length + tally.samples.get('report')!.length,
        statusClasses: tally.classes(['transition', 'report']),
      },
      latencyMs: Object.fromEntries(KINDS.map((kind) => [kind, latencies(tally.samples.get(kind)!)])),
      byStatus: Object.fromEntries(KINDS.map((kind) => [kind, tally.statuses.get(kind)])),
      hotCommitments: HOT_COMMITMENTS,
      reportingAgencies: reporting.length,
      eventsAppended: eventsAfter - eventsBefore,
      verification,
      rawInsertCommit: raw,
      writesPerSecond: round((tally.count('transition', 200) + tally.count('report', 201)) / seconds, 1),
      cpuPercent: { allCores: cpuPercent, apiProcessOfOneCore: apiCpuPercent, workerProcessOfOneCore: workerCpuPercent },
      unexpected: tally.examples,
      firstTransportError: tally.firstError,
      totalSeconds: 0,
    };

    console.log('');
    printTable([
      ['kind', 'requests', 'req/s', 'p50 / p99 / max ms', 'statuses'],
      ...KINDS.map((kind) => kindRow(kind, tally, seconds)),
      [
        'all',
        String(tally.requests),
        String(result.requestsPerSecond),
        '',
        Object.entries(classes)
          .map(([c, n]) => `${n} x ${c}`)
          .join(', '),
      ],
    ]);
    console.log('');
    printTable([
      ['measure', 'value', 'must be'],
      ['5xx answers', String(result.fiveHundreds), '0'],
      ['409 on version-less progress reports', String(result.versionlessConflicts), '0'],
      ['409 on If-Match transitions (stale version named)', String(result.ifMatchConflicts), 'any'],
      ['  non-2xx on commitments no other client writes', String(tally.uncontendedFailures), '0'],
      ['transport errors (no answer)', String(tally.errors), '0'],
      [
        'acknowledged writes (reports + transitions)',
        `${verification.acknowledged} (${verification.reports} + ${verification.transitions})`,
        '',
      ],
      ['  missing from the event log at their version', String(verification.missingFromEvents), '0'],
      ['  reports missing from progress_reports', String(verification.missingFromReadModel), '0'],
      ['  reports missing from GET /history', String(verification.missingFromApiHistory), '0'],
      ['  commitment_view version != stream version', String(verification.viewVersionMismatches), '0'],
      ['events appended (warm-up included)', String(result.eventsAppended), ''],
      ['acknowledged writes per second', String(result.writesPerSecond), ''],
      [`raw pg BEGIN/INSERT/COMMIT (${RAW_CONNECTIONS} conns)`, `${raw.opsPerSecond} tx/s`, ''],
      [
        'CPU busy: all cores / API process / worker process',
        `${cpuPercent ?? '?'} % / ${apiCpuPercent ?? '?'} % / ${workerCpuPercent ?? '?'} % of one core`,
        '',
      ],
    ]);
    for (const [what, body] of Object.entries(tally.examples)) console.log(`unexpected ${what}: ${body}`);
    if (tally.firstError) console.log(`first transport error: ${tally.firstError}`);
    if (verification.firstProblem) console.log(`first verification problem: ${verification.firstProblem}`);
    result.totalSeconds = round((performance.now() - startedAt) / 1000, 1);
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
    const lost =
      verification.missingFromEvents +
      verification.missingFromReadModel +
      verification.missingFromApiHistory +
      verification.viewVersionMismatches;
    if (lost > 0) process.exitCode = 1;
  } finally {
    clearTimeout(limit);
    await http.close();
    await db.end();
    const [apiExit, workerExit] = await Promise.all([stop(api), stop(worker)]);
    if (apiExit !== 0 || workerExit !== 0) {
      console.error(`API exited with ${apiExit}, worker with ${workerExit}`);
      console.error(`API output:\n${api?.output() ?? ''}\nworker output:\n${worker?.output() ?? ''}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
