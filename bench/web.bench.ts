/**
 * `npm run bench:web`: Lighthouse 12 (mobile: a Moto G Power's screen, simulated slow 4G, 4x CPU slowdown) on the
 * web app as `npm start` serves it, over a data set of 10,000 commitments, in Debian's Chromium. Pages: sign-in
 * (signed out), then signed in as ILO's focal point (a session cookie): home, the catalogue (`/commitments`) and
 * a commitment's page (`/commitments/<code>`).
 *
 * Prints per page the performance, accessibility and best-practices scores (the median of BENCH_WEB_RUNS runs, 3
 * by default) and the main timings, then the JavaScript that signing in and reaching home needs (each script
 * once, as transferred and gzipped), then one `BENCH_RESULT {json}` line. Targets: performance >= 90,
 * accessibility 100, best practices >= 95, JavaScript for sign-in + home <= 200 KB gzipped. A benchmark, not a
 * test: it exits non-zero only when it could not run.
 *
 * It owns its database (BENCH_WEB_DATABASE_URL, default hld_bench_web): generated once (events written in SQL,
 * the read models rebuilt from them by `projections:rebuild`), kept for the next run; `--fresh` makes it again.
 * BENCH_WEB_REPORTS=<dir> keeps every run's full Lighthouse report (JSON) there. The cycles are this year's (open, deadline ahead) and last year's (deadline passed), so that the home page has
 * what it shows on a working day: reports owed, overdue ones and why, extension requests, notices.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import pg from 'pg';
import { migrate } from '../db/migrate.js';
import { freePort, printTable, round } from './measure.js';

const DATABASE_URL = process.env.BENCH_WEB_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hld_bench_web';
const QUEUE_PREFIX = 'hld-bench-web';
const COMMITMENTS = 10_000;
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS || 3));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const DEMO_PASSWORD = 'demo-password-hld';
const DEMO_DOMAIN = 'demo.hld.invalid';
const TARGETS = { performance: 90, accessibility: 100, bestPractices: 95, signInAndHomeJsKb: 200 };
const RUN_LIMIT_MS = 30 * 60_000;

/** Lighthouse's mobile settings, spelled out: what the figures mean does not change with Lighthouse's defaults. */
const MOBILE = {
  formFactor: 'mobile',
  screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
  throttlingMethod: 'simulate',
  // "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; a mid-range phone's CPU (4x slower)
  throttling: {
    rttMs: 150,
    throughputKbps: 1638.4,
    requestLatencyMs: 150 * 3.75,
    downloadThroughputKbps: 1638.4 * 0.9,
    uploadThroughputKbps: 750 * 0.9,
    cpuSlowdownMultiplier: 4,
  },
} as const;

interface PageRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  scripts: Array<{ url: string; transferBytes: number }>;
  failedAudits: string[];
}

// ---------------------------------------------------------------------------------------------------------
// The data set

