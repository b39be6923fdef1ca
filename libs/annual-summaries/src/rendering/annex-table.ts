import type { AnnexCommitment, AnnexProgressReport } from '../domain/summary-document.js';
import { citeDocument, STATUS_LABELS } from './outline.js';

/** Annex I as a table for spreadsheets: the same columns and values in CSV and XLSX. */
export const ANNEX_COLUMNS = ['Code', 'Title', 'Lead agency', 'Status', 'Last report period', 'Overdue'] as const;

export function annexRow(row: AnnexCommitment): [string, string, string, string, number | null, string] {
  return [row.code, row.title, row.leadAgency, STATUS_LABELS[row.status], row.lastReportPeriod, row.overdue ? 'yes' : 'no'];
}

export const REPORT_COLUMNS = [
  'Commitment',
  'Agency',
  'Date',
  'Period',
  'Kind',
  'Document',
  'Unchanged since previous year',
  'Reported late',
  'Report id',
  'Text',
] as const;

/** Dates as Date values (midnight UTC of the day): a spreadsheet stores them as dates. */
export function reportRow(r: AnnexProgressReport): Array<string | number | Date> {
  return [
    r.commitmentCode,
    r.agency,
    utcDay(r.date),
    r.period,
    r.kind,
    r.document ? citeDocument(r.document) : '',
    r.unchangedSincePreviousYear ? 'yes' : 'no',
    r.reportedLate ? 'yes' : 'no',
    r.reportId,
    r.text,
  ];
}

export const utcDay = (isoDate: string): Date => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
