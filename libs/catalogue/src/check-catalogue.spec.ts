import { meetingDate, registrationDate } from './effective-dates.js';
import { readCatalogue, type RawCatalogue } from './catalogue-files.js';
import { checkCatalogue } from './check-catalogue.js';

const DIR = 'db/catalogue';
const fresh = async (): Promise<RawCatalogue> => readCatalogue(DIR);
const find = (raw: RawCatalogue, code: string) => raw.commitments.find((c) => c.record.code === code)!;

describe('catalogue:check', () => {
  it('finds no problem in the shipped catalogue', async () => {
    const { problems, catalogue } = checkCatalogue(await fresh());
    expect(problems).toEqual([]);
    expect(catalogue.commitments).toHaveLength(229);
    expect(catalogue.progressReports).toHaveLength(77);
    expect(catalogue.documents.map((d) => d.id)).toEqual(
      expect.arrayContaining(['cm12-report', 'cm13-report', 'unfpa-iom-2013', 'a-68-190']),
    );
  });

  it('gives every record that cites a document, and shows users no line of the seed texts', async () => {
    const { catalogue } = checkCatalogue(await fresh());
    const lineReference = /\b\d{3} l\. \d/;
    for (const record of [...catalogue.agencies, ...catalogue.commitments, ...catalogue.progressReports]) {
      expect(record.citations.length).toBeGreaterThan(0);
      expect(record.source).not.toMatch(lineReference);
    }
    for (const item of catalogue.agendaItems) expect(`${item.title} ${item.description} ${item.source}`).not.toMatch(lineReference);
    for (const report of catalogue.progressReports) expect(report.summary).not.toMatch(lineReference);
    const ilo = catalogue.progressReports.find((r) => r.commitmentCode === 'SG8-2' && r.agency === 'ILO')!;
    expect(ilo.source).toBe('Thirteenth Coordination Meeting on International Migration (United Nations Population Division, 2015), p. 11');
    expect(ilo.sourceLines).toBe('Report of the 13th Coordination Meeting (2015), 001 l. 178-184');
    const unwomen = catalogue.commitments.find((c) => c.code === 'UNWOMEN-a')!;
    expect(unwomen.citations).toEqual([{ document: 'unfpa-iom-2013', chapter: 'UN Women', pages: '198' }]);
    expect(catalogue.commitments.find((c) => c.code === 'SG8-3')!.source).toBe('A/68/190');
  });

  it.each([
    [
      'an unknown agency code',
      (r: RawCatalogue) => (find(r, 'FAO-a').record.leadAgency = 'FOO'),
      'FAO-a',
      'leadAgency',
      /unknown agency FOO/,
    ],
    ['a duplicate code', (r: RawCatalogue) => (find(r, 'ILO-b').record.code = 'ILO-a'), 'ILO-a', 'code', /duplicates .*ILO\.json record 1/],
    ['an empty text', (r: RawCatalogue) => (find(r, 'WHO-a').record.text = ''), 'WHO-a', 'text', /must not be blank/],
    ['agenda item 9', (r: RawCatalogue) => (find(r, 'UNHCR-a').record.agendaItems = [1, 9]), 'UNHCR-a', 'agendaItems', /1 to 8/],
    [
      'a PDF line break left in a text',
      (r: RawCatalogue) => (find(r, 'IOM-a').record.text = 'Migration and\ndevelopment'),
      'IOM-a',
      'text',
      /line break/,
    ],
  ])('names the file, the record and the field for %s', async (_, spoil, code, field, message) => {
    const raw = await fresh();
    spoil(raw);
    const { problems } = checkCatalogue(raw);
    const problem = problems.find((p) => p.record.includes(code) && p.field === field);
    expect(problem).toBeDefined();
    expect(problem!.file).toMatch(/^db\/catalogue\/commitments\/[A-Z]+\.json$/);
    expect(problem!.message).toMatch(message);
  });

  it.each([
    [
      'an unknown document',
      (c: Record<string, any>) => (c.citations[0].document = 'a-68-999'),
      'citations.0.document',
      /unknown document a-68-999/,
    ],
    [
      'a chapter the book does not have',
      (c: Record<string, any>) => (c.citations[0].chapter = 'UN Men'),
      'citations.0.chapter',
      /no chapter "UN Men"/,
    ],
    [
      'a page outside its chapter',
      (c: Record<string, any>) => (c.citations[0].pages = '120'),
      'citations.0.pages',
      /120 is outside its chapter "UN Women" \(pages 185 to 198\)/,
    ],
    ['a page that is not one', (c: Record<string, any>) => (c.citations[0].pages = 'p. 12'), 'citations.0.pages', /must be a page/],
    [
      'a source that no longer reads as its citations',
      (c: Record<string, any>) => (c.source = `${c.source as string}, para. 4`),
      'source',
      /does not read as its citations: "International Migration and Development: .*\(UNFPA and IOM, 2013\), chapter “UN Women”, p\. 198"/,
    ],
    [
      'a line reference shown to users',
      (c: Record<string, any>) => (c.text = `${c.text as string} (004 l. 6960)`),
      'text',
      /cites a line of the seed texts/,
    ],
  ])('refuses %s, naming the field', async (_, spoil, field, message) => {
    const raw = await fresh();
    spoil(find(raw, 'UNWOMEN-a').record);
    const { problems } = checkCatalogue(raw);
    expect(problems).toContainEqual({
      file: 'db/catalogue/commitments/UNWOMEN.json',
      record: '4 (UNWOMEN-a)',
      field,
      message: expect.stringMatching(message),
    });
  });

  it('refuses a section the report does not have and a page of a document that prints none', async () => {
    const raw = await fresh();
    const report = raw.progressReports.find((r) => (r.record.citations as Array<{ document: string }>)[0].document === 'cm12-report')!;
    (report.record.citations as Array<Record<string, unknown>>)[0] = { document: 'cm12-report', sections: ['IX'], pages: '3' };
    const fields = checkCatalogue(raw)
      .problems.filter((p) => p.file === 'db/catalogue/progress-reports.json')
      .map((p) => `${p.field}: ${p.message}`);
    expect(fields).toEqual([
      'citations.0.sections: cm12-report has no section "IX"',
      'citations.0.pages: cm12-report has no pages the catalogue can cite',
    ]);
  });

  it('refuses a progress report by an agency that does not own the commitment', async () => {
    const raw = await fresh();
    const report = raw.progressReports[0];
    report.record.agency = 'WIPO';
    const { problems } = checkCatalogue(raw);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'db/catalogue/progress-reports.json', field: 'agency' }));
  });

  it('refuses a progress report whose line references name no coordination meeting (its effective date is the meeting)', async () => {
    const raw = await fresh();
    raw.progressReports[0].record.sourceLines = 'a note from someone';
    const { problems } = checkCatalogue(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'sourceLines',
        message: expect.stringMatching(/names no coordination meeting the catalogue knows/),
      }),
    );
  });

  it('dates every report by its meeting and every commitment by its source', () => {
    expect(meetingDate('ESA/P/WP.237, 000 l. 53')).toBe('2014-02-20');
    expect(meetingDate('Report of the 13th Coordination Meeting (2015), 001 l. 120')).toBe('2015-02-12');
    expect(registrationDate('SG8-3')).toBe('2013-07-25');
    expect(registrationDate('JOINT-a')).toBe('2013-10-03');
    expect(registrationDate('UNDESA-hld-d')).toBe('2013-10-03');
  });
});