/** Ten thousand commitments over the 45 agencies, each with a lifecycle, some due dates and last year's reports. */
async function seed(db: pg.Client, year: number): Promise<void> {
  const agencies: string[] = (await db.query(`SELECT code FROM agencies ORDER BY code`)).rows.map((r: { code: string }) => r.code);
  const metadata = JSON.stringify({ actor: { id: 'system:bench', role: 'system', agency: null }, correlationId: 'bench-web' });
  await db.query('BEGIN');
  await db.query(
    `CREATE TEMP TABLE gen ON COMMIT DROP AS
     SELECT i, md5('bench-web-' || i)::uuid AS id,
            format('W%s-%s', lpad(i::text, 5, '0'), chr(97 + i % 26)) AS code,
            ($1::text[])[1 + i % cardinality($1::text[])] AS lead,
            CASE WHEN i % 3 = 0 THEN ARRAY[($1::text[])[1 + (i + 7) % cardinality($1::text[])]] ELSE '{}'::text[] END AS supporting,
            i % 6 AS path
     FROM generate_series(1, $2::int) AS i`,
    [agencies, COMMITMENTS],
  );
  // the events of each commitment, in order (stream versions from that order)
  await db.query(
    `INSERT INTO events (stream_id, stream_type, stream_version, type, payload, metadata, effective_at, recorded_at)
     SELECT id, 'commitment', row_number() OVER (PARTITION BY id ORDER BY seq), type, payload, $1::jsonb, occurred_at, occurred_at FROM (
       SELECT g.id, 1 AS seq, 'CommitmentRegistered' AS type,
              jsonb_build_object('code', g.code,
                'title', 'Commitment ' || g.i || ': strengthen cooperation on labour migration, remittances and the protection of migrants',
                'text', 'The text of commitment ' || g.i || ', as the agency wrote it for the 2013 High-level Dialogue.',
                'source', 'bench', 'kind', 'recommendation', 'leadAgency', g.lead, 'supportingAgencies', to_jsonb(g.supporting),
                'agendaItems', jsonb_build_array(1 + g.i % 8), 'sdgTargets', '[]'::jsonb, 'dueDate', NULL) AS payload,
              now() - interval '800 days' + g.i * interval '1 second' AS occurred_at
       FROM gen g
       UNION ALL
       -- a due date on one in four: passed for half of them, ahead for the others
       SELECT g.id, 2, 'CommitmentDueDateSet',
              jsonb_build_object('dueDate', (current_date + CASE WHEN g.i % 8 = 0 THEN -30 - g.i % 300 ELSE 30 + g.i % 300 END)::text, 'previousDueDate', NULL),
              now() - interval '700 days' + g.i * interval '1 second'
       FROM gen g WHERE g.i % 4 = 0
       UNION ALL
       SELECT g.id, 2 + s.step, 'CommitmentStatusChanged',
              jsonb_build_object('from', s.from_status, 'to', s.to_status, 'reason', CASE WHEN s.to_status = 'discontinued' THEN 'Overtaken by events.' END)
                || CASE WHEN s.to_status = 'discontinued' THEN jsonb_build_object('category', 'overtaken_by_events') ELSE '{}'::jsonb END,
              now() - interval '600 days' + s.step * interval '30 days' + g.i * interval '1 second'
       FROM gen g JOIN (VALUES
         (1, 1, 'proposed', 'accepted'), (2, 1, 'proposed', 'accepted'), (2, 2, 'accepted', 'in_progress'),
         (3, 1, 'proposed', 'in_progress'), (3, 2, 'in_progress', 'under_review'),
         (4, 1, 'proposed', 'in_progress'), (4, 2, 'in_progress', 'under_review'), (4, 3, 'under_review', 'completed'),
         (5, 1, 'proposed', 'discontinued')
       ) AS s(path, step, from_status, to_status) ON s.path = g.path
       UNION ALL
       -- last year's report from the lead agency on half of them
       SELECT g.id, 10, 'ProgressReported',
              jsonb_build_object('reportId', md5('bench-web-report-' || g.i)::uuid, 'period', $2::int, 'agency', g.lead, 'kind', 'report',
                'summary', 'In ' || $2::int || ', the agency held ' || (1 + g.i % 9) || ' workshops with partners in ' || (2 + g.i % 40) || ' countries.',
                'evidenceUrls', '[]'::jsonb, 'indicators', '[]'::jsonb),
              now() - interval '300 days' + g.i * interval '1 second'
       FROM gen g WHERE g.i % 2 = 0
     ) AS e`,
    [metadata, year - 1],
  );
  await db.query('COMMIT');
}

/** Runs one of npm start's steps (a built entry point) to the end. */
function step(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(output.trim()) : reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

async function startApi(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on/.test(output)) resolve();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', (code) => reject(new Error(`the API exited (${code}):\n${output}`)));
  });
  return child;
}

