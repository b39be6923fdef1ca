import type { CompiledSummary } from '../domain/summary-document.js';
import type { ByteSink } from './byte-sink.js';
import { writeCsv } from './csv-writer.js';
import { writeDocx } from './docx-writer.js';
import { writeHtml } from './html-writer.js';
import { writeMarkdown } from './markdown-writer.js';
import { writeXlsx } from './xlsx-writer.js';

/** Every format a summary is stored in, in the order they are rendered (JSON first: the others cite its checksum). */
export const SUMMARY_FORMATS = ['json', 'md', 'html', 'docx', 'csv', 'xlsx'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export const MEDIA_TYPES: Record<SummaryFormat, string> = {
  json: 'application/json',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const isSummaryFormat = (value: string): value is SummaryFormat => (SUMMARY_FORMATS as readonly string[]).includes(value);

/** The renderers of every format but JSON, each given the JSON edition's checksum to print in its provenance. */
export const RENDERERS: Record<
  Exclude<SummaryFormat, 'json'>,
  (summary: CompiledSummary, checksum: string, sink: ByteSink) => Promise<void>
> = {
  md: writeMarkdown,
  html: writeHtml,
  docx: writeDocx,
  csv: writeCsv,
  xlsx: writeXlsx,
};
