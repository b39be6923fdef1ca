import { COMMITMENT_STATUSES, isTerminal, type CommitmentStatus } from '@hld/commitments';
import { excerpt, splitSource } from './progress-text.js';
import { overdueReasons } from './overdue.js';
import {
  GENERATOR_VERSION,
  SUMMARY_FORMAT,
  type AgencyCommitmentRow,
  type AgencyTable,
  type AgendaItemSection,
  type AnnexCommitment,
  type AnnexProgressReport,
  type CompiledSummary,
  type EventCitation,
  type ProgressStatement,
  type ReportingRate,
  type StatusCounts,
  type YearChanges,
} from './summary-document.js';

/** One commitment as the snapshot shows it (its current read model). */
export interface CommitmentFact {
  id: string;
  code: string;
  title: string;
  leadAgency: string;
  supportingAgencies: string[];
  agendaItems: number[];
  status: CommitmentStatus;
  dueDate: string | null;
  lastReportPeriod: number | null;
}

/** A progress report for the summary's year. */
export interface ReportFact {
  id: string;
  commitmentId: string;
  agency: string;
  period: number;
  kind: string;
  summary: string;
  reportedAt: Date;
  /** The same agency reported the same words on the same commitment for the previous year (see the snapshot). */
  unchangedSincePreviousYear: boolean;
}

/** A CommitmentStatusChanged event that occurred on or after 1 January of the summary's year. */
export interface StatusChangeFact {
  position: number;
  commitmentId: string;
  occurredAt: Date;
  from: CommitmentStatus;
  to: CommitmentStatus;
}

/** Everything the summary is computed from, read in one consistent snapshot. */
export interface SummaryFacts {
  year: number;
  asOf: Date;
  eventPosition: number;
  agendaItems: Array<{ number: number; title: string }>;
  agencies: Array<{ code: string; name: string }>;
  commitments: CommitmentFact[];
  reports: ReportFact[];
  statusChanges: StatusChangeFact[];
}

export const OTHER_RECOMMENDATIONS = 'Other recommendations';

/** Code-point order: the same on every machine, unlike locale collation (SQL ORDER BY or localeCompare). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const DAY_MS = 86_400_000;
const isoDates = new Map<number, string>();
/** The UTC day of an instant, as YYYY-MM-DD; memoised per day, since a summary has few days and many dates. */
const isoDate = (d: Date): string => {
  const day = Math.floor(d.getTime() / DAY_MS);
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size > 100_000) isoDates.clear();
    isoDates.set(day, text);
  }
  return text;
};

const zeroCounts = (): StatusCounts => Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;

function countStatuses(commitments: Iterable<CommitmentFact>): { total: number; byStatus: StatusCounts } {
  const byStatus = zeroCounts();
  let total = 0;
  for (const c of commitments) {
    byStatus[c.status] += 1;
    total += 1;
  }
  return { total, byStatus };
}

/** How a status change counts in the year's changes (one change counts at most once). */
export function classifyChange(from: CommitmentStatus, to: CommitmentStatus): keyof YearChanges | null {
  if (to === 'accepted') return 'newlyAccepted';
  if (to === 'completed') return 'completed';
  if (to === 'discontinued') return 'discontinued';
  if (to === 'in_progress' && (from === 'proposed' || from === 'accepted')) return 'started';
  if (to === 'in_progress' && isTerminal(from)) return 'reopened';
  return null;
}

/**
 * Compiles the summary of `facts.year` from the facts of one snapshot. Pure and deterministic: every list is
 * sorted by code-point order of codes and ids, and the only instant in the output is the one given.
 */
