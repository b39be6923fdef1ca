import type { SummaryFacts } from '../../libs/annual-summaries/src/domain/compile-summary.js';

/** A commitment as the summary's snapshot reads it, with valid defaults. */
export const aCommitmentFact = (code: string, overrides: Partial<SummaryFacts['commitments'][number]> = {}) => ({
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

/** The facts of year 2014 compiled on 31 January 2015, with nothing recorded unless `overrides` adds it. */
export const summaryFacts = (overrides: Partial<SummaryFacts> = {}): SummaryFacts => ({
  year: 2014,
  asOf: new Date('2015-01-31T00:00:00Z'),
  eventPosition: 42,
  agendaItems: [
    { number: 1, title: 'One' },
    { number: 2, title: 'Two' },
  ],
  agencies: [{ code: 'ILO', name: 'International Labour Organization' }],
  commitments: [],
  reports: [],
  statusChanges: [],
  ...overrides,
});
