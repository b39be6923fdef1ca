/**
 * The documents the catalogue cites (db/catalogue/documents.json) and how a citation of one reads. What a user
 * sees (a commitment's `source`, an agency's, a progress report's note) is the citation in United Nations form:
 * the document's title and symbol, then the chapter, section or page. The line numbers of the text files the
 * catalogue was built from are for its maintainers (`sourceLines`) and never part of it.
 */

/** How a kind of document is cited: an official document by its symbol, a publication by title, publisher and year. */
export const DOCUMENT_KINDS = [
  'official-document',
  'working-paper',
  'publication',
  'contributed-paper',
  'background-document',
  'web-page',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface PageRange {
  first: number;
  last: number;
}

export interface SourceDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  /** A shorter name for a citation inside a sentence ("Thirteenth Coordination Meeting (2015)"); the symbol wins. */
  shortTitle?: string;
  /** The United Nations document symbol, when the document has one (ESA/P/WP.237, A/68/190). */
  symbol: string | null;
  publisher: string;
  year: number | null;
  url?: string;
  /** The printed pages the catalogue's copy of the text can place; a cited page lies within. Absent: no page is cited. */
  pages?: PageRange;
  /** The chapters of a book, as printed; `pages` where the text lets them be numbered. */
  chapters?: Array<{ title: string; number?: number; pages?: PageRange }>;
  /** The parts of a report that prints no page numbers: numbered sections (roman) and named parts ("preface"). */
  sections?: Array<{ id: string; title: string }>;
}

/** Where a statement comes from: a document, and where in it when that is known. */
export interface Citation {
  document: string;
  /** A chapter title, as the document's `chapters` list it. */
  chapter?: string;
  /** Section ids, as the document's `sections` list them ("IV", "introduction"). */
  sections?: string[];
  /** Pages as printed: "12", "12-14", "3, 16". */
  pages?: string;
}

/** A line reference of the catalogue's text files ("004 l. 3013"): maintainers' business, never a user's. */
export const LINE_REFERENCE = /\b\d{3} l\. \d/;

const ROMAN = /^[IVXLC]+$/;

/** "a", "a and b", "a, b and c". */
const enumerate = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** The pages of a citation, as numbers or ranges: "3-4, 16" gives [[3, 4], [16, 16]]; null when malformed. */
export function pageRanges(pages: string): Array<[number, number]> | null {
  const ranges: Array<[number, number]> = [];
  for (const part of pages.split(',').map((p) => p.trim())) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last <= first && match[2] !== undefined) return null;
    ranges.push([first, last]);
  }
  return ranges;
}

/** "p. 12", "pp. 12–14", "pp. 3 and 16" (United Nations Editorial Manual: an en dash between pages). */
export function formatPages(pages: string): string {
  const ranges = pageRanges(pages);
  if (!ranges) throw new Error(`Not pages: ${pages}`);
  const single = ranges.length === 1 && ranges[0][0] === ranges[0][1];
  return `${single ? 'p.' : 'pp.'} ${enumerate(ranges.map(([a, b]) => (a === b ? String(a) : `${a}\u2013${b}`)))}`;
}

/** "sect. IV", "sects. I and VIII", "preface, introduction and sect. I". */
export function formatSections(ids: readonly string[]): string {
  const numbered = ids.filter((id) => ROMAN.test(id));
  const named = ids.filter((id) => !ROMAN.test(id));
  const sections = numbered.length === 0 ? [] : [`${numbered.length === 1 ? 'sect.' : 'sects.'} ${enumerate(numbered)}`];
  return enumerate([...named, ...sections]);
}

/** Where in the document: chapter, sections, pages (whichever the citation has), or nothing. */
function locator(citation: Citation): string[] {
  return [
    ...(citation.chapter ? [`chapter \u201C${citation.chapter}\u201D`] : []),
    ...(citation.sections?.length ? [formatSections(citation.sections)] : []),
    ...(citation.pages ? [formatPages(citation.pages)] : []),
  ];
}

/** How the document itself is named in a citation. */
function documentName(d: SourceDocument, inline: boolean): string {
  if (inline) return d.symbol ?? d.shortTitle ?? d.title;
  const published = `${d.publisher}${d.year === null ? '' : `, ${d.year}`}`;
  switch (d.kind) {
    case 'official-document':
      return d.symbol ?? d.title;
    case 'working-paper':
    case 'contributed-paper':
      return d.symbol ? `${d.title}, ${d.symbol}` : `${d.title} (${published})`;
    case 'publication':
    case 'background-document':
      return `${d.title} (${published})`;
    case 'web-page':
      return `${d.title}, web page (${published})${d.url ? `, available from ${d.url}` : ''}`;
  }
}

/**
 * One citation in United Nations form: "Twelfth Coordination Meeting on International Migration, ESA/P/WP.237,
 * sect. IV"; "International Migration and Development: … (UNFPA and IOM, 2013), chapter “UN Women”, p. 192".
 * `inline`: the short form for a citation inside a sentence (the symbol, or a short title, then the place).
 */
export function formatCitation(citation: Citation, documents: ReadonlyMap<string, SourceDocument>, inline = false): string {
  const document = documents.get(citation.document);
  if (!document) throw new Error(`Unknown document ${citation.document}`);
  return [documentName(document, inline), ...locator(citation)].join(', ');
}

/** Several citations, the main one first, separated by semicolons. */
export const formatCitations = (citations: readonly Citation[], documents: ReadonlyMap<string, SourceDocument>): string =>
  citations.map((c) => formatCitation(c, documents)).join('; ');

/** What is wrong with a citation against the registry, field by field; empty when nothing is. */
export function citationProblems(
  citation: Citation,
  documents: ReadonlyMap<string, SourceDocument>,
): Array<{ field: string; message: string }> {
  const document = documents.get(citation.document);
  if (!document) return [{ field: 'document', message: `unknown document ${citation.document}` }];
  const problems: Array<{ field: string; message: string }> = [];
  const chapter = citation.chapter === undefined ? undefined : document.chapters?.find((c) => c.title === citation.chapter);
  if (citation.chapter !== undefined && !chapter)
    problems.push({ field: 'chapter', message: `${document.id} has no chapter "${citation.chapter}"` });
  for (const id of citation.sections ?? []) {
    if (!document.sections?.some((s) => s.id === id))
      problems.push({ field: 'sections', message: `${document.id} has no section "${id}"` });
  }
  if (citation.pages !== undefined) {
    const ranges = pageRanges(citation.pages);
    const within = chapter?.pages ?? document.pages;
    if (!ranges)
      problems.push({ field: 'pages', message: `"${citation.pages}" is not a page, a range such as 12-14 or a list such as 3, 16` });
    else if (!document.pages) problems.push({ field: 'pages', message: `${document.id} has no pages the catalogue can cite` });
    else if (within && ranges.some(([first, last]) => first < within.first || last > within.last)) {
      const where = chapter?.pages ? `its chapter "${chapter.title}"` : document.id;
      problems.push({ field: 'pages', message: `${citation.pages} is outside ${where} (pages ${within.first} to ${within.last})` });
    }
  }
  return problems;
}
