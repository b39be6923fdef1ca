import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { ConfigModule, loadEnvironment } from '@hld/config';
import { Clock, type ChangeContext } from '@hld/kernel';
import { PersistenceModule } from '@hld/persistence';
import { ChangeCommitmentStatus, CommitmentsModule, RegisterCommitment, ReportProgress, SetCommitmentDueDate } from '@hld/commitments';
import { CatalogueModule, LoadCatalogue } from '@hld/catalogue';
import {
  compileSummary,
  MemorySink,
  RENDERERS,
  SummarySnapshotReader,
  writeJson,
  type AnnualSummaryJson,
  type CompiledSummary,
  type SummaryFormat,
} from '@hld/annual-summaries';
import { recreateDatabase } from '../../db/migrate.js';
import { TEST_DATABASE_URL } from '../test-environment.js';
import { aCommitment } from '../helpers/factories.js';
import { TestClock } from '../helpers/test-clock.js';

/**
 * The summary of a scripted year over the real catalogue, in a database of its own (the catalogue tests of the
 * shared test database expect to load the catalogue first). Every figure is checked against SQL written here,
 * independently of the summary's code.
 */
const DATABASE_URL = `${TEST_DATABASE_URL}_summaries`;
const AS_OF = new Date('2015-03-01T00:00:00Z');
const OTHER = 'TEST-other-a';

