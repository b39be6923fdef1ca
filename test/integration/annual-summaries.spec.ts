import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
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
/** Registered in 2015: not in the 2014 summary. */
const LATER = 'TEST-later-a';
const CUT_OFF = '2014-12-31T23:59:59.999Z';
/** The commitments as at the 2014 summary's cut-off, as known now, written here independently of the summary's code. */
const AT_CUT_OFF = `(SELECT commitment_id AS id, * FROM commitment_versions
  WHERE recorded_to IS NULL AND effective_from <= '${CUT_OFF}' AND (effective_to IS NULL OR effective_to > '${CUT_OFF}'))`;

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

/** The XML parts of a package that are not well-formed or use an undeclared namespace prefix, with the first error of each. */
function malformedParts(zip: Buffer): Record<string, string> {
  const malformed: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(zip)))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (error) => {
      malformed[name] ??= error.message;
    });
    parser.write(strFromU8(bytes)).close();
  }
  return malformed;
}

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
    await at(
      '2014-01-05T10:00:00Z',
      new RegisterCommitment(aCommitment({ code: OTHER, leadAgency: 'IMO', supportingAgencies: [], agendaItems: [] }), ctx),
    );
    await at(
      '2015-02-14T12:00:00Z',
      new RegisterCommitment(aCommitment({ code: LATER, leadAgency: 'IMO', supportingAgencies: [], agendaItems: [] }), ctx),
    );
    // the 2014 reporting cycle: reports on 2014 recorded after its deadline are "reported late"
    await db.query(
      `INSERT INTO reporting_cycles (year, id, opens_at, deadline, time_zone, reminder_offsets_days, version, updated_at)
       VALUES (2014, gen_random_uuid(), '2014-11-01T00:00:00Z', '2015-02-20T00:00:00Z', 'UTC', '{}', 1, now())`,
    );

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
    // completed in 2015: still in progress as at 31 December 2014
    await move('OHCHR-a', '2015-01-05T10:00:00Z', 'under_review');
    await move('OHCHR-a', '2015-01-06T10:00:00Z', 'completed');
    await at('2014-03-01T10:00:00Z', new SetCommitmentDueDate('FAO-a', undefined, '2014-06-30', ctx));
    await at('2014-03-01T10:00:00Z', new SetCommitmentDueDate('UNHCR-a', undefined, '2014-03-31', ctx));
    await at('2014-03-01T10:00:00Z', new SetCommitmentDueDate('IOM-a', undefined, '2016-01-01', ctx));
    await at('2014-03-01T10:00:00Z', new SetCommitmentDueDate(OTHER, undefined, '2014-12-30', ctx));
    const tripartite = 'ILO convened the Tripartite Technical Meeting on Labour Migration (4-8 November 2013).';
    await at('2014-02-20T10:00:00Z', new ReportProgress('ILO-a', { period: 2013, agency: 'ILO', summary: tripartite }, ctx));
    // the same words, spaced differently: "unchanged since the previous year"
    const respaced = `${tripartite.replace(' Technical ', '  Technical\n')}\n`;
    await at('2015-02-01T10:00:00Z', new ReportProgress('ILO-a', { period: 2014, agency: 'ILO', summary: respaced }, ctx));
    await at(
      '2014-02-20T10:00:00Z',
      new ReportProgress('IOM-a', { period: 2013, agency: 'IOM', summary: 'IOM prepared a campaign.' }, ctx),
    );
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

    // a due date set in 2015 does not enter the 2014 summary
    await at('2015-02-02T10:00:00Z', new SetCommitmentDueDate('ILO-a', undefined, '2026-11-20', ctx));
    // a report on 2014 recorded after the cycle's deadline
    await at(
      '2015-02-25T10:00:00Z',
      new ReportProgress('UNHCR-a', { period: 2014, agency: 'UNHCR', summary: 'UNHCR reported late.' }, ctx),
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
    expect(doc.provenance).toEqual({
      asAt: CUT_OFF,
      recordedBy: AS_OF.toISOString(),
      compiledAsOf: AS_OF.toISOString(),
      eventPosition: position,
      generator: expect.any(String),
    });

    const statuses: Array<{ status: string; n: number }> = await db.query(
      `SELECT status, count(*)::int AS n FROM ${AT_CUT_OFF} v GROUP BY status`,
    );
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM ${AT_CUT_OFF} v`);
    expect(doc.overview.commitments).toBe(total);
    expect(total).toBe(230);
    for (const [status, n] of Object.entries(doc.overview.byStatus))
      expect({ status, n }).toEqual({ status, n: statuses.find((s) => s.status === status)?.n ?? 0 });

    const [changes] = await db.query(
      `SELECT count(*) FILTER (WHERE payload->>'to' = 'accepted')::int AS "newlyAccepted",
              count(*) FILTER (WHERE payload->>'to' = 'in_progress' AND payload->>'from' IN ('proposed', 'accepted'))::int AS started,
              count(*) FILTER (WHERE payload->>'to' = 'completed')::int AS completed,
              count(*) FILTER (WHERE payload->>'to' = 'discontinued')::int AS discontinued,
              count(*) FILTER (WHERE payload->>'to' = 'in_progress' AND payload->>'from' IN ('completed', 'discontinued'))::int AS reopened
       FROM events WHERE type = 'CommitmentStatusChanged' AND effective_at >= '2014-01-01' AND effective_at < '2015-01-01'`,
    );
    expect(doc.overview.changesDuringYear).toEqual(changes);
    expect(changes).toEqual({ newlyAccepted: 1, started: 3, completed: 1, discontinued: 1, reopened: 1 });

    const [{ overdue }] = await db.query(
      `SELECT count(*)::int AS overdue FROM ${AT_CUT_OFF} v WHERE due_date < $1 AND status NOT IN ('completed', 'discontinued')`,
      ['2014-12-31'],
    );
    expect(doc.overview.overdue).toBe(overdue);
    expect(overdue).toBe(2);

    const [{ reports }] = await db.query(`SELECT count(*)::int AS reports FROM progress_reports WHERE period = 2014`);
    expect(doc.overview.progressReports).toBe(reports);

    // owed: leads a commitment that was open at some time in 2014 (open when the year began, or moved to an open status in it)
    const owed: Array<{ agency: string }> = await db.query(
      `WITH since AS (SELECT stream_id, position, effective_at, payload->>'from' AS from_status, payload->>'to' AS to_status
                      FROM events WHERE type = 'CommitmentStatusChanged' AND effective_at >= '2014-01-01' AND effective_at < '2015-01-01'),
            at_start AS (SELECT DISTINCT ON (stream_id) stream_id, from_status FROM since ORDER BY stream_id, effective_at, position)
       SELECT DISTINCT c.lead_agency AS agency FROM ${AT_CUT_OFF} c LEFT JOIN at_start s ON s.stream_id = c.id
       WHERE coalesce(s.from_status, c.status) NOT IN ('completed', 'discontinued')
          OR EXISTS (SELECT 1 FROM since x WHERE x.stream_id = c.id AND x.effective_at < '2015-01-01' AND x.to_status NOT IN ('completed', 'discontinued'))`,
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

  it('describes the world as at 31 December 2014: nothing effective after it enters, reports dated by the agency, late ones marked', async () => {
    const annex = doc.annex.commitments;
    // completed (effective) in 2015: not completed in the 2014 summary; registered in 2015: absent
    expect(annex.find((c) => c.code === 'OHCHR-a')?.status).toBe('in_progress');
    expect(annex.some((c) => c.code === LATER)).toBe(false);
    expect(annex.some((c) => c.code === OTHER)).toBe(true);
    // the due date set in 2015 is nowhere
    expect(files.json.toString('utf8')).not.toContain('2026-11-20');
    expect(files.md.toString('utf8')).not.toContain('20 November 2026');
    // no date after the cut-off in the body (sections I to III, the DOCX's text included), but the dates of the
    // reports on 2014 themselves, which agencies gave in 2015 (cited in the notes and the annex, never in the sections)
    const laterDate =
      /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:201[5-9]|20[2-9]\d)\b/;
    const md = files.md.toString('utf8');
    const mdBody = md.slice(0, md.indexOf('## Annex I.')).replace(/^\[\^\d+\]: .*$/gm, '');
    expect(laterDate.exec(mdBody)?.[0] ?? null).toBeNull();
    const html = files.html.toString('utf8');
    const htmlBody = html.slice(0, html.indexOf('<h2>Annex I.')).replace(/<li id="note-\d+"[^]*?<\/li>/g, '');
    expect(laterDate.exec(htmlBody)?.[0] ?? null).toBeNull();
    const documentXml = strFromU8(unzipSync(new Uint8Array(files.docx))['word/document.xml']);
    expect(laterDate.exec(documentXml.slice(0, documentXml.indexOf('Annex I.')))?.[0] ?? null).toBeNull();
    // every report on 2014 known at the compilation, each dated by its effective date
    const reports: Array<{ id: string; day: string; late: boolean }> = await db.query(
      `SELECT id, to_char(effective_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, recorded_at > '2015-02-20T00:00:00Z' AS late
       FROM progress_reports p WHERE period = 2014 AND commitment_id IN (SELECT id FROM ${AT_CUT_OFF} v)`,
    );
    expect(sorted(doc.annex.progressReports.map((r) => `${r.reportId} ${r.date} ${r.reportedLate}`))).toEqual(
      sorted(reports.map((r) => `${r.id} ${r.day} ${r.late}`)),
    );
    expect(doc.overview.reportedLate).toBe(reports.filter((r) => r.late).length);
    expect(doc.overview.reportedLate).toBe(1);
    const late = doc.annex.progressReports.find((r) => r.reportedLate)!;
    expect(late).toMatchObject({ commitmentCode: 'UNHCR-a', agency: 'UNHCR', date: '2015-02-25' });
    expect(md).toContain('One of them was reported late (recorded after the reporting cycle’s deadline).');
    expect(md).toMatch(/\*\*UNHCR\*\* on UNHCR-a: “UNHCR reported late\.”\s*\*\(reported late\)\*/);
    // the provenance states both instants
    expect(md).toContain('As at 31 December 2014 (effective), as recorded by 1 March 2015, 00:00 UTC.');
  });

  it('as known at an earlier recorded instant: only what was recorded by then', async () => {
    const knownAt = new Date('2015-02-20T00:00:00Z'); // after the catalogue was loaded, before the late report
    const known = compileSummary(await reader.read(2014, AS_OF, knownAt));
    expect(known.body.provenance).toMatchObject({ asAt: CUT_OFF, recordedBy: knownAt.toISOString(), compiledAsOf: AS_OF.toISOString() });
    const [{ reports }] = await db.query(
      `SELECT count(*)::int AS reports FROM progress_reports WHERE period = 2014 AND recorded_at <= $1
         AND commitment_id IN (SELECT id FROM ${AT_CUT_OFF} v)`,
      [knownAt],
    );
    expect(known.body.overview.progressReports).toBe(reports);
    expect(known.body.overview.progressReports).toBe(doc.overview.progressReports - 1);
    expect(known.body.overview.reportedLate).toBe(0);
    expect(known.body.overview.commitments).toBe(doc.overview.commitments);
    // before the catalogue was loaded, the tracker knew only the commitments whose versions were recorded by then
    const earlier = new Date('2015-02-10T00:00:00Z');
    const early = compileSummary(await reader.read(2014, AS_OF, earlier));
    const codes: Array<{ code: string }> = await db.query(
      `SELECT code FROM commitment_versions WHERE effective_from <= $1 AND (effective_to IS NULL OR effective_to > $1)
         AND recorded_from <= $2 AND (recorded_to IS NULL OR recorded_to > $2)`,
      [CUT_OFF, earlier],
    );
    expect([...early.annex.commitments()].map((c) => c.code)).toEqual(sorted(codes.map((c) => c.code)));
    expect(codes.length).toBeLessThan(doc.overview.commitments);
    expect(codes.map((c) => c.code)).toContain(OTHER);
  });

  it('has one section per agenda item, 1 to 8 in order, then "other recommendations", each listing exactly the expected codes', async () => {
    expect(doc.agendaItems.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null]);
    for (const section of doc.agendaItems) {
      const member = section.number === null ? `cardinality(c.agenda_items) = 0` : `${section.number} = ANY(c.agenda_items)`;
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${AT_CUT_OFF} c WHERE ${member}`);
      const reports: Array<{ id: string }> = await db.query(
        `SELECT p.id FROM progress_reports p JOIN ${AT_CUT_OFF} c ON c.id = p.commitment_id WHERE p.period = 2014 AND ${member}`,
      );
      const completed: Array<{ code: string }> = await db.query(
        `SELECT c.code FROM events e JOIN ${AT_CUT_OFF} c ON c.id = e.stream_id
         WHERE e.type = 'CommitmentStatusChanged' AND e.payload->>'to' = 'completed'
           AND e.effective_at >= '2014-01-01' AND e.effective_at < '2015-01-01' AND ${member}`,
      );
      const overdue: Array<{ code: string }> = await db.query(
        `SELECT c.code FROM ${AT_CUT_OFF} c WHERE c.due_date < '2014-12-31' AND c.status NOT IN ('completed', 'discontinued') AND ${member}`,
      );
      const label = section.number ?? 'other';
      expect({ label, n: section.commitments }).toEqual({ label, n });
      expect({ label, reports: sorted(section.progress.flatMap((p) => p.statements.map((s) => s.citation.reportId))) }).toEqual({
        label,
        reports: sorted(reports.map((r) => r.id)),
      });
      expect({ label, completed: section.completed.map((c) => c.commitmentCode) }).toEqual({
        label,
        completed: sorted(completed.map((c) => c.code)),
      });
      expect({ label, overdue: section.overdue.map((c) => c.commitmentCode) }).toEqual({
        label,
        overdue: sorted(overdue.map((c) => c.code)),
      });
      // grouped by agency, in agency order, each statement citing its commitment code and report
      expect(section.progress.map((p) => p.agency)).toEqual(sorted(new Set(section.progress.map((p) => p.agency))));
    }
    const [item1, , , item4, item5, item6, , item8, other] = doc.agendaItems;
    expect(item1.completed.map((c) => c.commitmentCode)).toEqual(['UNHCR-a']);
    expect(item4.completed[0]).toMatchObject({
      commitmentCode: 'UNHCR-a',
      leadAgency: 'UNHCR',
      statusNow: 'completed',
      citation: { date: '2014-06-01' },
    });
    expect(item6.overdue.map((c) => c.commitmentCode)).toEqual(['FAO-a']);
    expect(item6.overdue[0]).toMatchObject({ leadAgency: 'FAO', dueDate: '2014-06-30', status: 'proposed', reasons: ['due_date_passed'] });
    expect(other).toMatchObject({ number: null, title: 'Other recommendations', commitments: 1 });
    expect(other.overdue.map((c) => c.commitmentCode)).toEqual([OTHER]);

    const ilo = item8.progress.find((p) => p.agency === 'ILO')!.statements.find((s) => s.citation.commitmentCode === 'ILO-a')!;
    expect(ilo).toMatchObject({
      unchangedSincePreviousYear: true,
      excerptIsWholeText: true,
      citation: { agency: 'ILO', date: '2015-02-01', document: null },
    });
    const iom = item5.progress.find((p) => p.agency === 'IOM')!.statements.find((s) => s.citation.commitmentCode === 'IOM-a')!;
    expect(iom).toMatchObject({
      unchangedSincePreviousYear: false,
      excerptIsWholeText: false,
      citation: { document: { title: null, symbol: 'UN/POP/MIG-12CM/2014/15', locator: null, page: '3' } },
    });
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
    expect(iloA).toMatchObject({ role: 'lead', status: 'in_progress', reported: true });
    expect(iloA.statusChanges.map((c) => [c.from, c.to, c.citation.date])).toEqual([
      ['proposed', 'accepted', '2014-02-10'],
      ['accepted', 'in_progress', '2014-03-01'],
    ]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${AT_CUT_OFF} v`);
    expect(doc.annex.commitments).toHaveLength(n);
    const codes: Array<{ code: string }> = await db.query(`SELECT code FROM ${AT_CUT_OFF} v`);
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

  it('checksums the JSON without its checksum member, and renders the same sentences, paragraph numbers and notes in every format', async () => {
    const { checksum, ...content } = doc;
    expect(checksum).toBe(`sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`);
    expect(files.json.toString('utf8')).toBe(JSON.stringify(doc)); // the file is exactly JSON.stringify of the document

    const md = files.md.toString('utf8');
    const html = files.html.toString('utf8');
    const docx = unzipSync(new Uint8Array(files.docx));
    const documentXml = strFromU8(docx['word/document.xml']);
    const footnotesXml = strFromU8(docx['word/footnotes.xml']);
    // UN editorial form: dates in words, numbers under 10 in words, figures when they occur with one of 10 or more, "per cent"
    const r = doc.overview.reporting;
    const overview = 'As at 31 December 2014, the tracker recorded 230 commitments: ';
    const changes =
      'During 2014, one commitment was newly accepted, three were started, one was completed, one was discontinued and one was reopened.';
    const rate = `Of the ${r.owed} agencies that led a commitment open during 2014, ${r.reported} reported progress for 2014 (a reporting rate of ${r.percent!.toFixed(1)} per cent).`;
    const overdue = 'As at 31 December 2014, two commitments were overdue.';
    for (const [format, text] of [
      ['md', md],
      ['html', html],
      ['docx', documentXml],
    ]) {
      for (const sentence of [overview, changes, rate, overdue, checksum])
        expect({ format, sentence, found: text.includes(sentence) }).toEqual({ format, sentence, found: true });
    }

    // the same paragraph numbers: written out in Markdown and HTML, Word's own numbering in the DOCX
    const mdNumbers = [...md.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    const htmlNumbers = [...html.matchAll(/<li id="para-(\d+)" value="\1">/g)].map((m) => Number(m[1]));
    expect(mdNumbers.length).toBeGreaterThan(20);
    expect(mdNumbers).toEqual(mdNumbers.map((_, i) => i + 1));
    expect(htmlNumbers).toEqual(mdNumbers);
    expect(documentXml.match(/<w:pStyle w:val="UNParagraph"\/><w:numPr>/g)).toHaveLength(mdNumbers.length);
    expect(md).toMatch(/^1\. As at 31 December 2014/m);
    expect(md).toContain('*(unchanged since 2013)*');

    // the same notes: Markdown footnotes, HTML endnotes linked both ways, DOCX footnotes; the IOM statement's source
    const iomReport = doc.annex.progressReports.find((p) => p.commitmentCode === 'IOM-a')!;
    const iomNote = 'UN/POP/MIG-12CM/2014/15, p. 3; progress report of IOM, 1 February 2015.';
    const mdNote = new RegExp(`\\[\\^(\\d+)\\]: ${iomNote.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`).exec(md);
    expect(mdNote).not.toBeNull();
    const n = Number(mdNote![1]);
    expect(md).toContain(` …”[^${n}]`); // the note follows the quotation it supports
    expect(html).toContain(`<li id="note-${n}" value="${n}">${iomNote} <a href="#ref-${n}"`);
    expect(html).toContain(`<sup class="note-ref" id="ref-${n}"><a href="#note-${n}">${n}</a></sup>`);
    expect(footnotesXml).toContain(
      `<w:footnote w:id="${n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${iomNote}</w:t>`,
    );
    // footnote references in the text, 1 to n in order, one per note
    const noteCount = [...md.matchAll(/^\[\^\d+\]: /gm)].length;
    expect([...documentXml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(
      Array.from({ length: noteCount }, (_, i) => i + 1),
    );

    // record identifiers stay out of the running text: the report id is only in the tracing annex (Markdown, HTML) and the document properties (DOCX)
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(md.slice(0, md.indexOf('## Annex III.'))).not.toMatch(uuid);
    expect(md.slice(md.indexOf('## Annex III.'))).toContain(`| ${n} | IOM-a | progress report ${iomReport.reportId} |`);
    expect(html.slice(0, html.indexOf('<h2>Annex III.'))).not.toMatch(uuid);
    expect(documentXml).not.toMatch(uuid);
    expect(footnotesXml).not.toMatch(uuid);
    expect(strFromU8(docx['docProps/custom.xml'])).toContain(
      `name="Note ${n}"><vt:lpwstr>IOM-a; progress report ${iomReport.reportId}</vt:lpwstr>`,
    );
    expect(md).not.toMatch(/\[Source:|event \d+,|\d{3} l\. \d/);
    // dates are never in the 2014-02-14 form in the text of any format (the DOCX's XML included)
    expect(documentXml).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(footnotesXml).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(md).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(md).toContain('UNHCR-a** (');
    expect(md).toContain('was completed on 1 June 2014.');
  });

  it("cites the catalogue's reports by document and page or section in every format, never by a line of the seed texts", () => {
    const lineReference = /\b\d{3} l\. \d/;
    const xmlParts = (zip: Buffer) =>
      Object.entries(unzipSync(new Uint8Array(zip)))
        .filter(([name]) => /\.(xml|rels)$/.test(name))
        .map(([, bytes]) => strFromU8(bytes))
        .join('\n');
    const texts: Record<SummaryFormat, string> = {
      json: files.json.toString('utf8'),
      md: files.md.toString('utf8'),
      html: files.html.toString('utf8'),
      csv: files.csv.toString('utf8'),
      docx: xmlParts(files.docx),
      xlsx: xmlParts(files.xlsx),
    };
    for (const [format, text] of Object.entries(texts))
      expect({ format, cites: lineReference.exec(text)?.[0] ?? null }).toEqual({ format, cites: null });

    // every report the catalogue loaded cites its meeting report: the 12th by symbol and section (it prints no page
    // numbers), the 13th by page
    const statements = doc.agendaItems.flatMap((section) => section.progress.flatMap((p) => p.statements));
    const fromCatalogue = statements.filter((s) => s.citation.document && s.citation.document.symbol !== 'UN/POP/MIG-12CM/2014/15');
    expect(fromCatalogue.length).toBeGreaterThan(20);
    for (const { citation } of fromCatalogue) {
      const where = { report: `${citation.commitmentCode} ${citation.agency}`, document: citation.document };
      expect(where).toEqual({
        ...where,
        document: expect.objectContaining(
          citation.document!.title!.startsWith('Twelfth')
            ? {
                title: 'Twelfth Coordination Meeting on International Migration',
                symbol: 'ESA/P/WP.237',
                locator: expect.stringMatching(/sects?\. [IVX]+( and [IVX]+)?$/),
              }
            : {
                title: 'Thirteenth Coordination Meeting on International Migration (United Nations Population Division, 2015)',
                symbol: null,
                page: expect.stringMatching(/^\d+/),
              },
        ),
      });
    }
    const footnotes = strFromU8(unzipSync(new Uint8Array(files.docx))['word/footnotes.xml']);
    const iloNote =
      /Thirteenth Coordination Meeting on International Migration \(United Nations Population Division, 2015\), p\. 11; progress report of ILO, \d{1,2} [A-Z][a-z]+ 2015\./;
    const gfmdNote =
      /Twelfth Coordination Meeting on International Migration, ESA\/P\/WP\.237, sect\. III; progress report of GFMD, \d{1,2} [A-Z][a-z]+ 201[45]\./;
    for (const note of [iloNote, gfmdNote]) {
      expect(texts.md).toMatch(new RegExp(`^\\[\\^\\d+\\]: ${note.source}$`, 'm'));
      expect(texts.html).toMatch(note);
      expect(footnotes).toMatch(note);
    }
  });

  it('gives a DOCX that opens, with Word numbering, footnotes, charts with alternative text, and tables whose columns fit their codes', () => {
    const parts = unzipSync(new Uint8Array(files.docx));
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'word/document.xml',
        'word/styles.xml',
        'word/footer1.xml',
        'word/numbering.xml',
        'word/footnotes.xml',
        'docProps/custom.xml',
      ]),
    );
    expect(malformedParts(files.docx)).toEqual({});
    expect(malformedParts(files.xlsx)).toEqual({});
    const xml = strFromU8(parts['word/document.xml']);
    for (const section of doc.agendaItems) {
      const heading = section.number === null ? 'Other recommendations' : `Agenda item ${section.number}: ${section.title}`;
      expect(xml).toContain(`<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">${heading}</w:t>`);
    }
    expect(xml).toContain('Annex I. Commitments as at 31 December 2014');

    // Word's own paragraph numbering: one decimal "%1." definition that every numbered paragraph refers to, no typed numbers
    const numbering = strFromU8(parts['word/numbering.xml']);
    const numIds = new Set([...xml.matchAll(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g)].map((m) => m[1]));
    expect(numIds.size).toBe(1);
    const [numId] = numIds;
    const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
    expect(numbering).toMatch(
      new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>.*?<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>`),
    );
    expect(xml).not.toMatch(/<w:pStyle w:val="UNParagraph"\/>.*?<\/w:pPr><w:r><w:t xml:space="preserve">\d+\.<\/w:t>/);

    // the provenance in the document properties
    const custom = strFromU8(parts['docProps/custom.xml']);
    expect(custom).toContain(`name="Event position"><vt:lpwstr>${doc.provenance.eventPosition}</vt:lpwstr>`);
    expect(custom).toContain(`name="Checksum of the JSON edition"><vt:lpwstr>${doc.checksum}</vt:lpwstr>`);

    // a status chart per section with commitments: a PNG in the package, referenced with alternative text
    const pngs = Object.keys(parts).filter((name) => /^word\/media\/.*\.png$/.test(name));
    expect(pngs).toHaveLength(9);
    for (const name of pngs) expect(Buffer.from(parts[name].subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const rels = strFromU8(parts['word/_rels/document.xml.rels']);
    const drawings = [...xml.matchAll(/<wp:docPr id="\d+" name="[^"]*" descr="([^"]+)"\/>.*?<a:blip r:embed="([^"]+)"\/>/g)];
    expect(drawings).toHaveLength(9);
    for (const [, alt, relationship] of drawings) {
      expect(alt).toMatch(/^Bar chart of the status of the \d+ commitments? linked to /);
      expect(rels).toMatch(new RegExp(`Id="${relationship}" Type="[^"]*/image" Target="media/[^"]+\\.png"`));
    }

    // tables: fixed layout, every cell with a set width, and short values never wrapped in a column wide enough for them
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)!.length).toBeGreaterThan(10);
    const cells = xml.match(/<w:tc>.*?<\/w:tc>/g)!;
    for (const cell of cells) expect(cell).toMatch(/^<w:tc><w:tcPr><w:tcW w:w="\d+" w:type="dxa"\/>/);
    const agencyTable = xml.slice(xml.indexOf('ILO: International Labour Organization'));
    const grid = [...agencyTable.slice(0, agencyTable.indexOf('</w:tblGrid>')).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) =>
      Number(m[1]),
    );
    // "supporting" in 8.5 pt Times is 4.278 em (727 twentieths of a point) wide: the role column holds it and its cell margins (114)
    expect(grid[1]).toBeGreaterThanOrEqual(727 + 114);
    expect(agencyTable).toMatch(
      /<w:tcW w:w="\d+" w:type="dxa"\/><w:noWrap\/><\/w:tcPr><w:p><w:pPr><w:pStyle w:val="UNTableText"\/><\/w:pPr><w:r><w:t xml:space="preserve">supporting<\/w:t>/,
    );

    // annex rows: one per commitment after the header row, whose cells are code, title, lead, status, period, overdue
    const annex = xml.slice(xml.indexOf('Annex I. Commitments'), xml.indexOf('Annex II.'));
    expect(annex.match(/<w:tr>/g)).toHaveLength(doc.annex.commitments.length + 1);
    expect(annex).toMatch(
      /<w:t xml:space="preserve">FAO-a<\/w:t>.*?<w:t xml:space="preserve">FAO<\/w:t>.*?proposed.*?<w:t xml:space="preserve">yes<\/w:t>/,
    );
    expect(strFromU8(parts['word/footer1.xml'])).toMatch(/PAGE/);
    expect(strFromU8(parts['word/styles.xml'])).toContain('w:styleId="UNParagraph"');
  });

  it('leaves out what is empty with one sentence saying so', () => {
    const md = files.md.toString('utf8');
    let checked = 0;
    for (const section of doc.agendaItems.filter((s) => s.number !== null)) {
      const from = md.indexOf(`### Agenda item ${section.number}:`);
      const text = md.slice(from, md.indexOf('\n### ', from + 1));
      const said = (text.match(/^\d+\. (?:No progress|None of its).*$/m) ?? [''])[0];
      for (const [empty, heading, sentence] of [
        [section.progress.length === 0, '#### Progress reported for 2014', 'no progress was reported for 2014 on this agenda item'],
        [section.completed.length === 0, '#### Completed during 2014', 'completed during 2014'],
        [section.overdue.length === 0, '#### Overdue as at 31 December 2014', 'overdue as at 31 December 2014'],
      ] as const) {
        // an empty part has no heading over nothing, and the section's one sentence says so
        expect({ item: section.number, heading, present: text.includes(heading) }).toEqual({
          item: section.number,
          heading,
          present: !empty,
        });
        expect({ item: section.number, sentence, said: said.toLowerCase().includes(sentence.toLowerCase()) }).toEqual({
          item: section.number,
          sentence,
          said: empty,
        });
        if (empty) checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
    // the group of recommendations linked to no agenda item is left out when it is empty (it is not in the 2015 summary)
    expect(md).toContain('### Other recommendations');
  });

  it('gives CSV and XLSX of the annex with their provenance and one row per commitment, and dates as date cells', async () => {
    const lines = files.csv.toString('utf8').trimEnd().split('\r\n');
    const comments = lines.filter((line) => line.startsWith('# '));
    expect(lines.slice(0, comments.length)).toEqual(comments); // the comment lines come first
    expect(comments).toEqual([
      `# Title: ${doc.title}`,
      '# Part: Annex I, commitments',
      '# Year: 2014',
      `# As at (effective): ${CUT_OFF}`,
      `# As recorded by: ${AS_OF.toISOString()}`,
      `# Compiled at: ${AS_OF.toISOString()}`,
      `# Event position: ${doc.provenance.eventPosition}`,
      `# Generator: ${doc.provenance.generator}`,
      `# Checksum of the JSON edition: ${doc.checksum}`,
    ]);
    const rows = lines.slice(comments.length);
    expect(rows[0]).toBe('Code,Title,Lead agency,Status,Last report period,Overdue');
    expect(rows).toHaveLength(doc.annex.commitments.length + 1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files.xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Commitments')!;
    expect(sheet.actualRowCount - 1).toBe(doc.annex.commitments.length);
    const fao = doc.annex.commitments.findIndex((c) => c.code === 'FAO-a');
    expect(sheet.getRow(fao + 2).values).toEqual([
      undefined,
      'FAO-a',
      doc.annex.commitments[fao].title,
      'FAO',
      'proposed',
      undefined,
      'yes',
    ]);
    expect(rows[fao + 1]).toMatch(/^FAO-a,.*,FAO,proposed,,yes$/);
    const reports = workbook.getWorksheet('Progress reports')!;
    expect(reports.actualRowCount - 1).toBe(doc.annex.progressReports.length);
    const date = reports.getRow(2).getCell(3);
    expect(date.value).toEqual(new Date(`${doc.annex.progressReports[0].date}T00:00:00Z`));
    expect(date.numFmt).toBe('d mmmm yyyy');
    // in the file: a number with a date style, not text
    const sheetXml = strFromU8(unzipSync(new Uint8Array(files.xlsx))['xl/worksheets/sheet2.xml']);
    expect(sheetXml).toMatch(/<c r="C2" s="\d+"><v>\d+<\/v><\/c>/);
    const provenance = workbook.getWorksheet('Provenance')!;
    const items = Object.fromEntries(
      provenance
        .getSheetValues()
        .slice(2)
        .map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
    );
    expect(items).toEqual({
      Title: doc.title,
      Part: 'Annexes I and II',
      Year: 2014,
      'As at (effective)': new Date(CUT_OFF),
      'As recorded by': AS_OF,
      'Compiled at': AS_OF,
      'Event position': doc.provenance.eventPosition,
      Generator: doc.provenance.generator,
      'Checksum of the JSON edition': doc.checksum,
    });
    expect(provenance.getCell('B5').numFmt).toBe('d mmmm yyyy hh:mm "UTC"');
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
    const [{ open: openBefore }] = await db.query(`SELECT count(*)::int AS open FROM ${AT_CUT_OFF} v WHERE status = 'in_progress'`);
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

  it("compiles 2015 too: that year's changes, and reports flagged against 2014", async () => {
    const summary = compileSummary(await reader.read(2015, new Date('2016-03-01T00:00:00Z')));
    expect(summary.body.year).toBe(2015);
    expect(summary.body.overview.changesDuringYear).toEqual({ newlyAccepted: 0, started: 0, completed: 1, discontinued: 0, reopened: 0 });
    expect(summary.body.provenance.asAt).toBe('2015-12-31T23:59:59.999Z');
    const annex = [...summary.annex.commitments()];
    expect(annex.find((c) => c.code === 'OHCHR-a')?.status).toBe('completed');
    expect(annex.some((c) => c.code === LATER)).toBe(true);
    // the 2014 and 2015 annexes differ
    const csv2015 = (await render(summary)).csv.toString('utf8');
    const rows = (csv: string) => csv.split('\r\n').filter((line) => !line.startsWith('# '));
    expect(rows(csv2015)).not.toEqual(rows(files.csv.toString('utf8')));
    const [{ reports }] = await db.query(`SELECT count(*)::int AS reports FROM progress_reports WHERE period = 2015`);
    expect(summary.body.overview.progressReports).toBe(reports);
    const iloA = summary.body.agencies.find((a) => a.code === 'ILO')!.commitments.find((c) => c.commitmentCode === 'ILO-a')!;
    expect(iloA.statusChanges.map((c) => c.to)).toEqual(['under_review']);
  });
});
