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

  it('refuses a progress report by an agency that does not own the commitment', async () => {
    const raw = await fresh();
    const report = raw.progressReports[0];
    report.record.agency = 'WIPO';
    const { problems } = checkCatalogue(raw);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'db/catalogue/progress-reports.json', field: 'agency' }));
  });

  it('refuses a progress report whose source names no coordination meeting (its effective date is the meeting)', async () => {
    const raw = await fresh();
    raw.progressReports[0].record.source = 'a note from someone';
    const { problems } = checkCatalogue(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'source', message: expect.stringMatching(/names no coordination meeting the catalogue knows/) }),
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