async function call(base: string, method: string, path: string, body?: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** What a focal point's working day looks like: the cycles, extension requests, notices. Once per data set. */
async function prepareDay(base: string, db: pg.Client, year: number): Promise<void> {
  const login = async (email: string) =>
    (await call(base, 'POST', '/api/v1/auth/login', { email, password: DEMO_PASSWORD })).accessToken as string;
  const coordinator = await login(`coordinator@${DEMO_DOMAIN}`);
  const ilo = await login(`ilo@${DEMO_DOMAIN}`);
  for (const cycle of [
    { year: year - 1, opensAt: dateIn(-400), deadline: dateIn(-30) },
    { year, opensAt: dateIn(-20), deadline: dateIn(40) },
  ]) {
    const exists = (await db.query('SELECT 1 FROM reporting_cycles WHERE year = $1', [cycle.year])).rowCount;
    if (!exists) await call(base, 'POST', '/api/v1/reporting-cycles', cycle, coordinator);
  }
  const withDueDates: string[] = (
    await db.query(
      `SELECT c.code FROM commitment_view c WHERE c.lead_agency = 'ILO' AND c.due_date > current_date AND c.status NOT IN ('completed', 'discontinued')
         AND NOT EXISTS (SELECT 1 FROM extension_requests r WHERE r.commitment_id = c.id) ORDER BY c.code LIMIT 3`,
    )
  ).rows.map((r: { code: string }) => r.code);
  for (const [i, code] of withDueDates.entries()) {
    const asked = await call(
      base,
      'POST',
      `/api/v1/commitments/${code}/extension-requests`,
      { dueDate: dateIn(400), reason: 'The national survey results are published later than planned.' },
      ilo,
    );
    const requestId = (asked.pendingExtension as { requestId: string }).requestId;
    if (i > 0)
      await call(
        base,
        'POST',
        `/api/v1/commitments/${code}/extension-requests/${requestId}/decision`,
        i === 1 ? { decision: 'approve' } : { decision: 'decline', comment: 'Please report what you have by the deadline.' },
        coordinator,
      );
  }
  // notices as the reminders record them (kind, the page, the facts)
  await db.query(
    `INSERT INTO notifications (id, recipient_id, recipient_email, kind, subject, body_text, body_html, dedupe_key, status, link, facts, created_at, read_at)
     SELECT gen_random_uuid(), u.id, u.email, n.kind, n.subject, n.subject, '<p>' || n.subject || '</p>', 'bench-web-' || n.kind || '-' || u.id, 'sent',
            n.link, n.facts::jsonb, now() - n.age, CASE WHEN n.read THEN now() ELSE NULL END
     FROM users u, (VALUES
       ('call_for_inputs', 'Call for inputs', '/', '{"year": ${year}, "agency": "ILO", "count": 150}', interval '20 days', true),
       ('deadline_reminder', 'Reminder', '/', '{"year": ${year - 1}, "agency": "ILO", "count": 40, "daysLeft": 14}', interval '44 days', true),
       ('report_overdue', 'Overdue', '/', '{"year": ${year - 1}, "agency": "ILO", "count": 40}', interval '30 days', false),
       ('due_date_reminder', 'Due soon', '/commitments/${withDueDates[0]}', '{"code": "${withDueDates[0]}", "dueDate": "${dateIn(30)}", "daysLeft": 30}', interval '2 days', false)
     ) AS n(kind, subject, link, facts, age, read)
     WHERE u.email = $1`,
    [`ilo@${DEMO_DOMAIN}`],
  );
}

// ---------------------------------------------------------------------------------------------------------
// Lighthouse

/** One Lighthouse run; one that Lighthouse itself could not record (NO_NAVSTART and the like) is made again, twice at most. */
async function audit(chrome: LaunchedChrome, url: string, cookie?: string, attempt = 1): Promise<PageRun> {
  try {
    return await auditOnce(chrome, url, cookie);
  } catch (error) {
    if (attempt >= 3 || !(error instanceof LighthouseRuntimeError)) throw error;
    console.log(`  (${url}: ${error.message}; again)`);
    return audit(chrome, url, cookie, attempt + 1);
  }
}

class LighthouseRuntimeError extends Error {}

async function auditOnce(chrome: LaunchedChrome, url: string, cookie?: string): Promise<PageRun> {
  const result = await lighthouse(
    url,
    {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    { extends: 'lighthouse:default', settings: { ...MOBILE, onlyCategories: ['performance', 'accessibility', 'best-practices'] } },
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  // BENCH_WEB_REPORTS=<dir>: every run's full Lighthouse report, to see what it flagged
  if (process.env.BENCH_WEB_REPORTS) {
    mkdirSync(process.env.BENCH_WEB_REPORTS, { recursive: true });
    const name = new URL(url).pathname.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home';
    writeFileSync(`${process.env.BENCH_WEB_REPORTS}/${name}-${Date.now()}.json`, JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new LighthouseRuntimeError(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => round(lhr.audits[id]?.numericValue ?? NaN, id === 'cumulative-layout-shift' ? 3 : 0);
  const requests =
    (lhr.audits['network-requests']?.details as { items?: Array<{ url: string; resourceType?: string; transferSize?: number }> })?.items ??
    [];
  const failedAudits = Object.values(lhr.categories)
    .filter((category) => category.id !== 'performance')
    .flatMap((category) =>
      category.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => `${category.id}: ${ref.id}`),
    );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: numeric('first-contentful-paint'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    scripts: requests.filter((r) => r.resourceType === 'Script').map((r) => ({ url: r.url, transferBytes: r.transferSize ?? 0 })),
    failedAudits,
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** The run whose performance score is the median (its timings go with it), and the other scores' medians. */
function summarise(runs: PageRun[]): PageRun {
  const byPerformance = [...runs].sort((a, b) => a.performance - b.performance);
  const middle = byPerformance[Math.floor((runs.length - 1) / 2)];
  return {
    ...middle,
    accessibility: median(runs.map((r) => r.accessibility)),
    bestPractices: median(runs.map((r) => r.bestPractices)),
    failedAudits: [...new Set(runs.flatMap((r) => r.failedAudits))],
  };
}

/** A built asset's size gzipped, from the copy the build compressed once (what a browser that takes gzip receives). */
function gzippedBytes(url: string): number {
  const path = new URL(url).pathname;
  try {
    return statSync(`dist/web${path}.gz`).size;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const limit = setTimeout(() => {
    console.error(`The run took longer than ${RUN_LIMIT_MS / 60_000} minutes: stopped.`);
    process.exit(1);
  }, RUN_LIMIT_MS).unref();
  const year = new Date().getUTCFullYear();
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URL,
    QUEUE_PREFIX,
    PORT: String(port),
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('base64url'),
  };
  const database = new URL(DATABASE_URL).pathname.slice(1);
  console.log(
    `Web benchmark on Node ${process.version}, ${os.cpus().length} CPUs, load average ${round(os.loadavg()[0])}; Lighthouse in ${CHROMIUM}`,
  );

  if (process.argv.includes('--fresh')) {
    const admin = new pg.Client({ connectionString: DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
  await migrate(DATABASE_URL);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const [{ commitments }] = (await db.query(`SELECT count(*)::int AS commitments FROM commitment_view`)).rows;
  const fresh = commitments === 0;
  if (!fresh && commitments !== COMMITMENTS)
    throw new Error(`${database} holds ${commitments} commitments, not the benchmark's ${COMMITMENTS}: run with --fresh`);
  if (fresh) {
    console.log(`Generating ${COMMITMENTS.toLocaleString('en')} commitments in ${database} ...`);
    const t0 = performance.now();
    await seed(db, year);
    console.log(await step(['dist/apps/cli/src/main.js', 'projections:rebuild'], env));
    console.log((await step(['dist/apps/cli/src/main.js', 'users:seed-demo'], env)).split('.')[0]);
    console.log(`Data set made in ${round((performance.now() - t0) / 1000, 1)} s`);
  }

  const api = await startApi(env);
  let chrome: LaunchedChrome | undefined;
  try {
    // (its last step: the notices)
    if (!(await db.query(`SELECT 1 FROM notifications WHERE dedupe_key LIKE 'bench-web-%'`)).rowCount) await prepareDay(base, db, year);
    const commitment: string = (
      await db.query(`SELECT code FROM commitment_view WHERE lead_agency = 'ILO' AND status = 'in_progress' ORDER BY code LIMIT 1`)
    ).rows[0].code;
    const session = await fetch(`${base}/api/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'bench' },
      body: JSON.stringify({ email: `ilo@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
    });
    if (!session.ok) throw new Error(`signing in as ILO's focal point: ${session.status} ${await session.text()}`);
    const cookie = session.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const pages = [
      { name: 'sign-in', path: '/sign-in', cookie: undefined },
      { name: 'home', path: '/', cookie },
      { name: 'catalogue', path: '/commitments', cookie },
      { name: 'commitment', path: `/commitments/${commitment}`, cookie },
    ];
    chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
    // one warm-up load: the API's first answers (its caches, PostgreSQL's) are not what a visitor meets
    await audit(chrome, `${base}/`, cookie);
    const results = new Map<string, PageRun>();
    for (const page of pages) {
      const runs: PageRun[] = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await audit(chrome, `${base}${page.path}`, page.cookie));
      results.set(page.name, summarise(runs));
      console.log(`  ${page.name}: performance ${runs.map((r) => r.performance).join(', ')}`);
    }

    // the JavaScript signing in and reaching home needs: each script once (the browser keeps what it has)
    const scripts = new Map<string, number>();
    for (const name of ['sign-in', 'home'])
      for (const s of results.get(name)!.scripts) scripts.set(s.url, Math.max(scripts.get(s.url) ?? 0, s.transferBytes));
    const transferredKb = round([...scripts.values()].reduce((a, b) => a + b, 0) / 1024, 1);
    const gzippedKb = round([...scripts.keys()].reduce((a, url) => a + gzippedBytes(url), 0) / 1024, 1);

    console.log('');
    printTable([
      ['page', 'performance', 'accessibility', 'best practices', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'JS KB (transferred)'],
      ...pages.map(({ name }) => {
        const r = results.get(name)!;
        const js = round(r.scripts.reduce((a, s) => a + s.transferBytes, 0) / 1024, 1);
        return [
          name,
          String(r.performance),
          String(r.accessibility),
          String(r.bestPractices),
          String(r.fcpMs),
          String(r.lcpMs),
          String(r.tbtMs),
          String(r.cls),
          String(js),
        ];
      }),
    ]);
    console.log('');
    console.log(
      `JavaScript for sign-in + home: ${scripts.size} scripts, ${transferredKb} KB transferred (Brotli), ${gzippedKb} KB gzipped ` +
        `(target <= ${TARGETS.signInAndHomeJsKb} KB gzipped)`,
    );
    for (const [name, r] of results) if (r.failedAudits.length) console.log(`  ${name}, audits not passed: ${r.failedAudits.join(', ')}`);
    const met = {
      performance: [...results.values()].every((r) => r.performance >= TARGETS.performance),
      accessibility: [...results.values()].every((r) => r.accessibility >= TARGETS.accessibility),
      bestPractices: [...results.values()].every((r) => r.bestPractices >= TARGETS.bestPractices),
      signInAndHomeJs: gzippedKb <= TARGETS.signInAndHomeJsKb,
    };
    console.log(
      `Targets met: ${Object.entries(met)
        .map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`)
        .join(', ')}`,
    );
    console.log(
      'BENCH_RESULT ' +
        JSON.stringify({
          bench: 'web',
          node: process.version,
          cpus: os.cpus().length,
          loadAverage: round(os.loadavg()[0]),
          commitments: COMMITMENTS,
          runsPerPage: RUNS,
          settings: { preset: 'mobile', throttling: 'simulated slow 4G, 4x CPU slowdown', chromium: CHROMIUM },
          pages: Object.fromEntries(
            [...results].map(([name, r]) => [
              name,
              {
                performance: r.performance,
                accessibility: r.accessibility,
                bestPractices: r.bestPractices,
                fcpMs: r.fcpMs,
                lcpMs: r.lcpMs,
                tbtMs: r.tbtMs,
                cls: r.cls,
              },
            ]),
          ),
          signInAndHomeJs: { scripts: scripts.size, transferredKb, gzippedKb },
          targets: TARGETS,
          met,
          seconds: round((performance.now() - startedAt) / 1000, 1),
        }),
    );
  } finally {
    await chrome?.kill();
    api.kill('SIGTERM');
    await db.end();
    clearTimeout(limit);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
