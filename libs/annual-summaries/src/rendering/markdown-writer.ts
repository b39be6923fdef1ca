import type { CompiledSummary } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';
import { outline, recordText, type Run, type SourceNote } from './outline.js';

/** One line of text: the agencies' texts may hold line breaks, which would end a Markdown paragraph or row. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
/** Escapes what Markdown would read as markup, so an agency's words print as written. */
const escape = (text: string) => oneLine(text).replace(/([\\`*_[\]<>|])/g, '\\$1');
/** A paragraph that starts like a heading or a list item would be read as one. */
const guardStart = (text: string) => text.replace(/^(#|[-+]\s|\d+[.)]\s)/, '\\$1');

function runs(list: Run[]): string {
  return list
    .map((run) => {
      const text = escape(run.text);
      const trimmed = text.trim();
      if (!trimmed || (!run.bold && !run.italic)) return text;
      // emphasis markers must touch the words: keep the spaces around them outside
      const [lead, trail] = [text.slice(0, text.indexOf(trimmed)), text.slice(text.indexOf(trimmed) + trimmed.length)];
      const mark = run.bold ? '**' : '*';
      return `${lead}${mark}${trimmed}${mark}${trail}`;
    })
    .join('');
}

/** A table's lines; columns of figures aligned on the right. */
const table = (header: Array<{ title: string; numeric?: boolean }>, rows: Iterable<string[]>) => ({
  *[Symbol.iterator]() {
    yield `| ${header.map((c) => escape(c.title)).join(' | ')} |\n|${header.map((c) => (c.numeric ? ' ---: |' : ' --- |')).join('')}\n`;
    for (const row of rows) yield `| ${row.map(escape).join(' | ')} |\n`;
    yield '\n';
  },
});

/**
 * The Markdown edition: the same outline as HTML and DOCX; byte-identical for the same data, position and
 * instant. Paragraph numbers are written out (the same as Word's numbering of the DOCX edition); sources are
 * footnotes (`[^12]`, defined after their paragraph); the tracker's record behind each note is in Annex III.
 */
export async function writeMarkdown(summary: CompiledSummary, checksum: string, sink: ByteSink): Promise<void> {
  const out = new TextOutput(sink);
  let notes: readonly SourceNote[] = [];
  for (const block of outline(summary, checksum)) {
    switch (block.kind) {
      case 'title':
        await out.write(`# ${escape(block.text)}\n\n${escape(block.subtitle)}\n\n`);
        break;
      case 'heading':
        await out.write(`${'#'.repeat(block.level + 1)} ${escape(block.text)}\n\n`);
        break;
      case 'paragraph': {
        const text = runs(block.runs);
        const reference = block.note ? `[^${block.note.number}]` : '';
        await out.write(block.number === null ? `${guardStart(text)}${reference}\n\n` : `${block.number}. ${text}${reference}\n\n`);
        if (block.note) await out.write(`[^${block.note.number}]: ${escape(block.note.text)}\n\n`);
        break;
      }
      case 'table':
        for (const piece of table(block.columns, block.rows)) await out.write(piece);
        break;
      case 'chart': // the paragraph before it gives the same counts in words
        break;
      case 'pageBreak':
        await out.write('---\n\n');
        break;
      case 'sourceRecords':
        notes = block.notes;
        break;
      case 'provenance':
        if (notes.length) {
          await out.write('## Annex III. Records behind the notes\n\n');
          const rows = function* () {
            for (const note of notes) yield [String(note.number), note.commitmentCode, recordText(note)];
          };
          for (const piece of table([{ title: 'Note', numeric: true }, { title: 'Commitment' }, { title: 'Record' }], rows()))
            await out.write(piece);
        }
        await out.write(`*${escape(block.text)}*\n`);
        break;
    }
  }
  await out.flush();
}
