/**
 * `npm run bench:summary`: how long does the annual summary of one year take over 100,000 commitments and
 * 1,000,000 events, compared with the raw aggregate SQL it rests on (status counts per lead agency × agenda item,
 * folded from the event log), and how much memory does it take?
 *
 * A benchmark, not a test: it never fails on a missed target, it prints the figures (a table, then one
 * `BENCH_RESULT {json}` line for scripts) and exits. It owns its database (BENCH_SUMMARY_DATABASE_URL,
 * default hld_bench_summary): the data is generated there in SQL on the first run and reused while it is
 * complete; `--fresh` generates it again.
 *
 * The data: every commitment has exactly ten events (registered, due date set, 0 to 4 status changes along one
 * of ten lifecycle paths, and progress reports for 2013-2016 for the rest: the lead agency's first, then the
 * supporting agency's; a quarter of them repeat the previous year's text), and read models consistent with
 * them. Timings are medians of three runs after a warm-up.
 *
 * It runs as the worker does, without a heap cap, and with `--expose-gc` so that each timed run starts from a
 * clean heap: what the peak RSS then shows is what one compilation holds (the facts of the snapshot, the compiled
 * body and one writer's buffers), not the garbage of the run before.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import os from 'node:os';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  compileSummary,
  RENDERERS,
  SummarySnapshotReader,
  writeJson,
  type ByteSink,
  type SummaryFacts,
  type SummaryFormat,
} from '@hld/annual-summaries';
import { migrate } from '../db/migrate.js';

const DATABASE_URL = process.env.BENCH_SUMMARY_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hld_bench_summary';
const COMMITMENTS = 100_000;
const EVENTS_PER_COMMITMENT = 10;
const YEAR = 2014;
const AS_OF = new Date('2015-03-01T00:00:00Z');
const RUNS = 3;
const TARGETS = { ratio: 5, peakRssMiB: 1024 };

/** Counts and hashes what a format writes, and keeps nothing. */
class CountingSink implements ByteSink {
  bytes = 0;
  private readonly hash = createHash('sha256');
  async write(chunk: Uint8Array): Promise<void> {
    this.bytes += chunk.byteLength;
    this.hash.update(chunk);
  }
  digest(): string {
    return this.hash.digest('hex').slice(0, 16);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** Each run starts from a clean heap, as a worker's compilation does: not the garbage of the run before. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const heapLimitMiB = () => Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The lifecycle paths, one per commitment (i % 10): the status changes it goes through, in order. */
const PATHS: Array<Array<[string, string]>> = [
  [],
  [['proposed', 'accepted']],
  [
    ['proposed', 'accepted'],
    ['accepted', 'in_progress'],
  ],
  [['proposed', 'in_progress']],
  [
    ['proposed', 'in_progress'],
    ['in_progress', 'under_review'],
  ],
  [
    ['proposed', 'in_progress'],
    ['in_progress', 'under_review'],
    ['under_review', 'completed'],
  ],
  [['proposed', 'discontinued']],
  [
    ['proposed', 'in_progress'],
    ['in_progress', 'under_review'],
    ['under_review', 'completed'],
    ['completed', 'in_progress'],
  ],
  [
    ['proposed', 'accepted'],
    ['accepted', 'discontinued'],
  ],
  [
    ['proposed', 'in_progress'],
    ['in_progress', 'under_review'],
    ['under_review', 'in_progress'],
  ],
];

async function seed(db: pg.Client): Promise<void> {
  const agencies: string[] = (await db.query(`SELECT code FROM agencies ORDER BY code`)).rows.map((r) => r.code);
  await db.query('BEGIN');
  await db.query(`CREATE TEMP TABLE paths (path int, step int, from_status text, to_status text) ON COMMIT DROP`);
  for (const [path, steps] of PATHS.entries()) {
    for (const [i, [from, to]] of steps.entries()) await db.query(`INSERT INTO paths VALUES ($1, $2, $3, $4)`, [path, i + 1, from, to]);
  }
  // one row per commitment: who leads and supports it, its agenda items, its path
  await db.query(
    `CREATE TEMP TABLE gen ON COMMIT DROP AS
     SELECT i, md5('bench-commitment-' || i)::uuid AS id,
            format('B%s-%s', lpad(i::text, 6, '0'), chr(97 + i % 26)) AS code,
            $1::text[] AS agencies,
            ($1::text[])[1 + i % cardinality($1::text[])] AS lead,
            CASE WHEN i % 2 = 0 THEN ARRAY[($1::text[])[1 + (i + 7) % cardinality($1::text[])]] ELSE '{}'::text[] END AS supporting,
            CASE WHEN i % 50 = 0 THEN '{}'::smallint[]
                 ELSE (SELECT array_agg(DISTINCT x ORDER BY x)::smallint[] FROM unnest(ARRAY[1 + i % 8, CASE WHEN i % 3 = 0 THEN 1 + (i / 8) % 8 ELSE 1 + i % 8 END]) AS x)
            END AS agenda_items,
            i % 10 AS path,
            (SELECT count(*)::int FROM paths p WHERE p.path = i % 10) AS changes
     FROM generate_series(1, $2::int) AS i`,
    [agencies, COMMITMENTS],
  );
  const metadata = JSON.stringify({ actor: { id: 'system:bench', role: 'system', agency: null }, correlationId: 'bench-summary' });
  // the events, in stream order: registered, due date, status changes, then progress reports up to ten
  await db.query(
    `INSERT INTO events (stream_id, stream_type, stream_version, type, payload, metadata, effective_at, recorded_at)
     SELECT id, 'commitment', version, type, payload, $1::jsonb, occurred_at, occurred_at FROM (
       SELECT g.i, g.id, 1 AS version, 'CommitmentRegistered' AS type,
              jsonb_build_object('code', g.code, 'title', 'Benchmark commitment ' || g.i || ' on migration and development',
                'text', 'The text of benchmark commitment ' || g.i || '.', 'source', 'bench', 'kind', 'recommendation',
                'leadAgency', g.lead, 'supportingAgencies', to_jsonb(g.supporting), 'agendaItems', to_jsonb(g.agenda_items),
                'sdgTargets', '[]'::jsonb, 'dueDate', NULL) AS payload,
              '2013-10-05T00:00:00Z'::timestamptz + g.i * interval '1 second' AS occurred_at
       FROM gen g
       UNION ALL
       SELECT g.i, g.id, 2, 'CommitmentDueDateSet',
              jsonb_build_object('dueDate', ('2014-06-30'::date + (g.i % 900))::text, 'previousDueDate', NULL),
              '2013-12-01T00:00:00Z'::timestamptz + g.i * interval '1 second'
       FROM gen g
       UNION ALL
       SELECT g.i, g.id, 2 + p.step, 'CommitmentStatusChanged',
              jsonb_build_object('from', p.from_status, 'to', p.to_status,
                'reason', CASE WHEN p.to_status = 'discontinued' OR p.from_status IN ('completed', 'under_review') AND p.to_status = 'in_progress' THEN 'bench' END)
                || CASE WHEN p.to_status = 'discontinued' THEN jsonb_build_object('category', 'other') ELSE '{}'::jsonb END,
              '2014-01-01T00:00:00Z'::timestamptz + ((g.i * 7) % 300 + (p.step - 1) * 120) * interval '1 day' + g.i * interval '1 second'
       FROM gen g JOIN paths p ON p.path = g.path
       UNION ALL
       SELECT g.i, g.id, 2 + g.changes + r, 'ProgressReported',
              jsonb_build_object('reportId', md5('bench-report-' || g.i || '-' || r)::uuid, 'period', 2013 + (r - 1) % 4,
                'agency', CASE WHEN r > 4 AND cardinality(g.supporting) > 0 THEN g.supporting[1] ELSE g.lead END,
                'summary', CASE WHEN g.i % 4 = 0
                  THEN 'Work continued on benchmark commitment ' || g.i || ' with national partners; no new results to report.'
                  ELSE 'In ' || (2013 + (r - 1) % 4) || ', the agency held ' || (1 + (g.i + r) % 9) || ' workshops on commitment ' || g.i ||
                       ' with partners in ' || (2 + g.i % 40) || ' countries and published guidance for practitioners.'
                       || CASE WHEN g.i % 7 = 0 THEN ' It also reviewed recruitment practices, remittance costs and the portability of social security benefits with employers, trade unions and migrant associations, and prepared a report for the next Coordination Meeting on International Migration.' ELSE '' END
                END,
                'evidenceUrls', '[]'::jsonb, 'indicators', '[]'::jsonb),
              make_timestamptz(2014 + (r - 1) % 4, 2, 1 + r, 10, 0, 0, 'UTC') + g.i * interval '1 second'
       FROM gen g CROSS JOIN generate_series(1, $2::int - 2) AS r
       WHERE r <= $2::int - 2 - g.changes
     ) AS e ORDER BY i, version`,
    [metadata, EVENTS_PER_COMMITMENT],
  );
  // read models consistent with the events
  await db.query(
    `INSERT INTO progress_reports (id, commitment_id, period, agency, kind, summary, evidence_urls, indicators, reported_at, reported_by, event_position,
       effective_at, recorded_at)
     SELECT (payload->>'reportId')::uuid, stream_id, (payload->>'period')::int, payload->>'agency', 'report', payload->>'summary', '{}', '[]',
            recorded_at, 'system:bench', position, effective_at, recorded_at
     FROM events WHERE type = 'ProgressReported'`,
  );
  await db.query(
    `INSERT INTO commitment_view (id, code, title, text, source, kind, lead_agency, supporting_agencies, agenda_items, sdg_targets, due_date,
       status, version, registered_at, updated_at, last_report_period, last_reported_at)
     SELECT g.id, g.code, r.payload->>'title', r.payload->>'text', 'bench', 'recommendation', g.lead, g.supporting, g.agenda_items, '{}',
            '2014-06-30'::date + (g.i % 900),
            coalesce((SELECT p.to_status FROM paths p WHERE p.path = g.path ORDER BY p.step DESC LIMIT 1), 'proposed'),
            $1::int, r.effective_at, last.effective_at, reports.period, reports.at
     FROM gen g
     JOIN events r ON r.stream_id = g.id AND r.stream_version = 1
     JOIN events last ON last.stream_id = g.id AND last.stream_version = $1::int
     LEFT JOIN LATERAL (SELECT max(period) AS period, max(reported_at) AS at FROM progress_reports pr WHERE pr.commitment_id = g.id) reports ON true`,
    [EVENTS_PER_COMMITMENT],
  );
  // the summary reads the commitments as at its cut-off from their versions: one version each, from its registration
  // on, in its final state (a benchmark of volume: the statuses at the cut-off are not the point here)
  await db.query(
    `INSERT INTO commitment_versions (commitment_id, effective_from, recorded_from, code, title, text, source, kind, lead_agency,
       supporting_agencies, agenda_items, sdg_targets, due_date, status, version, registered_at, updated_at, last_report_period, last_reported_at)
     SELECT id, registered_at, registered_at, code, title, text, source, kind, lead_agency, supporting_agencies, agenda_items, sdg_targets,
            due_date, status, version, registered_at, updated_at, last_report_period, last_reported_at
     FROM commitment_view`,
  );
  await db.query(
    `INSERT INTO commitment_status_counts (dimension, key, status, count)
     SELECT 'agency', lead_agency, status, count(*) FROM commitment_view GROUP BY lead_agency, status
     UNION ALL
     SELECT 'agendaItem', item::text, status, count(*) FROM commitment_view, unnest(agenda_items) AS item GROUP BY item, status`,
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
}

/** The core aggregate folded straight from the event log: status counts per lead agency × agenda item. */
const RAW_AGGREGATE = `
  WITH registered AS (
    SELECT stream_id, payload->>'leadAgency' AS lead, payload->'agendaItems' AS items FROM events WHERE type = 'CommitmentRegistered'
  ), owners AS (
    SELECT DISTINCT ON (stream_id) stream_id, payload->>'leadAgency' AS lead FROM events WHERE type = 'CommitmentOwnersAssigned' ORDER BY stream_id, position DESC
  ), status AS (
    SELECT DISTINCT ON (stream_id) stream_id, payload->>'to' AS status FROM events WHERE type = 'CommitmentStatusChanged' ORDER BY stream_id, position DESC
  )
  SELECT coalesce(o.lead, r.lead) AS lead_agency, item::int AS agenda_item, coalesce(s.status, 'proposed') AS status, count(*)::int AS commitments
  FROM registered r LEFT JOIN owners o USING (stream_id) LEFT JOIN status s USING (stream_id)
  CROSS JOIN LATERAL jsonb_array_elements_text(r.items) AS item
  GROUP BY 1, 2, 3`;

async function main(): Promise<void> {
  const fresh = process.argv.includes('--fresh');
  const url = new URL(DATABASE_URL);
  if (fresh) {
    const admin = new pg.Client({ connectionString: DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
  await migrate(DATABASE_URL);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const [{ events }] = (await db.query(`SELECT count(*)::int AS events FROM events`)).rows;
  let seedSeconds: number | null = null;
  if (events !== COMMITMENTS * EVENTS_PER_COMMITMENT) {
    if (events !== 0) throw new Error(`${url.pathname.slice(1)} holds ${events} events, not the benchmark's data: run with --fresh`);
    console.log(
      `Generating ${COMMITMENTS.toLocaleString('en')} commitments and ${(COMMITMENTS * EVENTS_PER_COMMITMENT).toLocaleString('en')} events...`,
    );
    const started = performance.now();
    await seed(db);
    seedSeconds = (performance.now() - started) / 1000;
  }
  const [{ reports }] = (await db.query(`SELECT count(*)::int AS reports FROM progress_reports WHERE period = $1`, [YEAR])).rows;

  // the raw aggregate, timed on its own connection
  const rawTimes: number[] = [];
  let rawRows = 0;
  for (let run = 0; run <= RUNS; run += 1) {
    const started = performance.now();
    rawRows = (await db.query(RAW_AGGREGATE)).rowCount ?? 0;
    if (run > 0) rawTimes.push(performance.now() - started); // run 0 warms the caches
  }
  await db.end();

  // the whole JSON compilation: snapshot read, compile, JSON written (to a sink that keeps nothing)
  const dataSource = new DataSource({ type: 'postgres', url: DATABASE_URL, extra: { max: 4 } });
  await dataSource.initialize();
  const reader = new SummarySnapshotReader(dataSource);
  const jsonTimes: number[] = [];
  const phases = { read: [] as number[], compile: [] as number[], write: [] as number[] };
  let jsonBytes = 0;
  let jsonDigest = '';
  let checksum = '';
  // One run in a function of its own: when it returns, nothing refers to its summary any more (a loop body's
  // locals stay reachable from the suspended async function until overwritten), so the next run's collectGarbage()
  // starts it from a clean heap, as each compilation starts in the worker.
  const compileOnce = async () => {
    const t0 = performance.now();
    let facts: SummaryFacts | undefined = await reader.read(YEAR, AS_OF);
    const t1 = performance.now();
    const summary = compileSummary(facts);
    facts = undefined; // as in the worker, which keeps only the compiled summary
    const t2 = performance.now();
    const sink = new CountingSink();
    checksum = await writeJson(summary, sink);
    const t3 = performance.now();
    jsonBytes = sink.bytes;
    jsonDigest = sink.digest();
    return { total: t3 - t0, read: t1 - t0, compile: t2 - t1, write: t3 - t2 };
  };
  for (let run = 0; run <= RUNS; run += 1) {
    collectGarbage();
    const timing = await compileOnce();
    if (run > 0) {
      jsonTimes.push(timing.total);
      phases.read.push(timing.read);
      phases.compile.push(timing.compile);
      phases.write.push(timing.write);
    }
  }
  const rssAfterJson = peakRssMiB();

  // every other format once, DOCX included
  collectGarbage();
  const summary = compileSummary(await reader.read(YEAR, AS_OF));
  const formats: Partial<Record<SummaryFormat, { ms: number; bytes: number }>> = {};
  for (const [format, render] of Object.entries(RENDERERS) as Array<[Exclude<SummaryFormat, 'json'>, (typeof RENDERERS)['md']]>) {
    const sink = new CountingSink();
    const started = performance.now();
    await render(summary, checksum, sink);
    formats[format] = { ms: Math.round(performance.now() - started), bytes: sink.bytes };
  }
  const rssAfterAll = peakRssMiB();
  await dataSource.destroy();

  const raw = median(rawTimes);
  const json = median(jsonTimes);
  const ratio = json / raw;
  const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);
  console.log(
    `\nAnnual summary benchmark (${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version})`,
  );
  line(
    'data',
    `${COMMITMENTS.toLocaleString('en')} commitments, ${(COMMITMENTS * EVENTS_PER_COMMITMENT).toLocaleString('en')} events, ${reports.toLocaleString('en')} reports for ${YEAR}`,
  );
  if (seedSeconds !== null) line('generated in', `${seedSeconds.toFixed(1)} s`);
  line('raw aggregate SQL over the events (median)', `${Math.round(raw)} ms (${rawRows} rows)`);
  line(
    'whole JSON compilation (median)',
    `${Math.round(json)} ms = read ${Math.round(median(phases.read))} + compile ${Math.round(median(phases.compile))} + write ${Math.round(median(phases.write))}`,
  );
  line('ratio JSON / raw aggregate', `${ratio.toFixed(2)} (target ≤ ${TARGETS.ratio}) ${ratio <= TARGETS.ratio ? 'met' : 'MISSED'}`);
  line('JSON size', `${mib(jsonBytes)} (sha256 ${jsonDigest}…)`);
  line(
    'peak RSS through the JSON compilations',
    `${rssAfterJson} MiB (target < ${TARGETS.peakRssMiB}) ${rssAfterJson < TARGETS.peakRssMiB ? 'met' : 'MISSED'}`,
  );
  for (const [format, { ms, bytes }] of Object.entries(formats)) line(`${format.toUpperCase()} rendering`, `${ms} ms, ${mib(bytes)}`);
  line('peak RSS after every format', `${rssAfterAll} MiB (V8 heap limit ${heapLimitMiB()} MiB)`);
  console.log(
    `BENCH_RESULT ${JSON.stringify({
      commitments: COMMITMENTS,
      events: COMMITMENTS * EVENTS_PER_COMMITMENT,
      reportsForYear: reports,
      rawAggregateMs: Math.round(raw),
      jsonCompilationMs: Math.round(json),
      ratio: Number(ratio.toFixed(2)),
      jsonBytes,
      peakRssMiBAfterJson: rssAfterJson,
      peakRssMiBAfterAll: rssAfterAll,
      formats,
      targets: TARGETS,
    })}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
