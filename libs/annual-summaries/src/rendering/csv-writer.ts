import type { CompiledSummary } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';
import { ANNEX_COLUMNS, annexRow } from './annex-table.js';

/**
 * A spreadsheet would run a cell that starts with = + - @ as a formula (OWASP "CSV injection"): such a cell
 * gets a leading apostrophe, which spreadsheets show as text.
 */
const neutralise = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const field = (value: string | number | null) => {
  const text = value === null ? '' : neutralise(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Annex I (every commitment) as RFC 4180 CSV, UTF-8, CRLF line ends, one header row. */
export async function writeCsv({ annex }: CompiledSummary, sink: ByteSink): Promise<void> {
  const out = new TextOutput(sink);
  await out.write(`${ANNEX_COLUMNS.map(field).join(',')}\r\n`);
  for (const row of annex.commitments()) await out.write(`${annexRow(row).map(field).join(',')}\r\n`);
  await out.flush();
}
