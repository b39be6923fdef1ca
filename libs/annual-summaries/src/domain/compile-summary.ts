import { COMMITMENT_STATUSES, isOpen, isTerminal, type CommitmentStatus, type OverdueContext, type OverdueReason } from '@hld/commitments';
import { excerpt, splitSource } from './progress-text.js';
import {
  GENERATOR_VERSION,
  SUMMARY_FORMAT,
  type AgencyTable,
  type AgendaItemSection,
  type AnnexCommitment,
  type AnnexProgressReport,
  type CompiledSummary,
  type EventCitation,
  type ProgressStatement,
  type ReportingRate,
  type StatusChangeEntry,
  type StatusCounts,
  type SummaryAnnex,
  type YearChanges,
} from './summary-document.js';

/** One commitment as it stood at the summary's cut-off (its version then), as known at the compilation. */
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
  /** Why it is overdue at the summary's instant (empty when it is not), judged by the commitments' definition. */
  overdueReasons: OverdueReason[];
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
  /** Recorded after the deadline of the year's reporting cycle. */
  reportedLate: boolean;
}

/** A CommitmentStatusChanged event effective within the summary's year. */
export interface StatusChangeFact {
  position: number;
  commitmentId: string;
  /** When it took effect. */
  occurredAt: Date;
  from: CommitmentStatus;
  to: CommitmentStatus;
}

/** Everything the summary is computed from, read in one consistent snapshot. */
export interface SummaryFacts {
  year: number;
  /** The compilation's instant. */
  asOf: Date;
  /** The effective instant the summary describes: 31 December of the year, 23:59:59.999 UTC. */
  cutOff: Date;
  /** The recorded instant it is known at, when the request names one; null: everything recorded by `asOf`. */
  knownAt: Date | null;
  eventPosition: number;
  /** The day and reporting cycle overdue was judged at: those of `cutOff`. */
  overdueAt: OverdueContext;
  agendaItems: Array<{ number: number; title: string }>;
  agencies: Array<{ code: string; name: string }>;
  commitments: CommitmentFact[];
  reports: ReportFact[];
  statusChanges: StatusChangeFact[];
}

export const OTHER_RECOMMENDATIONS = 'Other recommendations';

/** Code-point order: the same on every machine, unlike locale collation (SQL ORDER BY or localeCompare). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compiles the summary of `facts.year` from the facts of one snapshot. Pure and deterministic: every list is
 * sorted by code-point order of codes and ids, and the only instant in the output is the one given.
 *
 * The steps below each walk their input once, with one id lookup per report and per status change (a year of
 * 100,000 commitments makes every extra lookup or pass count), and each returns what it found, per commitment
 * by its place in the register, for the steps after it to read.
 */
export function compileSummary(facts: SummaryFacts): CompiledSummary {
  const { year } = facts;
  const dayOf = utcDays();
  const register = registerCommitments(facts.commitments);
  const history = foldStatusChanges(register, facts.statusChanges, year, dayOf);
  const { reports, reportedBy } = citeReports(register, facts.reports, dayOf);
  const standing = judgeStanding(register, history, facts.overdueAt);
  const { total, byStatus } = countStatuses(register.commitments);
  return {
    body: {
      format: SUMMARY_FORMAT,
      title: `Annual progress summary ${year}: follow-up to the 2013 High-level Dialogue on International Migration and Development`,
      year,
      provenance: {
        asAt: facts.cutOff.toISOString(),
        recordedBy: (facts.knownAt ?? facts.asOf).toISOString(),
        compiledAsOf: facts.asOf.toISOString(),
        eventPosition: facts.eventPosition,
        generator: GENERATOR_VERSION,
      },
      overview: {
        commitments: total,
        byStatus,
        changesDuringYear: history.changesDuringYear,
        overdue: standing.overdueCount,
        reporting: reportingRate(standing.owed, reports),
        progressReports: reports.length,
        reportedLate: reports.filter((r) => r.fact.reportedLate).length,
      },
      agendaItems: agendaItemSections(facts.agendaItems, register, { history, reports, standing }, dayOf),
      agencies: agencyTables(facts.agencies, register, { history, reportedBy, owed: standing.owed, reports }),
    },
    annex: annexOf(register, standing, reports),
  };
}

const DAY_MS = 86_400_000;

/** The UTC day of an instant, as YYYY-MM-DD. */
export type DayOf = (instant: Date) => string;

/** A DayOf memoised per day, for one compilation: a summary has few days and many dates. */
export function utcDays(): DayOf {
  const days = new Map<number, string>();
  return (instant) => {
    const day = Math.floor(instant.getTime() / DAY_MS);
    let text = days.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      days.set(day, text);
    }
    return text;
  };
}

