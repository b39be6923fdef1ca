import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CompiledSummary } from '../domain/summary-document.js';
import type { ByteSink } from './byte-sink.js';
import { ANNEX_COLUMNS, REPORT_COLUMNS, annexRow, reportRow } from './annex-table.js';
import { provenanceItems } from './provenance.js';

/** Dates as the summary writes them ("14 February 2015"), and instants with their time in UTC. */
const DATE_FORMAT = 'd mmmm yyyy';
const INSTANT_FORMAT = 'd mmmm yyyy hh:mm "UTC"';

/**
 * The annex as a workbook, written with ExcelJS's streaming writer (rows are committed as they are written):
 * "Commitments" (Annex I, one row per commitment, as in the CSV), "Progress reports" (Annex II, full text) and
 * "Provenance". Dates are date cells (Excel serial numbers with a date format), not text.
 */
export async function writeXlsx({ body, annex }: CompiledSummary, checksum: string, sink: ByteSink): Promise<void> {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.write(chunk).then(() => done(), done);
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const asOf = new Date(body.provenance.compiledAsOf);
  workbook.creator = 'HLD follow-up tracker';
  workbook.created = asOf;
  workbook.modified = asOf;
  workbook.title = body.title;

  const commitments = workbook.addWorksheet('Commitments', { views: [{ state: 'frozen', ySplit: 1 }] });
  commitments.columns = ANNEX_COLUMNS.map((header, i) => ({ header, width: [16, 80, 12, 14, 10, 9][i] }));
  commitments.getRow(1).font = { bold: true };
  commitments.autoFilter = 'A1:F1';
  for (const row of annex.commitments()) commitments.addRow(annexRow(row)).commit();
  commitments.commit();

  const reports = workbook.addWorksheet('Progress reports', { views: [{ state: 'frozen', ySplit: 1 }] });
  reports.columns = REPORT_COLUMNS.map((header, i) => ({
    header,
    width: [16, 10, 17, 7, 10, 40, 10, 38, 100][i],
    ...(header === 'Date' ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  reports.getRow(1).font = { bold: true };
  for (const report of annex.progressReports()) reports.addRow(reportRow(report)).commit();
  reports.commit();

  const provenance = workbook.addWorksheet('Provenance');
  provenance.columns = [
    { header: 'Item', width: 28 },
    { header: 'Value', width: 90 },
  ];
  provenance.getRow(1).font = { bold: true };
  for (const [item, value] of [['Title', body.title], ['Part', 'Annexes I and II'], ...provenanceItems(body, checksum)] as const) {
    const row = provenance.addRow([item, value]);
    if (value instanceof Date) row.getCell(2).numFmt = INSTANT_FORMAT;
    row.getCell(2).alignment = { horizontal: 'left' };
    row.commit();
  }
  provenance.commit();

  await workbook.commit();
  await finished;
}
