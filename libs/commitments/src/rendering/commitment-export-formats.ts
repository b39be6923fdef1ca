import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CommitmentStatus } from '../domain/lifecycle.js';
import type { OverdueReason } from '../domain/overdue.js';
import type { ExportedCommitment } from '../application/export-commitments.js';
import type { AskedAt, PointInTime } from '../application/as-of.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An instant in a file name: the date alone at midnight UTC (`2014-12-31`), else `2014-12-31T235959Z` (no colons, which Windows refuses). */
function fileStamp(instant: Date): string {
  const iso = instant.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19).replace(/:/g, '')}Z`;
}

/**
 * The download's name says what it describes: `hld-commitments-<day made>` for now, `hld-commitments-as-of-<asOf>`
 * for a past (or future) instant, and `-known-at-<knownAt>` after either when the question was as known then.
 */
export function exportFileName(format: ExportFormat, today: string, asked: AskedAt): string {
  const when = asked.asOf ? `as-of-${fileStamp(asked.asOf)}` : today;
  return `hld-commitments-${when}${asked.knownAt ? `-known-at-${fileStamp(asked.knownAt)}` : ''}.${format}`;
}

/** What a workbook's properties say of its rows: the point in time they describe, and when they were exported. */
function provenance(madeAt: Date, at: PointInTime | null): { subject: string; description: string } {
  const asOf = (at?.asOf ?? madeAt).toISOString();
  const knownAt = at?.knownAt?.toISOString();
  return {
    subject: `as of ${asOf}${knownAt ? `, as known at ${knownAt}` : ''}`,
    description:
      `The commitments as they stood at ${asOf} (effective time), as the tracker knew them ` +
      `${knownAt ? `at ${knownAt} (recorded time)` : 'when exported'}; overdue as of that day. Exported ${madeAt.toISOString()}.`,
  };
}

/** The columns of both formats, in order. */
export const EXPORT_COLUMNS = [
  'Code',
  'Title',
  'Lead agency',
  'Supporting agencies',
  'Agenda items',
  'Status',
  'Due date',
  'Overdue reasons',
  'Source',
] as const;

const STATUS_WORDS: Record<CommitmentStatus, string> = {
  proposed: 'proposed',
  accepted: 'accepted',
  in_progress: 'in progress',
  under_review: 'under review',
  completed: 'completed',
  discontinued: 'discontinued',
};

const REASON_WORDS: Record<OverdueReason, string> = {
  due_date_passed: 'due date passed',
  report_missing: 'report missing',
};

/** A row of text cells (the due date stays `YYYY-MM-DD`, or empty); lists are joined with "; ". */
function cells(c: ExportedCommitment): string[] {
  return [
    c.code,
    c.title,
    c.leadAgency,
    c.supportingAgencies.join('; '),
    c.agendaItems.join('; '),
    STATUS_WORDS[c.status],
    c.dueDate ?? '',
    c.overdueReasons.map((r) => REASON_WORDS[r]).join('; '),
    c.source,
  ];
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some strip first) as a
 * formula (OWASP "CSV injection"): such a cell gets a leading apostrophe, which spreadsheets show as text.
 */
export const neutralised = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const csvField = (cell: string) => {
  const text = neutralised(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csvLine = (row: readonly string[]) => `${row.map(csvField).join(',')}\r\n`;

/**
 * RFC 4180 CSV in UTF-8, CRLF line ends, one header row. It starts with a byte order mark: without it, Excel
 * reads UTF-8 as the machine's legacy code page and garbles every accent; other readers skip it.
 */
export function csvStream(rows: AsyncIterable<ExportedCommitment>): Readable {
  return Readable.from(
    (async function* () {
      let chunk = `\ufeff${csvLine(EXPORT_COLUMNS)}`;
      for await (const row of rows) {
        chunk += csvLine(cells(row));
        // lines are gathered into pieces of some 64 KB: a write per row would cost more than the row
        if (chunk.length >= 65_536) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    })(),
    { objectMode: false },
  );
}

/** Dates as date cells (midnight UTC of the day), shown as "15 January 2015". */
const DATE_FORMAT = 'd mmmm yyyy';
const WIDTHS = [16, 70, 12, 24, 12, 14, 16, 28, 30];

/**
 * One worksheet, "Commitments", written with ExcelJS's streaming writer (each row committed as it is written):
 * the header frozen and filterable, due dates as date cells, every other cell text. Text cells are never
 * formulas in XLSX, so nothing needs neutralising. The workbook's properties say the point in time its rows
 * describe (`at`, or now).
 */
export function xlsxStream(rows: AsyncIterable<ExportedCommitment>, madeAt: Date, at: PointInTime | null = null): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'HLD follow-up tracker';
  workbook.created = madeAt;
  workbook.modified = madeAt;
  // the point in time the rows describe, in the file's properties (File > Info), so it travels with the file
  workbook.title = 'HLD commitments';
  Object.assign(workbook, provenance(madeAt, at));
  const sheet = workbook.addWorksheet('Commitments', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((header, i) => ({
    header,
    width: WIDTHS[i],
    ...(header === 'Due date' ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: 'I1' };
  void (async () => {
    for await (const row of rows) {
      // the client went away: stop reading (leaving the loop ends the rows' snapshot)
      if (out.destroyed) return;
      const values: Array<string | Date> = cells(row);
      if (row.dueDate) values[6] = new Date(`${row.dueDate}T00:00:00Z`);
      sheet.addRow(values).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
