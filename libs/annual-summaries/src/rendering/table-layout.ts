/**
 * Column widths that never break a word or a code: each column is at least as wide as the widest thing in it
 * that must not be broken (a whole cell for codes and short values, the longest word for text), measured with
 * the metrics of Times (the summary's typeface), and the rest of the width goes to the text columns.
 */

/** Advance widths of Times Roman and Times Bold, in thousandths of an em, for the characters 32 to 126. */
const TIMES_REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278,
  278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722,
  722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500,
  500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const TIMES_BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333,
  333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722,
  722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556,
  556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** Characters outside ASCII: wide enough for accented capitals, dashes and arrows. */
const OTHER = 1000;

/** The width of `text` in ems of its font size. */
export function textWidthEm(text: string, bold = false): number {
  const widths = bold ? TIMES_BOLD : TIMES_REGULAR;
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    total += code >= 32 && code <= 126 ? widths[code - 32] : OTHER;
  }
  return total / 1000;
}

export interface TableColumn {
  title: string;
  /** Share of the width left once every column has its minimum (0 for columns that need no more). */
  weight: number;
  /** Its cells never wrap (codes, statuses, numbers, yes/no); otherwise they wrap between words only. */
  keep: boolean;
  /** Figures, aligned on the right. */
  numeric?: boolean;
}

/** A table's columns with the width, in ems of the table's font, of the widest part of each that must not break. */
export interface MeasuredColumn extends TableColumn {
  minEm: number;
}

/** Measures `rows` (a pass over them) against the columns and their headers (set in bold, wrapping between words). */
export function measureColumns(columns: readonly TableColumn[], rows: Iterable<readonly string[]>): MeasuredColumn[] {
  const minEm = columns.map((c) => longestWord(c.title, true));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i += 1) {
      const cell = row[i] ?? '';
      const width = columns[i].keep ? textWidthEm(cell) : longestWord(cell, false);
      if (width > minEm[i]) minEm[i] = width;
    }
  }
  return columns.map((c, i) => ({ ...c, minEm: minEm[i] }));
}

function longestWord(text: string, bold: boolean): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) widest = Math.max(widest, textWidthEm(word, bold));
  return widest;
}

/**
 * Column widths in the units of `total`: each column its minimum (`minEm` × `em`, plus `padding` for the cell's
 * margins), then what is left shared by weight (a table whose columns all weigh 0 stays narrow). `fits` is false when the minimums alone exceed `total` (the
 * table needs a wider page); the widths are then the minimums scaled down.
 */
export function columnWidths(
  columns: readonly MeasuredColumn[],
  total: number,
  em: number,
  padding: number,
): { widths: number[]; fits: boolean } {
  const minimums = columns.map((c) => Math.ceil(c.minEm * em + padding));
  const needed = minimums.reduce((a, b) => a + b, 0);
  if (needed > total) return { widths: minimums.map((w) => Math.floor((w * total) / needed)), fits: false };
  const weights = columns.map((c) => c.weight);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  // a table of short values only is as narrow as they are, with some air
  if (weightSum === 0)
    return { widths: minimums.map((w) => Math.min(w + Math.ceil(2 * em), w + Math.floor((total - needed) / columns.length))), fits: true };
  const shares = weights.map((w) => w / weightSum);
  const widths = minimums.map((w, i) => w + Math.floor((total - needed) * shares[i]));
  // rounding leaves a few units: give them to the widest share so the table spans exactly `total`
  const widest = shares.indexOf(Math.max(...shares));
  widths[widest] += total - widths.reduce((a, b) => a + b, 0);
  return { widths, fits: true };
}
