/**
 * `npm run bench:as-of`: how fast is the overdue list of the whole catalogue as of a past instant
 * (`GET /commitments?asOf=…&overdue=true`) over 10,000 commitments and 1,000,000 events, next to today's list
 * (`GET /commitments?overdue=true`) and the raw SQL that answers the same question, all in the same run?
 *
 * A benchmark, not a test: it never fails on a missed target, it prints the figures (a table, then one
 * `BENCH_RESULT {json}` line for scripts) and exits. It owns its database (BENCH_AS_OF_DATABASE_URL, default
 * hld_bench_as_of): the data is generated there on the first run and reused while it is complete; `--fresh`
 * generates it again. It boots the real API in this process (PostgreSQL and Redis needed, no API running).
 *
 * The data: every commitment has 100 events, made by the aggregate itself (so every rule holds): registered
 * effective 3 October 2013 and recorded a month later, a due date (on 80 %; half of them past), 0 to 4 status changes
 * along one of ten lifecycle paths in 2014-2016, and progress reports by its lead agency every 40 days or so from
 * February 2014, each recorded 0 to 14 days after it took effect; a tenth of the commitments have a status change
 * recorded 200 days late, after reports that took effect after it (so their periods were folded again). The read
 * models are those the projection writes for that sequence of appends (the same row changes, computed here in bulk
 * instead of one statement per event). Reporting cycles 2014 and 2015 exist, so overdue also means "report missing".
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Pool } from 'undici';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnvironment } from '@hld/config';
import { UserDirectory } from '@hld/identity';
import { Commitment, type CommitmentEvent, type CommitmentState, type CommitmentStatus } from '@hld/commitments';
import { changeOfPeriods } from '../libs/commitments/src/domain/commitment.js';
import { VIEW_COLUMNS, versionRowChanges } from '../libs/commitments/src/infrastructure/commitment-projection.js';
import { createApiApp } from '../apps/api/src/create-api-app.js';
import { migrate, recreateDatabase } from '../db/migrate.js';
import { freePort, latencies, printTable, round, type Latencies } from './measure.js';

const DATABASE_URL = process.env.BENCH_AS_OF_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hld_bench_as_of';
/** BENCH_AS_OF_COMMITMENTS and BENCH_AS_OF_REQUESTS make a smaller run (to try the benchmark itself). */
const COMMITMENTS = Number(process.env.BENCH_AS_OF_COMMITMENTS || 10_000);
const EVENTS_PER_COMMITMENT = 100;
/** Commitments generated and written at a time: their events, rows and reports stay in memory until written. */
const BATCH = 250;
const REQUESTS = Number(process.env.BENCH_AS_OF_REQUESTS || 400);
const WARMUP = 20;
const DAY = 86_400_000;

/** The instants asked about: every 73 days from March 2014 to the end of 2017 (20 of them). */
const AS_OF = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2014, 2, 1) + i * 73 * DAY));
/** Each asked as known 200 days later (or now): an earlier knowledge than today's. */
const knownAtFor = (asOf: Date) => new Date(Math.min(asOf.getTime() + 200 * DAY, Date.now()));

/** Deadlines of the reporting cycles the bench opens: the end of 15 January in New York. */
const CYCLES = [
  { year: 2014, opensAt: '2014-11-01', deadline: new Date('2015-01-16T04:59:59.999Z') },
  { year: 2015, opensAt: '2015-11-01', deadline: new Date('2016-01-16T04:59:59.999Z') },
];
const cycleAt = (instant: Date) => [...CYCLES].reverse().find((c) => c.deadline <= instant)?.year ?? null;

const PAST_DUE = ['2014-06-30', '2015-12-31', '2016-09-30', '2018-03-31', '2020-12-31'];
const FUTURE_DUE = ['2030-06-30', '2035-12-31'];

/** The lifecycle paths, one per commitment (i % 10), as statuses in order. */
const PATHS: CommitmentStatus[][] = [
  [],
  ['accepted'],
  ['accepted', 'in_progress'],
  ['in_progress'],
  ['in_progress', 'under_review'],
  ['in_progress', 'under_review', 'completed'],
  ['discontinued'],
  ['in_progress', 'under_review', 'completed', 'in_progress'],
  ['accepted', 'discontinued'],
  ['in_progress', 'under_review', 'in_progress'],
];

const uuidOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

// ---------------------------------------------------------------------------------------------------------
// Data

interface Planned {
  effectiveAt: Date;
  recordedAt: Date;
  apply: (c: Commitment, when: { effectiveAt: Date; recordedAt: Date }) => void;
}

