import { classifyChange, compileSummary, type SummaryFacts } from './compile-summary.js';

const commitment = (code: string, overrides: Partial<SummaryFacts['commitments'][number]> = {}) => ({
  id: `id-${code}`,
  code,
  title: `Title of ${code}`,
  leadAgency: 'ILO',
  supportingAgencies: [],
  agendaItems: [1],
  status: 'proposed' as const,
  dueDate: null,
  lastReportPeriod: null,
  ...overrides,
});

const facts = (overrides: Partial<SummaryFacts> = {}): SummaryFacts => ({
  year: 2014,
  asOf: new Date('2015-01-31T00:00:00Z'),
  eventPosition: 42,
  agendaItems: [
    { number: 2, title: 'Two' },
    { number: 1, title: 'One' },
  ],
  agencies: [
    { code: 'ILO', name: 'International Labour Organization' },
    { code: 'IOM', name: 'International Organization for Migration' },
  ],
  commitments: [],
  reports: [],
  statusChanges: [],
  ...overrides,
});

describe('Compiling the annual summary', () => {
  it('classifies each status change into at most one of the year\'s changes', () => {
    expect(classifyChange('proposed', 'accepted')).toBe('newlyAccepted');
    expect(classifyChange('proposed', 'in_progress')).toBe('started');
    expect(classifyChange('accepted', 'in_progress')).toBe('started');
    expect(classifyChange('under_review', 'in_progress')).toBeNull(); // returned for work
    expect(classifyChange('in_progress', 'under_review')).toBeNull();
    expect(classifyChange('under_review', 'completed')).toBe('completed');
    expect(classifyChange('accepted', 'discontinued')).toBe('discontinued');
    expect(classifyChange('completed', 'in_progress')).toBe('reopened');
    expect(classifyChange('discontinued', 'in_progress')).toBe('reopened');
  });

  it('orders sections 1..8 then "other", and codes by code point whatever the input order', () => {
    const { body, annex } = compileSummary(
      facts({ commitments: [commitment('b-x', { agendaItems: [] }), commitment('B-a', { agendaItems: [2] }), commitment('A-z')] }),
    );
    expect(body.agendaItems.map((s) => s.number)).toEqual([1, 2, null]);
    expect([...annex.commitments()].map((c) => c.code)).toEqual(['A-z', 'B-a', 'b-x']);
    expect(body.agendaItems[2]).toMatchObject({ title: 'Other recommendations', commitments: 1 });
  });

  it('counts an agency as owing a report only if it led a commitment open at some time in the year', () => {
    const closedBefore = commitment('IOM-a', { leadAgency: 'IOM', status: 'discontinued' });
    const closedDuring = commitment('ILO-a', { status: 'completed' });
    const { body } = compileSummary(
      facts({
        commitments: [closedBefore, closedDuring],
        statusChanges: [{ position: 7, commitmentId: closedDuring.id, occurredAt: new Date('2014-05-01T00:00:00Z'), from: 'under_review', to: 'completed' }],
      }),
    );
    expect(body.overview.reporting).toMatchObject({ owed: 1, reported: 0, percent: 0, notReported: ['ILO'] });
    expect(body.agencies.find((a) => a.code === 'IOM')).toMatchObject({ owed: false, led: 1 });
  });

  it('is overdue only when the due date passed before the instant and the commitment is open', () => {
    const { body } = compileSummary(
      facts({
        commitments: [
          commitment('A-late', { dueDate: '2015-01-30' }),
          commitment('B-today', { dueDate: '2015-01-31' }),
          commitment('C-done', { dueDate: '2014-01-01', status: 'completed' }),
        ],
      }),
    );
    expect(body.overview.overdue).toBe(1);
    expect(body.agendaItems[0].overdue.map((o) => o.commitmentCode)).toEqual(['A-late']);
  });
});
