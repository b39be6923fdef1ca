import { aCommitment, aFreshAgency } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../helpers/test-api.js';
import { asBuffer, parseCsv } from '../helpers/downloads.js';

/**
 * Two times, through the API: a history from 2013 to 2016 whose facts were often recorded late (a start learned of
 * months later, a report entered ten days after the agency sent it, a completion learned of by email), then
 * questions asked as of an effective instant and as known at a recorded instant, for one commitment, the list (its
 * filters, overdue and pages), the catalogue's facet counts and export, and the statistics, each answer written out
 * below (the facets and the export are held to what the list answers at the same point).
 *
 * Reporting cycles are global (one per year): this file uses 2015's, which no other test file opens, and whose
 * deadline (15 January 2016) no other test file's clock sits after without a later cycle of its own.
 */
describe('As of and known at (two times)', () => {
  let api: TestApi;
  let agency: string;
  const code: Record<'P' | 'Q' | 'R', string> = { P: '', Q: '', R: '' };

  const at = (instant: string) => api.clock.set(`${instant}T12:00:00Z`);
  const commitment = (c: string, query: Record<string, string> = {}) => api.http.get(`/api/v1/commitments/${c}`).query(query);
  const list = (query: Record<string, string>) => api.http.get('/api/v1/commitments').query({ agency, ...query });
  const codesOf = (body: { items: Array<{ code: string }> }) => body.items.map((c) => c.code);
  const move = (c: string, version: number, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/commitments/${c}/transitions`).set('If-Match', `"${version}"`).send(body);

  beforeAll(async () => {
    api = await startTestApi();
    agency = await aFreshAgency(api.db);
    if ((await api.http.get('/api/v1/reporting-cycles/2015')).status === 404) {
      // deadline: 15 January 2016, end of the day in New York
      await api.http.post('/api/v1/reporting-cycles').send({ year: 2015, opensAt: '2015-11-01' }).expect(201);
    }
    const register = async (body: object) => (await api.http.post('/api/v1/commitments').send(body).expect(201)).body;

    // P and Q: made at the HLD, entered into the tracker a month later
    at('2013-11-01');
    code.P = (
      await register(
        aCommitment({
          leadAgency: agency,
          supportingAgencies: [],
          title: 'Portable pensions',
          dueDate: '2014-12-31',
          effectiveAt: '2013-10-03',
        }),
      )
    ).code;
    code.Q = (
      await register(aCommitment({ leadAgency: agency, supportingAgencies: [], dueDate: '2014-06-30', effectiveAt: '2013-10-03' }))
    ).code;
    at('2014-02-01');
    await move(code.P, 1, { to: 'accepted' }).expect(200);
    // R: made on 1 May 2014, entered the next day
    at('2014-05-02');
    code.R = (await register(aCommitment({ leadAgency: agency, supportingAgencies: [], effectiveAt: '2014-05-01' }))).code;
    at('2015-02-01');
    await move(code.R, 1, { to: 'discontinued', reason: 'overtaken by the SDGs', category: 'other' }).expect(200);
    // P was started on 1 June 2014: the coordinator learns of it in March 2015
    at('2015-03-15');
    const started = await move(code.P, 2, { to: 'in_progress', effectiveAt: '2014-06-01', reason: 'the agency wrote in March' }).expect(
      200,
    );
    expect(started.body).toMatchObject({ status: 'in_progress', version: 3 });
    at('2015-06-01');
    await api.http.patch(`/api/v1/commitments/${code.P}`).set('If-Match', '"3"').send({ title: 'Diaspora bonds' }).expect(200);
    at('2015-12-01');
    await move(code.P, 4, { to: 'under_review' }).expect(200);
    // the agency reported on 10 January 2016; the report was entered on the 20th
    at('2016-01-20');
    await api.http
      .post(`/api/v1/commitments/${code.P}/progress-reports`)
      .send({ period: 2015, agency, summary: 'Bonds issued in two countries.', effectiveAt: '2016-01-10' })
      .expect(201);
    // in March, an email: P was completed on 5 January, before the report (accepted: the report still follows)
    at('2016-03-10');
    const completed = await move(code.P, 6, {
      to: 'completed',
      effectiveAt: '2016-01-05',
      reason: 'validated by email of 5 January',
    }).expect(200);
    expect(completed.body).toMatchObject({ status: 'completed', version: 7, lastReportPeriod: 2015, allowedActions: expect.any(Array) });
  });
  afterAll(() => api.close());

  describe('one commitment', () => {
    const state = async (query: Record<string, string>) => {
      const res = await commitment(code.P, query).expect(200);
      expect(res.headers.etag).toBeUndefined(); // a past state is not a version one can write on
      const { status, version, title, overdue, overdueReasons, allowedActions } = res.body;
      return { status, version, title, overdue, overdueReasons, allowedActions };
    };

    it('answers as things stood at an effective instant, as known now', async () => {
      expect(await state({ asOf: '2014-03-01' })).toEqual({
        status: 'accepted',
        version: 2,
        title: 'Portable pensions',
        overdue: false,
        overdueReasons: [],
        allowedActions: [],
      });
      expect(await state({ asOf: '2014-07-01' })).toMatchObject({ status: 'in_progress', version: 3, title: 'Portable pensions' });
      expect(await state({ asOf: '2015-01-10' })).toMatchObject({
        status: 'in_progress',
        overdue: true,
        overdueReasons: ['due_date_passed'],
      });
      expect(await state({ asOf: '2015-07-01' })).toMatchObject({ status: 'in_progress', version: 4, title: 'Diaspora bonds' });
      expect(await state({ asOf: '2016-01-08' })).toMatchObject({ status: 'completed', version: 6, overdue: false });
      expect(await state({ asOf: '2016-01-20T00:00:00Z' })).toMatchObject({ status: 'completed', version: 7, overdueReasons: [] });
    });

    it('answers as the system knew them at a recorded instant, also one before the effective instant', async () => {
      // the start (effective June 2014) was recorded in March 2015
      expect(await state({ asOf: '2014-07-01', knownAt: '2015-01-01' })).toMatchObject({ status: 'accepted', version: 2 });
      expect(await state({ asOf: '2014-07-01', knownAt: '2015-03-16' })).toMatchObject({ status: 'in_progress', version: 3 });
      // on 18 January 2016 the completion and the report were not known yet: under review, due date passed, report missing
      expect(await state({ asOf: '2016-01-20', knownAt: '2016-01-18' })).toMatchObject({
        status: 'under_review',
        overdue: true,
        overdueReasons: ['due_date_passed', 'report_missing'],
      });
      // on the 25th the report was known (effective the 10th), the completion not yet
      expect(await state({ asOf: '2016-01-20', knownAt: '2016-01-25' })).toMatchObject({
        status: 'under_review',
        overdueReasons: ['due_date_passed'],
      });
      // knownAt before asOf: what was believed on 20 January 2015 about 31 December 2015
      expect(await state({ asOf: '2015-12-31', knownAt: '2015-01-20' })).toMatchObject({ status: 'accepted', title: 'Portable pensions' });
      // knownAt alone: as of now, as known then
      expect(await state({ knownAt: '2015-12-15' })).toMatchObject({ status: 'under_review', version: 5 });
    });

    it('is 404 before it was registered, or before it was recorded', async () => {
      const before = await commitment(code.P, { asOf: '2013-10-02' }).expect(404);
      expect(before.body).toMatchObject({ code: 'COMMITMENT_NOT_YET_REGISTERED', asOf: '2013-10-02T00:00:00.000Z' });
      const unknown = await commitment(code.P, { asOf: '2014-01-01', knownAt: '2013-10-20' }).expect(404);
      expect(unknown.body).toMatchObject({ code: 'COMMITMENT_NOT_YET_REGISTERED', knownAt: '2013-10-20T00:00:00.000Z' });
      await commitment('NOPE-a', { asOf: '2014-01-01' }).expect(404);
    });

    it('shows both times in its history, in recorded order', async () => {
      const { items } = (await api.http.get(`/api/v1/commitments/${code.P}/history`).expect(200)).body;
      expect(items.map((e: Record<string, unknown>) => [e.version, e.type, e.effectiveAt, e.recordedAt])).toEqual([
        [1, 'CommitmentRegistered', '2013-10-03T00:00:00.000Z', '2013-11-01T12:00:00.000Z'],
        [2, 'CommitmentStatusChanged', '2014-02-01T12:00:00.000Z', '2014-02-01T12:00:00.000Z'],
        [3, 'CommitmentStatusChanged', '2014-06-01T00:00:00.000Z', '2015-03-15T12:00:00.000Z'],
        [4, 'CommitmentDetailsRevised', '2015-06-01T12:00:00.000Z', '2015-06-01T12:00:00.000Z'],
        [5, 'CommitmentStatusChanged', '2015-12-01T12:00:00.000Z', '2015-12-01T12:00:00.000Z'],
        [6, 'ProgressReported', '2016-01-10T00:00:00.000Z', '2016-01-20T12:00:00.000Z'],
        [7, 'CommitmentStatusChanged', '2016-01-05T00:00:00.000Z', '2016-03-10T12:00:00.000Z'],
      ]);
      expect(items[2].occurredAt).toBe(items[2].recordedAt); // the name it had before, kept for existing clients
    });
  });

  describe('the list', () => {
    it('lists what existed then, with every filter, in pages', async () => {
      expect(codesOf((await list({ asOf: '2014-03-01' }).expect(200)).body)).toEqual([code.P, code.Q].sort());
      const first = (await list({ asOf: '2014-03-01', limit: '1' }).expect(200)).body;
      expect(first).toMatchObject({ total: 2, limit: 1, nextCursor: expect.any(String) });
      const second = (await list({ asOf: '2014-03-01', limit: '1', cursor: first.nextCursor }).expect(200)).body;
      expect([...codesOf(first), ...codesOf(second)]).toEqual([code.P, code.Q].sort());
      expect(second.nextCursor).toBeNull();
      expect(codesOf((await list({ asOf: '2014-07-01', status: 'in_progress' }).expect(200)).body)).toEqual([code.P]);
      expect(codesOf((await list({ asOf: '2014-07-01', status: 'in_progress', knownAt: '2015-01-01' }).expect(200)).body)).toEqual([]);
      expect(codesOf((await list({ asOf: '2015-03-01', status: 'discontinued,completed' }).expect(200)).body)).toEqual([code.R]);
      expect(codesOf((await list({ asOf: '2014-07-01', dueBefore: '2014-07-01' }).expect(200)).body)).toEqual([code.Q]);
      // the words of its title then, not now
      expect(codesOf((await list({ asOf: '2014-07-01', q: 'pensions' }).expect(200)).body)).toEqual([code.P]);
      expect(codesOf((await list({ asOf: '2014-07-01', q: 'bonds' }).expect(200)).body)).toEqual([]);
      expect(codesOf((await list({ q: 'bonds' }).expect(200)).body)).toEqual([code.P]);
      const items = (await list({ asOf: '2014-07-01' }).expect(200)).body.items;
      expect(items.every((c: { allowedActions: unknown[] }) => c.allowedActions.length === 0)).toBe(true);
    });

    it('says what was overdue then: due dates passed by that day, reports missing as known then', async () => {
      const overdue = async (query: Record<string, string>) =>
        (await list({ overdue: 'true', ...query }).expect(200)).body.items.map((c: { code: string; overdueReasons: string[] }) => [
          c.code,
          c.overdueReasons,
        ]);
      expect(await overdue({ asOf: '2014-06-30' })).toEqual([]);
      expect(await overdue({ asOf: '2014-07-01' })).toEqual([[code.Q, ['due_date_passed']]]);
      expect(await overdue({ asOf: '2015-01-10' })).toEqual(
        [
          [code.P, ['due_date_passed']],
          [code.Q, ['due_date_passed']],
        ].sort(),
      );
      // after the 2015 cycle's deadline: Q never reported; P's report (effective the 10th) was recorded on the 20th
      expect(await overdue({ asOf: '2016-01-20' })).toEqual([[code.Q, ['due_date_passed', 'report_missing']]]);
      expect(await overdue({ asOf: '2016-01-20', knownAt: '2016-01-18' })).toEqual(
        [
          [code.P, ['due_date_passed', 'report_missing']],
          [code.Q, ['due_date_passed', 'report_missing']],
        ].sort(),
      );
      const notOverdue = (await list({ asOf: '2016-01-20', knownAt: '2016-01-18', overdue: 'false' }).expect(200)).body;
      expect(codesOf(notOverdue)).toEqual([code.R]);
    });
  });

  describe('the statistics', () => {
    const ofAgency = async (query: Record<string, string>) => {
      const { items } = (
        await api.http
          .get('/api/v1/stats/status')
          .query({ by: 'agency', ...query })
          .expect(200)
      ).body;
      const mine = items.find((i: { key: string }) => i.key === agency);
      const counts = Object.fromEntries(Object.entries(mine.counts as Record<string, number>).filter(([, n]) => n > 0));
      return { counts, total: mine.total, overdue: mine.overdue };
    };

    it('counts by status and overdue as things stood then, as known then', async () => {
      expect(await ofAgency({})).toEqual({ counts: { proposed: 1, completed: 1, discontinued: 1 }, total: 3, overdue: 1 });
      expect(await ofAgency({ asOf: '2014-07-01' })).toEqual({ counts: { proposed: 2, in_progress: 1 }, total: 3, overdue: 1 });
      expect(await ofAgency({ asOf: '2014-07-01', knownAt: '2015-01-01' })).toEqual({
        counts: { proposed: 2, accepted: 1 },
        total: 3,
        overdue: 1,
      });
      expect(await ofAgency({ asOf: '2016-01-20', knownAt: '2016-01-18' })).toEqual({
        counts: { proposed: 1, under_review: 1, discontinued: 1 },
        total: 3,
        overdue: 2,
      });
      expect(await ofAgency({ asOf: '2014-03-01' })).toEqual({ counts: { proposed: 1, accepted: 1 }, total: 2, overdue: 0 });
    });

    it('counts per agenda item too', async () => {
      const { items } = (await api.http.get('/api/v1/stats/status').query({ by: 'agendaItem', asOf: '2014-03-01' }).expect(200)).body;
      expect(items.find((i: { key: string }) => i.key === '2').total).toBeGreaterThanOrEqual(2);
    });
  });

  describe("the catalogue's facet counts and export", () => {
    type Query = Record<string, string>;
    const facets = (query: Query) => api.http.get('/api/v1/commitments/facets').query({ agency, ...query });
    const exported = (query: Query) => api.http.get('/api/v1/commitments/export').query({ agency, format: 'csv', ...query });
    const total = async (query: Query) => (await list({ ...query, limit: '1' }).expect(200)).body.total as number;
    const countsOf = (facet: Array<{ value: unknown; count: number }>) =>
      Object.fromEntries(facet.filter((v) => v.count > 0).map((v) => [String(v.value), v.count]));
    /** Points of both times whose answers differ (see the history above), one before 2013 and one to come. */
    const points: Query[] = [
      {},
      { asOf: '2014-03-01' },
      { asOf: '2014-07-01' },
      { asOf: '2014-07-01', knownAt: '2015-01-01' },
      { asOf: '2015-01-10' },
      { asOf: '2016-01-20', knownAt: '2016-01-18' },
      { asOf: '2015-12-31', knownAt: '2015-01-20' },
      { knownAt: '2015-12-15' },
      { asOf: '2012-06-01' },
      { asOf: '2030-01-01' },
    ];

    it('counts, at every point, what the list gives at that point with the same filters', async () => {
      for (const point of points) {
        for (const filters of [{}, { status: 'proposed,in_progress', overdue: 'true' }, { q: 'pensions' }] as Query[]) {
          const asked = { ...point, ...filters };
          const f = (await facets(asked).expect(200)).body;
          const found: Record<string, number> = { total: f.total };
          const expected: Record<string, number> = { total: await total(asked) };
          // a facet's count is the list's total with that value instead of the facet's own filter
          for (const facet of ['status', 'overdue', 'agendaItem', 'lead'] as const) {
            for (const { value, count } of f[facet] as Array<{ value: unknown; count: number }>) {
              found[`${facet}=${String(value)}`] = count;
              expected[`${facet}=${String(value)}`] = await total({ ...asked, [facet]: String(value) });
            }
          }
          expect({ asked, counts: found }).toEqual({ asked, counts: expected });
        }
      }
    });

    it('counts the states and the words of then, as known then', async () => {
      const at = async (query: Query) => {
        const f = (await facets(query).expect(200)).body;
        return { total: f.total, status: countsOf(f.status), overdue: countsOf(f.overdue) };
      };
      expect(await at({ asOf: '2014-07-01' })).toEqual({
        total: 3,
        status: { proposed: 2, in_progress: 1 },
        overdue: { true: 1, false: 2 },
      });
      expect(await at({ asOf: '2014-07-01', knownAt: '2015-01-01' })).toEqual({
        total: 3,
        status: { proposed: 2, accepted: 1 },
        overdue: { true: 1, false: 2 },
      });
      expect(await at({ asOf: '2016-01-20', knownAt: '2016-01-18' })).toEqual({
        total: 3,
        status: { proposed: 1, under_review: 1, discontinued: 1 },
        overdue: { true: 2, false: 1 },
      });
      // P's title was "Portable pensions" until June 2015
      expect((await at({ asOf: '2014-07-01', q: 'pensions' })).status).toEqual({ in_progress: 1 });
      expect((await at({ q: 'pensions' })).total).toBe(0);
      // before the HLD nothing was registered; every status and both overdue values are still listed, with 0
      const before = (await facets({ asOf: '2012-06-01' }).expect(200)).body;
      expect(before.total).toBe(0);
      expect(before.status).toHaveLength(6);
      expect([...before.status, ...before.overdue].every((v: { count: number }) => v.count === 0)).toBe(true);
      // to come: as things stand now
      expect((await at({ asOf: '2030-01-01' })).status).toEqual({ proposed: 1, completed: 1, discontinued: 1 });
    });

    it('exports, at every point, exactly the commitments of the list, in their state then', async () => {
      const words = (text: string) => text.replace(/_/g, ' ');
      for (const point of points) {
        for (const filters of [{}, { overdue: 'true' }, { q: 'pensions', sort: '-status' }] as Query[]) {
          const asked = { ...point, ...filters };
          const res = await exported(asked).expect(200);
          const [header, ...rows] = parseCsv(res.text.slice(1));
          expect(header[0]).toBe('Code');
          const { items } = (await list({ ...asked, limit: '200' }).expect(200)).body as {
            items: Array<{ code: string; status: string; overdueReasons: string[] }>;
          };
          expect({ asked, rows: rows.map((r) => [r[0], r[5], r[7]]) }).toEqual({
            asked,
            rows: items.map((c) => [c.code, words(c.status), c.overdueReasons.map(words).join('; ')]),
          });
        }
      }
      const past = parseCsv((await exported({ asOf: '2016-01-20', knownAt: '2016-01-18' }).expect(200)).text.slice(1));
      expect(past.slice(1).map((r) => [r[0], r[5], r[7]])).toEqual(
        [
          [code.P, 'under review', 'due date passed; report missing'],
          [code.Q, 'proposed', 'due date passed; report missing'],
          [code.R, 'discontinued', ''],
        ].sort(),
      );
      expect(parseCsv((await exported({ asOf: '2012-06-01' }).expect(200)).text.slice(1))).toHaveLength(1); // the header alone
    });

    it('says in its file name, and in the workbook, the point in time it describes', async () => {
      const fileName = async (query: Query) =>
        /filename="([^"]+)"/.exec(String((await exported(query).expect(200)).headers['content-disposition']))?.[1];
      expect(await fileName({})).toBe('hld-commitments-2016-03-10.csv');
      expect(await fileName({ asOf: '2014-12-31' })).toBe('hld-commitments-as-of-2014-12-31.csv');
      expect(await fileName({ asOf: '2014-12-31T23:59:59+01:00' })).toBe('hld-commitments-as-of-2014-12-31T225959Z.csv');
      expect(await fileName({ asOf: '2014-12-31', knownAt: '2015-01-20' })).toBe(
        'hld-commitments-as-of-2014-12-31-known-at-2015-01-20.csv',
      );
      expect(await fileName({ knownAt: '2015-12-15' })).toBe('hld-commitments-2016-03-10-known-at-2015-12-15.csv');

      const res = await exported({ format: 'xlsx', asOf: '2016-01-20', knownAt: '2016-01-18' }).buffer(true).parse(asBuffer).expect(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="hld-commitments-as-of-2016-01-20-known-at-2016-01-18.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      expect(workbook.subject).toBe('as of 2016-01-20T00:00:00.000Z, as known at 2016-01-18T00:00:00.000Z');
      expect(workbook.description).toMatch(/as the tracker knew them at 2016-01-18T00:00:00.000Z \(recorded time\)/);
      const sheet = workbook.getWorksheet('Commitments')!;
      const rows = [2, 3, 4].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
      expect(rows.map((r) => [r[0], r[5]])).toEqual(
        [
          [code.P, 'under review'],
          [code.Q, 'proposed'],
          [code.R, 'discontinued'],
        ].sort(),
      );
      expect(sheet.rowCount).toBe(4);
    });

    it('validates asOf and knownAt exactly as the list does', async () => {
      const answer = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) => ({
        status: res.status,
        type: res.headers['content-type'],
        code: res.body.code,
        errors: res.body.errors,
      });
      const cases: Array<[Query, number, string]> = [
        [{ asOf: '2014-02-30' }, 400, 'asOf'],
        [{ asOf: 'yesterday' }, 400, 'asOf'],
        [{ asOf: '1899-12-31' }, 400, 'asOf'],
        [{ asOf: '2101-01-01' }, 400, 'asOf'],
        [{ knownAt: '2015-13-01' }, 400, 'knownAt'],
        [{ asOf: '2014-01-01', knownAt: '2017-01-01' }, 422, 'knownAt'],
        [{ knownAt: '2016-03-10T12:00:01Z' }, 422, 'knownAt'],
      ];
      for (const [query, status, field] of cases) {
        const listed = answer(await list(query));
        expect({ query, status: listed.status, type: listed.type, field: (listed.errors as Array<{ field: string }>)[0].field }).toEqual({
          query,
          status,
          type: expect.stringMatching(/^application\/problem\+json/),
          field,
        });
        expect({ query, facets: answer(await facets(query)) }).toEqual({ query, facets: listed });
        expect({ query, export: answer(await exported(query)) }).toEqual({ query, export: listed });
      }
    });
  });

  describe('facts out of order', () => {
    it('refuses one that later facts could not follow, writing nothing', async () => {
      at('2016-04-01');
      const before = await countEvents(api.db);
      // discontinued in June 2015: the submission for review recorded in December could then not follow
      const res = await move(code.P, 7, {
        to: 'discontinued',
        category: 'other',
        reason: 'learned late',
        effectiveAt: '2015-06-01',
      }).expect(422);
      expect(res.body).toMatchObject({
        code: 'OUT_OF_ORDER_TRANSITION',
        conflictsWith: { version: 5, type: 'CommitmentStatusChanged', effectiveAt: '2015-12-01T12:00:00.000Z' },
        errors: [{ field: 'effectiveAt', message: expect.stringMatching(/cannot move from discontinued to under_review/) }],
      });
      expect(res.body.detail).toMatch(/would come before the CommitmentStatusChanged effective 2015-12-01/);
      expect(await countEvents(api.db)).toBe(before);
      expect((await commitment(code.P).expect(200)).body).toMatchObject({ status: 'completed', version: 7 });
    });

    it('refuses a time in the future, before the registration, a backdated move without a reason, and a knownAt to come', async () => {
      at('2016-04-01');
      const before = await countEvents(api.db);
      const refused = async (res: { status: number; body: Record<string, unknown> }, status: number, problem: string, field: string) => {
        expect([res.status, res.body.code, (res.body.errors as Array<{ field: string }>)[0].field]).toEqual([status, problem, field]);
      };
      await refused(await move(code.Q, 1, { to: 'accepted', effectiveAt: '2016-04-02' }), 422, 'EFFECTIVE_IN_FUTURE', 'effectiveAt');
      await refused(
        await api.http
          .post(`/api/v1/commitments/${code.Q}/progress-reports`)
          .send({ period: 2014, agency, summary: 'Too early.', effectiveAt: '2013-09-30' }),
        422,
        'EFFECTIVE_BEFORE_REGISTRATION',
        'effectiveAt',
      );
      await refused(await move(code.Q, 1, { to: 'accepted', effectiveAt: '2015-01-01' }), 422, 'REASON_REQUIRED', 'reason');
      await refused(await move(code.Q, 1, { to: 'accepted', effectiveAt: 'last spring' }), 400, 'VALIDATION_FAILED', 'effectiveAt');
      await refused(await commitment(code.Q, { knownAt: '2016-04-02' }), 422, 'KNOWN_AT_IN_FUTURE', 'knownAt');
      await refused(await list({ asOf: '2014-01-01', knownAt: '2017-01-01' }), 422, 'KNOWN_AT_IN_FUTURE', 'knownAt');
      await refused(
        await api.http.get('/api/v1/stats/status').query({ by: 'agency', knownAt: '2016-04-02T00:00:00Z' }),
        422,
        'KNOWN_AT_IN_FUTURE',
        'knownAt',
      );
      await refused(await list({ asOf: '2014-02-30' }), 400, 'VALIDATION_FAILED', 'asOf');
      expect(await countEvents(api.db)).toBe(before);
      // asOf may be any instant: things as they stand now, if nothing changes
      expect((await commitment(code.Q, { asOf: '2030-01-01' }).expect(200)).body).toMatchObject({ status: 'proposed' });
    });
  });
});