/** `items` in `order`: as given when already in order (the snapshot reads them sorted), otherwise a sorted copy. */
function inOrder<T>(items: readonly T[], order: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i += 1) if (order(items[i - 1], items[i]) > 0) return [...items].sort(order);
  return items;
}

const zeroCounts = (): StatusCounts => Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;

export function countStatuses(commitments: Iterable<CommitmentFact>): { total: number; byStatus: StatusCounts } {
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

function eventCitation(commitmentCode: string, change: StatusChangeFact, dayOf: DayOf): EventCitation {
  return { commitmentCode, eventPosition: change.position, date: dayOf(change.occurredAt) };
}

/** The commitments in code order, and where each id sits in that order: the steps index what they find by it. */
export interface CommitmentRegister {
  commitments: readonly CommitmentFact[];
  indexOf: ReadonlyMap<string, number>;
}

export function registerCommitments(commitments: readonly CommitmentFact[]): CommitmentRegister {
  const ordered = inOrder(commitments, (a, b) => byText(a.code, b.code));
  return { commitments: ordered, indexOf: new Map(ordered.map((c, i) => [c.id, i])) };
}

/** A completion during the year: the commitment (its place in the register) and the change. */
export interface Completion {
  at: number;
  change: StatusChangeFact;
}

/** What the status changes since 1 January say: for the year, and per commitment (by its place in the register). */
export interface StatusHistory {
  changesDuringYear: YearChanges;
  /** Its status on 1 January, where a change since then says what it was. */
  statusAtYearStart: Array<CommitmentStatus | undefined>;
  /** Moved to an open status during the year, even if closed again since. */
  openedDuringYear: boolean[];
  /** Its changes during the year, in log order. */
  statusChanges: Array<StatusChangeEntry[] | undefined>;
  /** The year's completions, in log order. */
  completions: Completion[];
}

/**
 * Walks the status changes effective since the year began, in effective order (then log order): the first one of a
 * commitment says its status on 1 January; those during the year count in the year's changes (a commitment the
 * summary does not hold counts there too) and in its own history.
 */
export function foldStatusChanges(
  register: CommitmentRegister,
  changes: readonly StatusChangeFact[],
  year: number,
  dayOf: DayOf,
): StatusHistory {
  const yearStart = Date.UTC(year, 0, 1);
  const yearEnd = Date.UTC(year + 1, 0, 1);
  const count = register.commitments.length;
  const history: StatusHistory = {
    changesDuringYear: { newlyAccepted: 0, started: 0, completed: 0, discontinued: 0, reopened: 0 },
    statusAtYearStart: new Array<CommitmentStatus | undefined>(count),
    openedDuringYear: new Array<boolean>(count).fill(false),
    statusChanges: new Array<StatusChangeEntry[] | undefined>(count),
    completions: [],
  };
  const effectiveOrder = (a: StatusChangeFact, b: StatusChangeFact) =>
    a.occurredAt.getTime() - b.occurredAt.getTime() || a.position - b.position;
  for (const change of inOrder(changes, effectiveOrder)) {
    const at = register.indexOf.get(change.commitmentId);
    if (at !== undefined && history.statusAtYearStart[at] === undefined) history.statusAtYearStart[at] = change.from;
    const time = change.occurredAt.getTime();
    if (time < yearStart || time >= yearEnd) continue;
    const kind = classifyChange(change.from, change.to);
    if (kind) history.changesDuringYear[kind] += 1;
    if (at === undefined) continue;
    if (isOpen(change.to)) history.openedDuringYear[at] = true;
    const entry: StatusChangeEntry = {
      from: change.from,
      to: change.to,
      citation: eventCitation(register.commitments[at].code, change, dayOf),
    };
    (history.statusChanges[at] ??= []).push(entry);
    if (change.to === 'completed') history.completions.push({ at, change });
  }
  return history;
}

/** A progress report of the year as the summary cites it. */
export interface CitedReport {
  fact: ReportFact;
  /** Its commitment's place in the register. */
  at: number;
  /** The agency's own words, without the source note. */
  text: string;
  /** Built once, however many sections cite it. */
  statement: ProgressStatement;
}

/**
 * The year's reports on commitments the snapshot holds, in citation order (commitment code, agency, day, id),
 * each with its statement; and per commitment, the agencies that reported on it.
 */
export function citeReports(
  register: CommitmentRegister,
  facts: readonly ReportFact[],
  dayOf: DayOf,
): { reports: CitedReport[]; reportedBy: Array<string[] | undefined> } {
  const { commitments, indexOf } = register;
  const known: Array<{ fact: ReportFact; at: number; date: string }> = [];
  for (const fact of facts) {
    const at = indexOf.get(fact.commitmentId);
    if (at !== undefined) known.push({ fact, at, date: dayOf(fact.reportedAt) });
  }
  const reportedBy = new Array<string[] | undefined>(commitments.length);
  const reports = inOrder(
    known,
    (a, b) =>
      byText(commitments[a.at].code, commitments[b.at].code) ||
      byText(a.fact.agency, b.fact.agency) ||
      byText(a.date, b.date) ||
      byText(a.fact.id, b.fact.id),
  ).map(({ fact, at, date }): CitedReport => {
    const parts = splitSource(fact.summary);
    const cut = excerpt(parts.text);
    const statement: ProgressStatement = {
      citation: { commitmentCode: commitments[at].code, reportId: fact.id, agency: fact.agency, date, document: parts.document },
      period: fact.period,
      kind: fact.kind,
      excerpt: cut.excerpt,
      excerptIsWholeText: cut.whole,
      unchangedSincePreviousYear: fact.unchangedSincePreviousYear,
      reportedLate: fact.reportedLate,
    };
    const agencies = (reportedBy[at] ??= []);
    if (!agencies.includes(fact.agency)) agencies.push(fact.agency);
    return { fact, at, text: parts.text, statement };
  });
  return { reports, reportedBy };
}

/** Where the commitments stand at the summary's instant, and who owed a report for the year. */
export interface Standing {
  /** Why each commitment (by its place in the register) is overdue; undefined when it is not. */
  overdue: Array<OverdueReason[] | undefined>;
  overdueCount: number;
  /** The year whose report a `report_missing` commitment lacks; null when no cycle's deadline had passed. */
  missingReportPeriod: number | null;
  /** The agencies that led a commitment open at some time during the year: they owed a report for it. */
  owed: Set<string>;
}

/** Overdue is as the snapshot judged it (`CommitmentFact.overdueReasons`, at `overdueAt`): counted here, not decided. */
export function judgeStanding(register: CommitmentRegister, history: StatusHistory, overdueAt: OverdueContext): Standing {
  const standing: Standing = {
    overdue: new Array<OverdueReason[] | undefined>(register.commitments.length),
    overdueCount: 0,
    missingReportPeriod: overdueAt.cycleYear,
    owed: new Set(),
  };
  register.commitments.forEach((c, at) => {
    const reasons = c.overdueReasons;
    if (reasons.length > 0) {
      standing.overdue[at] = reasons;
      standing.overdueCount += 1;
    }
    // The tracker's registration time is when a record was entered (the catalogue was loaded years after 2013),
    // so it does not decide whether a commitment was open during the year; its status changes do.
    if (isOpen(history.statusAtYearStart[at] ?? c.status) || history.openedDuringYear[at]) standing.owed.add(c.leadAgency);
  });
  return standing;
}

/** Of the agencies that owed a report, those that reported; and those that reported without owing one. */
export function reportingRate(owed: ReadonlySet<string>, reports: readonly CitedReport[]): ReportingRate {
  const reported = new Set(reports.map((r) => r.fact.agency));
  const rate: ReportingRate = {
    owed: owed.size,
    reported: [...owed].filter((a) => reported.has(a)).length,
    percent: null,
    notReported: [...owed].filter((a) => !reported.has(a)).sort(byText),
    reportedWithoutObligation: [...reported].filter((a) => !owed.has(a)).sort(byText),
  };
  if (rate.owed > 0) rate.percent = Math.round((1000 * rate.reported) / rate.owed) / 10;
  return rate;
}

/** A section as it is gathered, before it is counted and sorted. */
interface SectionParts {
  title: string;
  /** Its commitments, by their place in the register (so in code order). */
  members: number[];
  /** Statements by agency, in citation order. */
  progress: Map<string, ProgressStatement[]>;
  completed: Completion[];
}

/**
 * One section per agenda item, in number order, then the commitments linked to none ("other"). A commitment
 * linked to several agenda items is in each of their sections, with its reports and completions.
 */
export function agendaItemSections(
  agendaItems: SummaryFacts['agendaItems'],
  register: CommitmentRegister,
  year: { history: StatusHistory; reports: readonly CitedReport[]; standing: Standing },
  dayOf: DayOf,
): AgendaItemSection[] {
  const { commitments } = register;
  const sections = new Map<number | null, SectionParts>();
  for (const item of [...agendaItems].sort((a, b) => a.number - b.number))
    sections.set(item.number, { title: item.title, members: [], progress: new Map(), completed: [] });
  sections.set(null, { title: OTHER_RECOMMENDATIONS, members: [], progress: new Map(), completed: [] });
  /** The sections a commitment belongs to: those of its agenda items, or "other" when it has none. */
  const sectionsOf = (at: number): SectionParts[] => {
    const numbers = commitments[at].agendaItems;
    if (numbers.length === 0) return [sections.get(null)!];
    const found: SectionParts[] = [];
    for (const number of numbers) {
      const section = sections.get(number);
      if (section && !found.includes(section)) found.push(section);
    }
    return found;
  };
  for (let at = 0; at < commitments.length; at += 1) for (const section of sectionsOf(at)) section.members.push(at);
  for (const r of year.reports) {
    for (const section of sectionsOf(r.at)) {
      const statements = section.progress.get(r.fact.agency);
      if (statements) statements.push(r.statement);
      else section.progress.set(r.fact.agency, [r.statement]);
    }
  }
  for (const completion of year.history.completions) for (const section of sectionsOf(completion.at)) section.completed.push(completion);

  const overdue = year.standing.overdue;
  return [...sections].map(([number, parts]): AgendaItemSection => {
    const { total, byStatus } = countStatuses(parts.members.map((at) => commitments[at]));
    return {
      number,
      title: parts.title,
      commitments: total,
      byStatus,
      progress: [...parts.progress].sort(([a], [b]) => byText(a, b)).map(([agency, statements]) => ({ agency, statements })),
      completed: parts.completed
        .map(({ at, change }) => {
          const c = commitments[at];
          return {
            commitmentCode: c.code,
            title: c.title,
            leadAgency: c.leadAgency,
            statusNow: c.status,
            citation: eventCitation(c.code, change, dayOf),
          };
        })
        .sort((a, b) => byText(a.commitmentCode, b.commitmentCode) || a.citation.eventPosition - b.citation.eventPosition),
      overdue: parts.members
        .filter((at) => overdue[at])
        .map((at) => {
          const c = commitments[at];
          return {
            commitmentCode: c.code,
            title: c.title,
            leadAgency: c.leadAgency,
            dueDate: c.dueDate,
            status: c.status,
            reasons: overdue[at]!,
            missingReportPeriod: overdue[at]!.includes('report_missing') ? year.standing.missingReportPeriod : null,
          };
        }),
    };
  });
}

/** One table per agency that leads, supports or reported: every commitment it owns, and what happened to it. */
export function agencyTables(
  agencies: SummaryFacts['agencies'],
  register: CommitmentRegister,
  year: { history: StatusHistory; reportedBy: Array<string[] | undefined>; owed: ReadonlySet<string>; reports: readonly CitedReport[] },
): AgencyTable[] {
  const tables = new Map<string, AgencyTable>();
  const names = new Map(agencies.map((a) => [a.code, a.name]));
  const table = (agency: string): AgencyTable => {
    let t = tables.get(agency);
    if (!t) {
      t = {
        code: agency,
        name: names.get(agency) ?? agency,
        led: 0,
        supported: 0,
        owed: year.owed.has(agency),
        reports: 0,
        commitments: [],
      };
      tables.set(agency, t);
    }
    return t;
  };
  const noChanges: StatusChangeEntry[] = [];
  register.commitments.forEach((c, at) => {
    const statusChanges = year.history.statusChanges[at] ?? noChanges;
    const reportedBy = year.reportedBy[at];
    const lead = table(c.leadAgency);
    lead.led += 1;
    lead.commitments.push({
      commitmentCode: c.code,
      role: 'lead',
      status: c.status,
      reported: reportedBy?.includes(c.leadAgency) ?? false,
      statusChanges,
    });
    for (const agency of c.supportingAgencies) {
      const t = table(agency);
      t.supported += 1;
      t.commitments.push({
        commitmentCode: c.code,
        role: 'supporting',
        status: c.status,
        reported: reportedBy?.includes(agency) ?? false,
        statusChanges,
      });
    }
  });
  for (const report of year.reports) table(report.fact.agency).reports += 1;
  return [...tables.values()].sort((a, b) => byText(a.code, b.code));
}

/** The annex, row by row as a format writes it: every commitment, and the full text of every report of the year. */
export function annexOf(register: CommitmentRegister, standing: Standing, reports: readonly CitedReport[]): SummaryAnnex {
  return {
    *commitments(): Iterable<AnnexCommitment> {
      for (const [at, c] of register.commitments.entries()) {
        yield {
          code: c.code,
          title: c.title,
          leadAgency: c.leadAgency,
          status: c.status,
          lastReportPeriod: c.lastReportPeriod,
          overdue: standing.overdue[at] !== undefined,
        };
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
          reportedLate: fact.reportedLate,
        };
      }
    },
  };
}
