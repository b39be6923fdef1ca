import { COMMITMENT_STATUSES } from '@hld/commitments';
import type { CompiledSummary, StatusCounts } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';
import { outline, STATUS_LABELS, type Run } from './outline.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STATUS_COLOURS: Record<string, string> = {
  proposed: '#9e9e9e',
  accepted: '#5b8db8',
  in_progress: '#1f5f99',
  under_review: '#c08a1e',
  completed: '#2e7d32',
  discontinued: '#8d3b3b',
};

/** Printable: A4 pages, tables that repeat their header row, no script, no external resource. */
const STYLE = `
@page { size: A4; margin: 2cm; }
body { font-family: "Times New Roman", Times, serif; font-size: 11pt; line-height: 1.35; max-width: 17cm; margin: 1cm auto; color: #000; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.6em; page-break-after: avoid; } h3 { font-size: 12pt; page-break-after: avoid; } h4 { font-size: 11pt; page-break-after: avoid; }
p.subtitle { font-size: 12pt; font-weight: bold; }
p.numbered { padding-left: 2.2em; text-indent: -2.2em; }
p.numbered .number { display: inline-block; width: 2.2em; text-indent: 0; }
.source { font-style: italic; color: #333; font-size: 9.5pt; }
p.note { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 0.5em 0 1em; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #777; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #eee; }
svg.chart { display: block; margin: 0.3em 0 0.8em; }
.page-break { page-break-after: always; border: 0; }
`;

function runs(list: Run[]): string {
  return list
    .map((run) => {
      const text = escape(run.text);
      if (run.bold) return `<strong>${text}</strong>`;
      if (run.italic) return `<em>${text}</em>`;
      return text;
    })
    .join('');
}

/** A horizontal bar per status, widths proportional to the counts, each labelled with its number. */
export function statusChartSvg(title: string, counts: StatusCounts): string {
  const max = Math.max(1, ...Object.values(counts));
  const rowHeight = 16;
  const labelWidth = 90;
  const barWidth = 300;
  const height = COMMITMENT_STATUSES.length * rowHeight + 4;
  const bars = COMMITMENT_STATUSES.map((status, i) => {
    const y = i * rowHeight + 2;
    const width = Math.round((counts[status] / max) * barWidth);
    return (
      `<text x="${labelWidth - 4}" y="${y + 11}" text-anchor="end" font-size="10">${STATUS_LABELS[status]}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${width}" height="${rowHeight - 5}" fill="${STATUS_COLOURS[status]}"/>` +
      `<text x="${labelWidth + width + 4}" y="${y + 11}" font-size="10">${counts[status]}</text>`
    );
  }).join('');
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" width="${labelWidth + barWidth + 40}" height="${height}" ` +
    `viewBox="0 0 ${labelWidth + barWidth + 40} ${height}" font-family="Helvetica, Arial, sans-serif"><title>${escape(`Status of the commitments: ${title}`)}</title>${bars}</svg>`
  );
}

/** The HTML edition: one self-contained printable page with a status chart per agenda item. */
export async function writeHtml(summary: CompiledSummary, checksum: string, sink: ByteSink): Promise<void> {
  const out = new TextOutput(sink);
  await out.write(
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escape(summary.body.title)}</title>\n` +
      `<meta name="generator" content="${escape(summary.body.provenance.generator)}">\n<style>${STYLE}</style>\n</head>\n<body>\n`,
  );
  for (const block of outline(summary, checksum)) {
    switch (block.kind) {
      case 'title':
        await out.write(`<h1>${escape(block.text)}</h1>\n<p class="subtitle">${escape(block.subtitle)}</p>\n`);
        break;
      case 'heading':
        await out.write(`<h${block.level + 1}>${escape(block.text)}</h${block.level + 1}>\n`);
        break;
      case 'paragraph': {
        const source = block.source ? ` <span class="source">[Source: ${escape(block.source)}]</span>` : '';
        if (block.number === null) {
          const isNote = block.runs.every((r) => r.italic);
          await out.write(`<p${isNote ? ' class="note"' : ''}>${runs(block.runs)}${source}</p>\n`);
        } else {
          await out.write(`<p class="numbered" id="para-${block.number}"><span class="number">${block.number}.</span>${runs(block.runs)}${source}</p>\n`);
        }
        break;
      }
      case 'table':
        await out.write(`<table>\n<thead><tr>${block.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead>\n<tbody>\n`);
        for (const row of block.rows) await out.write(`<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>\n`);
        await out.write('</tbody>\n</table>\n');
        break;
      case 'chart':
        await out.write(`${statusChartSvg(block.title, block.counts)}\n`);
        break;
      case 'pageBreak':
        await out.write('<hr class="page-break">\n');
        break;
    }
  }
  await out.write('</body>\n</html>\n');
  await out.flush();
}
