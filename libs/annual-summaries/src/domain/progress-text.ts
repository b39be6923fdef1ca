import type { DocumentReference } from './summary-document.js';

/** Longest excerpt of an agency's text shown in the body of the summary (the annex holds the whole text). */
export const EXCERPT_MAX_CHARS = 320;

/**
 * Progress reports loaded from the catalogue end with the document they come from, as a citation:
 * `… [Source: Twelfth Coordination Meeting on International Migration, ESA/P/WP.237, sect. IV]`.
 */
const SOURCE_SUFFIX = /\s*\[Source:\s*([^\]]+)\]\s*$/;
/** A United Nations document symbol: capitals and digits in parts joined by slashes (ESA/P/WP.237, A/68/190). */
const DOCUMENT_SYMBOL = /^[A-Z][A-Za-z0-9.\-]*(?:\/[A-Za-z0-9.\-]+)+$/;
/** The pages at the end of a citation: "p. 12", "pp. 12–14", "pp. 3 and 16". */
const PAGES = /,\s*pp?\.\s*(\d+(?:\s*(?:[-–,]|and)\s*\d+)*)\s*$/;
/** A line reference of the catalogue's text files ("000 l. 53"), which older notes carry, and the lines that follow it. */
const LINE_REFERENCE = /^\d{3} l\. \d/;
const LINE_NUMBERS = /^\d+(?:\s*[-–]\s*\d+)?$/;

export interface ProgressText {
  /** The agency's own words, without the trailing source note. */
  text: string;
  /** The full source note, when the text carries one. */
  source: string | null;
  /** The document the note names, which the summary cites. */
  document: DocumentReference | null;
}

/** The same note always gives the same (shared, frozen) reference: a year cites a handful of documents many times. */
const references = new Map<string, DocumentReference | null>();

export function splitSource(summary: string): ProgressText {
  const match = SOURCE_SUFFIX.exec(summary);
  if (!match) return { text: summary.trim(), source: null, document: null };
  const source = match[1].trim();
  return { text: summary.slice(0, match.index).trim(), source, document: documentReference(source) };
}

/**
 * The document a source note names, read from the citation the catalogue writes: the title or the symbol first
 * (`Twelfth Coordination Meeting on International Migration, ESA/P/WP.237`), then where in it (`sect. IV`,
 * `chapter “UN Women”`), then the pages (`p. 11`). Of several citations (`…; contributed paper …`) the first is
 * the document the report comes from. Line references of the catalogue's text files (`000 l. 53`), which notes
 * written before the catalogue cited documents carry, are for its maintainers and are not part of a citation.
 */
export function documentReference(source: string): DocumentReference | null {
  let reference = references.get(source);
  if (reference !== undefined) return reference;
  const [citation = ''] = topLevelParts(source, ';');
  const pages = PAGES.exec(citation);
  const [first, ...rest] = topLevelParts(pages ? citation.slice(0, pages.index) : citation, ',');
  if (!first) {
    reference = null;
  } else {
    const symbol = DOCUMENT_SYMBOL.test(first) ? first : rest[0] !== undefined && DOCUMENT_SYMBOL.test(rest[0]) ? rest.shift()! : null;
    const locator: string[] = [];
    let inLineReference = false;
    for (const part of rest) {
      inLineReference = LINE_REFERENCE.test(part) || (inLineReference && LINE_NUMBERS.test(part));
      if (!inLineReference) locator.push(part);
    }
    reference = Object.freeze({
      title: symbol === first ? null : first,
      symbol,
      locator: locator.length > 0 ? locator.join(', ') : null,
      page: pages ? pages[1].replace(/\s*[-–]\s*/g, '–') : null,
    });
  }
  if (references.size > 10_000) references.clear();
  references.set(source, reference);
  return reference;
}

/** The parts of a citation between separators that are not inside parentheses or quotation marks. */
function topLevelParts(text: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(' || c === '\u201C') depth += 1;
    else if ((c === ')' || c === '\u201D') && depth > 0) depth -= 1;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/**
 * A faithful excerpt: a prefix of the text itself. It ends at the last end of a sentence within `max`
 * characters; when even the first sentence is longer, it ends at a word boundary and an ellipsis marks the
 * omission (United Nations Editorial Manual: quotations reproduce the original exactly, omissions are marked).
 */
export function excerpt(text: string, max = EXCERPT_MAX_CHARS): { excerpt: string; whole: boolean } {
  const clean = text.trim();
  if (clean.length <= max) return { excerpt: clean, whole: true };
  const sentenceEnd = lastSentenceEnd(clean, max);
  if (sentenceEnd > 0) return { excerpt: clean.slice(0, sentenceEnd), whole: false };
  const window = clean.slice(0, max - 2);
  const wordEnd = window.search(/\s\S*$/);
  const cut = wordEnd > 0 ? window.slice(0, wordEnd) : window;
  return { excerpt: `${cut.replace(/[\s,;:(\-–—]+$/, '')} …`, whole: false };
}

/** Abbreviations whose full stop does not end a sentence ("Convention (No. 189)", "e.g. remittances"). */
const ABBREVIATION = /(?:^|[\s(])(?:No|Nos|Mr|Ms|Mrs|Dr|St|Art|art|para|paras|vol|p|pp|cf|vs|e\.g|i\.e|etc|[A-Z])$/;
/** A sentence's final mark, any closing quotation marks or brackets after it, then a space and the next sentence. */
const SENTENCE_END = /[.!?]["'”’)\]]*(?=\s+["“‘(]?[A-Z0-9])/g;

/** The length of the longest prefix of `text`, at most `max` long, that ends with a whole sentence; 0 if none. */
function lastSentenceEnd(text: string, max: number): number {
  let best = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match && match.index < max; match = SENTENCE_END.exec(text)) {
    const end = match.index + match[0].length;
    if (end > max) break;
    if (text[match.index] === '.' && ABBREVIATION.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    best = end;
  }
  return best;
}