/** The commands one commitment goes through after its registration, in recorded order. */
function plan(i: number, lead: string): Planned[] {
  const registered = Date.UTC(2013, 9, 3) + i * 1000;
  const steps: Planned[] = [];
  const due = i % 10 < 5 ? PAST_DUE[i % PAST_DUE.length] : i % 10 < 8 ? FUTURE_DUE[i % FUTURE_DUE.length] : null;
  const dueAt = new Date(registered + 40 * DAY);
  if (due) steps.push({ effectiveAt: dueAt, recordedAt: dueAt, apply: (c, when) => c.setDueDate(due, when) });
  const path = PATHS[i % 10];
  path.forEach((to, step) => {
    const effectiveAt = new Date(Date.UTC(2014, 0, 1) + (((i * 7) % 300) + step * 120) * DAY + i * 1000);
    // a tenth of the commitments: the last move is learned of 200 days after it took effect
    const late = i % 10 === 4 && step === path.length - 1;
    const recordedAt = new Date(effectiveAt.getTime() + (late ? 200 * DAY : 0));
    steps.push({
      effectiveAt,
      recordedAt,
      apply: (c, when) => c.changeStatus(to, { reason: 'benchmark', category: 'other' }, late ? when : { recordedAt: when.recordedAt }),
    });
  });
  const reports = EVENTS_PER_COMMITMENT - 1 - steps.length;
  for (let k = 0; k < reports; k++) {
    const effectiveAt = new Date(Date.UTC(2014, 1, 20) + (i % 30) * DAY + k * 40 * DAY + i * 1000);
    const recordedAt = new Date(effectiveAt.getTime() + ((i + k) % 15) * DAY);
    const period = Math.max(2013, effectiveAt.getUTCFullYear() - 1);
    const summary = `In ${period}, ${lead} held ${1 + ((i + k) % 9)} workshops on commitment ${i} with partners in ${2 + (i % 40)} countries.`;
    steps.push({
      effectiveAt,
      recordedAt,
      apply: (c, when) =>
        c.reportProgress({ reportId: uuidOf(i * 1000 + k + 1).replace('8000', '9000'), period, agency: lead, summary }, when),
    });
  }
  return steps.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
}

interface Row {
  from: Date;
  to: Date | null;
  recordedFrom: Date;
  recordedTo: Date | null;
  state: CommitmentState;
}

/** One commitment's events, and the rows the projection leaves in commitment_versions after appending them one by one. */
function generate(i: number, agencies: string[]): { events: CommitmentEvent[]; rows: Row[]; state: CommitmentState } {
  const lead = agencies[i % agencies.length];
  const item = 1 + (i % 8);
  const registered = new Date(Date.UTC(2013, 9, 3) + i * 1000);
  const first = Commitment.register(
    uuidOf(i),
    {
      code: `ASOF-${lead}-${i}`,
      title: `Benchmark commitment ${i} led by ${lead}`,
      text:
        `Commitment ${i}, generated by the benchmark. Promote fair recruitment practices, lower the costs of labour migration ` +
        'and strengthen the evidence base on migration and development, with the Global Migration Group.',
      source: 'A/68/190',
      kind: 'recommendation',
      leadAgency: lead,
      supportingAgencies: i % 4 === 0 ? [agencies[(i + 7) % agencies.length]].filter((a) => a !== lead) : [],
      agendaItems: i % 5 === 0 ? [item, 1 + ((i + 3) % 8)] : [item],
      sdgTargets: ['10.7'],
      dueDate: null,
    },
    { effectiveAt: registered, recordedAt: new Date(registered.getTime() + 30 * DAY) },
  );
  const events = first.pullPendingEvents();
  const live = new Map<number, Row>();
  const rows: Row[] = [];
  const apply = (state: CommitmentState | null, history: CommitmentEvent[], event: CommitmentEvent) => {
    const periods = changeOfPeriods(state, history, [event]);
    const { gone, added } = versionRowChanges(periods);
    for (const row of gone) {
      const held = live.get(row.from.getTime())!;
      live.delete(row.from.getTime());
      if (held.recordedFrom >= event.recordedAt) rows.splice(rows.indexOf(held), 1);
      else held.recordedTo = event.recordedAt;
    }
    for (const row of added) {
      const inserted = { from: row.from, to: row.to, recordedFrom: event.recordedAt, recordedTo: null, state: row.state };
      live.set(row.from.getTime(), inserted);
      rows.push(inserted);
    }
    return periods.after[periods.after.length - 1].state;
  };
  let state = apply(null, [], events[0]);
  let commitment = Commitment.fromHistory(events);
  for (const step of plan(i, lead)) {
    // a fact dated before the latest needs the whole stream; the others go on from the state
    if (step.effectiveAt < state.updatedAt) commitment = Commitment.fromHistory(events);
    step.apply(commitment, { effectiveAt: step.effectiveAt, recordedAt: step.recordedAt });
    const [event] = commitment.pullPendingEvents();
    state = apply(state, events, event);
    events.push(event);
  }
  return { events, rows, state };
}

