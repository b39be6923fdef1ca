/** Longest excerpt of an agency's text shown in the body of the summary (the annex holds the whole text). */
export const EXCERPT_MAX_CHARS = 320;

/** Progress reports loaded from the catalogue end with the document they come from: `… [Source: ESA/P/WP.237, 000 l. 53]`. */
const SOURCE_SUFFIX = /\s*\[Source:\s*([^\]]+)\]\s*$/;

export interface ProgressText {
  /** The agency's own words, without the trailing source note. */
  text: string;
  /** The full source note, when the text carries one. */
  source: string | null;
  /** Its first part, the document symbol or title (`ESA/P/WP.237`), which the summary cites. */
  document: string | null;
}

export function splitSource(summary: string): ProgressText {
  const match = SOURCE_SUFFIX.exec(summary);
  if (!match) return { text: summary.trim(), source: null, document: null };
  const source = match[1].trim();
  return { text: summary.slice(0, match.index).trim(), source, document: source.split(',')[0].trim() || null };
}

/**
 * A faithful excerpt: the text itself up to the end of a sentence when one ends early enough, otherwise up to
 * a word boundary followed by "…". Never rewords, never joins non-adjacent parts: what is shown is a prefix.
 */
export function excerpt(text: string, max = EXCERPT_MAX_CHARS): { excerpt: string; whole: boolean } {
  const clean = text.trim();
  if (clean.length <= max) return { excerpt: clean, whole: true };
  const window = clean.slice(0, max);
  const sentenceEnd = lastSentenceEnd(window);
  if (sentenceEnd >= max / 2) return { excerpt: `${window.slice(0, sentenceEnd + 1)} …`, whole: false };
  const wordEnd = window.lastIndexOf(' ');
  const cut = wordEnd > 0 ? window.slice(0, wordEnd) : window;
  return { excerpt: `${cut.replace(/[\s,;:]+$/, '')} …`, whole: false };
}

/** Abbreviations whose full stop does not end a sentence ("Convention (No. 189)", "e.g. remittances"). */
const ABBREVIATION = /(?:^|[\s(])(?:No|Nos|Mr|Ms|Mrs|Dr|St|Art|art|para|paras|vol|p|pp|cf|vs|e\.g|i\.e|etc)$/;

/** Index of the last full stop or semicolon in `text` that ends a sentence or clause, or -1. */
function lastSentenceEnd(text: string): number {
  for (let i = text.length - 2; i > 0; i -= 1) {
    const mark = text[i];
    if ((mark !== '.' && mark !== ';') || text[i + 1] !== ' ') continue;
    if (mark === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 12), i))) continue;
    return i;
  }
  return -1;
}
