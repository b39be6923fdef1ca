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

/** `items` in `order`: as given when already in order (the snapshot reads them sorted), otherwise a sorted copy. */
function inOrder<T>(items: readonly T[], order: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i += 1) if (order(items[i - 1], items[i]) > 0) return [...items].sort(order);
  return items;
}

/** What the compilation works out per commitment, gathered on one record (found by id once per report and change). */
interface CommitmentYear {
  fact: CommitmentFact;
  /** Its status on 1 January, when a status change since then says so. */
  statusAtYearStart?: CommitmentStatus;
  /** Moved to an open status during the year, even if closed again since. */
  openedDuringYear: boolean;
  statusChanges?: StatusChangeEntry[];
  /** Agencies that reported on it for the year. */
  reportedBy?: string[];
  overdue?: string[];
}

/**
 * Compiles the summary of `facts.year` from the facts of one snapshot. Pure and deterministic: every list is
 * sorted by code-point order of codes and ids, and the only instant in the output is the one given.
 *
 * Each input is walked once, with one id lookup per report and per status change: a year of 100,000
 * commitments makes every extra lookup or pass count.
 */
export function compileSummary(facts: SummaryFacts): CompiledSummary {
  const { year } = facts;
  const asOfDate = isoDate(facts.asOf);
  const yearStart = Date.UTC(year, 0, 1);
  const yearEnd = Date.UTC(year + 1, 0, 1);
  const inYear = (d: Date) => d.getTime() >= yearStart && d.getTime() < yearEnd;

  const commitments = inOrder(facts.commitments, (a, b) => byText(a.code, b.code));
  const years: CommitmentYear[] = commitments.map((fact) => ({ fact, openedDuringYear: false }));
  const byId = new Map(years.map((c) => [c.fact.id, c]));

  // status changes since the year began, in log order: the year's own, and what each commitment was on 1 January
  const yearChanges: YearChanges = { newlyAccepted: 0, started: 0, completed: 0, discontinued: 0, reopened: 0 };
  const completions: Array<{ at: CommitmentYear; change: StatusChangeFact }> = [];
  for (const change of inOrder(facts.statusChanges, (a, b) => a.position - b.position)) {
    const at = byId.get(change.commitmentId);
    if (at && at.statusAtYearStart === undefined) at.statusAtYearStart = change.from;
    if (!inYear(change.occurredAt)) continue;
    const kind = classifyChange(change.from, change.to);
    if (kind) yearChanges[kind] += 1;
    if (!at) continue;
    if (!isTerminal(change.to)) at.openedDuringYear = true;
    (at.statusChanges ??= []).push({ from: change.from, to: change.to, citation: eventCitation(at.fact.code, change) });
    if (change.to === 'completed') completions.push({ at, change });
  }
  // The tracker's registration time is when a record was entered (the catalogue was loaded years after 2013),
  // so it does not decide whether a commitment was open during the year; its status changes do.
  const openDuringYear = (c: CommitmentYear): boolean => !isTerminal(c.statusAtYearStart ?? c.fact.status) || c.openedDuringYear;

  // progress reports of the year (of known commitments), in citation order; each statement is built once,
  // however many sections cite it
  const known: Array<{ fact: ReportFact; at: CommitmentYear; date: string }> = [];
  for (const fact of facts.reports) {
    const at = byId.get(fact.commitmentId);
    if (at) known.push({ fact, at, date: isoDate(fact.reportedAt) });
  }
  const reports = inOrder(
    known,
    (a, b) => byText(a.at.fact.code, b.at.fact.code) || byText(a.fact.agency, b.fact.agency) || byText(a.date, b.date) || byText(a.fact.id, b.fact.id),
  ).map(({ fact, at, date }) => {
    const parts = splitSource(fact.summary);
    const cut = excerpt(parts.text);
    const statement: ProgressStatement = {
      citation: { commitmentCode: at.fact.code, reportId: fact.id, agency: fact.agency, date, document: parts.document },
      period: fact.period,
      kind: fact.kind,
      excerpt: cut.excerpt,
      excerptIsWholeText: cut.whole,
      unchangedSincePreviousYear: fact.unchangedSincePreviousYear,
    };
    const reportedBy = (at.reportedBy ??= []);
    if (!reportedBy.includes(fact.agency)) reportedBy.push(fact.agency);
    return { fact, at, text: parts.text, statement };
  });
  const reportedAgencies = new Set(reports.map((r) => r.fact.agency));

  let overdueCount = 0;
  const owed = new Set<string>();
  for (const c of years) {
    const reasons = overdueReasons(c.fact, asOfDate);
    if (reasons.length > 0) {
      c.overdue = reasons;
      overdueCount += 1;
    }
    // reporting rate: agencies that lead a commitment open during the year owed a report
    if (openDuringYear(c)) owed.add(c.fact.leadAgency);
  }
  const reporting: ReportingRate = {
    owed: owed.size,
    reported: [...owed].filter((a) => reportedAgencies.has(a)).length,
    percent: null,
    notReported: [...owed].filter((a) => !reportedAgencies.has(a)).sort(byText),
    reportedWithoutObligation: [...reportedAgencies].filter((a) => !owed.has(a)).sort(byText),
  };
  if (reporting.owed > 0) reporting.percent = Math.round((1000 * reporting.reported) / reporting.owed) / 10;

  // the sections: one per agenda item, in number order, then the commitments linked to none
  const agendaItems = [...facts.agendaItems].sort((a, b) => a.number - b.number);
  const sections = new Map<number | null, SectionParts>();
  for (const item of agendaItems) sections.set(item.number, { title: item.title, members: [], progress: new Map(), completed: [] });
  sections.set(null, { title: OTHER_RECOMMENDATIONS, members: [], progress: new Map(), completed: [] });
  /** The sections a commitment belongs to: those of its agenda items, or "other" when it has none. */
  const sectionsOf = (c: CommitmentFact): SectionParts[] => {
    if (c.agendaItems.length === 0) return [sections.get(null)!];
    const found: SectionParts[] = [];
    for (const number of c.agendaItems) {
      const section = sections.get(number);
      if (section && !found.includes(section)) found.push(section);
    }
    return found;
  };
  for (const c of years) for (const section of sectionsOf(c.fact)) section.members.push(c);
  for (const r of reports) {
    for (const section of sectionsOf(r.at.fact)) {
      const statements = section.progress.get(r.fact.agency);
      if (statements) statements.push(r.statement);
      else section.progress.set(r.fact.agency, [r.statement]);
    }
  }
  for (const completion of completions) for (const section of sectionsOf(completion.at.fact)) section.completed.push(completion);

  const section = (number: number | null, parts: SectionParts): AgendaItemSection => {
    const { total, byStatus } = countStatuses(parts.members.map((c) => c.fact));
    return {
      number,
      title: parts.title,
      commitments: total,
      byStatus,
      progress: [...parts.progress].sort(([a], [b]) => byText(a, b)).map(([agency, statements]) => ({ agency, statements })),
      completed: parts.completed
        .map(({ at: { fact: c }, change }) => ({
          commitmentCode: c.code,
          title: c.title,
          leadAgency: c.leadAgency,
          statusNow: c.status,
          citation: eventCitation(c.code, change),
        }))
        .sort((a, b) => byText(a.commitmentCode, b.commitmentCode) || a.citation.eventPosition - b.citation.eventPosition),
      overdue: parts.members
        .filter((c) => c.overdue)
        .map(({ fact: c, overdue }) => ({ commitmentCode: c.code, title: c.title, leadAgency: c.leadAgency, dueDate: c.dueDate!, status: c.status, reasons: overdue! })),
    };
  };

  const annex = {
    *commitments(): Iterable<AnnexCommitment> {
      for (const { fact: c, overdue } of years) {
        yield { code: c.code, title: c.title, leadAgency: c.leadAgency, status: c.status, lastReportPeriod: c.lastReportPeriod, overdue: overdue !== undefined };
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
      overview: { commitments: total, byStatus, changesDuringYear: yearChanges, overdue: overdueCount, reporting, progressReports: reports.length },
      agendaItems: [...sections].map(([number, parts]) => section(number, parts)),
      agencies: agencyTables(facts.agencies, years, { owed, reports: reports.map((r) => r.fact) }),
    },
    annex,
  };
}

/** A section as it is gathered, before it is counted and sorted. */
interface SectionParts {
  title: string;
  members: CommitmentYear[];
  /** Statements by agency, in citation order. */
  progress: Map<string, ProgressStatement[]>;
  completed: Array<{ at: CommitmentYear; change: StatusChangeFact }>;
}

type StatusChangeEntry = AgencyCommitmentRow['statusChanges'][number];

function eventCitation(commitmentCode: string, change: StatusChangeFact): EventCitation {
  return { commitmentCode, eventPosition: change.position, date: isoDate(change.occurredAt) };
}

/** One table per agency that leads, supports or reported: every commitment it owns, and what happened to it. */
function agencyTables(agencies: SummaryFacts['agencies'], commitments: CommitmentYear[], year: { owed: ReadonlySet<string>; reports: ReportFact[] }): AgencyTable[] {
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
  const noChanges: StatusChangeEntry[] = [];
  const row = (c: CommitmentYear, agency: string, role: 'lead' | 'supporting'): AgencyCommitmentRow => ({
    commitmentCode: c.fact.code,
    role,
    status: c.fact.status,
    reported: c.reportedBy?.includes(agency) ?? false,
    statusChanges: c.statusChanges ?? noChanges,
  });
  for (const c of commitments) {
    const lead = table(c.fact.leadAgency);
    lead.led += 1;
    lead.commitments.push(row(c, c.fact.leadAgency, 'lead'));
    for (const agency of c.fact.supportingAgencies) {
      const t = table(agency);
      t.supported += 1;
      t.commitments.push(row(c, agency, 'supporting'));
    }
  }
  for (const report of year.reports) table(report.agency).reports += 1;
  return [...tables.values()].sort((a, b) => byText(a.code, b.code));
}
