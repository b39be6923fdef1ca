import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import type { CompiledSummary } from '../domain/summary-document.js';
import type { ByteSink } from './byte-sink.js';
import { outline, type Block, type Run } from './outline.js';

/**
 * The DOCX edition, in UN editorial form: Times New Roman, numbered paragraphs with a hanging indent, headings
 * per agenda item, sources (with document symbols) after each statement, annex tables whose header row repeats
 * on every page, and "Page n of m" in the footer.
 *
 * The `docx` package builds the package: styles, page set-up, header, footer with page-number fields, settings,
 * relationships. The body grows with the data (100,000 annex rows in the benchmark), and `docx` holds a whole
 * document as objects (about 1.4 GB for 50,000 table rows), so the body is streamed into `word/document.xml` in
 * place of a placeholder paragraph, block by block, through a streaming zip: memory stays flat whatever the size.
 */
const BODY_PLACEHOLDER = '@@HLD-SUMMARY-BODY@@';
/** A4 less 2.54 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1440;
const FLUSH_AT = 128 * 1024;

const STYLE = {
  paragraph: 'UNParagraph',
  note: 'UNNote',
  table: 'UNTableText',
} as const;

/** Characters XML 1.0 does not allow (control characters an agency's text could carry), and the markup ones. */
const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (text: string) =>
  text.replace(INVALID_XML, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

function run(text: string, props: { bold?: boolean; italic?: boolean; size?: number } = {}): string {
  const rPr = `${props.bold ? '<w:b/>' : ''}${props.italic ? '<w:i/>' : ''}${props.size ? `<w:sz w:val="${props.size}"/>` : ''}`;
  // line breaks inside an agency's text stay line breaks
  const parts = text.split(/\r?\n/).map((part) => `<w:t xml:space="preserve">${xmlText(part)}</w:t>`);
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${parts.join('<w:br/>')}</w:r>`;
}

const runs = (list: Run[]) => list.map((r) => run(r.text, r)).join('');
const paragraph = (style: string, content: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${content}</w:p>`;

function tableStart(columns: string[], widths: number[]): { open: string; grid: number[] } {
  const total = widths.reduce((a, b) => a + b, 0);
  const grid = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  const header = columns
    .map((c, i) => `<w:tc><w:tcPr><w:tcW w:w="${grid[i]}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr>${paragraph(STYLE.table, run(c, { bold: true }))}</w:tc>`)
    .join('');
  return {
    grid,
    open:
      `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
      `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
      `<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
      // the header row repeats on every page
      `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${header}</w:tr>`,
  };
}

const tableRow = (cells: string[], grid: number[]) =>
  `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map((c, i) => `<w:tc><w:tcPr><w:tcW w:w="${grid[i]}" w:type="dxa"/></w:tcPr>${paragraph(STYLE.table, run(c))}</w:tc>`).join('')}</w:tr>`;

/** WordprocessingML of one block; tables are streamed row by row by the caller. */
function blockXml(block: Exclude<Block, { kind: 'table' }>): string {
  switch (block.kind) {
    case 'title':
      return paragraph('Title', run(block.text)) + paragraph('Subtitle', run(block.subtitle));
    case 'heading':
      return paragraph(`Heading${block.level}`, run(block.text));
    case 'paragraph': {
      const source = block.source ? run(` [Source: ${block.source}]`, { italic: true, size: 18 }) : '';
      if (block.number === null) return paragraph(block.runs.every((r) => r.italic) ? STYLE.note : 'Normal', runs(block.runs) + source);
      return paragraph(STYLE.paragraph, `${run(`${block.number}.`)}<w:r><w:tab/></w:r>${runs(block.runs)}${source}`);
    }
    case 'chart': // drawn in the HTML edition; the paragraph before it gives the counts
      return '';
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
  }
}

/** The package around the body, made by `docx`: styles, page, header, footer. */
async function packageFrame(summary: CompiledSummary): Promise<Record<string, Uint8Array>> {
  const { body } = summary;
  const font = 'Times New Roman';
  const heading = (size: number, extra: { italics?: boolean } = {}) => ({
    run: { font, size, bold: true, color: '000000', ...extra },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });
  const document = new Document({
    creator: 'HLD follow-up tracker',
    title: body.title,
    description: `Compiled as at ${body.provenance.compiledAsOf} from event position ${body.provenance.eventPosition} (${body.provenance.generator})`,
    styles: {
      default: {
        document: { run: { font, size: 20 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { after: 60 } } },
        heading1: heading(24),
        heading2: heading(22),
        heading3: heading(20, { italics: true }),
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { font, size: 24, bold: true }, paragraph: { spacing: { after: 240 } } },
        {
          id: STYLE.paragraph,
          name: 'UN numbered paragraph',
          basedOn: 'Normal',
          next: STYLE.paragraph,
          quickFormat: true,
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { left: 567, hanging: 567 },
            spacing: { after: 120 },
          },
        },
        { id: STYLE.note, name: 'UN note', basedOn: 'Normal', run: { italics: true, size: 18 } },
        { id: STYLE.table, name: 'UN table text', basedOn: 'Normal', run: { size: 17 }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, right: 1440, bottom: 1440, left: 1440 } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 1 } },
                children: [new TextRun({ text: `HLD follow-up: annual progress summary ${body.year}`, size: 16 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ size: 16, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [new Paragraph(BODY_PLACEHOLDER)],
      },
    ],
  });
  return unzipSync(new Uint8Array(await Packer.toBuffer(document)));
}

export async function writeDocx(summary: CompiledSummary, checksum: string, sink: ByteSink): Promise<void> {
  const files = await packageFrame(summary);
  const asOf = summary.body.provenance.compiledAsOf;
  // the package's own dates are the summary's instant, not the moment it was rendered
  files['docProps/core.xml'] = strToU8(
    strFromU8(files['docProps/core.xml']).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${asOf.replace(/\.\d{3}Z$/, 'Z')}$2`),
  );
  const documentXml = strFromU8(files['word/document.xml']);
  const at = documentXml.indexOf(BODY_PLACEHOLDER);
  const start = documentXml.lastIndexOf('<w:p>', at);
  const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || start < 0) throw new Error('The DOCX frame lost its body placeholder');

  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else output.push(chunk);
  });
  const drain = async () => {
    if (failure) throw failure;
    if (output.length === 0) return;
    const bytes = Buffer.concat(output.splice(0));
    await sink.write(bytes);
  };
  const mtime = new Date(asOf);
  const names = Object.keys(files).filter((name) => name !== 'word/document.xml').sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  for (const name of names) {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    file.push(files[name], true);
    await drain();
  }

  const documentPart = new ZipDeflate('word/document.xml', { level: 6 });
  documentPart.mtime = mtime;
  zip.add(documentPart);
  let pending = documentXml.slice(0, start);
  const write = async (xml: string) => {
    pending += xml;
    if (pending.length < FLUSH_AT) return;
    documentPart.push(strToU8(pending));
    pending = '';
    await drain();
  };
  for (const block of outline(summary, checksum)) {
    if (block.kind !== 'table') {
      await write(blockXml(block));
      continue;
    }
    const { open, grid } = tableStart(block.columns, block.widths);
    await write(open);
    for (const row of block.rows) await write(tableRow(row, grid));
    // a table is always followed by a paragraph (Word needs one before the section properties)
    await write('</w:tbl><w:p/>');
  }
  documentPart.push(strToU8(pending + documentXml.slice(end)), true);
  zip.end();
  await drain();
}
