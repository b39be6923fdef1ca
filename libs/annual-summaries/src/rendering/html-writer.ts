import type { CompiledSummary } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';
import { outline, recordText, type Run, type SourceNote } from './outline.js';
import { statusChartSvg } from './status-chart.js';
import { columnWidths, type MeasuredColumn } from './table-layout.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Printable: A4 pages, tables that repeat their header row, no script, no external resource. */
const STYLE = `
@page { size: A4; margin: 2cm; }
body { font-family: "Times New Roman", Times, serif; font-size: 11pt; line-height: 1.35; max-width: 17cm; margin: 1cm auto; color: #000; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.6em; page-break-after: avoid; } h3 { font-size: 12pt; page-break-after: avoid; } h4 { font-size: 11pt; page-break-after: avoid; }
p.subtitle { font-size: 12pt; font-weight: bold; }
ol.numbered { margin: 0 0 0.6em; padding-left: 2.2em; }
ol.numbered > li { padding-left: 0; text-align: justify; }
sup.note-ref a { text-decoration: none; }
p.note, p.provenance { font-style: italic; }
section.notes { font-size: 9.5pt; border-top: 1px solid #777; margin-top: 2em; }
table { border-collapse: collapse; table-layout: fixed; font-size: 9pt; margin: 0.5em 0 1em; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #777; padding: 2px 4px; text-align: left; vertical-align: top; overflow-wrap: normal; hyphens: manual; }
td.keep { white-space: nowrap; }
td.num, th.num { text-align: right; }
th { background: #eee; }
svg.chart { display: block; margin: 0.3em 0 0.8em 2.2em; }
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

/** A footnote call: a superscript link to the note, which links back. */
const noteReference = (note: SourceNote) =>
  `<sup class="note-ref" id="ref-${note.number}"><a href="#note-${note.number}">${note.number}</a></sup>`;

/** Column widths in ems of the table's 9 pt text, out of the 17 cm page (about 53 ems at 9 pt). */
function colgroup(columns: MeasuredColumn[]): string {
  const { widths } = columnWidths(columns, 530, 10, 10);
  return `<colgroup>${widths.map((w) => `<col style="width: ${(w / 10).toFixed(1)}em">`).join('')}</colgroup>`;
}

/**
 * The HTML edition: one self-contained printable page with a status chart per agenda item. Numbered paragraphs
 * are list items of ordered lists that start where the numbering stands (`<ol start>`), with the same numbers as
 * every other format; sources are endnotes linked both ways; the tracker's record behind each note is in
 * Annex III, not in the text.
 */
export async function writeHtml(summary: CompiledSummary, checksum: string, sink: ByteSink): Promise<void> {
  const out = new TextOutput(sink);
  await out.write(
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escape(summary.body.title)}</title>\n` +
      `<meta name="generator" content="${escape(summary.body.provenance.generator)}">\n<style>${STYLE}</style>\n</head>\n<body>\n`,
  );
  /** Within a list of numbered paragraphs: consecutive ones share one <ol>. */
  let inList = false;
  const closeList = async () => {
    if (inList) await out.write('</ol>\n');
    inList = false;
  };
  let notes: readonly SourceNote[] = [];
  for (const block of outline(summary, checksum)) {
    if (block.kind !== 'paragraph' || block.number === null) await closeList();
    switch (block.kind) {
      case 'title':
        await out.write(`<h1>${escape(block.text)}</h1>\n<p class="subtitle">${escape(block.subtitle)}</p>\n`);
        break;
      case 'heading':
        await out.write(`<h${block.level + 1}>${escape(block.text)}</h${block.level + 1}>\n`);
        break;
      case 'paragraph': {
        const reference = block.note ? noteReference(block.note) : '';
        if (block.number === null) {
          const isNote = block.runs.every((r) => r.italic);
          await out.write(`<p${isNote ? ' class="note"' : ''}>${runs(block.runs)}${reference}</p>\n`);
        } else {
          if (!inList) await out.write(`<ol class="numbered" start="${block.number}">\n`);
          inList = true;
          await out.write(`<li id="para-${block.number}" value="${block.number}">${runs(block.runs)}${reference}</li>\n`);
        }
        break;
      }
      case 'table':
        await out.write(
          `<table>\n${colgroup(block.columns)}\n<thead><tr>${block.columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escape(c.title)}</th>`).join('')}</tr></thead>\n<tbody>\n`,
        );
        {
          const open = block.columns.map(
            (c) => `<td${c.keep || c.numeric ? ` class="${[c.keep && 'keep', c.numeric && 'num'].filter(Boolean).join(' ')}"` : ''}>`,
          );
          for (const row of block.rows) await out.write(`<tr>${row.map((cell, i) => `${open[i]}${escape(cell)}</td>`).join('')}</tr>\n`);
        }
        await out.write('</tbody>\n</table>\n');
        break;
      case 'chart':
        await out.write(`${statusChartSvg(block.description, block.counts)}\n`);
        break;
      case 'pageBreak':
        await out.write('<hr class="page-break">\n');
        break;
      case 'sourceRecords':
        notes = block.notes;
        if (notes.length === 0) break;
        await out.write('<section class="notes" aria-label="Notes">\n<h2>Notes</h2>\n<ol>\n');
        for (const note of notes) {
          await out.write(
            `<li id="note-${note.number}" value="${note.number}">${escape(note.text)} <a href="#ref-${note.number}" aria-label="Back to the text">↩</a></li>\n`,
          );
        }
        await out.write('</ol>\n</section>\n');
        break;
      case 'provenance':
        if (notes.length) {
          await out.write('<h2>Annex III. Records behind the notes</h2>\n');
          await out.write('<table>\n<thead><tr><th>Note</th><th>Commitment</th><th>Record</th></tr></thead>\n<tbody>\n');
          for (const note of notes) {
            await out.write(
              `<tr><td><a href="#note-${note.number}">${note.number}</a></td><td class="keep">${escape(note.commitmentCode)}</td><td class="keep">${escape(recordText(note))}</td></tr>\n`,
            );
          }
          await out.write('</tbody>\n</table>\n');
        }
        await out.write(`<p class="provenance">${escape(block.text)}</p>\n`);
        break;
    }
  }
  await closeList();
  await out.write('</body>\n</html>\n');
  await out.flush();
}
