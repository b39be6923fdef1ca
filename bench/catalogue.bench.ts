/**
 * `npm run bench:catalogue`: how fast are the catalogue screen's queries (a page of the list in each order, the
 * facet counts, the export of a whole view) over 10,000 commitments?
 *
 * A benchmark, not a test: it prints the figures and exits. It owns its database (BENCH_CATALOGUE_DATABASE_URL,
 * default hld_bench_catalogue), where it writes the read models directly (45 agencies, 10,000 commitments with
 * 0-3 supporting agencies, 1-3 agenda items, 0-2 SDG targets, any status, a due date on 70 % of them, and a 2014
 * report by the lead on half of them) on the first run and reuses them while they are complete. The queries run
 * through their handlers on a real DataSource, with a reporting cycle whose deadline has passed, so the overdue
 * test includes its costly part (a report missing). Each figure is the median of 7 runs after a warm-up; a
 * `BENCH_RESULT {json}` line follows the table.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { Clock } from '@hld/kernel';
import { migrate } from '../db/migrate.js';
import {
  CommitmentVersionRecord,
  CommitmentViewRecord,
  ProgressReportRecord,
} from '../libs/commitments/src/infrastructure/commitment-view.record.js';
import { ListCommitments, ListCommitmentsHandler } from '../libs/commitments/src/application/list-commitments.js';
import { GetCommitmentFacets, GetCommitmentFacetsHandler } from '../libs/commitments/src/application/get-commitment-facets.js';
import { ExportCommitments, ExportCommitmentsHandler } from '../libs/commitments/src/application/export-commitments.js';
import { ReportingObligations } from '../libs/commitments/src/application/reporting-obligations.js';
import type { CommitmentFilters } from '../libs/commitments/src/application/commitment-filters.js';
import type { CommitmentSort } from '../libs/commitments/src/application/commitment-order.js';
import { csvStream, xlsxStream } from '../libs/commitments/src/rendering/commitment-export-formats.js';
import { COMMITMENT_STATUSES } from '../libs/commitments/src/domain/lifecycle.js';

const DATABASE_URL = process.env.BENCH_CATALOGUE_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hld_bench_catalogue';
const COMMITMENTS = 10_000;
const RUNS = 7;
const AGENCIES = Array.from({ length: 45 }, (_, i) => `AG${String(i + 1).padStart(2, '0')}`);
const SDG_TARGETS = ['8.7', '8.8', '10.7', '10.c', '16.2', '17.18', '3.8', '4.b', '5.2', '1.3', '10.2', '16.9'];
const WORDS =
  'migration development remittances labour recruitment costs rights children women data evidence partnership cooperation health education diaspora trafficking smuggling stranded crisis climate urban perceptions integration skills portability fees corridors dialogue forum'.split(
    ' ',
  );

class FixedClock extends Clock {
  now(): Date {
    return new Date('2015-03-01T12:00:00Z');
  }
}

class PassedCycle extends ReportingObligations {
  async cycleDeadlines(): Promise<Array<{ year: number; deadline: Date }>> {
    return [{ year: 2014, deadline: new Date('2015-01-31T23:59:59Z') }];
  }
}

/** A small seeded generator (mulberry32): the same data on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(db: DataSource): Promise<void> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM commitment_view WHERE code LIKE 'BENCH-%'`);
  if (n === COMMITMENTS) return;
  console.log(`generating ${COMMITMENTS} commitments…`);
  await db.query('TRUNCATE commitment_view, progress_reports');
  const next = random(2013);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const some = <T>(list: readonly T[], most: number, least = 0) =>
    [...new Set(Array.from({ length: least + Math.floor(next() * (most - least + 1)) }, () => pick(list)))].sort();
  for (let start = 0; start < COMMITMENTS; start += 1000) {
    const rows = Array.from({ length: 1000 }, (_, k) => {
      const lead = pick(AGENCIES);
      const year = 2013 + Math.floor(next() * 4);
      return {
        id: randomUUID(),
        code: `BENCH-${start + k}`,
        title: Array.from({ length: 6 }, () => pick(WORDS)).join(' '),
        text: Array.from({ length: 80 }, () => pick(WORDS)).join(' '),
        lead,
        supporting: some(
          AGENCIES.filter((a) => a !== lead),
          3,
        ),
        agendaItems: some([1, 2, 3, 4, 5, 6, 7, 8], 3, 1),
        sdgTargets: some(SDG_TARGETS, 2),
        dueDate: next() < 0.7 ? `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15` : null,
        status: pick(COMMITMENT_STATUSES),
        reported: next() < 0.5,
      };
    });
    await db.query(
      `INSERT INTO commitment_view (id, code, title, text, source, kind, lead_agency, supporting_agencies, agenda_items, sdg_targets,
                                    due_date, status, version, registered_at, updated_at)
       SELECT r.id, r.code, r.title, r.text, 'A/68/190', 'recommendation', r.lead, string_to_array(r.supporting, ','),
              CAST(string_to_array(r.agenda, ',') AS smallint[]), string_to_array(r.sdg, ','), r.due, r.status, 1, now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, title text, text text, lead text, supporting text, agenda text,
                                               sdg text, due date, status text)`,
      [
        JSON.stringify(
          rows.map((r) => ({
            ...r,
            supporting: r.supporting.join(','),
            agenda: r.agendaItems.join(','),
            sdg: r.sdgTargets.join(','),
            due: r.dueDate,
          })),
        ),
      ],
    );
    await db.query(
      `INSERT INTO progress_reports (id, commitment_id, period, agency, summary, reported_at, reported_by, event_position, effective_at, recorded_at)
       SELECT gen_random_uuid(), r.id, 2014, r.lead, 'Reported.', now(), 'bench', 0, now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, lead text)`,
      [JSON.stringify(rows.filter((r) => r.reported).map((r) => ({ id: r.id, lead: r.lead })))],
    );
  }
  await db.query('ANALYZE commitment_view; ANALYZE progress_reports');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const results: Record<string, number> = {};

async function time(label: string, work: () => Promise<string>): Promise<void> {
  await work(); // warm-up
  const times: number[] = [];
  let note = '';
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    note = await work();
    times.push(performance.now() - t0);
  }
  results[label] = Math.round(median(times) * 10) / 10;
  console.log(
    `${label.padEnd(64)} ${median(times).toFixed(1).padStart(7)} ms   (${Math.min(...times).toFixed(1)}-${Math.max(...times).toFixed(1)}) ${note}`,
  );
}

/** Counts the bytes a stream gives, keeping none. */
const counter = () => {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
};

