import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { CompiledSummary } from '../domain/summary-document.js';
import type { ByteSink } from './byte-sink.js';
import { outline, recordText, type Block, type Run, type SourceNote } from './outline.js';
import { provenanceItems } from './provenance.js';
import { statusChartPng } from './status-chart.js';
import { columnWidths, type MeasuredColumn } from './table-layout.js';

/**
 * The DOCX edition, in UN editorial form: Times New Roman; paragraphs numbered by Word's own numbering (one
 * numbering definition in word/numbering.xml that every numbered paragraph refers to, so an editor can insert,
 * delete or continue paragraphs); sources as footnotes (word/footnotes.xml), with the tracker's record behind
 * each footnote (report id or event position) in the document's custom properties rather than in the text;
 * the status chart of each agenda item as a PNG with alternative text; tables of fixed layout whose column
 * widths come from their content, so no word or code is broken, and whose header row repeats on every page;
 * "Page n of m" in the footer.
 *
 * The `docx` package builds the package: styles, numbering, page set-up, header, footer with page-number fields,
 * settings, relationships. The body grows with the data (100,000 annex rows in the benchmark), and `docx` holds a
 * whole document as objects (about 1.4 GB for 50,000 table rows), so the body is streamed into
 * `word/document.xml` in place of a placeholder paragraph, block by block, through a streaming zip; the
 * footnotes are streamed into their own part at the same time (the zip holds a later part's compressed bytes
 * until the part before it ends). Memory stays flat whatever the size.
 */
const BODY_PLACEHOLDER = '@@HLD-SUMMARY-BODY@@';
const NUMBERING = 'un-paragraphs';
/** A4 less 2.54 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1440;
const FLUSH_AT = 128 * 1024;
/** Table text: 8.5 pt, in twentieths of a point per em; cell margins left and right, and a little air. */
const TABLE_EM = 170;
const CELL_PADDING = 2 * 57 + 30;
/** English Metric Units per CSS pixel (914,400 per inch, 96 pixels per inch). */
const EMU_PER_PX = 9525;
const CUSTOM_PROPERTIES_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

const STYLE = {
  paragraph: 'UNParagraph',
  note: 'UNNote',
  table: 'UNTableText',
  chart: 'UNChart',
} as const;

