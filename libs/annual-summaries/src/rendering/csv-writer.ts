import type { CompiledSummary } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';
import { ANNEX_COLUMNS, annexRow } from './annex-table.js';
import { provenanceItems } from './provenance.js';

/**
 * A spreadsheet would run a cell that starts with = + - @ as a formula (OWASP "CSV injection"): such a cell
 * gets a leading apostrophe, which spreadsheets show as text.
 */
const neutralise = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const field = (value: string | number | null) => {
  const text = value === null ? '' : neutralise(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
/** A comment line holds one line of text. */
const commentText = (value: string | number | Date) =>
  (value instanceof Date ? value.toISOString() : String(value)).replace(/[\r\n]+/g, ' ');

/**
 * Annex I (every commitment) as CSV, UTF-8, CRLF line ends: first the provenance as comment lines starting
 * with "# " (RFC 4180 has no comments: readers are told to skip them, e.g. `comment='#'` in pandas), then one
 * header row and a row per commitment as RFC 4180 has them.
 */
export async function writeCsv({ body, annex }: CompiledSummary, checksum: string, sink: ByteSink): Promise<void> {
  const out = new TextOutput(sink);
  const items: Array<[string, string | number | Date]> = [
    ['Title', body.title],
    ['Part', 'Annex I, commitments'],
    ...provenanceItems(body, checksum),
  ];
  for (const [item, value] of items) await out.write(`# ${item}: ${commentText(value)}\r\n`);
  await out.write(`${ANNEX_COLUMNS.map(field).join(',')}\r\n`);
  for (const row of annex.commitments()) await out.write(`${annexRow(row).map(field).join(',')}\r\n`);
  await out.flush();
}