/** A state as the JSON json_populate_recordset reads into the state columns. */
function stateColumns(state: CommitmentState): Record<string, unknown> {
  return Object.fromEntries(
    VIEW_COLUMNS.map((column) => {
      const value = column.field(state);
      return [column.name, value instanceof Date ? value.toISOString() : value];
    }),
  );
}

/** Inserts rows given as JSON objects, the columns named by the first one's keys (generated columns left out). */
async function insertJson(db: pg.Client, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).join(', ');
  await db.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(null::${table}, $1::json)`, [
    JSON.stringify(rows),
  ]);
}

async function generateData(db: pg.Client): Promise<number> {
  const agencies = (await db.query<{ code: string }>('SELECT code FROM agencies ORDER BY code')).rows.map((r) => r.code);
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const metadata = { actor: { id: 'system:bench', role: 'system', agency: null }, correlationId: 'bench-as-of' };
  const started = performance.now();
  let versionRows = 0;
  for (let from = 0; from < COMMITMENTS; from += BATCH) {
    const generated = Array.from({ length: Math.min(BATCH, COMMITMENTS - from) }, (_, k) => generate(from + k, agencies));
    await db.query('BEGIN');
    const eventRows = generated.flatMap(({ events }) =>
      events.map((e, v) => ({
        stream_id: e.commitmentId,
        stream_type: 'commitment',
        stream_version: v + 1,
        type: e.type,
        payload: e.payload,
        metadata,
        effective_at: e.effectiveAt.toISOString(),
        recorded_at: e.recordedAt.toISOString(),
      })),
    );
    const positions = new Map<string, number>();
    for (let k = 0; k < eventRows.length; k += 20_000) {
      const inserted = await db.query(
        `INSERT INTO events (stream_id, stream_type, stream_version, type, payload, metadata, effective_at, recorded_at)
         SELECT stream_id, stream_type, stream_version, type, payload, metadata, effective_at, recorded_at
         FROM json_populate_recordset(null::events, $1::json) WITH ORDINALITY ORDER BY ordinality
         RETURNING position, stream_id, stream_version`,
        [JSON.stringify(eventRows.slice(k, k + 20_000))],
      );
      for (const row of inserted.rows) positions.set(`${row.stream_id}/${row.stream_version}`, Number(row.position));
    }
    const reports = generated.flatMap(({ events }) =>
      events.flatMap((e, v) =>
        e.type === 'ProgressReported'
          ? [
              {
                id: e.payload.reportId,
                commitment_id: e.commitmentId,
                period: e.payload.period,
                agency: e.payload.agency,
                kind: 'report',
                summary: e.payload.summary,
                evidence_urls: [],
                indicators: [],
                reported_at: e.recordedAt.toISOString(),
                reported_by: 'system:bench',
                event_position: positions.get(`${e.commitmentId}/${v + 1}`),
                effective_at: e.effectiveAt.toISOString(),
                recorded_at: e.recordedAt.toISOString(),
              },
            ]
          : [],
      ),
    );
    for (let k = 0; k < reports.length; k += 20_000) await insertJson(db, 'progress_reports', reports.slice(k, k + 20_000));
    const versions = generated.flatMap(({ rows, state }) =>
      rows.map((row) => ({
        commitment_id: state.id,
        effective_from: row.from.toISOString(),
        effective_to: row.to?.toISOString() ?? null,
        recorded_from: row.recordedFrom.toISOString(),
        recorded_to: row.recordedTo?.toISOString() ?? null,
        ...stateColumns(row.state),
      })),
    );
    versionRows += versions.length;
    for (let k = 0; k < versions.length; k += 10_000) await insertJson(db, 'commitment_versions', versions.slice(k, k + 10_000));
    await insertJson(
      db,
      'commitment_view',
      generated.map(({ state }) => ({ id: state.id, ...stateColumns(state) })),
    );
    await db.query('COMMIT');
    for (const { state } of generated) {
      count(`agency|${state.leadAgency}|${state.status}`);
      for (const n of state.agendaItems) count(`agendaItem|${n}|${state.status}`);
    }
    process.stdout.write(`\r  ${from + generated.length} commitments, ${round((performance.now() - started) / 1000, 0)} s`);
  }
  process.stdout.write('\n');
  for (const [key, n] of counts) {
    const [dimension, k, status] = key.split('|');
    await db.query('INSERT INTO commitment_status_counts (dimension, key, status, count) VALUES ($1, $2, $3, $4)', [
      dimension,
      k,
      status,
      n,
    ]);
  }
  await db.query('VACUUM (ANALYZE)');
  return versionRows;
}

// ---------------------------------------------------------------------------------------------------------
// Measurement

async function timed(work: (i: number) => Promise<unknown>): Promise<Latencies> {
  for (let i = 0; i < WARMUP; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return latencies(samples);
}

/** The same question in hand-written SQL over the same tables: one page and the count, in parallel as the API does. */
function rawList(pool: pg.Pool, asOf: Date | null) {
  return async (): Promise<number> => {
    const instant = asOf ?? new Date();
    const source = asOf === null ? 'commitment_view' : 'commitment_versions';
    const id = asOf === null ? 'c.id' : 'c.commitment_id';
    const at = asOf === null ? 'true' : `c.recorded_to IS NULL AND c.current_period @> $1::timestamptz`;
    const where = `${at} AND c.status NOT IN ('completed', 'discontinued') AND (c.due_date < $2::date OR ($3::int IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM progress_reports pr WHERE pr.commitment_id = ${id} AND pr.period = $3 AND pr.agency = c.lead_agency
          AND (${asOf === null} OR pr.effective_at <= $1::timestamptz))))`;
    const params = [instant, instant.toISOString().slice(0, 10), cycleAt(instant)];
    const [, counted] = await Promise.all([
      pool.query(`SELECT c.* FROM ${source} c WHERE ${where} ORDER BY c.code LIMIT 51`, params),
      pool.query(`SELECT count(*)::int AS n FROM ${source} c WHERE ${where}`, params),
    ]);
    return counted.rows[0].n;
  };
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const loadAverageAtStart = round(os.loadavg()[0]);
  const port = await freePort();
  Object.assign(process.env, {
    DATABASE_URL,
    LOG_LEVEL: 'error',
    PORT: String(port),
    QUEUE_PREFIX: 'hld-bench-as-of',
    JWT_SECRET: randomBytes(32).toString('base64url'),
  });
  await migrate(DATABASE_URL);
  const complete = async () => {
    const probe = new pg.Client({ connectionString: DATABASE_URL });
    await probe.connect();
    const [{ events, commitments }] = (
      await probe.query(
        `SELECT (SELECT count(*)::int FROM events WHERE stream_type = 'commitment') AS events, (SELECT count(*)::int FROM commitment_view) AS commitments`,
      )
    ).rows;
    await probe.end();
    return events === COMMITMENTS * EVENTS_PER_COMMITMENT && commitments === COMMITMENTS;
  };
  const generate = process.argv.includes('--fresh') || !(await complete());
  if (generate) await recreateDatabase(DATABASE_URL);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  const http = new Pool(`http://127.0.0.1:${port}`, { connections: 1 });
  let app: NestFastifyApplication | undefined;
  try {
    let generatedSeconds: number | null = null;
    if (generate) {
      console.log(
        `Generating ${COMMITMENTS} commitments × ${EVENTS_PER_COMMITMENT} events in ${new URL(DATABASE_URL).pathname.slice(1)} ...`,
      );
      const started = performance.now();
      await generateData(db);
      generatedSeconds = round((performance.now() - started) / 1000, 0);
    }
    const [sizes] = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM events WHERE stream_type = 'commitment') AS events, (SELECT count(*)::int FROM commitment_versions) AS versions,
                (SELECT count(*)::int FROM commitment_versions WHERE recorded_to IS NULL) AS current,
                (SELECT count(*)::int FROM progress_reports) AS reports,
                pg_size_pretty(pg_total_relation_size('commitment_versions')) AS "versionsSize"`,
      )
    ).rows;

    const env = loadEnvironment();
    app = await createApiApp(env);
    await app.listen({ port: env.PORT, host: '127.0.0.1' });
    // a user of its own each run: the data (and the users) outlive a run
    const email = `bench-coordinator-${Date.now()}@bench.invalid`;
    const password = randomBytes(18).toString('base64url');
    await app.get(UserDirectory).create({ email, name: 'Benchmark coordinator', role: 'coordinator', password });
    const send = async (method: 'GET' | 'POST', path: string, body?: unknown, token?: string) => {
      const response = await http.request({
        method,
        path,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.body.text();
      if (response.statusCode >= 300) throw new Error(`${method} ${path}: ${response.statusCode} ${text.slice(0, 300)}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const { accessToken } = (await send('POST', '/api/v1/auth/login', { email, password })) as { accessToken: string };
    for (const cycle of CYCLES) {
      if (!(await db.query('SELECT 1 FROM reporting_cycles WHERE year = $1', [cycle.year])).rowCount) {
        await send('POST', '/api/v1/reporting-cycles', { year: cycle.year, opensAt: cycle.opensAt }, accessToken);
      }
    }
    const list = (query: string) => () => send('GET', `/api/v1/commitments?${query}`, undefined, accessToken);

    // the API and the SQL agree, before anything is timed
    for (const instant of [AS_OF[3], AS_OF[12]]) {
      const viaApi = (await send('GET', `/api/v1/commitments?overdue=true&asOf=${instant.toISOString()}`, undefined, accessToken)).total;
      const viaSql = await rawList(pool, instant)();
      if (viaApi !== viaSql) throw new Error(`as of ${instant.toISOString()}: the API counts ${viaApi} overdue, the SQL ${viaSql}`);
    }
    const overdueAt: number[] = [];
    for (const instant of AS_OF) overdueAt.push(await rawList(pool, instant)());

    console.log(`Timing ${REQUESTS} sequential requests of each kind (after ${WARMUP} not timed) ...`);
    const today = await timed(list('overdue=true'));
    const asOf = await timed((i) => list(`overdue=true&asOf=${AS_OF[i % AS_OF.length].toISOString()}`)());
    const knownAt = await timed((i) => {
      const instant = AS_OF[i % AS_OF.length];
      return list(`overdue=true&asOf=${instant.toISOString()}&knownAt=${knownAtFor(instant).toISOString()}`)();
    });
    const rawToday = await timed(rawList(pool, null));
    const rawAsOf = await timed((i) => rawList(pool, AS_OF[i % AS_OF.length])());

    const result = {
      commitments: COMMITMENTS,
      data: { ...sizes, generatedSeconds },
      requests: REQUESTS,
      cpus: os.cpus().length,
      loadAverageAtStart,
      loadAverageAtEnd: round(os.loadavg()[0]),
      overdueAsOf: { min: Math.min(...overdueAt), max: Math.max(...overdueAt) },
      latencyMs: { today, asOf, asOfKnownAt: knownAt, rawSqlToday: rawToday, rawSqlAsOf: rawAsOf },
      asOfP99OverToday: round(asOf.p99 / today.p99, 2),
      asOfP99OverRawSql: round(asOf.p99 / rawAsOf.p99, 2),
      totalSeconds: round((performance.now() - startedAt) / 1000, 1),
    };
    console.log('');
    printTable([
      ['measure', 'p50 / p99 / max (ms)'],
      ['GET /commitments?overdue=true (today)', `${today.p50} / ${today.p99} / ${today.max}`],
      ['GET /commitments?overdue=true&asOf=…', `${asOf.p50} / ${asOf.p99} / ${asOf.max}`],
      ['… &knownAt=… (200 days later)', `${knownAt.p50} / ${knownAt.p99} / ${knownAt.max}`],
      ['raw SQL: page + count, today', `${rawToday.p50} / ${rawToday.p99} / ${rawToday.max}`],
      ['raw SQL: page + count, as of', `${rawAsOf.p50} / ${rawAsOf.p99} / ${rawAsOf.max}`],
      ['as-of p99 / today p99', `${result.asOfP99OverToday}`],
      ['as-of p99 / raw SQL as-of p99', `${result.asOfP99OverRawSql}`],
      ['overdue commitments as of the instants', `${result.overdueAsOf.min}..${result.overdueAsOf.max}`],
      ['events / version rows (current) / reports', `${sizes.events} / ${sizes.versions} (${sizes.current}) / ${sizes.reports}`],
      ['commitment_versions on disk', sizes.versionsSize],
      ['load average (1 min) at start / end', `${loadAverageAtStart} / ${result.loadAverageAtEnd} on ${result.cpus} CPUs`],
      ['total run time', `${result.totalSeconds} s${generatedSeconds === null ? '' : ` (of which generating ${generatedSeconds} s)`}`],
    ]);
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  } finally {
    await http.close();
    await app?.close();
    await pool.end();
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
