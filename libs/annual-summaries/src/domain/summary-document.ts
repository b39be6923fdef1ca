import type { CommitmentStatus, OverdueReason } from '@hld/commitments';

/**
 * The annual progress summary as data: what the JSON format holds, and what every other format renders.
 * Field order matters: the JSON is written in this order and its checksum is over those bytes.
 */

/** Names the shape of the JSON; bump the generator version whenever the output of the same data changes. */
export const SUMMARY_FORMAT = 'hld-annual-summary/4';
export const GENERATOR_VERSION = 'hld-annual-summary-generator/4.0.0';

export type StatusCounts = Record<CommitmentStatus, number>;

/**
 * A document cited as a source, as a footnote names it: "Twelfth Coordination Meeting on International Migration,
 * ESA/P/WP.237, sect. IV"; "Thirteenth Coordination Meeting on International Migration (United Nations Population
 * Division, 2015), p. 11". Each part is null when the source does not give it.
 */
export interface DocumentReference {
  title: string | null;
  /** The United Nations document symbol (ESA/P/WP.237, A/68/190). */
  symbol: string | null;
  /** Where in the document, other than a page: "sect. IV", "chapter “UN Women”". */
  locator: string | null;
  /** A page, a range or a list of pages ("12", "12–14", "3 and 16"). */
  page: string | null;
}

/** Where a statement comes from: the commitment, and the progress report or event behind it. */
export interface ReportCitation {
  commitmentCode: string;
  reportId: string;
  agency: string;
  /** The report's own date (UTC), as the agency gave it: its effective date, never the day it was entered. */
  date: string;
  /** The document the report itself cites, when it names one. */
  document: DocumentReference | null;
}

export interface EventCitation {
  commitmentCode: string;
  eventPosition: number;
  date: string;
}

export interface Provenance {
  /** The effective instant the summary describes (31 December of the year, 23:59:59.999 UTC): statuses, owners, due dates and overdue are those of then. */
  asAt: string;
  /** The recorded instant it is known at: what the tracker had recorded by then (the compilation, unless the request named an earlier one). */
  recordedBy: string;
  /** When it was compiled. */
  compiledAsOf: string;
  /** The highest event position visible in the snapshot the summary was read from. */
  eventPosition: number;
  generator: string;
}

export interface YearChanges {
  newlyAccepted: number;
  started: number;
  completed: number;
  discontinued: number;
  reopened: number;
}

export interface ReportingRate {
  /** Agencies leading at least one commitment open during the year. */
  owed: number;
  /** Of those, the agencies with at least one progress report for the year. */
  reported: number;
  /** reported / owed, in per cent with one decimal; null when no agency owed. */
  percent: number | null;
  notReported: string[];
  /** Agencies that reported for the year without leading an open commitment (partners, supporting agencies). */
  reportedWithoutObligation: string[];
}

export interface Overview {
  commitments: number;
  byStatus: StatusCounts;
  changesDuringYear: YearChanges;
  overdue: number;
  reporting: ReportingRate;
  progressReports: number;
  /** Of those, the reports recorded after the deadline of the year's reporting cycle. */
  reportedLate: number;
}

export interface ProgressStatement {
  citation: ReportCitation;
  period: number;
  kind: string;
  /** The beginning of the agency's own text, cut at a word boundary; the whole text is in the annex. */
  excerpt: string;
  excerptIsWholeText: boolean;
  /** The same agency reported the same text on the same commitment for the previous year. */
  unchangedSincePreviousYear: boolean;
  /** Recorded after the deadline of the year's reporting cycle. */
  reportedLate: boolean;
}

export interface AgencyProgress {
  agency: string;
  statements: ProgressStatement[];
}

export interface CompletionStatement {
  commitmentCode: string;
  title: string;
  leadAgency: string;
  /** Its status at the summary's cut-off (it may have been reopened before it). */
  statusNow: CommitmentStatus;
  citation: EventCitation;
}

/** A commitment overdue at the summary's instant, by the commitments' definition (the API's `overdueReasons`). */
export interface OverdueStatement {
  commitmentCode: string;
  title: string;
  leadAgency: string;
  /** Null when only its missing report makes it overdue. */
  dueDate: string | null;
  status: CommitmentStatus;
  reasons: OverdueReason[];
  /** With `report_missing`: the year the lead agency has not reported for, past that cycle's deadline; else null. */
  missingReportPeriod: number | null;
}

export interface AgendaItemSection {
  /** 1 to 8, or null for the recommendations linked to no agenda item. */
  number: number | null;
  title: string;
  commitments: number;
  byStatus: StatusCounts;
  progress: AgencyProgress[];
  completed: CompletionStatement[];
  overdue: OverdueStatement[];
}

export interface StatusChangeEntry {
  from: CommitmentStatus;
  to: CommitmentStatus;
  citation: EventCitation;
}

export interface AgencyCommitmentRow {
  commitmentCode: string;
  role: 'lead' | 'supporting';
  status: CommitmentStatus;
  /** This agency reported on this commitment for the year. */
  reported: boolean;
  statusChanges: StatusChangeEntry[];
}

export interface AgencyTable {
  code: string;
  name: string;
  led: number;
  supported: number;
  /** Leads at least one commitment open during the year. */
  owed: boolean;
  /** Progress reports for the year by this agency, on any commitment. */
  reports: number;
  commitments: AgencyCommitmentRow[];
}

export interface AnnexCommitment {
  code: string;
  title: string;
  leadAgency: string;
  status: CommitmentStatus;
  lastReportPeriod: number | null;
  overdue: boolean;
}

export interface AnnexProgressReport {
  reportId: string;
  commitmentCode: string;
  agency: string;
  date: string;
  period: number;
  kind: string;
  document: DocumentReference | null;
  text: string;
  unchangedSincePreviousYear: boolean;
  reportedLate: boolean;
}

/** Everything but the annex and the checksum: small enough to hold, and rendered first. */
export interface SummaryBody {
  format: typeof SUMMARY_FORMAT;
  title: string;
  year: number;
  provenance: Provenance;
  overview: Overview;
  agendaItems: AgendaItemSection[];
  agencies: AgencyTable[];
}

/**
 * The annex, produced row by row when a format is written rather than held as one more copy of the data
 * (a year of 100,000 commitments has an annex of 100,000 rows).
 */
export interface SummaryAnnex {
  commitments(): Iterable<AnnexCommitment>;
  progressReports(): Iterable<AnnexProgressReport>;
}

/** The summary as compiled: the body, its annex, and (once the JSON is written) its checksum. */
export interface CompiledSummary {
  body: SummaryBody;
  annex: SummaryAnnex;
}

/** The JSON document as a reader parses it. */
export type AnnualSummaryJson = SummaryBody & {
  annex: { commitments: AnnexCommitment[]; progressReports: AnnexProgressReport[] };
  checksum: string;
};
