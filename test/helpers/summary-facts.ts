import { overdueReasons, type OverdueContext } from '@hld/commitments';
import type { SummaryFacts } from '../../libs/annual-summaries/src/domain/compile-summary.js';

/** Where the facts below judge overdue by default: the day of their default instant, no reporting cycle passed. */
export const DEFAULT_OVERDUE_AT: OverdueContext = { day: '2015-01-31', cycleYear: null };

/**
 * A commitment as the summary's snapshot reads it, with valid defaults; its overdue reasons are what the
 * commitments' definition says at `overdueAt` (the snapshot judges them in SQL by the same definition), unless given.
 */
export const aCommitmentFact = (
  code: string,
  overrides: Partial<SummaryFacts['commitments'][number]> = {},
  overdueAt: OverdueContext = DEFAULT_OVERDUE_AT,
): SummaryFacts['commitments'][number] => {
  const fact = {
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
  };
  return { ...fact, overdueReasons: overrides.overdueReasons ?? overdueReasons({ ...fact, leadReportPeriods: [] }, overdueAt) };
};

/** The facts of year 2014 compiled on 31 January 2015, with nothing recorded unless `overrides` adds it. */
export const summaryFacts = (overrides: Partial<SummaryFacts> = {}): SummaryFacts => ({
  year: 2014,
  asOf: new Date('2015-01-31T00:00:00Z'),
  cutOff: new Date('2014-12-31T23:59:59.999Z'),
  knownAt: null,
  eventPosition: 42,
  overdueAt: DEFAULT_OVERDUE_AT,
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
