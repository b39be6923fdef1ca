import { QueryBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import { GetOverdueBreakdown, type CommitmentView, type OverdueBreakdown } from '@hld/commitments';
import type { AnnualSummaryJson } from '@hld/annual-summaries';
import { recreateDatabase } from '../../db/migrate.js';
import { TEST_DATABASE_URL } from '../test-environment.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';
import { TestClock } from '../helpers/test-clock.js';
import { startSummariesWorker, summaryFinished } from '../helpers/test-worker.js';

/**
 * One data set, one instant, every answer to "what is overdue": the list (`GET /commitments?overdue=true`), the
 * status statistics, the coordinators' digest (its breakdown), the reporting cycle's compliance and the annual
 * summary compiled by the worker. The shipped catalogue, after the 2014 reporting deadline, with due dates around
 * the day and a few changes; checked also against SQL written here, independently of the definition's fragments.
 */
const DATABASE_URL = `${TEST_DATABASE_URL}_overdue_agreement`;
const NOW = '2015-03-01T12:00:00Z';
const TODAY = '2015-03-01';

type Item = Pick<CommitmentView, 'code' | 'leadAgency' | 'agendaItems' | 'overdueReasons' | 'status'>;

describe('Overdue: the list, statistics, digest, compliance and annual summary agree (real PostgreSQL, Redis, worker)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  const clock = new TestClock(new Date(NOW));
  const previousUrl = process.env.DATABASE_URL;
  /** A joint commitment on which only a supporting agency reported for 2014. */
  let joint: string;

  const versionOf = async (code: string) =>
    Number((await api.http.get(`/api/v1/commitments/${code}`).expect(200)).headers.etag.replace(/"/g, ''));
  const setDueDate = async (code: string, dueDate: string) =>
    api.http
      .put(`/api/v1/commitments/${code}/due-date`)
      .set('If-Match', `"${await versionOf(code)}"`)
      .send({ dueDate })
      .expect(200);
  const move = async (code: string, to: string, extra: object = {}) =>
    api.http
      .post(`/api/v1/commitments/${code}/transitions`)
      .set('If-Match', `"${await versionOf(code)}"`)
      .send({ to, ...extra })
      .expect(200);

  /** Every overdue commitment the list gives, page by page. */
  const overdueList = async (asOf?: string): Promise<{ total: number; items: Item[] }> => {
    const items: Item[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: { body: { total: number; items: Item[]; nextCursor: string | null } } = await api.http
        .get('/api/v1/commitments')
        .query({ overdue: true, limit: 200, ...(asOf ? { asOf } : {}), ...(cursor ? { cursor } : {}) })
        .expect(200);
      total = page.body.total;
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return { total, items };
  };

  beforeAll(async () => {
    await recreateDatabase(DATABASE_URL);
    process.env.DATABASE_URL = DATABASE_URL;
    api = await startTestApi(clock);
    worker = await startSummariesWorker(clock);

    // the 2014 cycle's deadline (15 January 2015, New York) has passed; the 2015 one has not
    await api.http.post('/api/v1/reporting-cycles').send({ year: 2014, opensAt: '2014-11-01' }).expect(201);
    await api.http.post('/api/v1/reporting-cycles').send({ year: 2015, opensAt: '2015-11-01' }).expect(201);
    // due yesterday (overdue), today and tomorrow (not yet), long past but discontinued (never)
    await setDueDate('ILO-a', '2015-02-28');
    await setDueDate('IOM-a', TODAY);
    await setDueDate('FAO-a', '2015-03-02');
    await setDueDate('WIPO-a', '2014-06-30');
    await move('WIPO-a', 'discontinued', { reason: 'Overtaken by the HLD', category: 'overtaken_by_events' });
    // the lead reports on one commitment; a supporting agency on another, which leaves it owing the lead's report
    await api.http
      .post('/api/v1/commitments/UNHCR-a/progress-reports')
      .send({ period: 2014, agency: 'UNHCR', summary: 'Reported.' })
      .expect(201);
    const [supported] = await api.db.query(
      `SELECT code, supporting_agencies[1] AS agency FROM commitment_view WHERE code LIKE 'JOINT-%' AND cardinality(supporting_agencies) > 0 ORDER BY code LIMIT 1`,
    );
    joint = supported.code;
    await api.http
      .post(`/api/v1/commitments/${joint}/progress-reports`)
      .send({ period: 2014, agency: supported.agency, summary: 'Reported by a supporting agency.' })
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    process.env.DATABASE_URL = previousUrl;
  });

  it('gives the same overdue commitments, for the same reasons, everywhere at the same instant', async () => {
    const list = await overdueList();
    const codes = list.items.map((i) => i.code);
    expect(list.total).toBe(codes.length);
    const reasonsOf = new Map(list.items.map((i) => [i.code, i.overdueReasons]));

    // independently of the definition's fragments: open, and a due date before today or no lead report for 2014
    const independent: Array<{ code: string }> = await api.db.query(
      `SELECT c.code FROM commitment_view c
       WHERE c.status NOT IN ('completed', 'discontinued')
         AND (c.due_date < $1 OR NOT EXISTS (
               SELECT 1 FROM progress_reports p WHERE p.commitment_id = c.id AND p.period = 2014 AND p.agency = c.lead_agency))
       ORDER BY c.code`,
      [TODAY],
    );
    expect(codes).toEqual(independent.map((r) => r.code));
    expect(list.total).toBeGreaterThan(200); // the catalogue after the 2014 deadline: most leads have not reported for 2014
    expect(reasonsOf.get('ILO-a')).toContain('due_date_passed');
    expect(reasonsOf.get('IOM-a')).not.toContain('due_date_passed');
    expect(reasonsOf.get('FAO-a')).not.toContain('due_date_passed');
    expect(codes).not.toContain('WIPO-a');
    expect(codes).not.toContain('UNHCR-a');
    expect(list.items.filter((i) => i.overdueReasons.includes('due_date_passed')).map((i) => i.code)).toEqual(['ILO-a']);

    // one commitment read alone says what the list says
    for (const code of ['ILO-a', 'IOM-a', 'UNHCR-a', 'WIPO-a'])
      expect([code, (await api.http.get(`/api/v1/commitments/${code}`).expect(200)).body.overdueReasons]).toEqual([
        code,
        reasonsOf.get(code) ?? [],
      ]);

    // the status statistics: per lead agency and per agenda item
    const byLead = new Map<string, number>();
    const byItem = new Map<string, number>();
    for (const i of list.items) {
      byLead.set(i.leadAgency, (byLead.get(i.leadAgency) ?? 0) + 1);
      for (const item of new Set(i.agendaItems)) byItem.set(String(item), (byItem.get(String(item)) ?? 0) + 1);
    }
    const stats = async (by: string) =>
      new Map(
        ((await api.http.get('/api/v1/stats/status').query({ by }).expect(200)).body.items as Array<{ key: string; overdue: number }>)
          .filter((g) => g.overdue > 0)
          .map((g) => [g.key, g.overdue]),
      );
    expect(await stats('agency')).toEqual(byLead);
    expect(await stats('agendaItem')).toEqual(byItem);

    // the coordinators' digest counts what its breakdown gives
    const digest: OverdueBreakdown = await api.app.get(QueryBus).execute(new GetOverdueBreakdown(10));
    expect(digest.day).toBe(TODAY);
    expect(digest.total).toBe(list.total);
    expect(new Map(digest.byAgency.map((a) => [a.agency, a.count]))).toEqual(byLead);
    for (const a of digest.byAgency)
      expect(a.codes).toEqual(codes.filter((c) => list.items.find((i) => i.code === c)!.leadAgency === a.agency).slice(0, 10));

    // the 2014 cycle's compliance: its missing reports are exactly the commitments overdue for a missing report
    const compliance = (await api.http.get('/api/v1/reporting-cycles/2014/compliance').expect(200)).body;
    const missing = compliance.agencies.flatMap((a: { missing: string[] }) => a.missing).sort();
    expect(missing).toEqual(
      list.items
        .filter((i) => i.overdueReasons.includes('report_missing'))
        .map((i) => i.code)
        .sort(),
    );
    expect(missing).toContain(joint);
    const [{ open }] = await api.db.query(
      `SELECT count(*)::int AS open FROM commitment_view WHERE status NOT IN ('completed', 'discontinued')`,
    );
    expect(compliance.agencies.reduce((n: number, a: { owed: number }) => n + a.owed, 0)).toBe(open);

    // the annual summary of 2014, compiled by the worker at this same instant: as at its cut-off, 31 December 2014,
    // it agrees with the list as of that instant (at the same log position)
    const requested = await api.http.post('/api/v1/annual-summaries').send({ year: 2014 }).expect(202);
    const done = await summaryFinished(api.http, requested.headers.location, 60_000);
    expect(done).toMatchObject({ status: 'done', compiledAsOf: new Date(NOW).toISOString() });
    const doc: AnnualSummaryJson = (await api.http.get(`/api/v1/annual-summaries/2014/${done.version}.json`).expect(200)).body;
    const atCutOff = await overdueList('2014-12-31T23:59:59.999Z');
    expect(doc.overview.overdue).toBe(atCutOff.total);
    expect(doc.annex.commitments.filter((c) => c.overdue).map((c) => c.code)).toEqual(atCutOff.items.map((i) => i.code).sort());
    const listed = new Map(doc.agendaItems.flatMap((s) => s.overdue.map((o) => [o.commitmentCode, o.reasons] as const)));
    expect(new Map([...listed].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(
      new Map([...atCutOff.items].sort((a, b) => (a.code < b.code ? -1 : 1)).map((i) => [i.code, i.overdueReasons])),
    );
    const markdown = (await api.http.get(`/api/v1/annual-summaries/2014/${done.version}.md`).expect(200)).text;
    expect(markdown).toContain(
      atCutOff.total === 0
        ? 'As at 31 December 2014, no commitment was overdue.'
        : `As at 31 December 2014, ${atCutOff.total} commitments were overdue.`,
    );
    // a due date of 28 February 2015 had not passed on 31 December 2014
    expect(markdown).not.toMatch(/\*\*ILO-a\*\* \([^)]*\), led by ILO, was due on 28 February 2015/);
  });
});
