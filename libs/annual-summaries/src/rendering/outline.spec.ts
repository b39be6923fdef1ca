import { compileSummary, type SummaryFacts } from '../domain/compile-summary.js';
import { aCommitmentFact, summaryFacts } from '../../../../test/helpers/summary-facts.js';
import { citeDocument, outline, type Block } from './outline.js';

const commitment = aCommitmentFact;
const facts = summaryFacts;

const blocks = (f: SummaryFacts): Block[] => [...outline(compileSummary(f), 'sha256:test')];
const text = (list: Block[]) =>
  list.map((b) =>
    b.kind === 'paragraph'
      ? `${b.number ?? '-'} ${b.runs.map((r) => r.text).join('')}`
      : b.kind === 'heading'
        ? `# ${b.text}`
        : `[${b.kind}]`,
  );

describe('The summary outline in UN editorial form', () => {
  it('writes small numbers in words, dates in words, and says in one sentence what a section lacks', () => {
    const done = commitment('ILO-b', { status: 'completed' });
    const lines = text(
      blocks(
        facts({
          commitments: [commitment('ILO-a'), done, commitment('ILO-c', { status: 'in_progress', dueDate: '2014-06-30' })],
          statusChanges: [
            { position: 9, commitmentId: done.id, occurredAt: new Date('2014-05-01T10:00:00Z'), from: 'under_review', to: 'completed' },
          ],
        }),
      ),
    );
    expect(lines).toContain(
      '1 As at 31 December 2014, the tracker recorded three commitments: one proposed, one in progress and one completed.',
    );
    expect(lines).toContain('2 During 2014, one commitment was completed.');
    expect(lines).toContain('3 As at 31 December 2014, one commitment was overdue.');
    expect(lines).toContain(
      '4 One agency led a commitment open during 2014; it did not report progress for 2014 (a reporting rate of 0.0 per cent).',
    );
    expect(lines).toContain('5 No progress report was recorded for 2014.');
    const item1 = lines.slice(lines.indexOf('# Agenda item 1: One'), lines.indexOf('# Agenda item 2: Two'));
    expect(item1).toEqual([
      '# Agenda item 1: One',
      '6 Three commitments are linked to this agenda item: one proposed, one in progress and one completed.',
      '[chart]',
      '7 No progress was reported for 2014 on this agenda item.',
      '# Completed during 2014',
      '8 ILO-b (Title of ILO-b), led by ILO, was completed on 1 May 2014.',
      '# Overdue as at 31 December 2014',
      '9 ILO-c (Title of ILO-c), led by ILO, was due on 30 June 2014 and was in progress as at 31 December 2014.',
    ]);
    // an agenda item without commitments: one sentence; the empty "other recommendations" group: left out
    expect(lines.slice(lines.indexOf('# Agenda item 2: Two'), lines.indexOf('# III. Agencies'))).toEqual([
      '# Agenda item 2: Two',
      '10 No commitment is linked to this agenda item.',
    ]);
    expect(lines).not.toContain('# Other recommendations');
    expect(lines).toContain('- ILO leads three commitments and supports none. It owed a report for 2014 but did not report progress.');
  });

  it("says why each commitment is overdue: its due date, its lead agency's missing report, or both", () => {
    const at = { day: '2015-01-31', cycleYear: 2014 };
    const lines = text(
      blocks(
        facts({
          overdueAt: at,
          commitments: [
            commitment('ILO-a', { dueDate: '2014-06-30', status: 'in_progress' }, at),
            commitment('ILO-b', { dueDate: '2015-06-30', status: 'accepted' }, at),
            commitment('ILO-c', { dueDate: '2014-06-30', overdueReasons: ['due_date_passed'] }, at),
          ],
        }),
      ),
    );
    expect(lines).toContain('3 As at 31 December 2014, three commitments were overdue.');
    const overdue = lines.slice(lines.indexOf('# Overdue as at 31 December 2014') + 1, lines.indexOf('# Agenda item 2: Two'));
    expect(overdue).toEqual([
      '8 ILO-a (Title of ILO-a), led by ILO, was due on 30 June 2014 and was in progress as at 31 December 2014, and ILO had not reported on it for 2014 by the reporting deadline.',
      '9 ILO-b (Title of ILO-b), led by ILO, was accepted as at 31 December 2014, and ILO had not reported on it for 2014 by the reporting deadline.',
      '10 ILO-c (Title of ILO-c), led by ILO, was due on 30 June 2014 and was proposed as at 31 December 2014.',
    ]);
  });

  it('numbers the notes in document order and keeps the record behind each out of its text', () => {
    const done = commitment('ILO-b', { status: 'completed' });
    const list = blocks(
      facts({
        commitments: [done],
        statusChanges: [
          { position: 9, commitmentId: done.id, occurredAt: new Date('2014-05-01T10:00:00Z'), from: 'under_review', to: 'completed' },
        ],
        reports: [
          {
            id: '0b6a2d93-56aa-50df-ab4a-3a5cf2a2500f',
            commitmentId: done.id,
            agency: 'ILO',
            period: 2014,
            kind: 'report',
            summary:
              'ILO said "done". [Source: Thirteenth Coordination Meeting on International Migration (United Nations Population Division, 2015), pp. 10–11]',
            reportedAt: new Date('2015-02-13T09:00:00Z'),
            unchangedSincePreviousYear: false,
            reportedLate: false,
          },
        ],
      }),
    );
    const notes = list.flatMap((b) => (b.kind === 'paragraph' && b.note ? [b] : []));
    expect(notes.map((b) => [b.runs.map((r) => r.text).join(''), b.note!.text])).toEqual([
      [
        'ILO on ILO-b: “ILO said ‘done’.”',
        'Thirteenth Coordination Meeting on International Migration (United Nations Population Division, 2015), pp. 10–11; ' +
          'progress report of ILO, 13 February 2015.',
      ],
      [
        'ILO-b (Title of ILO-b), led by ILO, was completed on 1 May 2014.',
        'Status change of 1 May 2014 recorded in the HLD follow-up tracker.',
      ],
    ]);
    expect(notes.map((b) => b.note!.number)).toEqual([1, 2]);
    const records = list.find((b) => b.kind === 'sourceRecords');
    expect(records).toMatchObject({
      notes: [
        { number: 1, reportId: '0b6a2d93-56aa-50df-ab4a-3a5cf2a2500f' },
        { number: 2, eventPosition: 9 },
      ],
    });
  });

  it('cites a document by title, symbol, section and page, with "pp." for several pages', () => {
    const title = 'Twelfth Coordination Meeting on International Migration';
    expect(citeDocument({ title, symbol: 'ESA/P/WP.237', locator: 'sects. III and IV', page: null })).toBe(
      `${title}, ESA/P/WP.237, sects. III and IV`,
    );
    expect(citeDocument({ title: 'Thirteenth Coordination Meeting (2015)', symbol: null, locator: null, page: '11' })).toBe(
      'Thirteenth Coordination Meeting (2015), p. 11',
    );
    expect(citeDocument({ title: null, symbol: 'A/68/190', locator: null, page: '3 and 16' })).toBe('A/68/190, pp. 3 and 16');
    expect(citeDocument({ title: null, symbol: 'A/68/190', locator: null, page: '12\u201314' })).toBe('A/68/190, pp. 12\u201314');
  });
});