export function compileSummary(facts: SummaryFacts): CompiledSummary {
  const { year } = facts;
  const asOfDate = isoDate(facts.asOf);
  const yearStart = Date.UTC(year, 0, 1);
  const yearEnd = Date.UTC(year + 1, 0, 1);
  const inYear = (d: Date) => d.getTime() >= yearStart && d.getTime() < yearEnd;

  const commitments = [...facts.commitments].sort((a, b) => byText(a.code, b.code));
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const code = (commitmentId: string) => byId.get(commitmentId)?.code ?? commitmentId;

  // status changes: those of the year, and per commitment the status it had when the year began
  const changes = [...facts.statusChanges].sort((a, b) => a.position - b.position);
  const changesOfYear = changes.filter((c) => inYear(c.occurredAt));
  const statusAtYearStart = new Map<string, CommitmentStatus>();
  for (const change of changes) if (!statusAtYearStart.has(change.commitmentId)) statusAtYearStart.set(change.commitmentId, change.from);
  // reopened (or otherwise moved to an open status) during the year, even if closed again since
  const openedDuringYear = new Set(changesOfYear.filter((change) => !isTerminal(change.to)).map((change) => change.commitmentId));
  // The tracker's registration time is when a record was entered (the catalogue was loaded years after 2013),
  // so it does not decide whether a commitment was open during the year; its status changes do.
  const openDuringYear = (c: CommitmentFact): boolean => !isTerminal(statusAtYearStart.get(c.id) ?? c.status) || openedDuringYear.has(c.id);
  const changesByCommitment = new Map<string, StatusChangeEntry[]>();
  const yearChanges: YearChanges = { newlyAccepted: 0, started: 0, completed: 0, discontinued: 0, reopened: 0 };
  for (const change of changesOfYear) {
    const kind = classifyChange(change.from, change.to);
    if (kind) yearChanges[kind] += 1;
    const list = changesByCommitment.get(change.commitmentId) ?? [];
    list.push({ from: change.from, to: change.to, citation: eventCitation(code(change.commitmentId), change) });
    changesByCommitment.set(change.commitmentId, list);
  }

  // progress reports of the year, in citation order; each statement is built once, however many sections cite it
  const reports = facts.reports
    .filter((r) => byId.has(r.commitmentId))
    .map((fact) => {
      const commitmentCode = code(fact.commitmentId);
      const date = isoDate(fact.reportedAt);
      return { fact, commitmentCode, date };
    })
    .sort(
      (a, b) =>
        byText(a.commitmentCode, b.commitmentCode) || byText(a.fact.agency, b.fact.agency) || byText(a.date, b.date) || byText(a.fact.id, b.fact.id),
    )
    .map(({ fact, commitmentCode, date }) => {
      const parts = splitSource(fact.summary);
      const cut = excerpt(parts.text);
      const statement: ProgressStatement = {
        citation: { commitmentCode, reportId: fact.id, agency: fact.agency, date, document: parts.document },
        period: fact.period,
        kind: fact.kind,
        excerpt: cut.excerpt,
        excerptIsWholeText: cut.whole,
        unchangedSincePreviousYear: fact.unchangedSincePreviousYear,
      };
      return { fact, text: parts.text, statement };
    });
  const reportedAgencies = new Set(reports.map((r) => r.fact.agency));
  const reportedOn = new Set(reports.map((r) => `${r.fact.commitmentId}|${r.fact.agency}`));

  const overdue = new Map(
    commitments.map((c) => [c.id, overdueReasons(c, asOfDate)] as const).filter(([, reasons]) => reasons.length > 0),
  );

  // reporting rate: agencies that lead a commitment open during the year owed a report
  const owed = new Set(commitments.filter(openDuringYear).map((c) => c.leadAgency));
  const reporting: ReportingRate = {
    owed: owed.size,
    reported: [...owed].filter((a) => reportedAgencies.has(a)).length,
    percent: null,
    notReported: [...owed].filter((a) => !reportedAgencies.has(a)).sort(byText),
    reportedWithoutObligation: [...reportedAgencies].filter((a) => !owed.has(a)).sort(byText),
  };
  if (reporting.owed > 0) reporting.percent = Math.round((1000 * reporting.reported) / reporting.owed) / 10;

  // one pass over the reports: each goes to the section of every agenda item of its commitment, by agency
  const progressBySection = new Map<number | null, Map<string, ProgressStatement[]>>();
  for (const r of reports) {
    const items = byId.get(r.fact.commitmentId)!.agendaItems;
    for (const item of items.length ? items : [null]) {
      let byAgency = progressBySection.get(item);
      if (!byAgency) progressBySection.set(item, (byAgency = new Map()));
      const statements = byAgency.get(r.fact.agency);
      if (statements) statements.push(r.statement);
      else byAgency.set(r.fact.agency, [r.statement]);
    }
  }
  const progressOf = (number: number | null) =>
    [...(progressBySection.get(number) ?? [])].sort(([a], [b]) => byText(a, b)).map(([agency, statements]) => ({ agency, statements }));

  const section = (number: number | null, title: string, members: CommitmentFact[]): AgendaItemSection => {
    const ids = new Set(members.map((c) => c.id));
    const { total, byStatus } = countStatuses(members);
    return {
      number,
      title,
      commitments: total,
      byStatus,
      progress: progressOf(number),
      completed: changesOfYear
        .filter((change) => change.to === 'completed' && ids.has(change.commitmentId))
        .map((change) => {
          const c = byId.get(change.commitmentId)!;
          return { commitmentCode: c.code, title: c.title, leadAgency: c.leadAgency, statusNow: c.status, citation: eventCitation(c.code, change) };
        })
        .sort((a, b) => byText(a.commitmentCode, b.commitmentCode) || a.citation.eventPosition - b.citation.eventPosition),
      overdue: members
        .filter((c) => overdue.has(c.id))
        .map((c) => ({ commitmentCode: c.code, title: c.title, leadAgency: c.leadAgency, dueDate: c.dueDate!, status: c.status, reasons: overdue.get(c.id)! })),
    };
  };

  const agendaItems = [...facts.agendaItems].sort((a, b) => a.number - b.number);
  const sections = [
    ...agendaItems.map((item) => section(item.number, item.title, commitments.filter((c) => c.agendaItems.includes(item.number)))),
    section(null, OTHER_RECOMMENDATIONS, commitments.filter((c) => c.agendaItems.length === 0)),
  ];

  const agencies = agencyTables(facts.agencies, commitments, { owed, reports: reports.map((r) => r.fact), reportedOn, changesByCommitment });

  const annex = {
    *commitments(): Iterable<AnnexCommitment> {
      for (const c of commitments) {
        yield { code: c.code, title: c.title, leadAgency: c.leadAgency, status: c.status, lastReportPeriod: c.lastReportPeriod, overdue: overdue.has(c.id) };
      }
    },
    *progressReports(): Iterable<AnnexProgressReport> {
      for (const { fact, text, statement } of reports) {
        yield {
          reportId: fact.id,
          commitmentCode: statement.citation.commitmentCode,
          agency: fact.agency,
          date: statement.citation.date,
          period: fact.period,
          kind: fact.kind,
          document: statement.citation.document,
          text,
          unchangedSincePreviousYear: fact.unchangedSincePreviousYear,
        };
      }
    },
  };

  const { total, byStatus } = countStatuses(commitments);
  return {
    body: {
      format: SUMMARY_FORMAT,
      title: `Annual progress summary ${year}: follow-up to the 2013 High-level Dialogue on International Migration and Development`,
      year,
      provenance: { compiledAsOf: facts.asOf.toISOString(), eventPosition: facts.eventPosition, generator: GENERATOR_VERSION },
      overview: { commitments: total, byStatus, changesDuringYear: yearChanges, overdue: overdue.size, reporting, progressReports: reports.length },
      agendaItems: sections,
      agencies,
    },
    annex,
  };
}

