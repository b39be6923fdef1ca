import type { CompiledSummary } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';
import { outline, type Run } from './outline.js';

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

/** The Markdown edition: the same outline as HTML and DOCX; byte-identical for the same data, position and instant. */
export async function writeMarkdown(summary: CompiledSummary, checksum: string, sink: ByteSink): Promise<void> {
  const out = new TextOutput(sink);
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
        const source = block.source ? ` *\\[Source: ${escape(block.source)}\\]*` : '';
        await out.write(block.number === null ? `${guardStart(text)}${source}\n\n` : `${block.number}. ${text}${source}\n\n`);
        break;
      }
      case 'table':
        await out.write(`| ${block.columns.map(escape).join(' | ')} |\n|${block.columns.map(() => ' --- |').join('')}\n`);
        for (const row of block.rows) await out.write(`| ${row.map(escape).join(' | ')} |\n`);
        await out.write('\n');
        break;
      case 'chart': // the paragraph before it gives the same counts in words
        break;
      case 'pageBreak':
        await out.write('---\n\n');
        break;
    }
  }
  await out.flush();
}