async function main(): Promise<void> {
  await migrate(DATABASE_URL);
  const db = new DataSource({
    type: 'postgres',
    url: DATABASE_URL,
    entities: [CommitmentViewRecord, CommitmentVersionRecord, ProgressReportRecord],
    extra: { max: 4 },
  });
  await db.initialize();
  try {
    await generate(db);
    const clock = new FixedClock();
    const obligations = new PassedCycle();
    const lists = new ListCommitmentsHandler(
      db.getRepository(CommitmentViewRecord),
      db.getRepository(CommitmentVersionRecord),
      clock,
      obligations,
    );
    const facets = new GetCommitmentFacetsHandler(db, clock, obligations);
    const exports = new ExportCommitmentsHandler(db, clock, obligations);

    const list = (filters: CommitmentFilters, sort: CommitmentSort, limit: number) => async () => {
      const page = await lists.execute(new ListCommitments(filters, limit, undefined, undefined, sort));
      return `${page.items.length} of ${page.total}`;
    };
    console.log(`${COMMITMENTS} commitments; medians of ${RUNS} runs`);
    await time('list, 50 in code order, no filter', list({}, 'code', 50));
    await time('list, 200 by title', list({}, 'title', 200));
    await time('list, 200 by due date, descending', list({}, '-dueDate', 200));
    await time('list, 200 by status, two statuses, overdue', list({ status: ['accepted', 'in_progress'], overdue: true }, 'status', 200));
    await time('list, 200 by lead, q=remittances', list({ q: 'remittances' }, 'lead', 200));
    await time('list, 200 by title, 10th page (cursor)', async () => {
      let cursor: string | undefined;
      for (let i = 0; i < 9; i += 1) cursor = (await lists.execute(new ListCommitments({}, 200, cursor, undefined, 'title'))).nextCursor!;
      const t0 = performance.now();
      await lists.execute(new ListCommitments({}, 200, cursor, undefined, 'title'));
      return `(the 10th page alone: ${(performance.now() - t0).toFixed(1)} ms)`;
    });
    const count = (filters: CommitmentFilters) => async () => `total ${(await facets.execute(new GetCommitmentFacets(filters))).total}`;
    await time('facets, no filter', count({}));
    await time('facets, two leads, one status, overdue', count({ lead: ['AG01', 'AG02'], status: ['in_progress'], overdue: true }));
    await time('facets, q=remittances, agenda item 2, SDG 10.7', count({ q: 'remittances', agendaItem: [2], sdgTarget: ['10.7'] }));
    await time('facets, every facet filtered', () =>
      count({
        lead: ['AG01', 'AG02', 'AG03'],
        supporting: ['AG04', 'AG05'],
        agency: ['AG01', 'AG04'],
        agendaItem: [1, 2],
        sdgTarget: ['10.7', '8.8'],
        status: ['proposed', 'in_progress'],
        overdue: false,
      })(),
    );
    for (const format of ['csv', 'xlsx'] as const) {
      await time(`export ${format}, every commitment, by title`, async () => {
        const result = await exports.execute(new ExportCommitments({}, 'title'));
        const { sink, bytes } = counter();
        await pipeline(format === 'csv' ? csvStream(result.rows) : xlsxStream(result.rows, clock.now()), sink);
        return `${Math.round(bytes() / 1024)} KiB`;
      });
    }
    console.log(`BENCH_RESULT ${JSON.stringify({ commitments: COMMITMENTS, medianMs: results })}`);
  } finally {
    await db.destroy();
  }
}

await main();