async function render(summary: CompiledSummary): Promise<Record<SummaryFormat, Buffer>> {
  const json = new MemorySink();
  const checksum = await writeJson(summary, json);
  const out = { json: json.bytes() } as Record<SummaryFormat, Buffer>;
  for (const [format, writer] of Object.entries(RENDERERS) as Array<[Exclude<SummaryFormat, 'json'>, (typeof RENDERERS)['md']]>) {
    const sink = new MemorySink();
    await writer(summary, checksum, sink);
    out[format] = sink.bytes();
  }
  return out;
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('Annual progress summary over the catalogue and a scripted year (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let commands: CommandBus;
  let reader: SummarySnapshotReader;
  const clock = new TestClock(new Date('2015-02-14T12:00:00Z'));
  const previousUrl = process.env.DATABASE_URL;
  const ctx: ChangeContext = { actor: { id: 'test-coordinator', role: 'coordinator', agency: null }, correlationId: 'annual-summary-test' };
  const at = async (instant: string, command: object) => {
    clock.set(instant);
    await commands.execute(command as never);
  };
  const move = (code: string, instant: string, to: string, extra: Record<string, string> = {}) =>
    at(instant, new ChangeCommitmentStatus(code, undefined, to as never, extra, ctx));

  let summary2014: CompiledSummary;
  let doc: AnnualSummaryJson;
  let files: Record<SummaryFormat, Buffer>;

  beforeAll(async () => {
    await recreateDatabase(DATABASE_URL);
    process.env.DATABASE_URL = DATABASE_URL;
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadEnvironment()), PersistenceModule, CommitmentsModule, CatalogueModule],
      providers: [SummarySnapshotReader],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = await moduleRef.init();
    db = app.get<DataSource>(getDataSourceToken());
    commands = app.get(CommandBus);
    reader = app.get(SummarySnapshotReader);

    // the catalogue, loaded (as in production) after the meetings whose reports it carries
    await commands.execute(new LoadCatalogue('db/catalogue'));
    await commands.execute(new RegisterCommitment(aCommitment({ code: OTHER, leadAgency: 'IMO', supportingAgencies: [], agendaItems: [] }), ctx));

    // a scripted year, back-dated like the catalogue's own follow-up reports
    await move('WIPO-a', '2013-11-01T10:00:00Z', 'discontinued', { reason: 'Overtaken by the HLD', category: 'overtaken_by_events' });
    await move('OHCHR-a', '2013-12-01T10:00:00Z', 'in_progress');
    await move('OHCHR-a', '2013-12-10T10:00:00Z', 'under_review');
    await move('OHCHR-a', '2013-12-20T10:00:00Z', 'completed');
    await move('UNHCR-a', '2014-01-15T10:00:00Z', 'in_progress');
    await move('ILO-a', '2014-02-10T10:00:00Z', 'accepted');
    await move('ILO-a', '2014-03-01T10:00:00Z', 'in_progress');
    await move('IOM-a', '2014-04-01T10:00:00Z', 'in_progress');
    await move('UNHCR-a', '2014-05-01T10:00:00Z', 'under_review');
    await move('UNHCR-a', '2014-06-01T10:00:00Z', 'completed');
    await move('OHCHR-a', '2014-07-01T10:00:00Z', 'in_progress', { reason: 'New evidence of detention practices' });
    await move('UNDESA-hld-d', '2014-08-01T10:00:00Z', 'discontinued', { reason: 'The HLD took place', category: 'overtaken_by_events' });
    await move('ILO-a', '2015-01-10T10:00:00Z', 'under_review'); // next year: not a change of 2014
    await at('2014-03-01T10:00:00Z', new SetCommitmentDueDate('FAO-a', undefined, '2014-06-30', ctx));
    await at('2014-03-01T10:00:00Z', new SetCommitmentDueDate('UNHCR-a', undefined, '2014-03-31', ctx));
    await at('2014-03-01T10:00:00Z', new SetCommitmentDueDate('IOM-a', undefined, '2016-01-01', ctx));
    await at('2014-03-01T10:00:00Z', new SetCommitmentDueDate(OTHER, undefined, '2014-12-31', ctx));
    const tripartite = 'ILO convened the Tripartite Technical Meeting on Labour Migration (4-8 November 2013).';
    await at('2014-02-20T10:00:00Z', new ReportProgress('ILO-a', { period: 2013, agency: 'ILO', summary: tripartite }, ctx));
    // the same words, spaced differently: "unchanged since the previous year"
    const respaced = `${tripartite.replace(' Technical ', '  Technical\n')}\n`;
    await at('2015-02-01T10:00:00Z', new ReportProgress('ILO-a', { period: 2014, agency: 'ILO', summary: respaced }, ctx));
    await at('2014-02-20T10:00:00Z', new ReportProgress('IOM-a', { period: 2013, agency: 'IOM', summary: 'IOM prepared a campaign.' }, ctx));
    await at(
      '2015-02-01T10:00:00Z',
      new ReportProgress(
        'IOM-a',
        {
          period: 2014,
          agency: 'IOM',
          summary:
            'IOM launched a global campaign to improve public perceptions of migrants, with partners in twelve countries and a toolkit for ' +
            'journalists, local authorities and schools; the campaign reached an estimated four million people through broadcast, print ' +
            'and social media, and an evaluation is planned for the second half of the year, whose results will be shared with the GMG ' +
            'and presented at the next Coordination Meeting. [Source: UN/POP/MIG-12CM/2014/15, p. 3]',
        },
        ctx,
      ),
    );

    summary2014 = compileSummary(await reader.read(2014, AS_OF));
    files = await render(summary2014);
    doc = JSON.parse(files.json.toString('utf8'));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    process.env.DATABASE_URL = previousUrl;
  });

  it('totals equal counts computed with SQL: status now, changes of the year, overdue, reports, reporting rate', async () => {
    const [{ position }] = await db.query(`SELECT max(position)::int AS position FROM events`);
    expect(doc.provenance).toEqual({ compiledAsOf: AS_OF.toISOString(), eventPosition: position, generator: expect.any(String) });

    const statuses: Array<{ status: string; n: number }> = await db.query(`SELECT status, count(*)::int AS n FROM commitment_view GROUP BY status`);
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM commitment_view`);
    expect(doc.overview.commitments).toBe(total);
    expect(total).toBe(230);
    for (const [status, n] of Object.entries(doc.overview.byStatus)) expect({ status, n }).toEqual({ status, n: statuses.find((s) => s.status === status)?.n ?? 0 });

    const [changes] = await db.query(
      `SELECT count(*) FILTER (WHERE payload->>'to' = 'accepted')::int AS "newlyAccepted",
              count(*) FILTER (WHERE payload->>'to' = 'in_progress' AND payload->>'from' IN ('proposed', 'accepted'))::int AS started,
              count(*) FILTER (WHERE payload->>'to' = 'completed')::int AS completed,
              count(*) FILTER (WHERE payload->>'to' = 'discontinued')::int AS discontinued,
              count(*) FILTER (WHERE payload->>'to' = 'in_progress' AND payload->>'from' IN ('completed', 'discontinued'))::int AS reopened
       FROM events WHERE type = 'CommitmentStatusChanged' AND occurred_at >= '2014-01-01' AND occurred_at < '2015-01-01'`,
    );
    expect(doc.overview.changesDuringYear).toEqual(changes);
    expect(changes).toEqual({ newlyAccepted: 1, started: 3, completed: 1, discontinued: 1, reopened: 1 });

    const [{ overdue }] = await db.query(
      `SELECT count(*)::int AS overdue FROM commitment_view WHERE due_date < $1 AND status NOT IN ('completed', 'discontinued')`,
      ['2015-03-01'],
    );
    expect(doc.overview.overdue).toBe(overdue);
    expect(overdue).toBe(2);

    const [{ reports }] = await db.query(`SELECT count(*)::int AS reports FROM progress_reports WHERE period = 2014`);
    expect(doc.overview.progressReports).toBe(reports);

    // owed: leads a commitment that was open at some time in 2014 (open when the year began, or moved to an open status in it)
    const owed: Array<{ agency: string }> = await db.query(
      `WITH since AS (SELECT stream_id, position, occurred_at, payload->>'from' AS from_status, payload->>'to' AS to_status
                      FROM events WHERE type = 'CommitmentStatusChanged' AND occurred_at >= '2014-01-01'),
            at_start AS (SELECT DISTINCT ON (stream_id) stream_id, from_status FROM since ORDER BY stream_id, position)
       SELECT DISTINCT c.lead_agency AS agency FROM commitment_view c LEFT JOIN at_start s ON s.stream_id = c.id
       WHERE coalesce(s.from_status, c.status) NOT IN ('completed', 'discontinued')
          OR EXISTS (SELECT 1 FROM since x WHERE x.stream_id = c.id AND x.occurred_at < '2015-01-01' AND x.to_status NOT IN ('completed', 'discontinued'))`,
    );
    const reported: Array<{ agency: string }> = await db.query(`SELECT DISTINCT agency FROM progress_reports WHERE period = 2014`);
    const reportedSet = new Set(reported.map((r) => r.agency));
    const owedAgencies = owed.map((o) => o.agency);
    expect(doc.overview.reporting.owed).toBe(owedAgencies.length);
    expect(doc.overview.reporting.reported).toBe(owedAgencies.filter((a) => reportedSet.has(a)).length);
    expect(doc.overview.reporting.notReported).toEqual(sorted(owedAgencies.filter((a) => !reportedSet.has(a))));
    expect(doc.overview.reporting.percent).toBe(Math.round((1000 * doc.overview.reporting.reported) / doc.overview.reporting.owed) / 10);
    // WIPO's only commitment was discontinued in 2013: it owed nothing for 2014
    expect(owedAgencies).not.toContain('WIPO');
    expect(doc.overview.reporting.notReported).not.toContain('WIPO');
    expect(doc.overview.reporting.notReported).toContain('WMO');
  });

  it('has one section per agenda item, 1 to 8 in order, then "other recommendations", each listing exactly the expected codes', async () => {
    expect(doc.agendaItems.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null]);
    for (const section of doc.agendaItems) {
      const member = section.number === null ? `cardinality(c.agenda_items) = 0` : `${section.number} = ANY(c.agenda_items)`;
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM commitment_view c WHERE ${member}`);
      const reports: Array<{ id: string }> = await db.query(
        `SELECT p.id FROM progress_reports p JOIN commitment_view c ON c.id = p.commitment_id WHERE p.period = 2014 AND ${member}`,
      );
      const completed: Array<{ code: string }> = await db.query(
        `SELECT c.code FROM events e JOIN commitment_view c ON c.id = e.stream_id
         WHERE e.type = 'CommitmentStatusChanged' AND e.payload->>'to' = 'completed'
           AND e.occurred_at >= '2014-01-01' AND e.occurred_at < '2015-01-01' AND ${member}`,
      );
      const overdue: Array<{ code: string }> = await db.query(
        `SELECT c.code FROM commitment_view c WHERE c.due_date < '2015-03-01' AND c.status NOT IN ('completed', 'discontinued') AND ${member}`,
      );
      const label = section.number ?? 'other';
      expect({ label, n: section.commitments }).toEqual({ label, n });
      expect({ label, reports: sorted(section.progress.flatMap((p) => p.statements.map((s) => s.citation.reportId))) }).toEqual({
        label,
        reports: sorted(reports.map((r) => r.id)),
      });
      expect({ label, completed: section.completed.map((c) => c.commitmentCode) }).toEqual({ label, completed: sorted(completed.map((c) => c.code)) });
      expect({ label, overdue: section.overdue.map((c) => c.commitmentCode) }).toEqual({ label, overdue: sorted(overdue.map((c) => c.code)) });
      // grouped by agency, in agency order, each statement citing its commitment code and report
      expect(section.progress.map((p) => p.agency)).toEqual(sorted(new Set(section.progress.map((p) => p.agency))));
    }
    const [item1, , , item4, item5, item6, , item8, other] = doc.agendaItems;
    expect(item1.completed.map((c) => c.commitmentCode)).toEqual(['UNHCR-a']);
    expect(item4.completed[0]).toMatchObject({ commitmentCode: 'UNHCR-a', leadAgency: 'UNHCR', statusNow: 'completed', citation: { date: '2014-06-01' } });
    expect(item6.overdue.map((c) => c.commitmentCode)).toEqual(['FAO-a']);
    expect(item6.overdue[0]).toMatchObject({ leadAgency: 'FAO', dueDate: '2014-06-30', status: 'proposed', reasons: ['due_date_passed'] });
    expect(other).toMatchObject({ number: null, title: 'Other recommendations', commitments: 1 });
    expect(other.overdue.map((c) => c.commitmentCode)).toEqual([OTHER]);

    const ilo = item8.progress.find((p) => p.agency === 'ILO')!.statements.find((s) => s.citation.commitmentCode === 'ILO-a')!;
    expect(ilo).toMatchObject({ unchangedSincePreviousYear: true, excerptIsWholeText: true, citation: { agency: 'ILO', date: '2015-02-01', document: null } });
    const iom = item5.progress.find((p) => p.agency === 'IOM')!.statements.find((s) => s.citation.commitmentCode === 'IOM-a')!;
    expect(iom).toMatchObject({ unchangedSincePreviousYear: false, excerptIsWholeText: false, citation: { document: 'UN/POP/MIG-12CM/2014/15' } });
    const full = doc.annex.progressReports.find((r) => r.reportId === iom.citation.reportId)!;
    expect(iom.excerpt.endsWith(' …')).toBe(true);
    expect(full.text.startsWith(iom.excerpt.slice(0, -2))).toBe(true); // a faithful prefix of the full text in the annex
    expect(full.text).toMatch(/Coordination Meeting\.$/);
  });

  it('has a table per agency and an annex of every commitment', async () => {
    const wipo = doc.agencies.find((a) => a.code === 'WIPO')!;
    expect(wipo).toMatchObject({ led: 1, supported: 0, owed: false, reports: 0 });
    const ilo = doc.agencies.find((a) => a.code === 'ILO')!;
    const iloA = ilo.commitments.find((c) => c.commitmentCode === 'ILO-a')!;
    expect(iloA).toMatchObject({ role: 'lead', status: 'under_review', reported: true });
    expect(iloA.statusChanges.map((c) => [c.from, c.to, c.citation.date])).toEqual([
      ['proposed', 'accepted', '2014-02-10'],
      ['accepted', 'in_progress', '2014-03-01'],
    ]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM commitment_view`);
    expect(doc.annex.commitments).toHaveLength(n);
    const codes: Array<{ code: string }> = await db.query(`SELECT code FROM commitment_view`);
    expect(doc.annex.commitments.map((c) => c.code)).toEqual(sorted(codes.map((c) => c.code)));
    expect(doc.annex.commitments.find((c) => c.code === 'FAO-a')).toEqual({
      code: 'FAO-a',
      title: expect.any(String),
      leadAgency: 'FAO',
      status: 'proposed',
      lastReportPeriod: null,
      overdue: true,
    });
  });

  it('checksums the JSON without its checksum member, and renders the same numbers in every format', async () => {
    const { checksum, ...content } = doc;
    expect(checksum).toBe(`sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`);
    expect(files.json.toString('utf8')).toBe(JSON.stringify(doc)); // the file is exactly JSON.stringify of the document

    const md = files.md.toString('utf8');
    const html = files.html.toString('utf8');
    const documentXml = strFromU8(unzipSync(new Uint8Array(files.docx))['word/document.xml']);
    const overview = `As at 2015-03-01, the tracker recorded 230 commitments: ${doc.overview.byStatus.proposed} proposed`;
    const changes = 'During 2014, 1 commitment was newly accepted, 3 started, 1 completed and 1 discontinued; 1 was reopened.';
    const rate = `${doc.overview.reporting.reported} of the ${doc.overview.reporting.owed} agencies that led a commitment open during 2014 reported progress for 2014 (reporting rate ${doc.overview.reporting.percent!.toFixed(1)} per cent).`;
    for (const [format, text] of [['md', md], ['html', html], ['docx', documentXml]]) {
      for (const sentence of [overview, changes, rate, checksum]) expect({ format, found: text.includes(sentence) }).toEqual({ format, found: true });
    }
    expect(md).toMatch(/^1\. As at 2015-03-01/m);
    expect(md).toContain('*(unchanged since 2013)*');
    expect(md).toContain(`\\[Source: IOM-a; progress report ${doc.annex.progressReports.find((r) => r.commitmentCode === 'IOM-a')!.reportId}, IOM, 2015-02-01; UN/POP/MIG-12CM/2014/15\\]`);
    // the paragraph numbers are the same in HTML as in Markdown
    const mdNumbers = [...md.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    const htmlNumbers = [...html.matchAll(/<span class="number">(\d+)\.<\/span>/g)].map((m) => Number(m[1]));
    expect(htmlNumbers).toEqual(mdNumbers);
    expect(mdNumbers).toEqual(mdNumbers.map((_, i) => i + 1));
    // a status chart per agenda item (and for the other recommendations, which have one commitment)
    expect(html.match(/<svg class="chart"/g)).toHaveLength(9);
  });

  it('gives a DOCX that opens, with the headings, numbered paragraphs, sources and annex rows', () => {
    const parts = unzipSync(new Uint8Array(files.docx));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml']));
    const xml = strFromU8(parts['word/document.xml']);
    for (const section of doc.agendaItems) {
      const heading = section.number === null ? 'Other recommendations' : `Agenda item ${section.number}: ${section.title}`;
      expect(xml).toContain(`<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">${heading}</w:t>`);
    }
    expect(xml).toContain('Annex I. Commitments as at 2015-03-01');
    expect(xml).toContain('<w:pStyle w:val="UNParagraph"/></w:pPr><w:r><w:t xml:space="preserve">1.</w:t></w:r><w:r><w:tab/></w:r>');
    expect(xml).toContain('UN/POP/MIG-12CM/2014/15'); // document symbols cited as sources
    // annex rows: one per commitment after the header row, whose cells are code, title, lead, status, period, overdue
    const annex = xml.slice(xml.indexOf('Annex I. Commitments'), xml.indexOf('Annex II.'));
    expect(annex.match(/<w:tr>/g)).toHaveLength(doc.annex.commitments.length + 1);
    expect(annex).toMatch(/<w:t xml:space="preserve">FAO-a<\/w:t>.*?<w:t xml:space="preserve">FAO<\/w:t>.*?proposed.*?<w:t xml:space="preserve">yes<\/w:t>/);
    expect(strFromU8(parts['word/footer1.xml'])).toMatch(/PAGE/);
    expect(strFromU8(parts['word/styles.xml'])).toContain('w:styleId="UNParagraph"');
  });

  it('gives CSV and XLSX of the annex with one row per commitment', async () => {
    const lines = files.csv.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Code,Title,Lead agency,Status,Last report period,Overdue');
    expect(lines).toHaveLength(doc.annex.commitments.length + 1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files.xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Commitments')!;
    expect(sheet.actualRowCount - 1).toBe(doc.annex.commitments.length);
    const fao = doc.annex.commitments.findIndex((c) => c.code === 'FAO-a');
    expect(sheet.getRow(fao + 2).values).toEqual([undefined, 'FAO-a', doc.annex.commitments[fao].title, 'FAO', 'proposed', undefined, 'yes']);
    expect(lines[fao + 1]).toMatch(/^FAO-a,.*,FAO,proposed,,yes$/);
    expect(workbook.getWorksheet('Progress reports')!.actualRowCount - 1).toBe(doc.annex.progressReports.length);
  });

  it('gives byte-identical JSON and Markdown for the same data, position and instant', async () => {
    const again = await render(compileSummary(await reader.read(2014, AS_OF)));
    expect(again.json.equals(files.json)).toBe(true);
    expect(again.md.equals(files.md)).toBe(true);
    expect(again.html.equals(files.html)).toBe(true);
    expect(again.docx.equals(files.docx)).toBe(true);
    expect(again.csv.equals(files.csv)).toBe(true);
  });

  it('reads one snapshot: writes committed while it reads do not tear the numbers', async () => {
    const [{ position: before }] = await db.query(`SELECT max(position)::int AS position FROM events`);
    const [{ open: openBefore }] = await db.query(`SELECT count(*)::int AS open FROM commitment_view WHERE status = 'in_progress'`);
    // hold the summary after it has taken its snapshot (its first statement) and before it reads the rest
    const blocker = db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE agenda_items IN ACCESS EXCLUSIVE MODE');
    const reading = reader.read(2014, AS_OF);
    try {
      for (let i = 0; i < 100; i += 1) {
        const [{ waiting }] = await db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM agenda_items%'`,
        );
        if (waiting > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // meanwhile, commands commit: a start, a report, a completion chain
      await move('WMO-a', '2014-09-01T10:00:00Z', 'in_progress');
      await move('WMO-b', '2014-09-01T10:00:00Z', 'in_progress');
      await at('2015-02-02T10:00:00Z', new ReportProgress('WMO-a', { period: 2014, agency: 'WMO', summary: 'WMO reported.' }, ctx));
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const torn = compileSummary(await reading);
    expect(torn.body.provenance.eventPosition).toBe(before);
    expect(torn.body.overview.byStatus.in_progress).toBe(openBefore);
    expect(torn.body.overview.changesDuringYear).toEqual(doc.overview.changesDuringYear);
    expect(torn.body.overview.progressReports).toBe(doc.overview.progressReports);
    expect(torn.body.overview.reporting.notReported).toContain('WMO');

    const fresh = compileSummary(await reader.read(2014, AS_OF));
    expect(fresh.body.provenance.eventPosition).toBe(before + 3);
    expect(fresh.body.overview.byStatus.in_progress).toBe(openBefore + 2);
    expect(fresh.body.overview.changesDuringYear.started).toBe(doc.overview.changesDuringYear.started + 2);
    expect(fresh.body.overview.reporting.notReported).not.toContain('WMO');
  });

  it('compiles 2015 too: that year\'s changes, and reports flagged against 2014', async () => {
    const summary = compileSummary(await reader.read(2015, new Date('2016-03-01T00:00:00Z')));
    expect(summary.body.year).toBe(2015);
    expect(summary.body.overview.changesDuringYear).toEqual({ newlyAccepted: 0, started: 0, completed: 0, discontinued: 0, reopened: 0 });
    const [{ reports }] = await db.query(`SELECT count(*)::int AS reports FROM progress_reports WHERE period = 2015`);
    expect(summary.body.overview.progressReports).toBe(reports);
    const iloA = summary.body.agencies.find((a) => a.code === 'ILO')!.commitments.find((c) => c.commitmentCode === 'ILO-a')!;
    expect(iloA.statusChanges.map((c) => c.to)).toEqual(['under_review']);
  });
});