/** Characters XML 1.0 does not allow (control characters an agency's text could carry), and the markup ones. */
const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (text: string) =>
  text.replace(INVALID_XML, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const xmlAttribute = (text: string) => xmlText(text).replace(/"/g, '&quot;');

function run(text: string, props: { bold?: boolean; italic?: boolean; size?: number } = {}): string {
  const rPr = `${props.bold ? '<w:b/>' : ''}${props.italic ? '<w:i/>' : ''}${props.size ? `<w:sz w:val="${props.size}"/>` : ''}`;
  // line breaks inside an agency's text stay line breaks
  const parts = text.split(/\r?\n/).map((part) => `<w:t xml:space="preserve">${xmlText(part)}</w:t>`);
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${parts.join('<w:br/>')}</w:r>`;
}

const runs = (list: Run[]) => list.map((r) => run(r.text, r)).join('');
const paragraph = (style: string, content: string, extra = '') =>
  `<w:p><w:pPr><w:pStyle w:val="${style}"/>${extra}</w:pPr>${content}</w:p>`;
const footnoteReference = (note: SourceNote) =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${note.number}"/></w:r>`;
const footnote = (note: SourceNote) =>
  `<w:footnote w:id="${note.number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>` +
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${run(` ${note.text}`)}</w:p></w:footnote>`;

function tableStart(columns: MeasuredColumn[]): { open: string; grid: number[] } {
  const { widths: grid } = columnWidths(columns, TEXT_WIDTH, TABLE_EM, CELL_PADDING);
  const width = grid.reduce((a, b) => a + b, 0);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  const header = columns
    .map(
      (c, i) =>
        `<w:tc><w:tcPr><w:tcW w:w="${grid[i]}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr>${paragraph(STYLE.table, run(c.title, { bold: true }), align(c))}</w:tc>`,
    )
    .join('');
  return {
    grid,
    open:
      `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
      `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
      `<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
      // the header row repeats on every page
      `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${header}</w:tr>`,
  };
}

const align = (column: MeasuredColumn) => (column.numeric ? '<w:jc w:val="right"/>' : '');

/** Cell markup per column, made once per table: a set width, no wrapping where a column keeps its values whole, figures on the right. */
const cellOpenings = (columns: MeasuredColumn[], grid: number[]) =>
  columns.map(
    (c, i) =>
      `<w:tc><w:tcPr><w:tcW w:w="${grid[i]}" w:type="dxa"/>${c.keep ? '<w:noWrap/>' : ''}</w:tcPr><w:p><w:pPr><w:pStyle w:val="${STYLE.table}"/>${align(c)}</w:pPr>`,
  );

const tableRow = (cells: string[], openings: string[]) =>
  `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map((c, i) => `${openings[i]}${run(c)}</w:p></w:tc>`).join('')}</w:tr>`;

function chartXml(id: number, relationship: string, description: string, width: number, height: number): string {
  const [cx, cy] = [width * EMU_PER_PX, height * EMU_PER_PX];
  const alt = xmlAttribute(description);
  return paragraph(
    STYLE.chart,
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
      `<wp:docPr id="${id}" name="Status chart ${id}" descr="${alt}"/>` +
      `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
      `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
      `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${id}" name="status-chart-${id}.png" descr="${alt}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${relationship}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
      `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
  );
}

/** The package around the body, made by `docx`: styles, numbering, footnotes and custom-properties parts, page, header, footer. */
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
    description: `As at ${body.provenance.asAt} (effective), as recorded by ${body.provenance.recordedBy}, from event position ${body.provenance.eventPosition} (${body.provenance.generator})`,
    // replaced by the provenance and the record behind each footnote once the body is written
    customProperties: [{ name: 'Summary year', value: String(body.year) }],
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 567 }, leftTabStop: 567 } },
            },
          ],
        },
      ],
    },
    // replaced by the streamed footnotes; declared so that the package has the part and its relationships
    footnotes: { 1: { children: [new Paragraph('')] } },
    styles: {
      default: {
        document: { run: { font, size: 20 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { after: 60 } } },
        heading1: heading(24),
        heading2: heading(22),
        heading3: heading(20, { italics: true }),
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          run: { font, size: 24, bold: true },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: STYLE.paragraph,
          name: 'UN numbered paragraph',
          basedOn: 'Normal',
          next: STYLE.paragraph,
          quickFormat: true,
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: 567, hanging: 567 }, spacing: { after: 120 } },
        },
        { id: STYLE.note, name: 'UN note', basedOn: 'Normal', run: { italics: true, size: 18 } },
        { id: STYLE.table, name: 'UN table text', basedOn: 'Normal', run: { size: 17 }, paragraph: { spacing: { after: 0 } } },
        { id: STYLE.chart, name: 'UN chart', basedOn: 'Normal', paragraph: { indent: { left: 567 }, spacing: { after: 120 } } },
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
        // a numbered paragraph with a footnote: the body's numbered paragraphs take its numbering reference
        children: [
          new Paragraph({
            numbering: { reference: NUMBERING, level: 0 },
            children: [new TextRun(BODY_PLACEHOLDER), new FootnoteReferenceRun(1)],
          }),
        ],
      },
    ],
  });
  return unzipSync(new Uint8Array(await Packer.toBuffer(document)));
}

export async function writeDocx(summary: CompiledSummary, checksum: string, sink: ByteSink): Promise<void> {
  const files = await packageFrame(summary);
  const { provenance } = summary.body;
  const asOf = provenance.compiledAsOf;
  // the package's own dates are the summary's instant, not the moment it was rendered
  files['docProps/core.xml'] = strToU8(
    strFromU8(files['docProps/core.xml']).replace(
      /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g,
      `$1${asOf.replace(/\.\d{3}Z$/, 'Z')}$2`,
    ),
  );
  const documentXml = strFromU8(files['word/document.xml']);
  const at = documentXml.indexOf(BODY_PLACEHOLDER);
  const start = documentXml.lastIndexOf('<w:p>', at);
  const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
  const numbering = /<w:numPr>.*?<\/w:numPr>/.exec(documentXml.slice(start, end))?.[0];
  if (at < 0 || start < 0 || !numbering) throw new Error('The DOCX frame lost its body placeholder or its numbering');
  const footnotesXml = strFromU8(files['word/footnotes.xml']);
  const firstNote = footnotesXml.indexOf('<w:footnote w:id="1"');
  if (firstNote < 0) throw new Error('The DOCX frame lost its footnotes part');
  let relationships = strFromU8(files['word/_rels/document.xml.rels']);

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
  /** A part written in pieces: gathered to FLUSH_AT characters, then compressed. */
  const streamedPart = (name: string) => {
    const part = new ZipDeflate(name, { level: 6 });
    part.mtime = mtime;
    zip.add(part);
    let pending = '';
    return {
      add(xml: string): boolean {
        pending += xml;
        if (pending.length < FLUSH_AT) return false;
        part.push(strToU8(pending));
        pending = '';
        return true;
      },
      end(xml: string) {
        part.push(strToU8(pending + xml), true);
        pending = '';
      },
    };
  };
  const held = new Set(['word/document.xml', 'word/footnotes.xml', 'word/_rels/document.xml.rels', 'docProps/custom.xml']);
  const names = Object.keys(files)
    .filter((name) => !held.has(name))
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  for (const name of names) {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    file.push(files[name], true);
    await drain();
  }

  const body = streamedPart('word/document.xml');
  body.add(documentXml.slice(0, start));
  const footnotes = streamedPart('word/footnotes.xml');
  footnotes.add(footnotesXml.slice(0, firstNote));
  const write = async (xml: string) => {
    if (body.add(xml)) await drain();
  };
  let charts = 0;
  let records: readonly SourceNote[] = [];
  for (const block of outline(summary, checksum)) {
    switch (block.kind) {
      case 'table': {
        const { open, grid } = tableStart(block.columns);
        const openings = cellOpenings(block.columns, grid);
        await write(open);
        for (const row of block.rows) await write(tableRow(row, openings));
        // a table is always followed by a paragraph (Word needs one before the section properties)
        await write('</w:tbl><w:p/>');
        break;
      }
      case 'paragraph':
        if (block.note) footnotes.add(footnote(block.note));
        await write(paragraphXml(block, numbering));
        break;
      case 'chart': {
        charts += 1;
        const relationship = `rIdStatusChart${charts}`;
        const { png, width, height } = statusChartPng(block.counts);
        const image = new ZipPassThrough(`word/media/status-chart-${charts}.png`);
        image.mtime = mtime;
        zip.add(image);
        image.push(png, true);
        relationships = relationships.replace(
          '</Relationships>',
          `<Relationship Id="${relationship}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/status-chart-${charts}.png"/></Relationships>`,
        );
        await write(chartXml(charts, relationship, block.description, width, height));
        break;
      }
      case 'sourceRecords':
        records = block.notes;
        break;
      default:
        await write(blockXml(block));
    }
  }
  body.end(documentXml.slice(end));
  footnotes.end('</w:footnotes>');
  await drain();

  const rels = new ZipDeflate('word/_rels/document.xml.rels', { level: 6 });
  rels.mtime = mtime;
  zip.add(rels);
  rels.push(strToU8(relationships), true);
  await writeCustomProperties(streamedPart('docProps/custom.xml'), summary, checksum, records, drain);
  zip.end();
  await drain();
}

/**
 * The document's custom properties: the provenance, then for each footnote the tracker's record behind it
 * ("Note 12" → "SG8-2; progress report a97e4650-…", or "…; event 1234"), so a footnote can be traced without
 * record identifiers in the text.
 */
async function writeCustomProperties(
  part: { add(xml: string): boolean; end(xml: string): void },
  { body }: CompiledSummary,
  checksum: string,
  notes: readonly SourceNote[],
  drain: () => Promise<void>,
): Promise<void> {
  let pid = 1;
  const property = (name: string, value: string) =>
    `<property fmtid="${CUSTOM_PROPERTIES_FMTID}" pid="${++pid}" name="${xmlAttribute(name)}"><vt:lpwstr>${xmlText(value)}</vt:lpwstr></property>`;
  part.add(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      provenanceItems(body, checksum)
        .map(([item, value]) => property(item, value instanceof Date ? value.toISOString() : String(value)))
        .join(''),
  );
  for (const note of notes) {
    if (part.add(property(`Note ${note.number}`, `${note.commitmentCode}; ${recordText(note)}`))) await drain();
  }
  part.end('</Properties>');
}

function paragraphXml(block: Extract<Block, { kind: 'paragraph' }>, numbering: string): string {
  const reference = block.note ? footnoteReference(block.note) : '';
  if (block.number === null) return paragraph(block.runs.every((r) => r.italic) ? STYLE.note : 'Normal', runs(block.runs) + reference);
  // Word numbers the paragraph: the number is not in the text, and follows from the paragraphs before it
  return paragraph(STYLE.paragraph, runs(block.runs) + reference, numbering);
}

/** WordprocessingML of the blocks that are one piece of XML. */
function blockXml(block: Exclude<Block, { kind: 'table' | 'paragraph' | 'chart' | 'sourceRecords' }>): string {
  switch (block.kind) {
    case 'title':
      return paragraph('Title', run(block.text)) + paragraph('Subtitle', run(block.subtitle));
    case 'heading':
      return paragraph(`Heading${block.level}`, run(block.text));
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    case 'provenance':
      return paragraph(STYLE.note, run(block.text, { italic: true }));
  }
}
