import ExcelJS from 'exceljs';
import { QueryBus } from '@nestjs/cqrs';
import { ExportCommitments, type ExportedCommitment } from '@hld/commitments';
import { aFreshAgency, aUniqueWord, moveThrough, registerCommitment, type RegisterBody } from '../helpers/factories.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';
import { asBuffer, parseCsv } from '../helpers/downloads.js';

/** The export's columns, as a spreadsheet user reads them (CSV header row, XLSX first row). */
const EXPORT_HEADER = [
  'Code',
  'Title',
  'Lead agency',
  'Supporting agencies',
  'Agenda items',
  'Status',
  'Due date',
  'Overdue reasons',
  'Source',
];

/**
 * The list behind the catalogue screen: the `lead`, `supporting` and `sdgTarget` filters, facet counts, sort
 * orders with their cursors, and the export of a whole view as CSV and XLSX. Every commitment here carries a
 * word no other test uses in its text, and every query names it (`q`), so the counts are exact whatever else
 * the database holds.
 */

describe('The commitment catalogue: lead filter, facets, sort, export', () => {
  let api: TestApi;
  let word: string;
  let A: string;
  let B: string;
  let C: string;
  const codes: Record<number, string> = {};

  const register = (overrides: Partial<RegisterBody>) => registerCommitment(api.http, overrides);
  const move = (code: string, ...steps: string[]) => moveThrough(api.http, code, ...steps);
  const get = (path: string, query: Record<string, string | number | boolean>) => api.http.get(`/api/v1/commitments${path}`).query(query);
  const list = async (query: Record<string, string | number | boolean>) => (await get('', { q: word, ...query }).expect(200)).body;
  const facets = async (query: Record<string, string | number | boolean> = {}) =>
    (await get('/facets', { q: word, ...query }).expect(200)).body;
  const countsOf = (facet: Array<{ value: unknown; count: number }>) => Object.fromEntries(facet.map((f) => [String(f.value), f.count]));
  const n = (...which: number[]) => which.map((i) => codes[i]).sort();
  const codesOf = (body: { items: Array<{ code: string }> }) => body.items.map((i) => i.code).sort();

  beforeAll(async () => {
    api = await startTestApi();
    api.clock.set('2014-03-01T12:00:00Z');
    word = aUniqueWord();
    [A, B, C] = [await aFreshAgency(api.db), await aFreshAgency(api.db), await aFreshAgency(api.db)];
    const text = `Follow-up on ${word}.`;
    // 1: A leads, B supports, overdue (due date passed); 2: A leads, not yet due; 3: B leads, A and C support, no due
    // date; 4: C leads, completed (past its date, not overdue); 5: B leads, overdue
    const made = [
      { leadAgency: A, supportingAgencies: [B], agendaItems: [1, 2], sdgTargets: ['10.7'], dueDate: '2014-01-15', title: 'Delta' },
      { leadAgency: A, supportingAgencies: [], agendaItems: [2], sdgTargets: ['10.c'], dueDate: '2015-06-30', title: 'alpha' },
      { leadAgency: B, supportingAgencies: [A, C], agendaItems: [3], sdgTargets: ['10.7', '8.8'], dueDate: null, title: 'Charlie' },
      { leadAgency: C, supportingAgencies: [B], agendaItems: [2], sdgTargets: [], dueDate: '2013-12-01', title: 'Bravo' },
      { leadAgency: B, supportingAgencies: [], agendaItems: [8], sdgTargets: ['17.18'], dueDate: '2013-06-30', title: 'Delta' },
    ];
    for (const [i, overrides] of made.entries()) codes[i + 1] = (await register({ ...overrides, text })).code;
    await move(codes[2], 'accepted');
    await move(codes[3], 'in_progress');
    await move(codes[4], 'in_progress', 'under_review', 'completed');
  });
  afterAll(() => api.close());

  describe('filters', () => {
    it('lead: commitments one of the agencies leads (supporting them is not enough); several with commas', async () => {
      expect(codesOf(await list({ lead: A }))).toEqual(n(1, 2));
      expect(codesOf(await list({ lead: `${A},${C}` }))).toEqual(n(1, 2, 4));
      // the parameter repeated means the same
      expect(codesOf((await api.http.get(`/api/v1/commitments?q=${word}&lead=${A}&lead=${C}`).expect(200)).body)).toEqual(n(1, 2, 4));
      // agency still means leads or supports
      expect(codesOf(await list({ agency: A }))).toEqual(n(1, 2, 3));
    });

    it('supporting, sdgTarget and several agenda items: any of the values; different filters all apply', async () => {
      expect(codesOf(await list({ supporting: B }))).toEqual(n(1, 4));
      expect(codesOf(await list({ sdgTarget: '10.7' }))).toEqual(n(1, 3));
      expect(codesOf(await list({ sdgTarget: '10.c,17.18' }))).toEqual(n(2, 5));
      expect(codesOf(await list({ agendaItem: '1,3' }))).toEqual(n(1, 3));
      expect(codesOf(await list({ agendaItem: 2, lead: A, overdue: false }))).toEqual(n(2));
    });

    it('refuses bad values with 400 naming the parameter, on the list, the facets and the export', async () => {
      const cases: Array<[Record<string, string | number>, string]> = [
        [{ lead: 'ilo' }, 'lead'],
        [{ lead: `${A},not an agency` }, 'lead'],
        [{ supporting: '1' }, 'supporting'],
        [{ agency: 'x' }, 'agency'],
        [{ agendaItem: 9 }, 'agendaItem'],
        [{ agendaItem: '2,x' }, 'agendaItem'],
        [{ agendaItem: 0 }, 'agendaItem'],
        [{ sdgTarget: '99.1' }, 'sdgTarget'],
        [{ status: 'done' }, 'status'],
        [{ overdue: 'maybe' }, 'overdue'],
      ];
      for (const path of ['', '/facets', '/export']) {
        for (const [query, field] of cases) {
          const res = await get(path, { ...(path === '/export' ? { format: 'csv' } : {}), ...query }).expect(400);
          expect({ path, query, type: res.headers['content-type'], field: res.body.errors?.[0]?.field }).toEqual({
            path,
            query,
            type: expect.stringMatching(/^application\/problem\+json/),
            field,
          });
        }
      }
      for (const [path, query, field] of [
        ['', { sort: 'name' }, 'sort'],
        ['', { sort: '--code' }, 'sort'],
        ['', { limit: 201 }, 'limit'],
        ['/export', { format: 'pdf' }, 'format'],
        ['/export', {}, 'format'],
        ['/export', { format: 'csv', sort: 'due' }, 'sort'],
        ['/facets', { sort: 'code' }, 'sort'], // the counts have no order to take
      ] as const) {
        const res = await get(path, query).expect(400);
        expect({ path, query, field: res.body.errors[0].field }).toEqual({ path, query, field });
      }
    });
  });

  describe('facets', () => {
    it('counts every facet for the view; with no facet chosen, each count is over the whole view', async () => {
      const f = await facets();
      expect(f.total).toBe(5);
      expect(countsOf(f.lead)).toEqual({ [A]: 2, [B]: 2, [C]: 1 });
      expect(countsOf(f.supporting)).toEqual({ [A]: 1, [B]: 2, [C]: 1 });
      expect(countsOf(f.agency)).toEqual({ [A]: 3, [B]: 4, [C]: 2 });
      expect(countsOf(f.agendaItem)).toEqual({ 1: 1, 2: 3, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 1 });
      expect(f.sdgTarget).toEqual([
        { value: '8.8', count: 1 },
        { value: '10.7', count: 2 },
        { value: '10.c', count: 1 },
        { value: '17.18', count: 1 },
      ]);
      expect(f.status).toEqual([
        { value: 'proposed', count: 2 },
        { value: 'accepted', count: 1 },
        { value: 'in_progress', count: 1 },
        { value: 'under_review', count: 0 },
        { value: 'completed', count: 1 },
        { value: 'discontinued', count: 0 },
      ]);
      expect(f.overdue).toEqual([
        { value: true, count: 2 },
        { value: false, count: 3 },
      ]);
    });

    it("counts each facet with the other facets' filters but not its own", async () => {
      const f = await facets({ lead: A, status: 'proposed,accepted' });
      expect(f.total).toBe(2);
      // lead: counted over the proposed and accepted ones (1, 2, 5), whoever leads them
      expect(countsOf(f.lead)).toEqual({ [A]: 2, [B]: 1 });
      // status: counted over what A leads (1, 2), whatever their status
      expect(countsOf(f.status)).toEqual({ proposed: 1, accepted: 1, in_progress: 0, under_review: 0, completed: 0, discontinued: 0 });
      // the others: over what both filters leave (1, 2)
      expect(countsOf(f.supporting)).toEqual({ [B]: 1 });
      expect(countsOf(f.overdue)).toEqual({ true: 1, false: 1 });
      expect(countsOf(f.agendaItem)).toMatchObject({ 1: 1, 2: 2, 3: 0, 8: 0 });

      const overdue = await facets({ lead: A, overdue: true });
      expect(overdue.total).toBe(1);
      expect(countsOf(overdue.overdue)).toEqual({ true: 1, false: 1 });
      expect(countsOf(overdue.lead)).toEqual({ [A]: 1, [B]: 1 });
    });

    it('lists a chosen value with 0 when nothing has it; a count is what choosing that value alone would list', async () => {
      const f = await facets({ lead: `${A},ZZUNKNOWN`, agendaItem: 2 });
      expect(countsOf(f.lead)).toEqual({ [A]: 2, [C]: 1, ZZUNKNOWN: 0 });
      // every count, checked against the list with that one value chosen instead
      const base = { agendaItem: 2, status: 'proposed,accepted,completed' };
      const counted = await facets(base);
      for (const facet of ['lead', 'supporting', 'agency', 'sdgTarget', 'overdue'] as const) {
        for (const { value, count } of counted[facet] as Array<{ value: string | boolean; count: number }>) {
          expect({ facet, value, total: (await list({ ...base, [facet]: value, limit: 1 })).total }).toEqual({
            facet,
            value,
            total: count,
          });
        }
      }
      for (const { value, count } of counted.status as Array<{ value: string; count: number }>) {
        expect({ value, total: (await list({ agendaItem: 2, status: value, limit: 1 })).total }).toEqual({ value, total: count });
      }
    });
  });

  describe('sort and cursor', () => {
    /** Every page of the view in this order, `limit` at a time, following nextCursor; checks the total on each. */
    const allPages = async (sort: string, limit = 2) => {
      const seen: Array<{ code: string; title: string; status: string; dueDate: string | null; leadAgency: string }> = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await list({ sort, limit, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(5);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < 10);
      return seen;
    };

    it('pages through every order with its cursor, ties broken by code ascending', async () => {
      const byCode = (a: string, b: string) => (a < b ? -1 : 1);
      expect((await allPages('code')).map((c) => c.code)).toEqual(n(1, 2, 3, 4, 5));
      expect((await allPages('-code')).map((c) => c.code)).toEqual(n(1, 2, 3, 4, 5).reverse());
      // the two "Delta" commitments tie: by code, in either direction
      const deltas = [codes[1], codes[5]].sort(byCode);
      const titles = await allPages('title');
      expect(titles.map((c) => c.title.toLowerCase())).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'delta']);
      expect(titles.slice(3).map((c) => c.code)).toEqual(deltas);
      const down = await allPages('-title');
      expect(down.map((c) => c.title.toLowerCase())).toEqual(['delta', 'delta', 'charlie', 'bravo', 'alpha']);
      expect(down.slice(0, 2).map((c) => c.code)).toEqual(deltas);
      // status in lifecycle order
      expect((await allPages('status', 1)).map((c) => c.status)).toEqual(['proposed', 'proposed', 'accepted', 'in_progress', 'completed']);
      expect((await allPages('-status', 3)).map((c) => c.status)).toEqual(['completed', 'in_progress', 'accepted', 'proposed', 'proposed']);
      // no due date comes last, in both directions
      expect((await allPages('dueDate')).map((c) => c.dueDate)).toEqual(['2013-06-30', '2013-12-01', '2014-01-15', '2015-06-30', null]);
      expect((await allPages('-dueDate')).map((c) => c.dueDate)).toEqual(['2015-06-30', '2014-01-15', '2013-12-01', '2013-06-30', null]);
      const leads = await allPages('lead');
      expect(leads.map((c) => c.leadAgency)).toEqual([A, A, B, B, C].sort(byCode));
    });

    it('a cursor goes on after its row even when rows change meanwhile', async () => {
      const first = await list({ sort: 'title', limit: 2 });
      expect(first.items.map((c: { title: string }) => c.title)).toEqual(['alpha', 'Bravo']);
      // Charlie, still to come, is retitled to sort before the cursor: it is not listed again, nothing else is skipped
      const retitle = (title: string, version: number) =>
        api.http.patch(`/api/v1/commitments/${codes[3]}`).set('If-Match', `"${version}"`).send({ title }).expect(200);
      await retitle('Aardvark', 2);
      const next = await list({ sort: 'title', limit: 10, cursor: first.nextCursor });
      expect(next.items.map((c: { title: string }) => c.title)).toEqual(['Delta', 'Delta']);
      await retitle('Charlie', 3);
    });

    it('refuses a cursor from another order, or one it never gave, with 400 naming cursor', async () => {
      const byTitle = (await list({ sort: 'title', limit: 1 })).nextCursor;
      const byCode = (await list({ limit: 1 })).nextCursor;
      const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const [sort, cursor] of [
        ['status', byTitle],
        ['-title', byTitle],
        ['code', byTitle],
        ['title', byCode],
        ['-code', byCode],
        ['dueDate', forged(['dueDate', 'soon', codes[1]])],
        ['status', forged(['status', '1; DROP TABLE', codes[1]])],
        ['title', forged(['title', 'a\u0000b', codes[1]])],
        ['title', forged(['title', 'x'])],
        ['title', 'not-a-cursor!'],
      ]) {
        const res = await get('', { q: word, sort, cursor }).expect(400);
        expect({ sort, cursor, code: res.body.code, field: res.body.errors[0].field }).toEqual({
          sort,
          cursor,
          code: 'INVALID_CURSOR',
          field: 'cursor',
        });
      }
      const res = await get('', { q: word, sort: 'status', cursor: byTitle }).expect(400);
      expect(res.body.errors[0].message).toMatch(/sorted by title, not by status/);
      // the cursor of the same order works, and so do old code-order cursors
      await get('', { q: word, sort: 'title', cursor: byTitle }).expect(200);
      await get('', { q: word, cursor: byCode }).expect(200);
    });

    it('allows up to 200 per page', async () => {
      expect((await list({ limit: 200 })).limit).toBe(200);
    });
  });

  describe('export', () => {
    let tricky: string;
    beforeAll(async () => {
      // a title a spreadsheet would run as a formula, and one with a comma, quotes and a line break
      tricky = (
        await register({
          leadAgency: C,
          supportingAgencies: [A, B],
          agendaItems: [4, 5],
          title: '=HYPERLINK("http://evil.example","click")',
          source: '@SUM(1+1), "quoted"\nsecond line',
          text: `Follow-up on ${word}.`,
        })
      ).code;
    });
    it('CSV: every matching commitment in the order asked, safe against formulas, as an attachment', async () => {
      const res = await get('/export', {
        format: 'csv',
        q: word,
        sort: '-dueDate',
        status: 'proposed,accepted,in_progress,completed',
      }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="hld-commitments-2014-03-01.csv"');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.text.startsWith('\ufeff')).toBe(true);
      const [header, ...rows] = parseCsv(res.text.slice(1));
      expect(header).toEqual(EXPORT_HEADER);
      const listed = await list({ sort: '-dueDate', status: 'proposed,accepted,in_progress,completed', limit: 200 });
      expect(rows.map((r) => r[0])).toEqual(listed.items.map((c: { code: string }) => c.code));
      expect(rows).toHaveLength(6);
      const byCode = Object.fromEntries(rows.map((r) => [r[0], r]));
      expect(byCode[codes[1]]).toEqual([codes[1], 'Delta', A, B, '1; 2', 'proposed', '2014-01-15', 'due date passed', 'A/68/190']);
      expect(byCode[codes[3]]).toEqual([codes[3], 'Charlie', B, [A, C].sort().join('; '), '3', 'in progress', '', '', 'A/68/190']);
      expect(byCode[codes[4]].slice(5, 8)).toEqual(['completed', '2013-12-01', '']);
      expect(byCode[tricky]).toEqual([
        tricky,
        `'=HYPERLINK("http://evil.example","click")`,
        C,
        [A, B].sort().join('; '),
        '4; 5',
        'proposed',
        '',
        '',
        `'@SUM(1+1), "quoted"\nsecond line`,
      ]);
    });

    it('XLSX: the same rows in a workbook, due dates as dates', async () => {
      const res = await get('/export', { format: 'xlsx', q: word, lead: C }).buffer(true).parse(asBuffer).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe('attachment; filename="hld-commitments-2014-03-01.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      expect(workbook.subject).toBe('as of 2014-03-01T12:00:00.000Z'); // now: the moment it was made
      const sheet = workbook.getWorksheet('Commitments')!;
      const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
      expect(values(1)).toEqual(EXPORT_HEADER);
      expect(sheet.rowCount).toBe(3);
      const rows = Object.fromEntries([values(2), values(3)].map((r) => [r[0], r]));
      expect(rows[codes[4]].slice(0, 6)).toEqual([codes[4], 'Bravo', C, B, '2', 'completed']);
      expect(rows[codes[4]][6]).toEqual(new Date('2013-12-01T00:00:00Z'));
      // a text cell, never a formula
      expect(rows[tricky].slice(0, 2)).toEqual([tricky, '=HYPERLINK("http://evil.example","click")']);
    });

    it('reads every batch from one snapshot, in order, whatever the batch size', async () => {
      const exported = await api.app
        .get(QueryBus)
        .execute(new ExportCommitments({ q: word, status: ['proposed', 'accepted', 'in_progress', 'completed'] }, 'title', {}, 2));
      const rows: ExportedCommitment[] = [];
      for await (const row of exported.rows) {
        rows.push(row);
        // a change made after the export began is not in it
        if (rows.length === 1)
          await api.http.patch(`/api/v1/commitments/${codes[5]}`).set('If-Match', '"1"').send({ title: 'Zulu' }).expect(200);
      }
      expect(rows.map((r) => r.title)).toEqual([
        '=HYPERLINK("http://evil.example","click")',
        'alpha',
        'Bravo',
        'Charlie',
        'Delta',
        'Delta',
      ]);
      expect(rows.find((r) => r.code === codes[1])?.overdueReasons).toEqual(['due_date_passed']);
      await api.http.patch(`/api/v1/commitments/${codes[5]}`).set('If-Match', '"2"').send({ title: 'Delta' }).expect(200);
    });
  });
});
