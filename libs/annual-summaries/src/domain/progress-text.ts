import type { DocumentReference } from './summary-document.js';

/** Longest excerpt of an agency's text shown in the body of the summary (the annex holds the whole text). */
export const EXCERPT_MAX_CHARS = 320;

/** Progress reports loaded from the catalogue end with the document they come from: `… [Source: ESA/P/WP.237, 000 l. 53]`. */
const SOURCE_SUFFIX = /\s*\[Source:\s*([^\]]+)\]\s*$/;
/** A United Nations document symbol: capitals and digits in parts joined by slashes (ESA/P/WP.237, A/68/190). */
const DOCUMENT_SYMBOL = /^[A-Z][A-Za-z0-9.\-]*(?:\/[A-Za-z0-9.\-]+)+$/;
/** A page or page range in a source note: "p. 12", "pp. 12-14". */
const PAGE = /\bpp?\.\s*(\d+(?:\s*[-–]\s*\d+)?)/;

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
 * The document a source note names: its first part is the symbol (`ESA/P/WP.237`) or the title (`Report of the
 * 13th Coordination Meeting (2015)`); a page is taken when the note gives one (`p. 3`). Line references of the
 * catalogue's text files (`000 l. 53`) are for its maintainers and are not part of a citation.
 */
export function documentReference(source: string): DocumentReference | null {
  let reference = references.get(source);
  if (reference !== undefined) return reference;
  const [first, ...rest] = source.split(',').map((part) => part.trim());
  const page = PAGE.exec(rest.join(', '))?.[1].replace(/\s*[-–]\s*/, '–') ?? null;
  reference = !first
    ? null
    : Object.freeze(DOCUMENT_SYMBOL.test(first) ? { title: null, symbol: first, page } : { title: first, symbol: null, page });
  if (references.size > 10_000) references.clear();
  references.set(source, reference);
  return reference;
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
