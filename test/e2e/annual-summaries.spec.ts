import { createHash } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { ANNUAL_SUMMARIES_QUEUE, SummaryJobReconciler, type AnnualSummaryJson } from '@hld/annual-summaries';
import { recreateDatabase } from '../../db/migrate.js';
import { TEST_DATABASE_URL } from '../test-environment.js';
import { startTestApi, type Agent, type TestApi } from '../helpers/test-api.js';
import { TestClock } from '../helpers/test-clock.js';
import { asBuffer } from '../helpers/downloads.js';
import { startSummariesWorker, summaryFinished } from '../helpers/test-worker.js';

/** Its own database: the catalogue is loaded here, and the catalogue tests of the shared database load it first. */
const DATABASE_URL = `${TEST_DATABASE_URL}_summaries_api`;

/** Downloads a binary body as a Buffer. */
const binary = (agent: Agent, path: string) => agent.get(path).buffer(true).parse(asBuffer);

describe('Annual summaries API (real PostgreSQL, Redis and an in-process worker)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let queue: Queue;
  const clock = new TestClock(new Date('2015-02-14T12:00:00Z'));
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    await recreateDatabase(DATABASE_URL);
    process.env.DATABASE_URL = DATABASE_URL;
    api = await startTestApi(clock);
    worker = await startSummariesWorker(clock);
    queue = api.app.get<Queue>(getQueueToken(ANNUAL_SUMMARIES_QUEUE));
  }, 60_000);

  afterAll(async () => {
    await queue?.resume();
    await worker?.close();
    await api?.close();
    process.env.DATABASE_URL = previousUrl;
  });

  it.each([2014, 2015])('lets a coordinator produce the %i summary from the catalogue and download it in every format', async (year) => {
    const requested = await api.http.post('/api/v1/annual-summaries').send({ year }).expect(202);
    expect(requested.headers.location).toMatch(new RegExp(`^/api/v1/annual-summaries/${year}/\\d+$`));
    expect(requested.body).toMatchObject({
      year,
      status: expect.stringMatching(/^(queued|running|done)$/),
      trigger: 'on_demand',
      requestedBy: api.coordinator.user.id,
    });

    const done = await summaryFinished(api.http, requested.headers.location);
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      attempts: 1,
      compiledAsOf: clock.now().toISOString(),
      checksum: expect.stringMatching(/^sha256:/),
    });
    const list = await api.http.get(`/api/v1/annual-summaries/${year}`).expect(200);
    expect(list.body.items.map((v: { version: number; status: string }) => [v.version, v.status])).toContainEqual([done.version, 'done']);

    const path = `/api/v1/annual-summaries/${year}/${done.version}`;
    const json = await api.http.get(`${path}.json`).expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.headers['content-disposition']).toBe(`attachment; filename="hld-annual-summary-${year}-v${done.version}.json"`);
    const doc: AnnualSummaryJson = json.body;
    const { checksum, ...content } = doc;
    expect(checksum).toBe(done.checksum);
    expect(checksum).toBe(`sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`);
    expect(doc.provenance.eventPosition).toBe(done.eventPosition);
    expect(doc.overview.commitments).toBe(229);
    const [{ reports }] = await api.db.query('SELECT count(*)::int AS reports FROM progress_reports WHERE period = $1', [year]);
    expect(doc.overview.progressReports).toBe(reports);

    const md = await api.http.get(`${path}.md`).expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toContain(`# Annual progress summary ${year}`);
    expect(md.text).toContain(checksum);
    const html = await api.http.get(`${path}.html`).expect(200);
    expect(html.text).toContain('<svg class="chart"');
    const docx = await binary(api.http, `${path}.docx`).expect(200);
    const documentXml = strFromU8(unzipSync(new Uint8Array(docx.body))['word/document.xml']);
    expect(documentXml).toContain('Agenda item 8: Enhance migration partnerships and cooperation');
    expect(docx.headers.etag).toBe(`"${createHash('sha256').update(docx.body).digest('hex')}"`);
    const csv = await api.http.get(`${path}.csv`).expect(200);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^# Title: Annual progress summary /); // the provenance first, as comment lines
    expect(lines.filter((line) => !line.startsWith('# '))).toHaveLength(230);
    const xlsx = await binary(api.http, `${path}.xlsx`).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.getWorksheet('Commitments')!.actualRowCount).toBe(230);

    // sources cited by document and place, never by a line of the catalogue's text files
    const xmlParts = (zip: Buffer) =>
      Object.entries(unzipSync(new Uint8Array(zip)))
        .filter(([name]) => /\.(xml|rels)$/.test(name))
        .map(([, bytes]) => strFromU8(bytes))
        .join('\n');
    for (const [format, text] of Object.entries({
      json: JSON.stringify(doc),
      md: md.text,
      html: html.text,
      docx: xmlParts(docx.body),
      csv: csv.text,
      xlsx: xmlParts(xlsx.body),
    })) {
      expect({ format, cites: /\b\d{3} l\. \d/.exec(text)?.[0] ?? null }).toEqual({ format, cites: null });
    }
    const notes = [...md.text.matchAll(/^\[\^\d+\]: (.*)$/gm)].map((m) => m[1]).filter((note) => note.includes('progress report of'));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note).toMatch(
        /^(Twelfth Coordination Meeting on International Migration, ESA\/P\/WP\.237, .*sects?\. [IVX]+( and [IVX]+)?|Thirteenth Coordination Meeting on International Migration \(United Nations Population Division, 2015\), pp?\. \d+[–\d and]*); progress report of [A-Z]+, /,
      );
    }
    if (year === 2015) expect(notes.every((note) => /, pp?\. \d/.test(note))).toBe(true); // all from the 13th meeting's report

    // the coordinators were told: a summary_ready notice each in the ledger, recorded in the transaction that
    // made the version visible, for the reminders worker to deliver
    const [{ id }] = await api.db.query('SELECT id FROM annual_summaries WHERE year = $1 AND version = $2', [year, done.version]);
    const notices = await api.db.query(
      `SELECT recipient_id, kind, subject, status, link, body_text FROM notifications WHERE dedupe_key LIKE $1`,
      [`summary-ready-${id}|%`],
    );
    expect(notices).toContainEqual({
      recipient_id: api.coordinator.user.id,
      kind: 'summary_ready',
      subject: `The ${year} annual progress summary is ready (version ${done.version})`,
      status: 'pending',
      // the web app's page of the year's summaries, in the inbox and in the email; never the API's address
      link: `/annual-summaries/${year}`,
      body_text: expect.stringMatching(new RegExp(`Download it: http://[^/\\s]+/annual-summaries/${year}\n`)),
    });
  });

  it("describes 2014 as at 31 December 2014: its overdue count is the API's as of then, no later date in its body, Word numbering and footnotes", async () => {
    const compile = async (year: number) => {
      const requested = await api.http.post('/api/v1/annual-summaries').send({ year }).expect(202);
      const done = await summaryFinished(api.http, requested.headers.location);
      return `/api/v1/annual-summaries/${year}/${done.version}`;
    };
    const path = await compile(2014);
    const doc: AnnualSummaryJson = (await api.http.get(`${path}.json`).expect(200)).body;
    expect(doc.provenance).toMatchObject({ asAt: '2014-12-31T23:59:59.999Z', recordedBy: clock.now().toISOString() });
    // overdue at the cut-off, as the commitments list answers it for the same instant, at the same log position
    const [{ position }] = await api.db.query('SELECT max(position)::int AS position FROM events');
    expect(doc.provenance.eventPosition).toBe(position);
    const overdue = await api.http.get('/api/v1/commitments').query({ overdue: true, asOf: '2014-12-31T23:59:59.999Z' }).expect(200);
    expect(doc.overview.overdue).toBe(overdue.body.total);
    expect(doc.annex.commitments.filter((c) => c.overdue).length).toBe(overdue.body.total);

    // no date after the cut-off in the body: the Markdown's sections and the DOCX's text, up to the annexes (the
    // reports on 2014, given in 2015, are dated in the notes and the annex)
    const laterDate =
      /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:201[5-9]|20[2-9]\d)\b/;
    const md = (await api.http.get(`${path}.md`).expect(200)).text;
    const mdBody = md.slice(0, md.indexOf('## Annex I.')).replace(/^\[\^\d+\]: .*$/gm, '');
    expect(laterDate.exec(mdBody)?.[0] ?? null).toBeNull();
    const docx = unzipSync(new Uint8Array((await binary(api.http, `${path}.docx`).expect(200)).body));
    const documentXml = strFromU8(docx['word/document.xml']);
    expect(laterDate.exec(documentXml.slice(0, documentXml.indexOf('Annex I.')))?.[0] ?? null).toBeNull();
    expect(documentXml).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    // the paragraph numbering is Word's own (numbering.xml), the sources are Word footnotes
    expect(documentXml).toContain('<w:numPr>');
    expect(strFromU8(docx['word/numbering.xml'])).toMatch(/<w:abstractNum [^>]*>[^]*<w:numFmt w:val="decimal"\/>/);
    expect(strFromU8(docx['word/footnotes.xml'])).toMatch(
      /Coordination Meeting on International Migration[^<]*; progress report of [A-Z]+, /,
    );

    // the annexes (CSV) of 2014 and 2015 differ: each is the commitments as at its own year's end
    const rows = async (p: string) => (await api.http.get(`${p}.csv`).expect(200)).text.split('\r\n').filter((l) => !l.startsWith('# '));
    const [rows2014, rows2015] = [await rows(path), await rows(await compile(2015))];
    expect(rows2014[0]).toBe(rows2015[0]); // the same columns
    expect(rows2014).not.toEqual(rows2015);
  });

  it('compiles a year as the tracker knew things at a recorded instant given in the request, never a future one', async () => {
    const knownAt = '2015-02-01T00:00:00.000Z';
    const requested = await api.http.post('/api/v1/annual-summaries').send({ year: 2014, knownAt }).expect(202);
    expect(requested.body.knownAt).toBe(knownAt);
    const done = await summaryFinished(api.http, requested.headers.location);
    expect(done).toMatchObject({ status: 'done', knownAt });
    const doc: AnnualSummaryJson = (await api.http.get(`${requested.headers.location}.json`).expect(200)).body;
    expect(doc.provenance).toMatchObject({
      asAt: '2014-12-31T23:59:59.999Z',
      recordedBy: knownAt,
      compiledAsOf: clock.now().toISOString(),
    });
    // the catalogue was loaded on 14 February 2015: on 1 February the tracker knew none of it
    expect(doc.overview.commitments).toBe(0);
    const future = await api.http.post('/api/v1/annual-summaries').send({ year: 2014, knownAt: '2099-01-01T00:00:00Z' }).expect(422);
    expect(future.headers['content-type']).toMatch(/^application\/problem\+json/);
    const bad = await api.http.post('/api/v1/annual-summaries').send({ year: 2014, knownAt: 'yesterday' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('knownAt');
  });

  it("compiles a year once, automatically, when its reporting cycle's summary date has come", async () => {
    await api.http.post('/api/v1/reporting-cycles').send({ year: 2016, opensAt: '2016-11-01', summaryDate: '2017-03-01' }).expect(201);
    const reconciler = worker.get(SummaryJobReconciler);
    clock.set('2017-02-28T12:00:00Z');
    expect(await reconciler.requestScheduledSummaries()).toBe(0);
    clock.set('2017-03-01T06:00:00Z');
    expect(await reconciler.requestScheduledSummaries()).toBe(1);
    expect(await reconciler.requestScheduledSummaries()).toBe(0); // once
    const versions = (await api.http.get('/api/v1/annual-summaries/2016').expect(200)).body.items;
    expect(versions).toEqual([expect.objectContaining({ year: 2016, trigger: 'scheduled' })]);
    await summaryFinished(api.http, `/api/v1/annual-summaries/2016/${versions[0].version}`);
    clock.set('2015-02-14T12:00:00Z');
  });

  it('keeps every version: compiling again adds a version and leaves the first one as it was', async () => {
    const versions: Array<{ version: number }> = (await api.http.get('/api/v1/annual-summaries/2014').expect(200)).body.items;
    const [first] = versions;
    const firstJson = await binary(api.http, `/api/v1/annual-summaries/2014/${first.version}.json`).expect(200);
    clock.set('2015-02-20T12:00:00Z');
    const again = await api.http.post('/api/v1/annual-summaries').send({ year: 2014 }).expect(202);
    const second = await summaryFinished(api.http, again.headers.location);
    expect(second.version).toBe(Math.max(...versions.map((v) => v.version)) + 1);
    const stillFirst = await binary(api.http, `/api/v1/annual-summaries/2014/${first.version}.json`).expect(200);
    expect(stillFirst.body.equals(firstJson.body)).toBe(true);
    await expect(
      api.db.query(
        `UPDATE annual_summaries SET progress = 1 WHERE id = (SELECT id FROM annual_summaries WHERE year = 2014 AND version = 1)`,
      ),
    ).rejects.toThrow(/done and cannot change/);
  });

  it('makes ONE job of a hundred requests for the same year while it waits', async () => {
    await queue.pause();
    try {
      const answers = await Promise.all(Array.from({ length: 100 }, () => api.http.post('/api/v1/annual-summaries').send({ year: 2013 })));
      expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]));
      expect(new Set(answers.map((a) => a.headers.location)).size).toBe(1);
      const [{ versions }] = await api.db.query(`SELECT count(*)::int AS versions FROM annual_summaries WHERE year = 2013`);
      expect(versions).toBe(1);
      const jobs = (await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized'])).filter((j) => j.data?.year === 2013);
      expect(jobs).toHaveLength(1);
      expect(jobs[0].id).not.toContain(':');
      const view = await api.http.get(answers[0].headers.location).expect(200);
      expect(view.body.status).toBe('queued');
      // not downloadable yet
      const early = await api.http.get(`${answers[0].headers.location}.json`).expect(409);
      expect(early.body).toMatchObject({ code: 'SUMMARY_NOT_READY', status: 409 });
    } finally {
      await queue.resume();
    }
    const done = await summaryFinished(
      api.http,
      (await api.http.get('/api/v1/annual-summaries/2013').expect(200)).body.items[0].links.self,
    );
    expect(done.status).toBe('done');
  });

  it('refuses bad years, unknown versions and formats, and requests by anyone but coordinators and admins', async () => {
    for (const year of [2012, 2017]) {
      const res = await api.http.post('/api/v1/annual-summaries').send({ year }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'INVALID_SUMMARY_YEAR',
        errors: [{ field: 'year', message: 'must be a year from 2013 to 2016' }],
      });
    }
    await api.http.post('/api/v1/annual-summaries').send({ year: '2014' }).expect(400);
    await api.http.post('/api/v1/annual-summaries').send({ year: 2014, extra: true }).expect(400);
    expect((await api.http.get('/api/v1/annual-summaries/20x4').expect(400)).body.code).toBe('INVALID_SUMMARY_YEAR');
    expect((await api.http.get('/api/v1/annual-summaries/2014/99').expect(404)).body.code).toBe('SUMMARY_VERSION_NOT_FOUND');
    expect((await api.http.get('/api/v1/annual-summaries/2014/99.json').expect(404)).body.code).toBe('SUMMARY_VERSION_NOT_FOUND');
    expect((await api.http.get('/api/v1/annual-summaries/2014/1.pdf').expect(404)).body.code).toBe('SUMMARY_FORMAT_NOT_FOUND');
    expect((await api.http.get('/api/v1/annual-summaries/2014/first').expect(404)).body.code).toBe('SUMMARY_VERSION_NOT_FOUND');

    const before = (await api.db.query('SELECT count(*)::int AS n FROM annual_summaries'))[0].n;
    const focalPoint = await api.signIn('focal_point', 'ILO');
    const viewer = await api.signIn('viewer');
    for (const who of [focalPoint, viewer]) {
      const refused = await who.http.post('/api/v1/annual-summaries').send({ year: 2014 }).expect(403);
      expect(refused.body.status).toBe(403);
      // but they read and download
      const list = await who.http.get('/api/v1/annual-summaries/2014').expect(200);
      await who.http.get(`${list.body.items[0].links.self}.md`).expect(200);
    }
    const admin = await api.signIn('admin');
    const byAdmin = await admin.http.post('/api/v1/annual-summaries').send({ year: 2015 }).expect(202);
    await summaryFinished(api.http, byAdmin.headers.location);
    await api.anonymous.get('/api/v1/annual-summaries/2014').expect(401);
    expect((await api.db.query('SELECT count(*)::int AS n FROM annual_summaries'))[0].n).toBe(before + 1);
  });
});
