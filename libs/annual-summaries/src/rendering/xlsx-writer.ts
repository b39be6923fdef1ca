import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CompiledSummary } from '../domain/summary-document.js';
import type { ByteSink } from './byte-sink.js';
import { ANNEX_COLUMNS, REPORT_COLUMNS, annexRow, reportRow } from './annex-table.js';

/**
 * The annex as a workbook, written with ExcelJS's streaming writer (rows are committed as they are written):
 * "Commitments" (Annex I, one row per commitment, as in the CSV), "Progress reports" (Annex II, full text) and
 * "Provenance".
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
  reports.columns = REPORT_COLUMNS.map((header, i) => ({ header, width: [16, 10, 11, 7, 10, 24, 10, 38, 100][i] }));
  reports.getRow(1).font = { bold: true };
  for (const report of annex.progressReports()) reports.addRow(reportRow(report)).commit();
  reports.commit();

  const provenance = workbook.addWorksheet('Provenance');
  provenance.columns = [{ header: 'Item', width: 22 }, { header: 'Value', width: 90 }];
  provenance.getRow(1).font = { bold: true };
  for (const row of [
    ['Title', body.title],
    ['Year', body.year],
    ['Compiled as at', body.provenance.compiledAsOf],
    ['Event position', body.provenance.eventPosition],
    ['Generator', body.provenance.generator],
    ['Checksum of the JSON edition', checksum],
  ]) {
    provenance.addRow(row).commit();
  }
  provenance.commit();

  await workbook.commit();
  await finished;
}