type StatusChangeEntry = AgencyCommitmentRow['statusChanges'][number];

function eventCitation(commitmentCode: string, change: StatusChangeFact): EventCitation {
  return { commitmentCode, eventPosition: change.position, date: isoDate(change.occurredAt) };
}

/** One table per agency that leads, supports or reported: every commitment it owns, and what happened to it. */
function agencyTables(
  agencies: SummaryFacts['agencies'],
  commitments: CommitmentFact[],
  year: {
    owed: ReadonlySet<string>;
    reports: ReportFact[];
    reportedOn: ReadonlySet<string>;
    changesByCommitment: ReadonlyMap<string, StatusChangeEntry[]>;
  },
): AgencyTable[] {
  const tables = new Map<string, AgencyTable>();
  const names = new Map(agencies.map((a) => [a.code, a.name]));
  const table = (agency: string): AgencyTable => {
    let t = tables.get(agency);
    if (!t) {
      t = { code: agency, name: names.get(agency) ?? agency, led: 0, supported: 0, owed: year.owed.has(agency), reports: 0, commitments: [] };
      tables.set(agency, t);
    }
    return t;
  };
  for (const c of commitments) {
    const owners: Array<[string, 'lead' | 'supporting']> = [[c.leadAgency, 'lead'], ...c.supportingAgencies.map((a) => [a, 'supporting'] as [string, 'supporting'])];
    for (const [agency, role] of owners) {
      const t = table(agency);
      if (role === 'lead') t.led += 1;
      else t.supported += 1;
      t.commitments.push({
        commitmentCode: c.code,
        role,
        status: c.status,
        reported: year.reportedOn.has(`${c.id}|${agency}`),
        statusChanges: year.changesByCommitment.get(c.id) ?? [],
      });
    }
  }
  for (const report of year.reports) table(report.agency).reports += 1;
  return [...tables.values()].sort((a, b) => byText(a.code, b.code));
}
